"""Text-based PDFs with pdfminer.six: the text in reading order, as paragraphs.

pdfminer gives the text boxes of each page with their positions. From them:

- running headers and footers are dropped: lines in the top or bottom tenth of a page
  (:data:`MARGIN_BAND`) that are a page number ("3", "Page 3 of 5", "- 3 -"), or that come
  back on another page with only their digits changed;
- reading order: boxes wider than :data:`FULL_WIDTH` of the text area (a headline, a
  standfirst) cut the page into bands; in each band the columns are read left to right,
  each from top to bottom;
- lines are joined into paragraphs (:mod:`.reflow`: hard wraps joined, hyphenation at line
  ends undone), a paragraph cut by a column or page break is joined again, and a line in
  a larger type than the body stays a paragraph of its own (a headline).

A PDF without a text layer (a scan: its pages are images) is an :class:`ArticleError`
saying to run OCR first.
"""
from __future__ import annotations

import io
import logging
import re
import statistics
from dataclasses import dataclass, field

from ..textio import ArticleError
from .piece import Piece
from .reflow import join_lines, reflow, words_of
from .store import clean_text

#: Share of the page height, at the top and at the bottom, where running heads are looked for.
MARGIN_BAND = 0.1
#: A box wider than this share of the text area spans the columns.
FULL_WIDTH = 0.6
#: Boxes whose left edges are closer than this share of the text area are one column.
COLUMN_GAP = 0.2
#: A line this many times the body's type size, or more, is a heading.
HEADING_SIZE = 1.15
#: A vertical gap this many times the usual line spacing ends a paragraph.
PARAGRAPH_GAP = 1.6
PAGE_NUMBER = re.compile(r"^[\W_]*(?:page\s*)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[\W_]*$",
                         re.IGNORECASE)
ENDS_PARAGRAPH = re.compile(r"[.!?:;\"”’)\]]$")
OCR_REMEDY = ("its pages are images (a scan or a photograph); make a searchable PDF with OCR "
              "(e.g. `ocrmypdf scan.pdf text.pdf`) and load that")


@dataclass
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str
    size: float


@dataclass
class Box:
    x0: float
    y0: float
    x1: float
    y1: float
    lines: list[Line] = field(default_factory=list)


def read_pdf(data: bytes, name: str) -> Piece:
    """The article of a PDF file's bytes (one per file)."""
    pages = _pages(data, name)
    if not any(line.text.strip() for _, _, boxes in pages for box in boxes for line in box.lines):
        raise ArticleError(name, "no text layer: run OCR first", OCR_REMEDY)
    pages = _drop_running_heads(pages)
    lines = [line for _, _, boxes in pages for box in boxes for line in box.lines]
    body_size = statistics.median(line.size for line in lines) if lines else 0.0
    vocabulary = words_of("\n".join(line.text for line in lines))
    paragraphs: list[tuple[str, bool]] = []  # (text, is a heading)
    for width, _, boxes in pages:
        for box in _reading_order(boxes):
            for text, heading in _box_paragraphs(box, body_size, vocabulary):
                prev = paragraphs[-1] if paragraphs else None
                if prev and not prev[1] and not heading and _continues(prev[0], text):
                    paragraphs[-1] = (join_lines([prev[0], text], vocabulary), False)
                else:
                    paragraphs.append((text, heading))
    headings = [t for t, h in paragraphs if h]
    title = headings[0] if headings else _info_title(data)
    text = clean_text("\n\n".join(t for t, _ in paragraphs))
    return Piece(text=text, meta={"title": title} if title else {})


def _pages(data: bytes, name: str) -> list[tuple[float, float, list[Box]]]:
    """``(width, height, text boxes)`` of every page."""
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams, LTChar, LTTextBoxHorizontal, LTTextLineHorizontal

    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # its notes on odd files are not ours
    pages = []
    try:
        for page in extract_pages(io.BytesIO(data), laparams=LAParams()):
            boxes = []
            for element in page:
                if not isinstance(element, LTTextBoxHorizontal):
                    continue
                box = Box(element.x0, element.y0, element.x1, element.y1)
                for item in element:
                    if not isinstance(item, LTTextLineHorizontal):
                        continue
                    sizes = [c.size for c in item if isinstance(c, LTChar)]
                    text = " ".join(item.get_text().split())
                    if text:
                        box.lines.append(Line(item.x0, item.y0, item.x1, item.y1, text,
                                              statistics.median(sizes) if sizes else 0.0))
                if box.lines:
                    boxes.append(box)
            pages.append((page.width, page.height, boxes))
    except Exception as exc:  # pdfminer's errors for broken, encrypted or odd files
        kind = type(exc).__name__
        if "Password" in kind or "Encrypt" in kind:
            raise ArticleError(name, "a password-protected PDF",
                               "open it, print it to a new PDF without a password and load "
                               "that") from None
        raise ArticleError(name, f"not a readable PDF ({kind})",
                           "open it and print it to a new PDF, or save the article's text "
                           "as .txt") from None
    return pages


