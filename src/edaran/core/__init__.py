"""edaran.core."""
