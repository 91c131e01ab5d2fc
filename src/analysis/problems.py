"""Problems with the input, kept structured: what the user reads, and its short reason.

A :class:`Problem` is made where the problem is found, with the whole message (file or
manifest line, what is wrong, what to do: what the ``error`` and ``warning`` columns show)
and the short reason that one-line summaries list, so no message is ever parsed back.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

#: Separates several warnings of one article in its ``warning`` column.
WARNING_SEP = " | "
#: Longest gist a summary shows.
GIST_CHARS = 60


@dataclass(frozen=True)
class Problem:
    """One problem with one input: ``kind`` is ``"error"`` (the article cannot be analysed)
    or ``"warning"`` (it loads, and deserves care)."""

    kind: str
    message: str
    reason: str

    @property
    def gist(self) -> str:
        """The reason without its parenthesised details, at most :data:`GIST_CHARS` long."""
        short = re.sub(r"\s*\([^()]*\)", "", self.reason).strip()
        return short if len(short) <= GIST_CHARS else short[:GIST_CHARS - 1] + "…"


def error(message: str, reason: str) -> Problem:
    return Problem("error", message, reason)


def warning(message: str, reason: str) -> Problem:
    return Problem("warning", message, reason)


def messages(problems: Iterable[Problem], kind: str) -> str:
    """What the ``kind`` column shows for these problems: their messages joined."""
    return WARNING_SEP.join(p.message for p in problems if p.kind == kind)


def summary(items: list[tuple[str, str]], total: int, kind: str, limit: int = 5) -> str:
    """One line naming the ``(file name, gist)`` items with a problem of ``kind``, e.g.
    ``2 of 40 files could not be analysed: a.txt (empty file), b.bin (binary data) — see
    the error column``; '' when there is none."""
    if not items:
        return ""
    shown = [f"{name} ({gist})" for name, gist in items]
    listed = ", ".join(shown[:limit]) + (f" and {len(shown) - limit} more"
                                          if len(shown) > limit else "")
    what = "could not be analysed" if kind == "error" else "loaded with a warning"
    return f"{len(items)} of {total} files {what}: {listed} — see the {kind} column"
