"""Direct quotes (placeholder: plain pairing of double quote marks; issue 3 replaces it)."""
from __future__ import annotations

import re

from spacy.tokens import Doc

PAIR = re.compile(r"[“\"]([^“”\"]+)[”\"]")


def find_quotes(doc: Doc, text: str) -> list[dict]:
    """Quoted spans in the body (``doc.text`` is the body with the rest blanked)."""
    return [
        {"kind": "quote", "start": m.start(), "end": m.end(), "speaker_start": None,
         "speaker_end": None, "speaker": None, "cue": None, "rule": "quote marks"}
        for m in PAIR.finditer(doc.text)
    ]
