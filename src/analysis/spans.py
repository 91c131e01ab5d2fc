"""Sets of character spans with fast "is this offset inside one?" tests."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable


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

    def overlaps(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` shares a character with any span."""
        i = bisect_right(self.starts, end - 1) - 1
        return i >= 0 and self.ends[i] > start
