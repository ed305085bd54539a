"""edaran: Indonesian circulars on civil-servant work arrangements, as rules."""
