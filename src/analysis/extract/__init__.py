"""Evidence extraction: quotes, speakers, sources, hedges and boosters as spans.

Every record is a dict with ``article_id``, ``kind``, ``start``, ``end`` and ``text`` (exactly
``article_text[start:end]``), plus kind-specific fields:

- ``quote`` (and ``wire_quote``, a quotation in ''…'' marks): ``speaker_start``,
  ``speaker_end`` (the speaker mention, or None), ``speaker``
  (resolved name or descriptor), ``cue``;
- ``source``: ``source_type`` (``named``, ``institutional``, ``anonymous``, ``media``),
  ``name``, ``cue``;
- ``hedge`` / ``booster``: ``in_quote``, ``cue`` (the lexicon entry);
- other kinds (``title``: a quoted title or scare quote) may carry ``cue``.

:func:`extract_doc` works on one parsed document; :func:`extract_evidence` on articles.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..records import EVIDENCE_COLUMNS, QUOTE_KINDS  # noqa: F401 (EVIDENCE_COLUMNS: re-exported)
from .hedges import find_hedges_and_boosters
from .mentions import DocIndex
from .quotes import find_quotes
from .sources import find_sources


def extract_doc(doc: Doc, text: str, article_id: str) -> list[dict]:
    """All evidence in one article.

    ``doc`` is the parse of the article's body with everything else blanked (same length as
    ``text``), so token offsets are offsets into ``text``.
    """
    index = DocIndex(doc, text)
    quotes = find_quotes(doc, text, index=index)
    sources = find_sources(doc, text, quotes, index=index)
    hedges = find_hedges_and_boosters(
        doc, text, [dict(q, kind="quote") for q in quotes if q["kind"] in QUOTE_KINDS])
    records = [*quotes, *sources, *hedges]
    for rec in records:
        rec["article_id"] = article_id
        rec["text"] = text[rec["start"]:rec["end"]]
    return sorted(records, key=lambda r: (r["start"], r["end"], r["kind"]))


def extract_evidence(articles, **kwargs):
    """Evidence of every article as a DataFrame (columns :data:`EVIDENCE_COLUMNS`).

    ``articles`` is a DataFrame from :func:`analysis.load_articles` or a path (file, folder,
    list). Keyword arguments go to :func:`analysis.pipeline.analyse` (``jobs``, ``cache``…).
    """
    from ..pipeline import evidence_frame

    return evidence_frame(articles, **kwargs)
