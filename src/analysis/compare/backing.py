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

import numpy as np
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


def _overlaps(starts: np.ndarray, ends: np.ndarray, frame: pd.DataFrame | None) -> np.ndarray:
    """``hit[s, r]``: whether sentence ``s`` (``starts``, ``ends``) overlaps row ``r``."""
    if frame is None or frame.empty:
        return np.zeros((len(starts), 0), dtype=bool)
    return ((frame["start"].to_numpy()[None, :] < ends[:, None]) &
            (frame["end"].to_numpy()[None, :] > starts[:, None]))


def sentence_backing(sentences: pd.DataFrame, evidence: pd.DataFrame, mentions: pd.DataFrame,
                     quotes: pd.DataFrame) -> pd.DataFrame:
    """:data:`BACKING_COLUMNS` for each row of ``sentences`` (same index): ``sourcing`` and
    ``sources`` (the backing sources' names joined by "; ").

    ``mentions``: source mentions with their ``source`` names
    (:func:`analysis.compare.sources.source_mentions`); ``quotes``: quote records with their
    attribution (:func:`analysis.compare.quotes.quote_records`).
    """
    in_quote = evidence["in_quote"].astype("boolean").fillna(False).astype(bool)
    hedges = evidence.loc[(evidence["kind"] == "hedge") & ~in_quote]
    rules = (evidence.loc[evidence["kind"] == "source"]
             .drop_duplicates(["article_id", "start", "end"])
             .set_index(["article_id", "start", "end"])[["rule", "cue"]])
    backing = mentions
    if len(mentions):
        backing = mentions.join(rules, on=["article_id", "start", "end"])
        backing = backing.loc[[backs_claim(r) for r in backing.to_dict("records")]]
    quotes = quotes.assign(name=quotes["source"].where(quotes["source"] != "", quotes["speaker"]))
    tables = {name: dict(tuple(table.groupby("article_id")))
              for name, table in (("hedges", hedges), ("backing", backing), ("quotes", quotes))}
    index, values = [], []
    for aid, sents in sentences.groupby("article_id", sort=False):
        starts, ends = sents["start"].to_numpy(), sents["end"].to_numpy()
        q, b, h = (tables[k].get(aid) for k in ("quotes", "backing", "hedges"))
        hit_q, hit_b, hit_h = _overlaps(starts, ends, q), _overlaps(starts, ends, b), _overlaps(starts, ends, h)
        q_names = q["name"].to_numpy() if q is not None else None
        if b is not None:
            b_types, b_names = b["source_type"].fillna("").to_numpy(), b["source"].to_numpy()
        for k in range(len(sents)):
            if hit_q[k].any():
                names = dict.fromkeys(q_names[hit_q[k]])
                values.append(("quote", "; ".join(n for n in names if n)))
            elif hit_b[k].any():
                kind = min(b_types[hit_b[k]], key=rank)
                values.append((kind, "; ".join(dict.fromkeys(b_names[hit_b[k]]))))
            elif hit_h[k].any():
                values.append((HEDGED, ""))
            else:
                values.append((UNSOURCED, ""))
        index.extend(sents.index)
    return pd.DataFrame(values, index=index, columns=BACKING_COLUMNS).reindex(sentences.index)


def best(backings: list[tuple[str, str]]) -> tuple[str, str]:
    """The strongest of several ``(sourcing, sources)``."""
    return min(backings, key=lambda b: rank(b[0])) if backings else (UNSOURCED, "")