def _head_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.lower())


def _drop_running_heads(pages):
    """Pages without page numbers and the lines repeated in their top and bottom bands."""
    def in_band(line: Line, height: float) -> bool:
        return line.y0 >= height * (1 - MARGIN_BAND) or line.y1 <= height * MARGIN_BAND

    seen: dict[str, set[int]] = {}
    for n, (_, height, boxes) in enumerate(pages):
        for box in boxes:
            for line in box.lines:
                if in_band(line, height):
                    seen.setdefault(_head_key(line.text), set()).add(n)
    repeated = {key for key, where in seen.items() if len(where) >= 2}
    out = []
    for width, height, boxes in pages:
        kept = []
        for box in boxes:
            lines = [l for l in box.lines if not (in_band(l, height) and (
                PAGE_NUMBER.match(l.text) or _head_key(l.text) in repeated))]
            if lines:
                kept.append(Box(box.x0, min(l.y0 for l in lines), box.x1,
                                max(l.y1 for l in lines), lines))
        out.append((width, height, kept))
    return out


def _reading_order(boxes: list[Box]) -> list[Box]:
    """Boxes of one page in reading order: bands cut by full-width boxes, and in each band
    the columns left to right, each top to bottom."""
    if not boxes:
        return []
    left, right = min(b.x0 for b in boxes), max(b.x1 for b in boxes)
    area = max(right - left, 1.0)
    wide = sorted((b for b in boxes if b.x1 - b.x0 > FULL_WIDTH * area), key=lambda b: -b.y1)
    narrow = [b for b in boxes if b.x1 - b.x0 <= FULL_WIDTH * area]
    starts = sorted({b.x0 for b in narrow})
    columns: list[float] = []
    for x in starts:
        if not columns or x - columns[-1] > COLUMN_GAP * area:
            columns.append(x)
    column_of = lambda b: max(i for i, x in enumerate(columns) if x <= b.x0 + 1e-6)  # noqa: E731
    ordered, placed = [], set()
    for cut in [*wide, None]:
        floor = cut.y1 if cut is not None else float("-inf")
        band = [b for b in narrow if id(b) not in placed and b.y1 > floor]
        ordered += sorted(band, key=lambda b: (column_of(b), -b.y1))
        placed |= {id(b) for b in band}
        if cut is not None:
            ordered.append(cut)
    return ordered


def _box_paragraphs(box: Box, body_size: float, vocabulary) -> list[tuple[str, bool]]:
    """Paragraphs of one text box, each with whether it is a heading."""
    out: list[tuple[str, bool]] = []
    group: list[Line] = []

    def flush():
        if group:
            heading = body_size > 0 and group[0].size >= HEADING_SIZE * body_size
            if heading:
                out.append((join_lines([l.text for l in group], vocabulary), True))
            else:
                out.extend((p, False) for p in reflow(_as_text_lines(group, box), vocabulary))
        group.clear()

    pitches = [a.y0 - b.y0 for a, b in zip(box.lines, box.lines[1:]) if a.y0 > b.y0]
    pitch = statistics.median(pitches) if pitches else 0.0
    for line in box.lines:
        if group:
            prev = group[-1]
            size_changed = abs(line.size - prev.size) > 0.15 * max(prev.size, 1.0)
            gap = pitch and (prev.y0 - line.y0) > PARAGRAPH_GAP * pitch
            if size_changed or gap:
                flush()
        group.append(line)
    flush()
    return out


def _as_text_lines(lines: list[Line], box: Box) -> list[str]:
    """Lines as text for :func:`analysis.formats.reflow.reflow`, a first-line indent as
    leading spaces."""
    out = []
    for line in lines:
        indent = line.x0 - box.x0 > 1.5 * max(line.size, 1.0)
        out.append(("    " if indent else "") + line.text)
    return out


def _continues(previous: str, text: str) -> bool:
    """A paragraph cut by a column or page break: no end punctuation, next starts lower-case."""
    return not ENDS_PARAGRAPH.search(previous) and text[:1].islower()


def _info_title(data: bytes) -> str:
    """The title in the PDF's document information, or ''."""
    try:
        from pdfminer.pdfdocument import PDFDocument
        from pdfminer.pdfparser import PDFParser
        from pdfminer.utils import decode_text

        info = PDFDocument(PDFParser(io.BytesIO(data))).info
        value = info[0].get("Title", b"") if info else b""
        value = value.resolve() if hasattr(value, "resolve") else value
        title = decode_text(value) if isinstance(value, bytes) else str(value or "")
    except Exception:
        return ""
    return " ".join(title.split())
