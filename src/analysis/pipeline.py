"""Running the analysis over many articles: parse (cached), extract evidence, take features.

:func:`analyse` streams one result per article, in input order, holding only a few chunks
of parses at a time, on one of two engines:

- ``engine="local"`` (default): ``jobs=1`` runs in this process; ``jobs`` > 1 runs that many
  worker processes on this machine, each loading the model once.
- ``engine="dask"``: chunks of articles are scored on the workers of a Dask cluster (the one
  at ``scheduler``, else a local cluster of ``jobs`` worker processes). Each worker loads the
  model once; the model is never shipped in the task graph.

Both engines run the same function (:func:`analyse_chunk`) on the same chunks, so they
give the same results, row for row.
"""
from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import pandas as pd
from tqdm.auto import tqdm

from .articles import load_articles
from .boilerplate import mask_outside
from .extract import EVIDENCE_COLUMNS, extract_doc
from .framing.features import doc_features
from .nlp import DEFAULT_BATCH_SIZE, load_model, parse_texts
from .textio import lf_text, restore_offsets

#: Articles parsed and extracted together in one process (memory holds one chunk's parses).
CHUNK_SIZE = 32
#: Most articles in a chunk handed to a worker process or a Dask task (~2 s of work).
PARALLEL_CHUNK_SIZE = 16
#: Runs of at most this many articles use one process when ``jobs`` is not given: starting
#: workers (about a second each, to load the model) costs more than it saves.
SMALL_RUN = 16
#: Most worker processes chosen by default (each holds the model, ~0.45 GB at its peak).
MAX_DEFAULT_JOBS = 4
ENGINES = ("local", "dask")
ARTICLE_FIELDS = ("article_id", "text", "body_spans", "status", "error")


def as_articles(articles) -> pd.DataFrame:
    """Accept a DataFrame from :func:`load_articles` or a path / list of paths."""
    if isinstance(articles, pd.DataFrame):
        return articles
    if isinstance(articles, (str, Path)):
        return load_articles(articles)
    return load_articles(list(articles))


