"""What news-archive exports (LexisNexis, Nexis Uni) write around an article's text.

Their labelled fields (``BYLINE:``, ``Section:``, ``LOAD-DATE:``…), copyright lines, and how
a byline and a stated length are read. Shared by :mod:`.lexisnexis` (plain text) and
:mod:`.nexis_docx` (Word).
"""
from __future__ import annotations

import re

#: Fields before the body. ``BODY`` is the label some exports put on the body itself.
HEADER_FIELDS = frozenset({
    "BYLINE", "SECTION", "LENGTH", "DATELINE", "HIGHLIGHT", "HEADLINE", "BODY", "EDITION",
    "SERIES", "TYPE", "COLUMN", "DISTRIBUTION", "CORRECTION-APPENDED", "NAME", "ABSTRACT",
    "SOURCE", "VERSION", "PUBLICATION-DATE",
})
#: Fields after the body.
TRAILING_FIELDS = frozenset({
    "LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "JOURNAL-CODE", "GRAPHIC", "URL", "NOTES",
    "CORRECTION-DATE", "DOCUMENT-TYPE", "SUBJECT", "ORGANIZATION", "PERSON", "GEOGRAPHIC",
    "INDUSTRY", "TICKER", "COMPANY", "CITY", "STATE", "COUNTRY", "ACC-NO", "DOC-ID",
    "PUBLICATION", "CATEGORY", "TERMS", "DOCUMENT-URL", "LINK", "CORRECTION",
})
FIELDS = HEADER_FIELDS | TRAILING_FIELDS
FIELD = re.compile(r"^([A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*)?):(?:\s+(.*?))?\s*$")
COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\)\s*\d{4}|all rights reserved\b)", re.IGNORECASE)
LENGTH = re.compile(r"(\d[\d,]*)\s+words", re.IGNORECASE)
BY = re.compile(r"^by\s+", re.IGNORECASE)
#: Below this share of the length an export states, part of the text may have been lost.
MIN_LENGTH_SHARE = 0.7


def field(line: str, labels: frozenset[str] = FIELDS, capitals: bool = False) -> tuple[str, str] | None:
    """``(LABEL, value)`` when ``line`` is a labelled field of ``labels``, else None.
    With ``capitals`` the label must be written in capitals, as plain-text exports write it."""
    found = FIELD.match(line.strip())
    if not found:
        return None
    label = found.group(1)
    if capitals and label != label.upper():
        return None
    label = label.upper()
    return (label, found.group(2) or "") if label in labels else None


def is_copyright(line: str) -> bool:
    """A copyright line ("Copyright 2010 The New York Times Company", "All Rights Reserved")."""
    return bool(COPYRIGHT.match(line.strip()))


def author_of(byline: str) -> str:
    """The byline without its leading "By"."""
    return BY.sub("", " ".join(byline.split())).strip()


def stated_length(value: str) -> int | None:
    """Words in ``LENGTH: 355 words``, or None."""
    found = LENGTH.search(value)
    return int(found.group(1).replace(",", "")) if found else None


def length_warning(stated: int | None, body: str, where: str) -> str:
    """A warning when the body has far fewer words than the export says the article has."""
    read = len(body.split())
    if not stated or read >= MIN_LENGTH_SHARE * stated:
        return ""
    return (f"{where}: the export gives its length as {stated} words but {read} were read; part "
            "of the text may have been taken for metadata — compare text_path with the export")
