"""edaran.engine."""
