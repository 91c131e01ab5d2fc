"""Attributed sources (placeholder until issue 3)."""
from __future__ import annotations

from spacy.tokens import Doc


def find_sources(doc: Doc, text: str, quotes: list[dict]) -> list[dict]:
    """Source records: one each time information is attributed to someone."""
    return []
