"""Word lists kept as versioned data files in ``lexicons/``.

Each file starts with ``#`` comment lines saying where the list comes from; then one entry a
line (multi-word entries allowed). Tests pin the behaviour each list drives.
"""
from __future__ import annotations

from functools import cache

from .paths import LEXICON_DIR


@cache
def load_lexicon(name: str) -> tuple[str, ...]:
    """Entries of ``lexicons/<name>.txt``, lower-cased, comments and blanks dropped, in order."""
    path = LEXICON_DIR / f"{name}.txt"
    if not path.exists():
        raise FileNotFoundError(f"lexicon {name!r} not found at {path}")
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.append(entry)
    return tuple(dict.fromkeys(entries))


@cache
def lexicon_set(name: str) -> frozenset[str]:
    """The same entries as a set, for membership tests."""
    return frozenset(load_lexicon(name))
