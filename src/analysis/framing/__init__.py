"""Framing across genres: distinctive vocabulary, who acts, stance and look signals."""
