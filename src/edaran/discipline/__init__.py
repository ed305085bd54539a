"""edaran.discipline."""
