"""The public API: load articles, run the analysis once, and what one run returns.

- :func:`analysis.load_articles` (:mod:`analysis.articles`): the articles as a DataFrame;
- :func:`analyse_articles`: everything one run produces (:class:`Analysis`), what the
  notebooks show;
- :func:`extract_evidence`: the evidence records of every article as a DataFrame;
- :func:`score_articles`: the scorecard alone, streamed (no article's evidence is kept).

Each takes a DataFrame from :func:`load_articles`, a path (file or folder) or a list of
paths, and runs :func:`analysis.pipeline.run`; the score arithmetic is
:mod:`analysis.scoring`'s. :func:`analyse_articles` keeps each article's results in
``data/processed`` (:mod:`analysis.store`) and reads back what it analysed before, so
this module imports the parser only when something is to be analysed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from .framing.signals import signal_frame, signal_rows
from .readability import READABILITY_COLUMNS
from .records import EVIDENCE_COLUMNS
from .scoring import score_row, scorecard
from .short_texts import blank_short_signals
from .store import stored_results

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


def analyse_articles(articles=None, *, jobs: int | None = 1, cache: bool = True,
                     progress: bool = True, engine: str = "local",
                     scheduler: str | None = None) -> Analysis:
    """Analyse ``articles`` once and keep everything; see :class:`Analysis`.

    ``articles`` is a DataFrame from :func:`analysis.load_articles`, a path or list of paths,
    or None for ``data/raw``. The options are :func:`analysis.pipeline.run`'s. Each
    article's results are kept in ``data/processed`` (:mod:`analysis.store`): an article
    analysed before, with the same text and the same code and tables, is read back, not
    analysed again. ``cache=False``: every article is parsed and analysed again (and the
    stored results replaced).
    """
    frame, results = stored_results(articles, jobs=jobs, cache=cache, progress=progress,
                                    engine=engine, scheduler=scheduler)
    return analysis_of(frame, results)


def analysis_of(frame: pd.DataFrame, results) -> Analysis:
    """The :class:`Analysis` of the articles of ``frame`` from their results (one per row,
    in order, as :func:`analysis.pipeline.run` yields them)."""
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
    scores = scorecard(frame, pd.DataFrame(rows))
    evidence_df = (pd.DataFrame(evidence).reindex(columns=EVIDENCE_COLUMNS)
                   .sort_values(["article_id", "start", "end"], kind="stable")
                   .reset_index(drop=True))
    return Analysis(frame, scores, evidence_df, blank_short_signals(signal_frame(signals), scores),
                    pd.DataFrame(actors).reindex(columns=ACTOR_COLUMNS), features)


def score_articles(articles=None, *, jobs: int | None = 1, cache: bool = True,
                   progress: bool = True, engine: str = "local",
                   scheduler: str | None = None) -> pd.DataFrame:
    """The scorecard: one row per input article (errors included), columns
    :data:`~analysis.scoring.META_COLUMNS` (+ ``warning`` when the articles have one) +
    :data:`~analysis.scoring.SCORE_COLUMNS`. Same arguments as :func:`analyse_articles`."""
    from .pipeline import run  # the parser, imported only to analyse

    with run(articles, jobs=jobs, cache=cache, progress=progress, engine=engine,
             scheduler=scheduler, readability=True) as (frame, results):
        return scores_of(frame, results)


def scores_of(frame: pd.DataFrame, results) -> pd.DataFrame:
    """The scorecard of the articles of ``frame`` from their results (one per row, in order,
    as :func:`analysis.pipeline.run` yields them, with ``readability=True``), streaming: only
    the score rows are kept, never every article's evidence."""
    rows, measured = [], []
    for result, text, spans in zip(results, frame["text"], _appeal_spans(frame)):
        rows.append(_result_row(result, text, spans)[0])
        measured.append(result.get("readability"))
    return scorecard(_with_readability(frame, measured), pd.DataFrame(rows))


def extract_evidence(articles=None, *, jobs: int | None = 1, cache: bool = True,
                     progress: bool = True, engine: str = "local",
                     scheduler: str | None = None) -> pd.DataFrame:
    """The evidence records of every article as one DataFrame (columns
    :data:`~analysis.records.EVIDENCE_COLUMNS`). Same arguments as :func:`analyse_articles`."""
    from .pipeline import run

    with run(articles, jobs=jobs, cache=cache, progress=progress, engine=engine,
             scheduler=scheduler) as (_, results):
        records = [rec for result in results for rec in result["evidence"]]
    return pd.DataFrame(records).reindex(columns=EVIDENCE_COLUMNS)
