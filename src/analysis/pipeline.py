"""Running the analysis over many articles: parse (cached), extract evidence, take features.

``with run(articles, ...) as (frame, results):`` streams one result per article, in input
order, holding only a few chunks of parses at a time, on one of two engines:

- ``engine="local"`` (default): ``jobs=1`` runs in this process; ``jobs`` > 1 runs that many
  worker processes on this machine, each loading the model once.
- ``engine="dask"``: chunks of articles are scored on the workers of a Dask cluster (the one
  at ``scheduler``, else a local cluster of ``jobs`` worker processes). Each worker loads the
  model once; the model is never shipped in the task graph.

Both engines run the same function (:func:`process_chunk`) on the same chunks, so they
give the same results, row for row.

:func:`run` also reads the articles: given a path, it starts the local workers first, so
that they load the model while the files are read, and (``readability=True``) has each
article's readability measured where it is parsed, so that this process only reads files and
collects results. The public functions built on it are in :mod:`analysis.api`.
"""
from __future__ import annotations

import math
import os
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
from tqdm.auto import tqdm

from .articles import ARTICLE_FIELDS, as_loaded
from .boilerplate import mask_outside
from .paths import RAW_DIR
from .readability import READABILITY_COLUMNS, readability as readability_of
from .extract import extract_doc
from .framing.features import doc_features
from .framing.style import map_style_offsets
from .headlines import sentence_case_headlines
from .nlp import DEFAULT_BATCH_SIZE, load_model, parse_texts
from .textio import discover_files, lf_text, restore_offsets
from .wrapping import join_breaks, unwrap, wrap_breaks

if TYPE_CHECKING:
    from .engines.local import LocalWorkers

#: Articles parsed and extracted together in one process (memory holds one chunk's parses).
CHUNK_SIZE = 32
#: Most articles in a chunk handed to a worker process or a Dask task (~2 s of work).
PARALLEL_CHUNK_SIZE = 16
#: The workers' last chunks are this many times smaller (see :func:`chunks`).
TAIL_SPLIT = 4
#: Runs of at most this many articles use one process when ``jobs`` is not given: starting
#: workers (about a second each, to load the model) costs more than it saves.
SMALL_RUN = 16
#: Most worker processes chosen by default (each holds the model, ~0.45 GB at its peak).
MAX_DEFAULT_JOBS = 4
ENGINES = ("local", "dask")
#: The reason of the error of an article that loaded and could not be analysed (the only
#: error the pipeline adds to those of loading).
ANALYSIS_FAILED = "analysis failed"


def as_articles(articles, text_column: str | None = None,
                id_column: str | None = None) -> pd.DataFrame:
    """Accept a DataFrame from :func:`load_articles`, a DataFrame of texts of one's own, or a
    path / list of paths (the last two loaded without readability: :func:`run` has the
    workers measure it), as :func:`analysis.articles.as_loaded`."""
    return as_loaded(articles, text_column, id_column)


def has_readability(frame: pd.DataFrame) -> bool:
    """Whether ``frame`` has the readability columns (``load_articles`` adds them)."""
    return set(READABILITY_COLUMNS) <= set(frame.columns)


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


def parse_input(text: str, body_spans) -> str:
    """What spaCy parses of an article: its body with everything else blanked and its Title
    Case headlines sentence-cased (:mod:`analysis.headlines`; both keep the length of
    ``text``), as an LF copy (spaCy reads "\\r\\n" differently from "\\n"; offsets are
    mapped back after extraction) whose wrapping line breaks, if the text is hard-wrapped,
    are spaces (:mod:`analysis.wrapping`, as in :func:`reading_text`)."""
    masked = lf_text(sentence_case_headlines(mask_outside(text, body_spans)))[0]
    return join_breaks(masked, wrap_breaks(lf_text(text)[0]))


def reading_text(text: str) -> tuple[str, Callable[[int], int]]:
    """The copy of ``text`` that evidence is extracted from, and the map of its offsets
    back into ``text``: the LF copy (:func:`analysis.textio.lf_text`) with the wrapping line
    breaks of a hard-wrapped text as spaces (same length)."""
    lf, to_original = lf_text(text)
    return unwrap(lf), to_original


