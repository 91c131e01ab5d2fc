"""One article read out of a file, before it becomes a row of :func:`analysis.load_articles`."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Piece:
    """An article found in a file (one of several in an archive export or a corpus, or the
    one article of a PDF or Word file).

    ``text`` is what is analysed (every offset indexes it); ``meta`` what the file says about
    the article (``title``, ``outlet``, ``author``, ``published`` as YYYY-MM-DD, ``url``,
    ``section``, ``genre``, ``reposted_from``); ``extra`` other columns of a corpus row.
    ``number`` is the article's number in its file (1-based), ``article_id`` an id the file
    gives it (a corpus id column). A piece with an ``error`` becomes an error row.
    """

    text: str = ""
    number: int | None = None
    article_id: str = ""
    meta: dict = field(default_factory=dict)
    extra: dict = field(default_factory=dict)
    warning: str = ""
    error: str = ""
    text_path: str = ""