def available_cores() -> int:
    """CPU cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def default_jobs(n_articles: int | None = None) -> int:
    """Worker processes used when none are asked for: 1 for :data:`SMALL_RUN` articles or
    fewer, else one per core, at most :data:`MAX_DEFAULT_JOBS`."""
    if n_articles is not None and n_articles <= SMALL_RUN:
        return 1
    return max(1, min(MAX_DEFAULT_JOBS, available_cores()))


def analyse_chunk(rows: list[dict], cache: bool = True,
                  batch_size: int = DEFAULT_BATCH_SIZE) -> list[dict]:
    """Parse and extract a list of article rows in this process (model loaded once).

    Each row holds :data:`ARTICLE_FIELDS`; each result ``article_id``, ``status``,
    ``error``, ``evidence`` and ``features``. The body is parsed with everything else
    blanked (same length as the text), so offsets index the article's text.
    """
    nlp = load_model()
    ok = [r for r in rows if r["status"] == "ok"]
    # spaCy reads "\r\n" differently from "\n": parse LF copies, map offsets back after.
    texts = [lf_text(mask_outside(r["text"], r["body_spans"]))[0] for r in ok]
    try:
        docs = list(parse_texts(texts, nlp, cache=cache, batch_size=batch_size))
    except Exception:  # find the article that breaks the parser; parse the rest
        docs = [_parse_one(t, nlp, cache) for t in texts]
    parsed = {id(r): doc for r, doc in zip(ok, docs)}
    out = []
    for row in rows:
        result = {"article_id": row["article_id"], "status": row["status"], "error": row["error"],
                  "evidence": [], "features": {}}
        if row["status"] == "ok":
            doc = parsed[id(row)]
            try:
                if isinstance(doc, Exception):
                    raise doc
                result["evidence"], result["features"] = _extract(doc, row["text"], row["article_id"])
            except Exception as exc:  # one bad article must not stop the run
                result.update(status="error", error=f"{row['article_id']}: analysis failed "
                              f"({type(exc).__name__}: {exc}); please report this file")
        out.append(result)
    return out


def _extract(doc, text: str, article_id: str) -> tuple[list[dict], dict]:
    """Evidence and features of one article whose LF copy ``doc`` is, offsets into ``text``."""
    lf, to_original = lf_text(text)
    evidence = extract_doc(doc, lf, article_id)
    features = doc_features(doc, lf, evidence)
    if lf is text:
        return evidence, features
    for key in ("signals", "actors"):
        if key in features:
            features[key] = restore_offsets(features[key], to_original, text)
    if "sentence_spans" in features:
        features["sentence_spans"] = [(to_original(s), to_original(e))
                                      for s, e in features["sentence_spans"]]
    return restore_offsets(evidence, to_original, text), features


def _parse_one(text: str, nlp, cache: bool):
    try:
        return next(parse_texts([text], nlp, cache=cache))
    except Exception as exc:
        return exc


def _rows(frame: pd.DataFrame) -> Iterator[dict]:
    return (dict(zip(ARTICLE_FIELDS, vals)) for vals in zip(*(frame[c] for c in ARTICLE_FIELDS)))


def _chunks(rows: Iterable[dict], size: int) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def chunk_size(n_articles: int, workers: int, batch_size: int = DEFAULT_BATCH_SIZE) -> int:
    """Articles per chunk: :data:`CHUNK_SIZE` in one process; with workers, about four
    chunks per worker and at most :data:`PARALLEL_CHUNK_SIZE` (so the workers finish at
    nearly the same time), and at least one batch."""
    if workers <= 1:
        return CHUNK_SIZE
    return max(batch_size, min(PARALLEL_CHUNK_SIZE, math.ceil(n_articles / (4 * workers))))


def analyse(articles, *, jobs: int | None = 1, cache: bool = True,
            batch_size: int = DEFAULT_BATCH_SIZE, progress: bool = True, engine: str = "local",
            scheduler=None) -> Iterator[dict]:
    """Yield ``{article_id, status, error, evidence, features}`` per article, in input order.

    ``articles``: a DataFrame from :func:`load_articles`, or a path or list of paths.
    ``jobs``: worker processes (``None``: :func:`default_jobs`). ``cache``: read and write
    parses under ``data/interim/parses``. ``batch_size``: texts per ``nlp.pipe`` batch.
    ``progress``: a tqdm bar (stderr in a terminal, a widget in a notebook).
    ``engine``: ``"local"`` or ``"dask"``; ``scheduler``: address of a running Dask
    scheduler (``"tcp://host:8786"``) or a ``distributed.Client``; without one a local
    cluster of ``jobs`` worker processes is started for the run.
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if scheduler is not None and engine != "dask":
        raise ValueError("a Dask scheduler address goes with engine='dask'")
    frame = as_articles(articles)
    jobs = default_jobs(len(frame)) if jobs is None else jobs
    if jobs < 1:
        raise ValueError("jobs must be 1 or more")
    if batch_size < 1:
        raise ValueError("batch_size must be 1 or more")
    return _stream(frame, jobs, cache, batch_size, progress, engine, scheduler)


def _stream(frame, jobs, cache, batch_size, progress, engine, scheduler) -> Iterator[dict]:
    bar = tqdm(total=len(frame), desc="articles", unit="article", disable=not progress)
    results: Iterator[list[dict]] = iter(())
    try:
        if engine == "dask":
            from .engines.dask_cluster import dask_map

            chunks = _chunks(_rows(frame), chunk_size(len(frame), jobs, batch_size))
            results = dask_map(chunks, cache, batch_size, jobs=jobs, scheduler=scheduler)
        elif jobs == 1 or len(frame) <= 1:
            results = (analyse_chunk(chunk, cache, batch_size)
                       for chunk in _chunks(_rows(frame), CHUNK_SIZE))
        else:
            from .engines.local import process_map

            chunks = _chunks(_rows(frame), chunk_size(len(frame), jobs, batch_size))
            results = process_map(chunks, cache, batch_size, jobs=jobs)
        for chunk_results in results:
            for result in chunk_results:
                bar.update()
                yield result
    finally:  # also when the caller stops early: stop the workers now, not at collection
        getattr(results, "close", lambda: None)()
        bar.close()


def evidence_frame(articles, **kwargs) -> pd.DataFrame:
    """Evidence of every article as one DataFrame (columns ``EVIDENCE_COLUMNS``)."""
    records = [rec for result in analyse(articles, **kwargs) for rec in result["evidence"]]
    return pd.DataFrame(records).reindex(columns=EVIDENCE_COLUMNS)
