"""Per-article features taken from the parse, kept small so runs can stream (placeholder)."""
from __future__ import annotations

from spacy.tokens import Doc


def doc_features(doc: Doc, text: str, evidence: list[dict]) -> dict:
    """Compact features of one parsed article for scores and framing charts."""
    return {}
