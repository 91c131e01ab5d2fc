"""Evidence extraction: quotes, speakers, sources, hedges and boosters as spans.

Every record is a dict with ``article_id``, ``kind``, ``start``, ``end`` and ``text`` (exactly
``article_text[start:end]``), ``rule`` (what produced it), plus kind-specific fields:

- ``quote`` (and ``wire_quote``, a quotation in ''…'' marks): ``speaker_start``,
  ``speaker_end`` (the speaker mention, or None), ``speaker``
  (resolved name or descriptor), ``cue``;
- ``source``: ``source_type`` (``named``, ``institutional``, ``anonymous``, ``media``,
  ``document``, ``unresolved``: :mod:`analysis.extract.source_types`), ``name``, ``cue``,
  ``source_id`` (shared by every mention of one source in the article:
  :mod:`analysis.extract.source_ids`); a quote whose speaker is a source record carries that
  record's ``source_id`` too;
- ``hedge`` / ``booster``: ``in_quote``, ``cue`` (the lexicon entry);
- other kinds (``title``: a quoted title or scare quote) may carry ``cue``.

:func:`extract_doc` runs the steps on one parsed article, each taking what it needs and
returning what it found:

1. :func:`~analysis.extract.quotes.find_quotes`: quotations and quoted titles, from the marks;
2. the quote mask, :meth:`DocIndex.with_quotes`: which tokens are quoted words;
3. :func:`~analysis.extract.speakers.find_speakers`: each quotation's speaker, with the
   people of :class:`~analysis.extract.coref.Persons`;
4. :func:`~analysis.extract.sources.find_sources`: every attribution to a source, typed by
   :mod:`analysis.extract.source_types`;
5. :func:`~analysis.extract.hedges.find_hedges_and_boosters`: epistemic cues, marked when
   they stand in a quotation.
"""
from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from ..records import EVIDENCE_COLUMNS, QUOTE_KINDS
from .coref import Persons
from .docindex import DocIndex
from .hedges import find_hedges_and_boosters
from .quotes import find_quotes, quote_spans, title_spans
from .sources import find_sources
from .speakers import Speakers, find_speakers

__all__ = ["EVIDENCE_COLUMNS", "QUOTE_KINDS", "Attributed", "attribute_quotes", "extract_doc"]


class Attributed(NamedTuple):
    """Steps 1–3 of :func:`extract_doc` on one article (see the module docstring)."""

    #: quote records (speakers filled) and title records, in text order
    quotes: list[dict]
    #: the index masked by the quotations, knowing the speakers' mention spans
    index: DocIndex
    persons: Persons
    speakers: Speakers


def attribute_quotes(doc: Doc, text: str, parsed: str | None = None) -> Attributed:
    """Quotations and titles, the quote mask and each quotation's speaker (steps 1–3).
    ``parsed``: the text ``doc`` is the parse of (``doc.text``), when the caller has it."""
    marks = find_quotes(doc.text if parsed is None else parsed)
    index = DocIndex(doc, text).with_quotes(quote_spans(marks), title_spans(marks))
    persons = Persons(index)
    speakers = find_speakers(index, persons, [r for r in marks if r["kind"] in QUOTE_KINDS])
    attributed = iter(speakers.quotes)
    quotes = [next(attributed) if r["kind"] in QUOTE_KINDS else r for r in marks]
    return Attributed(quotes, index.with_mention_spans(speakers.mention_spans), persons,
                      speakers)


def extract_doc(doc: Doc, text: str, article_id: str, parsed: str | None = None) -> list[dict]:
    """All evidence in one article, in text order.

    ``doc`` is the parse of the article's body with everything else blanked (same length as
    ``text``), so token offsets are offsets into ``text``. ``parsed``: that body as parsed
    (``doc.text``), when the caller has it (spaCy joins it token by token otherwise).
    """
    quotes, index, persons, speakers = attribute_quotes(doc, text, parsed)
    sources = find_sources(index, persons, speakers)
    by_span = {(r["start"], r["end"]): r["source_id"] for r in sources}
    for q in quotes:
        sid = by_span.get((q.get("speaker_start"), q.get("speaker_end")))
        if sid is not None:
            q["source_id"] = sid
    hedges = find_hedges_and_boosters(doc, index.quote_spans)
    records = [*quotes, *sources, *hedges]
    for rec in records:
        rec["article_id"] = article_id
        rec["text"] = text[rec["start"]:rec["end"]]
    return sorted(records, key=lambda r: (r["start"], r["end"], r["kind"]))
