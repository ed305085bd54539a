"""edaran.model."""
