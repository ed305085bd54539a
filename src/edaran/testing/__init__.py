"""edaran.testing."""
