"""LexisNexis plain-text exports (``.txt``): one article per ``N of M DOCUMENTS`` block.

An export holds an optional cover page ("Download Request:", "Terms:", "Source:"), then
each article opened by a centred line ``N of M DOCUMENTS`` (alone on its line, in capitals): the outlet, the date line
("January 11, 2010 Monday", perhaps followed by edition lines), the headline, labelled
fields (``BYLINE:``, ``SECTION:``, ``LENGTH: 355 words``…), the body hard-wrapped at about
80 columns, trailing fields (``LOAD-DATE:``, ``LANGUAGE:``, ``PUBLICATION-TYPE:``,
``JOURNAL-CODE:``…) and a centred copyright line. The cover page, the fields and the
copyright lines are metadata: the text of an article is its body alone, its wrapped lines
joined into paragraphs (:mod:`.reflow`), paragraphs separated by a blank line.
"""
from __future__ import annotations

import re

from .archive_fields import (
    HEADER_FIELDS, TRAILING_FIELDS, author_of, field, is_copyright, length_warning,
    stated_length,
)
from .dates import is_date_line, parse_date
from .piece import Piece
from .reflow import reflow, words_of

MARKER = re.compile(r"^[ \t]*(\d+)[ \t]+of[ \t]+(\d+)[ \t]+DOCUMENTS?[ \t]*\r?$", re.MULTILINE)
#: The same, on the first bytes of a file (to recognise an export without decoding it all).
MARKER_BYTES = re.compile(rb"^[ \t]*\d+[ \t]+of[ \t]+\d+[ \t]+DOCUMENTS?[ \t]*\r?$", re.MULTILINE)
#: Bytes looked at for the first ``N of M DOCUMENTS`` line (the cover page is short).
PEEK_BYTES = 64 * 1024
#: Leading spaces of a centred line (outlet, date, edition, copyright).
CENTRED_INDENT = 8


def looks_like_export(head: bytes) -> bool:
    """True if the first bytes of a text file hold an ``N of M DOCUMENTS`` line."""
    return bool(MARKER_BYTES.search(head[:PEEK_BYTES]))


def read_export(text: str) -> list[Piece]:
    """Every article of a LexisNexis text export, in order."""
    markers = list(MARKER.finditer(text))
    pieces = []
    for i, marker in enumerate(markers):
        end = markers[i + 1].start() if i + 1 < len(markers) else len(text)
        number, total = int(marker.group(1)), int(marker.group(2))
        pieces.append(read_article(text[marker.end():end], number, f"article {number} of {total}"))
    return pieces


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of non-blank lines."""
    blocks, block = [], []
    for line in lines:
        if line.strip():
            block.append(line)
        elif block:
            blocks.append(block)
            block = []
    return blocks + ([block] if block else [])


def read_article(chunk: str, number: int, where: str) -> Piece:
    """One article: the lines after its ``N of M DOCUMENTS`` line, up to the next one."""
    lines = chunk.splitlines()
    first = next((i for i, line in enumerate(lines) if field(line, HEADER_FIELDS, True)), None)
    header = lines[:first] if first is not None else lines
    meta = _header(header)
    fields, body_lines, trailer = _fields_body_trailer(lines[first:] if first is not None else [])
    if first is None:  # no labelled field at all: the headline block is the last of the header
        body_lines = _body_without_fields(header, meta)
    while body_lines and (not body_lines[-1].strip() or is_copyright(body_lines[-1])):
        body_lines.pop()
    paragraphs = reflow(body_lines, words_of(chunk))
    text = "\n\n".join(paragraphs)
    if fields.get("HEADLINE"):
        meta["title"] = fields["HEADLINE"]
    meta.update(author=author_of(fields.get("BYLINE", "")), section=fields.get("SECTION", ""),
                url=trailer.get("URL", ""))
    if not text:
        return Piece(number=number, meta=meta,
                     error=f"{where}: no body text found; check that the export is complete")
    return Piece(text=text, number=number, meta={k: v for k, v in meta.items() if v},
                 warning=length_warning(stated_length(fields.get("LENGTH", "")), text, where))


def _header(lines: list[str]) -> dict:
    """Outlet, date and headline from the lines before the first labelled field.

    The outlet is the line before the date line; lines right under the date (no blank line
    between) and centred blocks after it are edition lines; the rest is the headline."""
    blocks = [[l for l in b if not is_copyright(l)] for b in _blocks(lines)]
    blocks = [b for b in blocks if b]
    flat = [(bi, line.strip()) for bi, b in enumerate(blocks) for line in b]
    dated = next((k for k, (_, line) in enumerate(flat) if is_date_line(line)), None)
    meta = {"outlet": "", "published": "", "title": ""}
    if dated is None:
        meta["outlet"] = flat[0][1] if flat else ""
        meta["title"] = " ".join(l.strip() for l in blocks[-1]) if len(blocks) > 1 else ""
        return meta
    meta["published"] = parse_date(flat[dated][1])
    before = [line for _, line in flat[:dated]]
    meta["outlet"] = before[-1] if before else ""
    later = blocks[flat[dated][0] + 1:]  # the date's own block holds edition lines
    while len(later) > 1 and all(_centred(l) for l in later[0]):
        later = later[1:]
    meta["title"] = " ".join(l.strip() for b in later for l in b)
    return meta


def _centred(line: str) -> bool:
    return len(line) - len(line.lstrip()) >= CENTRED_INDENT


def _body_without_fields(header: list[str], meta: dict) -> list[str]:
    """The body of an article without labelled fields: what follows its headline block."""
    blocks = _blocks(header)
    dated = next((i for i, b in enumerate(blocks) if any(is_date_line(l) for l in b)), 0)
    rest = blocks[dated + 1:]
    if not rest:
        return []
    meta["title"] = " ".join(line.strip() for line in rest[0])
    return [line for b in rest[1:] for line in (*b, "")]


def _fields_body_trailer(lines: list[str]) -> tuple[dict, list[str], dict]:
    """Header fields, body lines and trailing fields of the lines from the first field on."""
    fields: dict[str, str] = {}
    i, label = 0, None
    while i < len(lines):  # header fields: a field line, its wrapped value, blank lines
        line = lines[i]
        found = field(line, HEADER_FIELDS, True)
        if found:
            label = found[0]
            fields[label] = found[1]
            i += 1
            if label == "BODY":
                break
        elif line.strip() and label is not None and lines[i - 1].strip():
            fields[label] = f"{fields[label]} {line.strip()}".strip()
            i += 1
        elif not line.strip():
            label = None
            i += 1
        else:
            break
    body, trailer, label = [], {}, None
    for line in lines[i:]:
        found = field(line, TRAILING_FIELDS, True)
        if found and (trailer or not body or not body[-1].strip()):
            label = found[0]
            trailer[label] = found[1]
        elif trailer:
            if line.strip() and label and not is_copyright(line):
                trailer[label] = f"{trailer[label]} {line.strip()}".strip()
            elif not line.strip():
                label = None
        else:
            body.append(line)
    return fields, body, trailer
