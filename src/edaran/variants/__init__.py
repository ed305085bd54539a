"""edaran.variants."""