def process_chunk(rows: list[dict], cache: bool = True,
                  batch_size: int = DEFAULT_BATCH_SIZE, readability: bool = False) -> list[dict]:
    """Parse and extract a list of article rows in this process (model loaded once).

    Each row holds :data:`ARTICLE_FIELDS` (and ``body`` with ``readability``); each result
    ``article_id``, ``status``, ``error``, ``evidence`` and ``features``, and with
    ``readability`` the body's readability (``readability``: the columns of
    :func:`analysis.readability.readability`; empty for a row that did not load). The
    body is parsed with everything else blanked (same length as the text), so offsets index
    the article's text.
    """
    nlp = load_model()
    ok = [r for r in rows if r["status"] == "ok"]
    texts = [parse_input(r["text"], r["body_spans"]) for r in ok]
    try:
        docs = list(parse_texts(texts, nlp, cache=cache, batch_size=batch_size))
    except Exception:  # find the article that breaks the parser; parse the rest
        docs = [_parse_one(t, nlp, cache) for t in texts]
    parsed = {id(r): (doc, body) for r, doc, body in zip(ok, docs, texts)}
    out = []
    for row in rows:
        result = {"article_id": row["article_id"], "status": row["status"], "error": row["error"],
                  "evidence": [], "features": {}}
        if row["status"] == "ok":
            doc, body = parsed[id(row)]
            try:
                if isinstance(doc, Exception):
                    raise doc
                result["evidence"], result["features"] = _extract(doc, row["text"],
                                                                  row["article_id"], body)
            except Exception as exc:  # one bad article must not stop the run
                result.update(status="error", error=f"{row['article_id']}: {ANALYSIS_FAILED} "
                              f"({type(exc).__name__}: {exc}); please report this file")
        if readability:  # of the body as loaded, like load_articles(with_readability=True)
            result["readability"] = readability_of(row["body"] if row["status"] == "ok" else "")
        out.append(result)
    return out


def _extract(doc, text: str, article_id: str, parsed: str | None = None
             ) -> tuple[list[dict], dict]:
    """Evidence and features of one article whose LF copy ``doc`` is (the parse of
    ``parsed``, :func:`parse_input`), offsets into ``text``."""
    lf, to_original = reading_text(text)
    evidence = extract_doc(doc, lf, article_id, parsed)
    features = doc_features(doc, lf, evidence, parsed)
    if lf is text:
        return evidence, features
    for key in ("signals", "actors"):
        if key in features:
            features[key] = restore_offsets(features[key], to_original, text)
    if "sentence_spans" in features:
        features["sentence_spans"] = [(to_original(s), to_original(e))
                                      for s, e in features["sentence_spans"]]
    if "style" in features:
        features["style"] = map_style_offsets(features["style"], to_original)
    return restore_offsets(evidence, to_original, text), features


def _parse_one(text: str, nlp, cache: bool):
    try:
        return next(parse_texts([text], nlp, cache=cache))
    except Exception as exc:
        return exc


def _rows(frame: pd.DataFrame, readability: bool = False) -> Iterator[dict]:
    fields = ARTICLE_FIELDS + ("body",) if readability else ARTICLE_FIELDS
    return (dict(zip(fields, vals)) for vals in zip(*(frame[c] for c in fields)))


