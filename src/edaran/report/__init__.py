"""edaran.report."""
