"""The score arithmetic: one row of sourcing and framing scores per article, from its evidence.

:func:`score_row` scores one analysed article from its evidence records (see
:mod:`analysis.extract`) and signal records (see :mod:`analysis.framing.features`), so each
number can be traced to the words behind it; :func:`scorecard` joins the rows to the
articles' metadata. ``docs/data-dictionary.md`` defines every column of
:data:`SCORE_COLUMNS`. Running the analysis is :mod:`analysis.api`'s job.
"""
from __future__ import annotations

import pandas as pd

from .framing.signals import combine, signal_rows
from .readability import READABILITY_COLUMNS
from .records import QUOTE_KINDS, relied_on
from .short_texts import blank_short_scores

META_COLUMNS = ["article_id", "title", "outlet", "genre", "status", "error"]
#: Source types counted on the scorecard, and their columns (``unresolved`` pronouns are not
#: counted: whom they stand for is not known, so they are neither named nor anonymous).
SOURCE_TYPES = {"named": "named_sources", "institutional": "institutional_sources",
                "anonymous": "anonymous_sources", "media": "media_citations",
                "document": "document_sources"}
#: Scores computed from the evidence, in scorecard order.
SCORE_COLUMNS = [
    "words", "sentences", "quotes", "quoted_word_share", "attributed_quote_share",
    "named_sources", "institutional_sources", "anonymous_sources", "media_citations",
    "document_sources", "sources", "anonymous_share", "named_share", "hedges", "boosters",
    "hedges_per_1k", "boosters_per_1k", "loaded_per_1k", "evaluative_per_1k", "appeals",
    "flesch_reading_ease", "flesch_kincaid_grade", "generated_look_score", "advocacy_score",
    "transparency_index",
]
COUNT_COLUMNS = ["words", "sentences", "quotes", "named_sources", "institutional_sources",
                 "anonymous_sources", "media_citations", "document_sources", "sources", "hedges",
                 "boosters", "appeals"]
#: Parts of the composite transparency index, each 0–1, equally weighted.
TRANSPARENCY_PARTS = {"named_share": 1 / 3, "non_anonymous_share": 1 / 3,
                      "attributed_quote_share": 1 / 3}


def _unique_sources(evidence: list[dict]) -> dict[str, int]:
    """Distinct sources of each type: the mentions of one source (one ``source_id``,
    :mod:`analysis.extract.source_ids`) counted once, sources whose records say
    ``counted: False`` (shown only acting, or an unresolved pronoun) not at all; records
    without an id count once per name (or wording)."""
    seen = {(r.get("source_type"), r.get("source_id") or
             " ".join(str(r.get("name") or r["text"]).lower().split()))
            for r in evidence if r["kind"] == "source" and relied_on(r.get("counted"))}
    return {col: sum(t == kind for t, _ in seen) for kind, col in SOURCE_TYPES.items()}


def _ratio(num: float, den: float) -> float:
    return num / den if den else float("nan")


def transparency(row: dict) -> dict[str, float]:
    """The transparency index and its parts (0–1; a missing part counts as 0).

    ``transparency_index = (named_share + (1 − anonymous_share) + attributed_quote_share) / 3``:
    the share of sources that are named people, the share that are not anonymous, and the
    share of quotes whose speaker is identified. With no sources or no quotes those parts
    are 0, so an article that cites nobody scores 0.
    """
    parts = {
        "named_share": row["named_share"],
        "non_anonymous_share": 1 - row["anonymous_share"],
        "attributed_quote_share": row["attributed_quote_share"],
    }
    parts = {k: 0.0 if pd.isna(v) else float(v) for k, v in parts.items()}
    index = sum(TRANSPARENCY_PARTS[k] * v for k, v in parts.items())
    return {**parts, "transparency_index": round(index, 3)}


def score_row(evidence: list[dict], features: dict, appeals: list[dict] | None = None,
              article_id: str = "") -> dict:
    """Scores of one analysed article from its evidence records and features."""
    quotes = [r for r in evidence if r["kind"] in QUOTE_KINDS]
    attributed = [q for q in quotes if q.get("speaker") or q.get("speaker_start") is not None]
    hedges = [r for r in evidence if r["kind"] == "hedge" and not r.get("in_quote")]
    boosters = [r for r in evidence if r["kind"] == "booster" and not r.get("in_quote")]
    sources = _unique_sources(evidence)
    total = sum(sources.values())
    body, quoted = features.get("body_words", 0), features.get("quoted_words", 0)
    writer = features.get("writer_words", body - quoted)
    signals = features.get("signals", [])
    writer_signal = lambda k: sum(r["kind"] == k and not r.get("in_quote") for r in signals)  # noqa: E731
    per_1k = lambda n: round(1000 * n / writer, 2) if writer else float("nan")  # noqa: E731
    row = {
        "quotes": len(quotes),
        "quoted_word_share": round(_ratio(quoted, body), 3),
        "attributed_quote_share": round(_ratio(len(attributed), len(quotes)), 3),
        **sources,
        "sources": total,
        "anonymous_share": round(_ratio(sources["anonymous_sources"], total), 3),
        "named_share": round(_ratio(sources["named_sources"], total), 3),
        "hedges": len(hedges),
        "boosters": len(boosters),
        "hedges_per_1k": per_1k(len(hedges)),
        "boosters_per_1k": per_1k(len(boosters)),
        "loaded_per_1k": per_1k(writer_signal("loaded")),
        "evaluative_per_1k": per_1k(writer_signal("evaluative")),
        "appeals": len(appeals or []),
        "writer_words": writer,
    }
    row.update(combine(signal_rows(article_id, features, evidence, appeals)))
    row["transparency_index"] = transparency(row)["transparency_index"]
    return row


def scorecard(frame: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """Join article metadata and readability to the score rows; one row per input article."""
    extra = [c for c in ("warning", "duplicate_of") if c in frame.columns]
    meta = frame[META_COLUMNS[:4] + READABILITY_COLUMNS + extra]
    rows = rows.reindex(columns=["article_id", "status", "error",
                                 *[c for c in SCORE_COLUMNS if c not in READABILITY_COLUMNS]])
    # no rows at all (an empty folder): an empty scorecard, not a merge of mismatched keys
    scores = meta.merge(rows.astype({"article_id": meta["article_id"].dtype}),
                        on="article_id", how="left")
    failed = scores["status"] != "ok"
    scores = scores.assign(**{c: scores[c].where(~failed) for c in READABILITY_COLUMNS})
    return (scores
            .reindex(columns=META_COLUMNS + extra + SCORE_COLUMNS)
            .astype({c: "Int64" for c in COUNT_COLUMNS})
            .astype({c: "float64" for c in SCORE_COLUMNS if c not in COUNT_COLUMNS})
            .pipe(blank_short_scores))


def transparency_parts(scores: pd.DataFrame) -> pd.DataFrame:
    """The transparency index shown next to its three parts (and the counts behind them)."""
    parts = pd.DataFrame([transparency(r) for r in scores.to_dict("records")], index=scores.index)
    return (scores[["article_id", "genre", "status", "sources", "named_sources",
                    "anonymous_sources", "quotes"]]
            .join(parts)
            .loc[lambda d: d["status"] == "ok"]
            .drop(columns="status")
            .sort_values("transparency_index", ascending=False)
            .reset_index(drop=True))