def chunks(rows: Iterable[dict], size: int, n_rows: int = 0,
            workers: int = 1) -> Iterator[list[dict]]:
    """Lists of ``size`` rows. With ``workers`` > 1, the last ``workers × size`` of the
    ``n_rows`` rows go in lists :data:`TAIL_SPLIT` times smaller, so that the workers finish
    at nearly the same time (results do not depend on how articles are chunked)."""
    tail = n_rows - workers * size if workers > 1 else math.inf
    chunk: list[dict] = []
    for i, row in enumerate(rows):
        chunk.append(row)
        if len(chunk) >= (size if i < tail else max(1, size // TAIL_SPLIT)):
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


@contextmanager
def run(articles=None, *, jobs: int | None = 1, cache: bool = True,
        batch_size: int = DEFAULT_BATCH_SIZE, progress: bool = True, engine: str = "local",
        scheduler=None, readability: bool = False, text_column: str | None = None,
        id_column: str | None = None) -> Iterator[tuple[pd.DataFrame, Iterator[dict]]]:
    """``with run(articles, ...) as (frame, results):`` the articles as a DataFrame and an
    iterator of one ``{article_id, status, error, evidence, features}`` per article, in
    input order.

    ``articles``: a DataFrame from :func:`load_articles`, a DataFrame of texts, a path or a
    list of paths, or None (``data/raw``). ``jobs``: worker processes (``None``:
    :func:`default_jobs`). ``cache``: read and write parses under ``data/interim/parses``.
    ``batch_size``: texts per
    ``nlp.pipe`` batch. ``progress``: a tqdm bar (stderr in a terminal, a widget in a
    notebook). ``engine``: ``"local"`` or ``"dask"``; ``scheduler``: address of a running
    Dask scheduler (``"tcp://host:8786"``) or a ``distributed.Client``; without one a local
    cluster of ``jobs`` worker processes is started for the run. ``readability``: each
    result also holds the readability of the article's body (``readability``), measured
    where the article is parsed, when ``frame`` has none. ``text_column``, ``id_column``:
    the columns of corpus files given as paths (:func:`load_articles`).

    Given a path, the worker processes of the local engine start before the files are read,
    so that they load the model while this process reads the articles. Every worker is
    stopped when the block ends.
    """
    _check_options(jobs, batch_size, engine, scheduler)
    articles = RAW_DIR if articles is None else articles
    workers = None
    if engine == "local" and not isinstance(articles, pd.DataFrame):
        workers = _early_workers(articles, jobs, readability)
    results: Iterator[dict] = iter(())
    try:
        frame = as_articles(articles, text_column, id_column)
        jobs = default_jobs(len(frame)) if jobs is None else jobs
        readability = readability and not has_readability(frame)
        results = _stream(frame, jobs, cache, batch_size, progress, engine, scheduler,
                          readability, workers)
        yield frame, results
    finally:
        getattr(results, "close", lambda: None)()
        if workers is not None:
            workers.close()


def _check_options(jobs, batch_size, engine, scheduler) -> None:
    """Refuse an unknown engine, a scheduler without Dask, and jobs or batches below 1."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if scheduler is not None and engine != "dask":
        raise ValueError("a Dask scheduler address goes with engine='dask'")
    if jobs is not None and jobs < 1:
        raise ValueError("jobs must be 1 or more")
    if batch_size < 1:
        raise ValueError("batch_size must be 1 or more")


def _early_workers(paths, jobs: int | None, readability: bool) -> LocalWorkers | None:
    """Local worker processes for the articles at ``paths``, started now (before the files
    are read), or None when the run will use one process. The files are counted (not read)
    to choose, as :func:`run` will for the articles loaded."""
    n_files = len(discover_files([paths] if isinstance(paths, (str, Path)) else list(paths)))
    jobs = default_jobs(n_files) if jobs is None else jobs
    if jobs <= 1 or n_files <= 1:
        return None
    from .engines.local import LocalWorkers

    workers = LocalWorkers(jobs, readability)
    workers.start()
    return workers


def _stream(frame, jobs, cache, batch_size, progress, engine, scheduler, readability=False,
            workers=None) -> Iterator[dict]:
    bar = tqdm(total=len(frame), desc="articles", unit="article", disable=not progress)
    work = partial(process_chunk, cache=cache, batch_size=batch_size, readability=readability)
    results: Iterator[list[dict]] = iter(())
    try:
        if engine == "dask":
            from .engines.dask_cluster import dask_map

            parts = chunks(_rows(frame, readability), chunk_size(len(frame), jobs, batch_size),
                           len(frame), jobs)
            results = dask_map(work, parts, jobs=jobs, scheduler=scheduler)
        elif jobs == 1 or len(frame) <= 1:
            results = (work(chunk) for chunk in chunks(_rows(frame, readability), CHUNK_SIZE))
        else:
            from .engines.local import process_map

            parts = chunks(_rows(frame, readability), chunk_size(len(frame), jobs, batch_size),
                           len(frame), jobs)
            usable = workers if workers is not None and workers.jobs == jobs else None
            results = process_map(work, parts, jobs=jobs, readability=readability,
                                  workers=usable)
        for chunk_results in results:
            for result in chunk_results:
                bar.update()
                yield result
    finally:  # also when the caller stops early: stop the workers now, not at collection
        getattr(results, "close", lambda: None)()
        bar.close()
