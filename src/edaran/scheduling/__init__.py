"""edaran.scheduling."""
