"""The engines behind :func:`analysis.pipeline.run` when it uses more than one process.

Both map :func:`analysis.pipeline.process_chunk` (its options bound with
``functools.partial``) over chunks of article rows and yield each chunk's results in input
order, with a bounded number of chunks in flight (two per worker), so memory stays flat
however many articles there are.

- :func:`analysis.engines.local.process_map`: worker processes on this machine.
- :func:`analysis.engines.dask_cluster.dask_map`: the workers of a Dask cluster.
"""
from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any

#: Chunks in flight per worker: one running, one waiting, so no worker idles between chunks.
IN_FLIGHT_PER_WORKER = 2


def ordered(submit: Callable[[list[dict]], Any], wait: Callable[[Any], list[dict]],
            chunks: Iterable[list[dict]], in_flight: int) -> Iterator[list[dict]]:
    """Submit chunks, keeping at most ``in_flight`` pending, and yield results in order."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        if len(pending) >= in_flight:
            yield wait(pending.popleft())
    while pending:
        yield wait(pending.popleft())
