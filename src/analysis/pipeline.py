"""Running the analysis over many articles: parse (cached), extract evidence, take features.

:func:`analyse` streams one result per article, in input order, holding only a batch of
parses at a time. ``jobs`` > 1 runs worker processes, each loading the model once.
"""
from __future__ import annotations

import os
import warnings
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from .articles import load_articles
from .boilerplate import mask_outside
from .extract import EVIDENCE_COLUMNS, extract_doc
from .framing.features import doc_features
from .nlp import DEFAULT_BATCH_SIZE, load_model, parse_texts

#: Articles handed to a worker process at a time when ``jobs`` > 1.
CHUNK_SIZE = 32
ARTICLE_FIELDS = ("article_id", "text", "body_spans", "status", "error")


def as_articles(articles) -> pd.DataFrame:
    """Accept a DataFrame from :func:`load_articles` or a path / list of paths."""
    if isinstance(articles, pd.DataFrame):
        return articles
    if isinstance(articles, (str, Path)):
        return load_articles(articles)
    return load_articles(list(articles))


def default_jobs() -> int:
    """Worker processes used when none are asked for: one per core, at most 4."""
    return max(1, min(4, os.cpu_count() or 1))


def _analyse_chunk(rows: list[dict], cache: bool, batch_size: int) -> list[dict]:
    """Parse and extract a list of article rows in this process (model loaded once)."""
    ok = [r for r in rows if r["status"] == "ok"]
    docs = parse_texts((mask_outside(r["text"], r["body_spans"]) for r in ok),
                       load_model(), cache=cache, batch_size=batch_size)
    parsed = dict(zip((r["article_id"] for r in ok), docs))
    out = []
    for row in rows:
        result = {"article_id": row["article_id"], "status": row["status"], "error": row["error"],
                  "evidence": [], "features": {}}
        doc = parsed.get(row["article_id"]) if row["status"] == "ok" else None
        if doc is not None:
            try:
                result["evidence"] = extract_doc(doc, row["text"], row["article_id"])
                result["features"] = doc_features(doc, row["text"], result["evidence"])
            except Exception as exc:  # one bad article must not stop the run
                result.update(status="error", error=f"{row['article_id']}: analysis failed "
                              f"({type(exc).__name__}: {exc}); please report this file")
        out.append(result)
    return out


def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def analyse(articles, *, jobs: int = 1, cache: bool = True, batch_size: int = DEFAULT_BATCH_SIZE,
            progress: bool = True) -> Iterator[dict]:
    """Yield ``{article_id, status, error, evidence, features}`` per article, in order."""
    frame = as_articles(articles)
    rows = (dict(zip(ARTICLE_FIELDS, vals)) for vals in
            zip(*(frame[c] for c in ARTICLE_FIELDS)))
    bar = tqdm(total=len(frame), desc="articles", unit="article", disable=not progress)
    try:
        if jobs <= 1:
            for chunk in _chunks(rows, CHUNK_SIZE):
                for result in _analyse_chunk(chunk, cache, batch_size):
                    bar.update()
                    yield result
        else:
            yield from _analyse_parallel(rows, jobs, cache, batch_size, bar)
    finally:
        bar.close()


def _analyse_parallel(rows, jobs: int, cache: bool, batch_size: int, bar) -> Iterator[dict]:
    """Chunks of articles on ``jobs`` processes; at most 2 chunks per worker in flight."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending = []
        chunks = _chunks(rows, CHUNK_SIZE)
        for chunk in chunks:
            pending.append(pool.submit(_analyse_chunk, chunk, cache, batch_size))
            if len(pending) >= 2 * jobs:
                for result in pending.pop(0).result():
                    bar.update()
                    yield result
        for fut in pending:
            for result in fut.result():
                bar.update()
                yield result


def evidence_frame(articles, **kwargs) -> pd.DataFrame:
    """Evidence of every article as one DataFrame (columns ``EVIDENCE_COLUMNS``)."""
    records = [rec for result in analyse(articles, **kwargs) for rec in result["evidence"]]
    return pd.DataFrame(records).reindex(columns=EVIDENCE_COLUMNS)


def warn_errors(results: list[dict]) -> None:
    """One warning listing the articles that could not be analysed."""
    bad = [r for r in results if r["status"] != "ok"]
    if bad:
        warnings.warn(f"{len(bad)} article(s) could not be analysed: "
                      + "; ".join(r["error"] for r in bad), stacklevel=2)
