"""The scorecard: one row of sourcing and framing scores per article, traceable to evidence.

:func:`analyse_articles` runs the pipeline once and keeps everything the notebooks show
(articles, evidence spans, framing signals, actors, features, scores), each article's
results stored under ``data/processed`` (:mod:`analysis.store`);
:func:`score_articles` returns just the scorecard. Every score is computed from evidence
records (see :mod:`analysis.extract`) and signal records (see
:mod:`analysis.framing.features`), so each number can be traced to the words behind it.
The README's data dictionary defines every column of :data:`SCORE_COLUMNS`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .framing.signals import combine, signal_frame, signal_rows
from .readability import READABILITY_COLUMNS
from .records import EVIDENCE_COLUMNS, QUOTE_KINDS
from .store import stored_results

META_COLUMNS = ["article_id", "title", "outlet", "genre", "status", "error"]
SOURCE_TYPES = {"named": "named_sources", "institutional": "institutional_sources",
                "anonymous": "anonymous_sources", "media": "media_citations"}
#: Scores computed from the evidence, in scorecard order.
SCORE_COLUMNS = [
    "words", "sentences", "quotes", "quoted_word_share", "attributed_quote_share",
    "named_sources", "institutional_sources", "anonymous_sources", "media_citations",
    "sources", "anonymous_share", "named_share", "hedges", "boosters", "hedges_per_1k",
    "boosters_per_1k", "loaded_per_1k", "evaluative_per_1k", "appeals",
    "flesch_reading_ease", "flesch_kincaid_grade", "generated_look_score", "advocacy_score",
    "transparency_index",
]
COUNT_COLUMNS = ["words", "sentences", "quotes", "named_sources", "institutional_sources",
                 "anonymous_sources", "media_citations", "sources", "hedges", "boosters",
                 "appeals"]
#: Parts of the composite transparency index, each 0–1, equally weighted.
TRANSPARENCY_PARTS = {"named_share": 1 / 3, "non_anonymous_share": 1 / 3,
                      "attributed_quote_share": 1 / 3}
ACTOR_COLUMNS = ["article_id", "start", "end", "actor", "verb", "role", "in_quote"]


@dataclass
class Analysis:
    """Everything one run produces, as DataFrames keyed by ``article_id``.

    ``evidence`` holds the extractor's records (quotes, sources, hedges, boosters), the
    framing signal records (transitions, loaded words, numbers, …) and the appeals to the
    reader, all with offsets into the article's text; ``signals`` one row per article and
    look/advocacy signal; ``actors`` one row per subject or agent found.
    """

    articles: pd.DataFrame
    scores: pd.DataFrame
    evidence: pd.DataFrame
    signals: pd.DataFrame
    actors: pd.DataFrame
    features: dict[str, dict] = field(default_factory=dict)

    def article(self, article_id: str) -> dict:
        """One article's row of the articles frame, as a dict."""
        return self.articles.set_index("article_id").loc[article_id].to_dict() | {
            "article_id": article_id}


def _unique_sources(evidence: list[dict]) -> dict[str, int]:
    """Unique sources of each type: the same name (or wording) counted once per type."""
    seen = {(r.get("source_type"), " ".join(str(r.get("name") or r["text"]).lower().split()))
            for r in evidence if r["kind"] == "source"}
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


def appeal_records(article_id: str, text: str, spans) -> list[dict]:
    """Appeals to the reader (set apart from the body when loading) as evidence records."""
    return [{"article_id": article_id, "kind": "appeal", "start": int(s), "end": int(e),
             "text": text[s:e], "cue": "appeal to the reader", "in_quote": False,
             "rule": "appeal_openers"} for s, e in (spans or [])]


def _result_row(result: dict, text: str, appeal_spans) -> tuple[dict, list[dict]]:
    """The score row of one analysed article, and its appeal records."""
    aid = result["article_id"]
    base = {"article_id": aid, "status": result["status"], "error": result["error"]}
    if result["status"] != "ok":
        return base, []
    appeals = appeal_records(aid, text, appeal_spans)
    return {**base, **score_row(result["evidence"], result["features"], appeals, aid)}, appeals


