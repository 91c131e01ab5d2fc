"""Notes for an article view: on a sentence in a claim group, which other articles state
the claim, how (copied, quoted, paraphrased, summarised, or only through the group) and how
each of them backs it.

:func:`claim_notes` gives one row per such sentence; :func:`claim_note_records` the same as
evidence-like records (``kind = "claim"``, the note in ``cue``) that
:func:`analysis.highlight.highlight_html` can show on hover.
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd

from ..figures.common import labelled
from .backing import rank

NOTE_COLUMNS = ["article_id", "start", "end", "text", "claim_group", "note"]
NOTE_KIND = "claim"


def _labels(comparison) -> dict[str, str]:
    arts = comparison.articles
    if arts.empty:
        return {}
    return dict(zip(arts["article_id"], labelled(arts)["label"]))


def _relations(links: pd.DataFrame) -> dict[tuple, str]:
    """``(article_id, start, other_article_id) -> relation`` of the strongest direct link,
    both ways."""
    out: dict[tuple, tuple[float, str]] = {}
    for r in links.itertuples(index=False):
        for key in ((r.article_id, r.start, r.other_article_id),
                    (r.other_article_id, r.other_start, r.article_id)):
            if key not in out or r.similarity > out[key][0]:
                out[key] = (r.similarity, r.relation)
    return {k: v[1] for k, v in out.items()}


def claim_notes(comparison, article_id: str | None = None) -> pd.DataFrame:
    """:data:`NOTE_COLUMNS` for every sentence in a claim group (of ``article_id`` only,
    when given): e.g. "Claim C2, also stated by New York Post · news: summarised, backed by
    media (Washington Post); 003… (generated-looking essay): in the same claim group,
    hedged"."""
    claims = comparison.claims
    if article_id is not None:
        mine = claims.loc[claims["article_id"] == article_id]
    else:
        mine = claims
    if mine.empty:
        return pd.DataFrame(columns=NOTE_COLUMNS)
    labels = _labels(comparison)
    relations = _relations(comparison.claim_links)
    backing = {(g, a): min(part.itertuples(index=False), key=lambda r: rank(r.sourcing))
               for (g, a), part in claims.groupby(["claim_group", "article_id"])}
    members = claims.groupby("claim_group")["article_id"].unique()
    rows = []
    for r in mine.itertuples(index=False):
        others = []
        for other in members[r.claim_group]:
            if other == r.article_id:
                continue
            how = relations.get((r.article_id, r.start, other), "in the same claim group")
            b = backing[(r.claim_group, other)]
            backed = f"backed by {b.sourcing}" + (f" ({b.sources})" if b.sources else "") \
                if b.sourcing not in ("hedged", "unsourced") else b.sourcing
            others.append(f"{labels.get(other, other)}: {how}, {backed}")
        rows.append({"article_id": r.article_id, "start": r.start, "end": r.end, "text": r.text,
                     "claim_group": r.claim_group,
                     "note": f"Claim C{r.claim_group}, also stated by " + "; ".join(others)})
    return pd.DataFrame(rows, columns=NOTE_COLUMNS)


def with_claim_notes(analysis, comparison):
    """``analysis`` (an :class:`~analysis.api.Analysis`) with every article's claim notes
    among its evidence (kind ``claim``), so that the article view shows them on hover."""
    notes = [rec for aid in comparison.claims["article_id"].unique()
             for rec in claim_note_records(comparison, aid)]
    if not notes:
        return analysis
    evidence = (pd.concat([analysis.evidence, pd.DataFrame(notes)], ignore_index=True)
                .reindex(columns=analysis.evidence.columns)
                .sort_values(["article_id", "start", "end"], kind="stable")
                .reset_index(drop=True))
    return replace(analysis, evidence=evidence)


def claim_note_records(comparison, article_id: str) -> list[dict]:
    """The notes of one article as evidence-like records: ``kind`` "claim", the note in
    ``cue``, ``rule`` naming the claim group."""
    return [{"article_id": n.article_id, "kind": NOTE_KIND, "start": int(n.start), "end": int(n.end),
             "text": n.text, "cue": n.note, "in_quote": False,
             "rule": f"compare: claim group C{n.claim_group}"}
            for n in claim_notes(comparison, article_id).itertuples(index=False)]
