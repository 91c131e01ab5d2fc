"""How a sentence backs its claim: with a quote, a source of some type, a hedge, or nothing.

For one sentence, in this order:

- ``quote``: a direct quotation overlaps it; its sources are the quote's speaker;
- the type of the best source that backs it (:data:`SOURCE_ORDER`; a type the order does
  not know, from a newer extractor, ranks before ``anonymous``): a source record inside the
  sentence that speaks a quote, follows "according to" or has a cue of
  ``lexicons/claim_backing_cues.txt`` ("officials said", "the report found"). A source
  record with another cue is an actor of the sentence ("the US offered…"), not its source;
- ``hedged``: a hedge of the writer's own (not inside a quote) and no source ("reportedly");
- ``unsourced``: none of these.

:func:`best` picks the strongest of several backings, for a claim that an article states
in more than one sentence (a lead without a source, sourced by a later sentence).
"""
from __future__ import annotations

import pandas as pd

from ..lexicons import lemma_candidates, lexicon_set

SOURCE_ORDER = ("quote", "named", "institutional", "document", "media", "anonymous")
HEDGED, UNSOURCED = "hedged", "unsourced"
BACKING_COLUMNS = ["sourcing", "sources"]


def rank(sourcing: str) -> int:
    """Lower is stronger: the order of :data:`SOURCE_ORDER`, unknown types before
    ``anonymous``, then ``hedged``, then ``unsourced``."""
    if sourcing in SOURCE_ORDER:
        return SOURCE_ORDER.index(sourcing) * 2
    if sourcing == HEDGED:
        return 100
    if sourcing == UNSOURCED or not sourcing:
        return 101
    return SOURCE_ORDER.index("anonymous") * 2 - 1


def backs_claim(record: dict) -> bool:
    """Whether a source record is where its sentence's claim comes from (see module doc)."""
    rule = str(record.get("rule") or "")
    cue = str(record.get("cue") or "").lower()
    if rule.startswith("speaker of a quote") or rule.startswith("according to") or cue == "according to":
        return True
    cues = lexicon_set("claim_backing_cues")
    return any(lemma_candidates(word) & cues for word in cue.split())


def _within(frame: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    return frame.loc[(frame["start"] < end) & (frame["end"] > start)]


def sentence_backing(sentences: pd.DataFrame, evidence: pd.DataFrame, mentions: pd.DataFrame,
                     quotes: pd.DataFrame) -> pd.DataFrame:
    """:data:`BACKING_COLUMNS` for each row of ``sentences`` (same index): ``sourcing`` and
    ``sources`` (the backing sources' names joined by "; ").

    ``mentions``: source mentions with their ``source`` names
    (:func:`analysis.compare.sources.source_mentions`); ``quotes``: quote records with their
    attribution (:func:`analysis.compare.quotes.quote_records`).
    """
    hedges = evidence.loc[(evidence["kind"] == "hedge") & ~evidence["in_quote"].fillna(False).astype(bool)]
    rules = (evidence.loc[evidence["kind"] == "source"]
             .drop_duplicates(["article_id", "start", "end"])
             .set_index(["article_id", "start", "end"])[["rule", "cue"]])
    mention_rows = mentions.join(rules, on=["article_id", "start", "end"]) if len(mentions) else mentions
    groups = {name: {aid: frame for aid, frame in table.groupby("article_id")}
              for name, table in (("hedges", hedges), ("mentions", mention_rows), ("quotes", quotes))}
    out = []
    for aid, start, end in zip(sentences["article_id"], sentences["start"], sentences["end"]):
        out.append(_one(start, end, *(groups[k].get(aid) for k in ("quotes", "mentions", "hedges"))))
    return pd.DataFrame(out, index=sentences.index, columns=BACKING_COLUMNS)


def _one(start: int, end: int, quotes, mentions, hedges) -> tuple[str, str]:
    if quotes is not None:
        hit = _within(quotes, start, end)
        if len(hit):
            names = [n for n in dict.fromkeys(hit["source"].where(hit["source"] != "", hit["speaker"])) if n]
            return "quote", "; ".join(names)
    if mentions is not None:
        hit = _within(mentions, start, end)
        backing = hit.loc[[backs_claim(r) for r in hit.to_dict("records")]] if len(hit) else hit
        if len(backing):
            kind = min(backing["source_type"].fillna(""), key=rank)
            return kind, "; ".join(dict.fromkeys(backing["source"]))
    if hedges is not None and len(_within(hedges, start, end)):
        return HEDGED, ""
    return UNSOURCED, ""


def best(backings: list[tuple[str, str]]) -> tuple[str, str]:
    """The strongest of several ``(sourcing, sources)``."""
    return min(backings, key=lambda b: rank(b[0])) if backings else (UNSOURCED, "")
