"""Nexis Uni / Lexis Advance Word exports (``.docx``): one article per "End of Document".

An export opens with a cover list ("Documents (10)", numbered titles, "Client/Matter:",
"Search Terms:"), then gives each article as: headline, outlet ("The Guardian(London)"),
date and time ("July 1, 2019 Monday 9:20 AM GMT"), perhaps a copyright line, ``Section:``,
``Length:``, ``Byline:`` (and other labelled fields), a line ``Body``, the paragraphs, then
trailing fields (``Load-Date:``, a ``Classification`` block…) and "End of Document". The
cover, the fields and copyright lines are metadata: an article's text is its body
paragraphs, separated by a blank line.
"""
from __future__ import annotations

from .archive_fields import (
    HEADER_FIELDS, TRAILING_FIELDS, author_of, field, is_copyright, length_warning,
    stated_length,
)
from .dates import is_date_line, parse_date
from .docx import Paragraph
from .piece import Piece

END = "end of document"
BODY = "body"
CLASSIFICATION = "classification"


def looks_like_export(paragraphs: list[Paragraph]) -> bool:
    """True for a document with an "End of Document" line and a ``Body`` line."""
    lines = {p.text.strip().lower() for p in paragraphs}
    return END in lines and BODY in lines


def read_export(paragraphs: list[Paragraph]) -> list[Piece]:
    """Every article of a Nexis Uni Word export, numbered in order from 1."""
    chunks, chunk = [], []
    for p in paragraphs:
        if p.text.strip().lower() == END:
            chunks.append(chunk)
            chunk = []
        else:
            chunk.append(p.text)
    if any(line.strip() for line in chunk):
        chunks.append(chunk)  # a last article without its "End of Document" line
    chunks = [c for c in chunks if any(line.strip().lower() == BODY for line in c)]
    return [read_article(c, n, f"article {n} of {len(chunks)}") for n, c in enumerate(chunks, 1)]


def read_article(lines: list[str], number: int, where: str) -> Piece:
    """One article from its paragraphs (the cover list before it, for the first, included)."""
    lines = [" ".join(line.split()) if "\n" not in line else line.strip() for line in lines]
    body_at = next(i for i, line in enumerate(lines) if line.lower() == BODY)
    header = [line for line in lines[:body_at] if line]
    meta, fields = _header(header)
    body = _body(lines[body_at + 1:])
    text = "\n\n".join(body)
    meta.update(author=author_of(fields.get("BYLINE", "")), section=_section(fields))
    meta = {k: v for k, v in meta.items() if v}
    if not text:
        return Piece(number=number, meta=meta,
                     error=f"{where}: no text after its 'Body' line; check that the export is complete")
    return Piece(text=text, number=number, meta=meta,
                 warning=length_warning(stated_length(fields.get("LENGTH", "")), text, where))


def _header(header: list[str]) -> tuple[dict, dict]:
    """Headline, outlet, date and labelled fields from the paragraphs before ``Body``.

    The date line is the last one before ``Body``; the outlet is the line before it, the
    headline the line before that (the cover list, for the first article, comes earlier);
    the labelled fields follow the date."""
    dated = max((i for i, line in enumerate(header) if is_date_line(line)), default=None)
    fields: dict[str, str] = {}
    for line in header[(dated or -1) + 1:]:
        found = field(line, HEADER_FIELDS)
        if found:
            fields.setdefault(found[0], found[1])
    meta = {"title": "", "outlet": "", "published": ""}
    if dated is None:
        top = [line for line in header if not field(line, HEADER_FIELDS) and not is_copyright(line)]
        meta["title"] = top[-1] if top else ""
        return meta, fields
    top = [line for line in header[:dated] if not is_copyright(line)]
    meta["published"] = parse_date(header[dated])
    meta["outlet"] = top[-1] if top else ""
    meta["title"] = top[-2] if len(top) >= 2 else ""
    return meta, fields


def _section(fields: dict) -> str:
    """``Section: WORLD NEWS; Version:2`` → ``WORLD NEWS``."""
    return fields.get("SECTION", "").split("; Version:")[0].strip()


def _body(lines: list[str]) -> list[str]:
    """Body paragraphs: up to the ``Classification`` block or the trailing fields."""
    end = next((i for i, line in enumerate(lines) if line.lower() == CLASSIFICATION), len(lines))
    body = lines[:end]
    while body and (not body[-1] or field(body[-1], TRAILING_FIELDS) or is_copyright(body[-1])):
        body.pop()
    return [line for line in body if line]
