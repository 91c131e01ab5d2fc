"""Worker processes on this machine (``concurrent.futures.ProcessPoolExecutor``)."""
from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Iterable, Iterator

from ..nlp import ModelNotFound, load_model
from ..pipeline import analyse_chunk
from . import IN_FLIGHT_PER_WORKER, ordered


def _warm_worker() -> None:
    """Initializer: load the model as the worker starts (a missing model is reported by
    the first chunk, as :class:`~analysis.nlp.ModelNotFound`)."""
    try:
        load_model()
    except ModelNotFound:
        pass


def mp_context():
    """How worker processes start.

    Linux, Python 3.11: ``fork`` (workers start at once, the libraries already imported).
    Linux, Python ≥ 3.12, which warns against forking a process that runs threads (a
    notebook kernel, the progress bar): ``forkserver``, whose server imports the package
    once and forks the workers from itself. Elsewhere the platform's default (``spawn``).
    """
    if not sys.platform.startswith("linux"):
        return multiprocessing.get_context()
    if sys.version_info < (3, 12):
        return multiprocessing.get_context("fork")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["analysis.pipeline"])
    return ctx


def process_map(chunks: Iterable[list[dict]], cache: bool, batch_size: int, *,
                jobs: int) -> Iterator[list[dict]]:
    """Results of :func:`analyse_chunk` per chunk, in order, on ``jobs`` local processes."""
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=mp_context(),
                               initializer=_warm_worker)
    started = False

    def submit(chunk):
        nonlocal started
        if started:
            return pool.submit(analyse_chunk, chunk, cache, batch_size)
        # Forked workers share this process's memory until they write to it. Objects frozen
        # out of the garbage collector are never walked by it in a worker, so the worker
        # does not copy the caller's articles and frames page by page. (Harmless with the
        # other start methods.)
        gc.freeze()
        try:
            return pool.submit(analyse_chunk, chunk, cache, batch_size)  # forks the workers
        finally:
            gc.unfreeze()
            started = True

    try:
        yield from ordered(submit, lambda future: future.result(), chunks,
                           IN_FLIGHT_PER_WORKER * jobs)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
