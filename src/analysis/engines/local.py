"""Worker processes on this machine (``concurrent.futures.ProcessPoolExecutor``)."""
from __future__ import annotations

import gc
import multiprocessing
import sys
from collections.abc import Callable, Iterable, Iterator

from ..nlp import ModelNotFound, load_model
from . import IN_FLIGHT_PER_WORKER, ordered

#: The work done on a chunk of article rows (``process_chunk`` with its options bound).
Work = Callable[[list[dict]], list[dict]]


def _warm_worker(readability: bool = False) -> None:
    """Initializer: load the model as the worker starts (a missing model is reported by
    the first chunk, as :class:`~analysis.nlp.ModelNotFound`), and the syllable table when
    the worker is to measure readability. What they hold lives as long as the worker, so
    it is frozen out of the garbage collector's full passes."""
    try:
        load_model()
    except ModelNotFound:
        pass
    if readability:
        from ..readability import warm_up

        warm_up()
    gc.freeze()


def _ready() -> None:
    """A task that does nothing: submitting it makes the pool start a worker (all of them
    with ``fork``; one per task submitted with ``forkserver`` and ``spawn``)."""


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


class LocalWorkers:
    """``jobs`` worker processes, started by :meth:`start` (each then loads the model, and
    the syllable table with ``readability``) and stopped by :meth:`close`.

    Started before the articles are read, the workers load the model while the caller
    reads them (see :func:`analysis.pipeline.run`).
    """

    def __init__(self, jobs: int, readability: bool = False):
        from concurrent.futures import ProcessPoolExecutor

        self.jobs = jobs
        self.pool = ProcessPoolExecutor(max_workers=jobs, mp_context=mp_context(),
                                        initializer=_warm_worker, initargs=(readability,))
        self.started = False

    def start(self) -> None:
        """Start the worker processes now (the first task submitted would start them)."""
        if self.started:
            return
        # Forked workers share this process's memory until they write to it. Objects frozen
        # out of the garbage collector are never walked by it in a worker, so the worker
        # does not copy the caller's articles and frames page by page. (Harmless with the
        # other start methods.)
        gc.freeze()
        try:
            for _ in range(self.jobs):  # one task per worker: see _ready
                self.pool.submit(_ready)
        finally:
            gc.unfreeze()
            self.started = True

    def map(self, work: Work, chunks: Iterable[list[dict]]) -> Iterator[list[dict]]:
        """``work`` of each chunk, in order, at most :data:`IN_FLIGHT_PER_WORKER` chunks per
        worker in flight."""
        self.start()
        yield from ordered(lambda chunk: self.pool.submit(work, chunk),
                           lambda future: future.result(), chunks,
                           IN_FLIGHT_PER_WORKER * self.jobs)

    def close(self) -> None:
        """Stop the workers (chunks not yet begun are dropped)."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def process_map(work: Work, chunks: Iterable[list[dict]], *, jobs: int,
                readability: bool = False,
                workers: LocalWorkers | None = None) -> Iterator[list[dict]]:
    """``work`` of each chunk (``process_chunk`` with its options), in order, on ``jobs``
    local processes: ``workers`` when given (left running), else new ones (warmed up for
    ``readability``) stopped at the end, also when the caller stops early."""
    own = workers is None
    workers = workers or LocalWorkers(jobs, readability)
    try:
        yield from workers.map(work, chunks)
    finally:
        if own:
            workers.close()
