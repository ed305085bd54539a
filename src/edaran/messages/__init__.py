"""edaran.messages."""