def analyse_articles(articles, *, jobs: int | None = 1, cache: bool = True,
                     progress: bool = True, engine: str = "local",
                     scheduler: str | None = None) -> Analysis:
    """Analyse ``articles`` once and keep everything; see :class:`Analysis`.

    ``articles`` is a DataFrame from :func:`analysis.load_articles`, a path or list of paths,
    or None for ``data/raw``. Each article's results are kept in ``data/processed``
    (:mod:`analysis.store`): an article analysed before, with the same text and the same
    code and tables, is read back, not analysed again. ``cache=False``: every article is
    parsed and analysed again (and the stored results replaced).
    """
    frame, results = stored_results(articles, jobs=jobs, cache=cache, progress=progress,
                                    engine=engine, scheduler=scheduler)
    return analysis_of(frame, results)


def analysis_of(frame: pd.DataFrame, results) -> Analysis:
    """The :class:`Analysis` of the articles of ``frame`` from their results (one per row,
    in order, as :func:`analysis.pipeline.analyse` yields them)."""
    rows, evidence, signals, actors, features, measured = [], [], [], [], {}, []
    for result, text, spans in zip(results, frame["text"], _appeal_spans(frame)):
        aid = result["article_id"]
        row, appeals = _result_row(result, text, spans)
        rows.append(row)
        measured.append(result.get("readability"))
        if result["status"] != "ok":
            continue
        feats = result["features"]
        evidence += result["evidence"]
        evidence += [{**r, "article_id": aid} for r in feats.get("signals", [])] + appeals
        signals += signal_rows(aid, feats, result["evidence"], appeals)
        actors += [{**a, "article_id": aid} for a in feats.get("actors", [])]
        features[aid] = feats
    frame = _with_readability(frame, measured)
    scores = _scorecard(frame, pd.DataFrame(rows))
    evidence_df = (pd.DataFrame(evidence).reindex(columns=EVIDENCE_COLUMNS)
                   .sort_values(["article_id", "start", "end"], kind="stable")
                   .reset_index(drop=True))
    return Analysis(frame, scores, evidence_df, signal_frame(signals),
                    pd.DataFrame(actors).reindex(columns=ACTOR_COLUMNS), features)


def _appeal_spans(frame: pd.DataFrame):
    """Each article's appeal spans (None for all when the frame has no such column)."""
    return frame["appeal_spans"] if "appeal_spans" in frame.columns else [None] * len(frame)


def _with_readability(frame: pd.DataFrame, measured: list[dict | None]) -> pd.DataFrame:
    """``frame`` with the readability the workers measured (one dict per row, in order)
    joined as :func:`analysis.articles.add_readability` joins it; unchanged when it has
    readability already (then nothing was measured)."""
    if any(m is None for m in measured) or set(READABILITY_COLUMNS) <= set(frame.columns):
        return frame
    return frame.join(pd.DataFrame(measured, index=frame.index, columns=READABILITY_COLUMNS))


def _scorecard(frame: pd.DataFrame, rows: pd.DataFrame) -> pd.DataFrame:
    """Join article metadata and readability to the score rows; one row per input article."""
    extra = ["warning"] if "warning" in frame.columns else []
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
            .astype({c: "float64" for c in SCORE_COLUMNS if c not in COUNT_COLUMNS}))


def score_articles(articles, *, jobs: int | None = 1, cache: bool = True, progress: bool = True,
                   engine: str = "local", scheduler: str | None = None) -> pd.DataFrame:
    """The scorecard: one row per input article (errors included), columns
    ``META_COLUMNS`` (+ ``warning`` when the articles have one) + :data:`SCORE_COLUMNS`."""
    from .pipeline import analysis_run  # the parser, imported only to analyse

    with analysis_run(articles, jobs=jobs, cache=cache, progress=progress, engine=engine,
                      scheduler=scheduler, readability=True) as (frame, results):
        # Streams: only the score rows are kept, never every article's evidence.
        rows, measured = [], []
        for result, text, spans in zip(results, frame["text"], frame["appeal_spans"]):
            rows.append(_result_row(result, text, spans)[0])
            measured.append(result.get("readability"))
    return _scorecard(_with_readability(frame, measured), pd.DataFrame(rows))


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
