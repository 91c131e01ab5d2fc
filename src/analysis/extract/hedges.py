"""Hedges and boosters (placeholder until issue 3)."""
from __future__ import annotations

from spacy.tokens import Doc


def find_hedges_and_boosters(doc: Doc, text: str, quotes: list[dict]) -> list[dict]:
    """Hedge and booster cues, each marked ``in_quote``."""
    return []
