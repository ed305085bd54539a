"""edaran.lang.checks."""
