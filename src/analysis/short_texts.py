"""Never score what is not an article: texts too short to be one, and rates that mean nothing.

A saved page whose main text is a caption or a teaser (the article itself held in page
scripts), a PDF or Word file with a few words in it, yields a few dozen words. Such a text
extracted from a page or a document is an error row under :data:`MIN_ARTICLE_WORDS` words
of body and loads with a warning under :data:`TEASER_WORDS`; either message says what was
found and what to do. A text written as the article (a ``.txt`` file, an archive article, a
corpus row) is scored whatever its length.

Under :data:`MIN_ARTICLE_WORDS` words, rates per 1,000 words and the 0–1 signals mean
nothing (one hedge in 30 words is 33 per 1,000): the scorecard leaves them empty
(:data:`RATE_COLUMNS`) and counts only. Words are counted as the scorecard's ``words``
column counts them (textstat).
"""
from __future__ import annotations

import pandas as pd
import textstat

MIN_ARTICLE_WORDS = 50
TEASER_WORDS = 100
#: Scores left empty for an article under MIN_ARTICLE_WORDS words.
RATE_COLUMNS = ["hedges_per_1k", "boosters_per_1k", "loaded_per_1k", "evaluative_per_1k",
                "generated_look_score", "advocacy_score"]
PREVIEW_WORDS = 12
REMEDY = {
    "the saved page": "the page may hold the article in scripts; save the article's text, or "
                      "print the page to PDF, and load that",
    "the PDF": "if its pages are scanned images, run OCR first; else save the article's text "
               "as .txt",
}
DEFAULT_REMEDY = "save the article's text as .txt and load that"


def word_count(body: str) -> int:
    """Words of ``body`` as the scorecard counts them."""
    return int(textstat.lexicon_count(body)) if body.strip() else 0


def _preview(body: str) -> str:
    words = body.split()
    return " ".join(words[:PREVIEW_WORDS]) + (" …" if len(words) > PREVIEW_WORDS else "")


def length_problem(body: str, extracted_from: str) -> tuple[str, str]:
    """``(reason, remedy)`` of an error when the body extracted from ``extracted_from`` ("the
    saved page", "the PDF"…) is too short to be an article, else ``("", "")``."""
    n = word_count(body)
    if not extracted_from or n >= MIN_ARTICLE_WORDS:
        return "", ""
    return (f"only {n} words found in {extracted_from} ({_preview(body)!r}), too few for an "
            f"article (under {MIN_ARTICLE_WORDS})", REMEDY.get(extracted_from, DEFAULT_REMEDY))


def length_warning(body: str, extracted_from: str) -> str:
    """A warning when the body extracted from ``extracted_from`` is short enough to be a
    teaser or a caption rather than the article, else ''."""
    n = word_count(body)
    if not extracted_from or not MIN_ARTICLE_WORDS <= n < TEASER_WORDS:
        return ""
    return (f"only {n} words found in {extracted_from}: it may be a teaser or a caption, not "
            f"the article — {REMEDY.get(extracted_from, DEFAULT_REMEDY)}")


def blank_short_scores(scores: pd.DataFrame) -> pd.DataFrame:
    """The scorecard with :data:`RATE_COLUMNS` empty where the body has fewer than
    :data:`MIN_ARTICLE_WORDS` words."""
    short = scores["words"].lt(MIN_ARTICLE_WORDS).fillna(False).astype(bool)
    present = [c for c in RATE_COLUMNS if c in scores.columns]
    if not short.any() or not present:
        return scores
    return scores.assign(**{c: scores[c].mask(short) for c in present})


def blank_short_signals(signals: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """The signal rows with an empty ``value`` for the articles :func:`blank_short_scores`
    blanks."""
    short = set(scores.loc[scores["words"].lt(MIN_ARTICLE_WORDS).fillna(False).astype(bool),
                           "article_id"])
    if not short or signals.empty or "value" not in signals.columns:
        return signals
    return signals.assign(value=signals["value"].mask(signals["article_id"].isin(short)))
