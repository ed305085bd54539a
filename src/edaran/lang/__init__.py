"""edaran.lang."""
