"""Sets of character spans with fast "is this offset inside one?" tests."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence

import numpy as np


class SpanSet:
    """Sorted, merged ``(start, end)`` spans; membership and overlap by binary search."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [s for s, _ in merged]
        self.ends = [e for _, e in merged]

    def __contains__(self, offset: int) -> bool:
        i = bisect_right(self.starts, offset) - 1
        return i >= 0 and offset < self.ends[i]

    def contains_each(self, offsets: Sequence[int]) -> list[bool]:
        """``[offset in self for offset in offsets]``, by one vectorised binary search."""
        if not self.starts or not len(offsets):
            return [False] * len(offsets)
        at = np.asarray(offsets, dtype=np.int64)
        i = np.searchsorted(np.asarray(self.starts, dtype=np.int64), at, side="right") - 1
        ends = np.asarray(self.ends, dtype=np.int64)[np.maximum(i, 0)]
        return ((i >= 0) & (at < ends)).tolist()

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with any span."""
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start
