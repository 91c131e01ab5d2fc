"""Word documents (``.docx``) with python-docx: paragraphs as paragraphs, headings kept.

The text of a document is its paragraphs in order (table rows among them, their cells
joined by `` | ``), separated by a blank line. Headings (styles ``Title``, ``Subtitle``,
``Heading N``) stay in the text as lines of their own, so the loader reads the first one as
the headline; the document's title property is used when it has no heading.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass

from ..textio import ArticleError
from .piece import Piece
from .store import clean_text

HEADING_STYLE = re.compile(r"^(?:title|subtitle|heading \d)$", re.IGNORECASE)
WORD_REMEDY = "open it in Word and save it again as .docx (or as PDF)"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a document; ``heading`` when its style is a title or heading."""

    text: str
    heading: bool = False


def read_paragraphs(data: bytes, name: str) -> tuple[list[Paragraph], str]:
    """The paragraphs of a ``.docx`` file's bytes and its title property.

    Raises :class:`ArticleError` when the file is not a Word document python-docx can read.
    """
    import docx
    from docx.table import Table

    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = []
        for block in document.iter_inner_content():
            if isinstance(block, Table):
                paragraphs.extend(Paragraph(row) for row in _table_rows(block))
            else:
                style = block.style.name if block.style is not None else ""
                paragraphs.append(Paragraph(clean_text(block.text),
                                            bool(HEADING_STYLE.match(style or ""))))
        title = document.core_properties.title or ""
    except Exception as exc:  # a damaged file, or a ZIP that is not a Word document
        raise ArticleError(name, f"not a readable Word document ({type(exc).__name__})",
                           WORD_REMEDY) from None
    return paragraphs, " ".join(title.split())


def _table_rows(table) -> list[str]:
    """Each row of a table as one line, its distinct cells joined by `` | ``."""
    rows = []
    for row in table.rows:
        cells = list(dict.fromkeys(c.text.strip() for c in row.cells if c.text.strip()))
        if cells:
            rows.append(clean_text(" | ".join(cells)))
    return rows


def word_document(paragraphs: list[Paragraph], title: str = "") -> Piece:
    """The one article of an ordinary Word document."""
    kept = [p for p in paragraphs if p.text.strip()]
    text = "\n\n".join(p.text.strip() for p in kept)
    headings = [p.text.strip() for p in kept if p.heading]
    return Piece(text=text, number=None,
                 meta={"title": headings[0] if headings else title} if (headings or title) else {})
