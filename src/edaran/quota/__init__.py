"""edaran.quota."""
