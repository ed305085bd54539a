"""edaran.io."""
