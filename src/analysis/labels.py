"""Words a reader sees for an article and a count: readable names, never a file hash.

An article is named by its title (or its first words), its outlet and its genre; on a chart,
where room is short, by its outlet (or ``article 003`` from the file number) and genre.
"""
from __future__ import annotations

import re

_NUMBERED = re.compile(r"^(\d+)[_\-]")


def _text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def short_id(article_id: str) -> str:
    """``article 003`` for a numbered file (``003_304652d4…``); else the id as it is."""
    match = _NUMBERED.match(str(article_id))
    return f"article {match.group(1)}" if match else str(article_id)


def article_label(article_id: str, outlet: str = "", genre: str = "") -> str:
    """Short label for a chart: ``Israfan (blog) · opinion``, ``article 003 · news``."""
    name = _text(outlet) or short_id(article_id)
    return f"{name} · {genre}" if _text(genre) else name


def first_words(text: str, words: int = 9) -> str:
    """The first ``words`` words of ``text``, with "…" when there are more."""
    tokens = str(text or "").split()
    return " ".join(tokens[:words]) + ("…" if len(tokens) > words else "")


def article_title(title: str, text: str = "", article_id: str = "") -> str:
    """The article's title; else its first words; else its short id."""
    return _text(title) or first_words(text) or short_id(article_id)


def article_choice(article_id: str, title: str, outlet: str, genre: str, text: str = "") -> str:
    """How an article is offered in a picker: title, then outlet and genre."""
    head = article_title(title, text, article_id)
    where = " · ".join(x for x in (_text(outlet) or "outlet unknown", _text(genre)) if x)
    return f"{head} — {where}"


def plural(n, one: str, many: str | None = None) -> str:
    """``1 quote``, ``2 quotes``, ``0 quotes`` (``many`` for irregular plurals)."""
    count = int(n) if n == n else 0  # NaN counts as 0
    return f"{count} {one if count == 1 else (many or one + 's')}"
