"""Separating the article body from web-page furniture, without editing the text.

The raw text is never changed. :func:`clean_article` returns the body as spans of the raw
text plus the list of what was removed and why, so a user can check every cut and every later
offset still points into the original file. Appeals to the reader ("Consider sharing this
article") leave the body too but are kept apart: they are a framing signal, not noise.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicons import lexicon_set, load_lexicon

#: Any character but a line break (what :func:`mask_outside` blanks).
BLANK = re.compile(r"[^\r\n]")
LINE = re.compile(r"[^\r\n]+")
SENTENCE_END = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(]?[A-Z0-9])")
ABBREVIATION = re.compile(
    r"(?:\b[A-Z]\.(?:[A-Z]\.)*|\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Maj|Capt|Sgt|St|Jr|Sr|"
    r"Prof|Inc|Corp|Co|Ltd|No|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.)$"
)
DATE_LINE = re.compile(
    r"\b(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|"
    r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4})\b",
    re.IGNORECASE,
)
#: A byline or a metadata field of the page or the export, in the header ("By Tina
#: Sfondeles", "Author: Tina Sfondeles", "Publisher: VTDigger", "URL: https://…"): who
#: wrote or put out the article, not someone it quotes or cites.
FIELD_LINE = re.compile(r"^(?:(?i:by)\s+[A-Z]|(?i:authors?|byline|written by|publisher|url|"
                        r"link|date|published|posted|updated)\s*:\s*\S)")
#: Longest byline or field line (in words).
FIELD_LINE_MAX_WORDS = 12
CAPTION = re.compile(r"\((photo|image|credit|picture)s?\b|^(photo|image|credit|picture)s?\s*:|getty images",
                     re.IGNORECASE)
NAV_PREFIX = re.compile(r"^\s*(?:[•»›|>]|home\s*[>/»›|]|(?:related(?: articles?| stories)?|"
                        r"read (?:more|next|also)|see also|also read|more)\s*[|:]\s)",
                        re.IGNORECASE)  # "RELATED | Man accused…", "READ MORE: …" link lines
ICON_WORDS = re.compile(r"\b(keyboard_arrow_(?:right|left|down|up)|chevron_right|arrow_forward)\b")
SOURCE_LINE = re.compile(r"^(source|originally published (?:by|in|on|at))\s*:?\s*(?P<name>.+)$", re.IGNORECASE)
SYNDICATION = re.compile(r"^the post\b.+\bfirst appeared on\b", re.IGNORECASE)
#: An author's promotion line ("Follow Pam Key on Twitter @pamkeyNEN."), quoted or not: a
#: named person (capitalised words), a social network, then a handle, a link or the line's
#: end. "Follow us on…" is an appeal to the reader, handled by ``appeal_openers``.
AUTHOR_PROMO = re.compile(
    r"^[\"“]?[Ff]ollow\s+(?:@\w+|[A-Z][\w.'’-]*(?:\s+(?:and\s+)?[A-Z][\w.'’-]*){0,5})\s+"
    r"[Oo]n\s+(?:Twitter|X|Facebook|Instagram|Threads|Bluesky|Mastodon|LinkedIn|TikTok)"
    r"\s*:?\s*(?:@\w|https?://|[.!]?[\"”]?\s*$)")
AUTHOR_PROMO_MAX_WORDS = 20
#: A line heading a list of links to other articles ("RELATED ARTICLES", "More stories:"):
#: the lines after it that are no prose are those links' headlines, up to the first prose.
LINK_LIST_HEADER = re.compile(r"^(?:related(?: articles| stories| posts| coverage| content)?|"
                              r"more (?:stories|news|coverage)|read (?:more|next)|see also|"
                              r"recommended(?: stories| articles)?|you (?:may|might) also like)"
                              r"\s*:?$", re.IGNORECASE)
NOT_IMPERATIVE_AFTER = {"for", "of", "from", "among", "has", "had", "is", "was", "grew", "fell", "remains"}


@dataclass(frozen=True)
class Removed:
    """A piece of the raw text left out of the body, with the reason shown to the user."""

    start: int
    end: int
    reason: str
    text: str


@dataclass
class Cleaned:
    """Result of :func:`clean_article`; all offsets index the decoded text."""

    body_spans: list[tuple[int, int]]
    removed: list[Removed] = field(default_factory=list)
    appeals: list[tuple[int, int]] = field(default_factory=list)
    title: str | None = None
    credited_source: str | None = None


def _words(s: str) -> int:
    return len(s.split())


def _is_prose(s: str) -> bool:
    return (_words(s) >= 10 and s.rstrip()[-1:] in ".!?\"”’)'") or _words(s) >= 25


def _norm(s: str) -> str:
    return " ".join(ICON_WORDS.sub(" ", s).strip(" •»›|>").split()).lower()


def _line_reason(line: str, seen: set[str]) -> str | None:
    norm = _norm(line)
    if NAV_PREFIX.match(line) or ICON_WORDS.search(line):
        return "navigation"
    if norm in lexicon_set("boilerplate_lines"):
        return "page widget"
    if AUTHOR_PROMO.match(line) and _words(line) <= AUTHOR_PROMO_MAX_WORDS:
        return "author promotion"
    half = len(line) // 2
    if CAPTION.search(line) or (len(line) > 40 and line[:half].strip() == line[half:].strip()):
        return "image caption or credit"
    if _words(line) >= 3 and norm in seen and not _is_prose(line):
        return "repeated line"
    return None


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of one line or paragraph, by punctuation, skipping abbreviations ("U.S.")."""
    end = len(text) if end is None else end
    spans, pos = [], start
    for m in SENTENCE_END.finditer(text, start, end):
        if ABBREVIATION.search(text, max(start, m.start() - 12), m.end()):
            continue
        spans.append((pos, m.end()))
        pos = m.end()
    spans.append((pos, end))
    out = []
    for s, e in spans:
        chunk = text[s:e]
        lead, content = len(chunk) - len(chunk.lstrip()), chunk.strip()
        if content:
            out.append((s + lead, s + lead + len(content)))
    return out


def _appeal_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences inside ``text[start:end]`` that open with an appeal to the reader."""
    openers = load_lexicon("appeal_openers")
    spans = []
    for s, e in sentence_spans(text, start, end):
        low = text[s:e].lower()
        if any(mark in low for mark in "“”\"«»"):
            continue  # inside or around a quote: the speaker's words, not the page's appeal
        for opener in openers:
            if low.startswith(opener + " ") or low == opener:
                rest = low[len(opener):].split()
                if not rest or rest[0] not in NOT_IMPERATIVE_AFTER:
                    spans.append((s, e))
                break
    return spans


def clean_article(text: str) -> Cleaned:
    """Split ``text`` into body spans and removed boilerplate (with reasons) and appeals."""
    lines = []
    for m in LINE.finditer(text):
        raw = m.group()
        lead = len(raw) - len(raw.lstrip())
        content = raw.strip()
        if content:
            lines.append((m.start() + lead, m.start() + lead + len(content), content))
    removed: list[Removed] = []
    appeals: list[tuple[int, int]] = []
    seen: set[str] = set()
    title: str | None = None
    credited: str | None = None
    in_header, in_footer = True, False
    links = ""  # after a LINK_LIST_HEADER line: "header", then "taken" once a link is read
    prev_end = 0
    footer_markers = lexicon_set("footer_markers")
    half = len(text) / 2
    for start, end, line in lines:
        norm = _norm(line)
        reason = _line_reason(line, seen)
        late = start >= half
        if not in_footer and late:
            source = SOURCE_LINE.match(line)
            if source and _words(line) <= 8:
                credited = source.group("name").strip()
                reason, in_footer = "source credit", True
            elif SYNDICATION.match(line):
                reason, in_footer = "syndication footer", True
            elif norm in footer_markers:
                in_footer = True
        if in_header and reason in (None, "repeated line") and not _is_prose(line):
            if (DATE_LINE.search(line) and _words(line) <= 8) or (
                    FIELD_LINE.match(line) and _words(line) <= FIELD_LINE_MAX_WORDS):
                reason = "byline or date"
            elif _words(line) <= 4 and title is None and line[-1:] not in ".!?":
                reason = "section label"
            elif title is None and _words(line) >= 3:
                title = line
        if links == "taken" and text.count("\n", prev_end, start) >= 2:
            links = ""  # a blank line after the links ends their list
        if _is_prose(line):
            in_header, links = False, ""
        elif links and reason is None:
            reason, links = "navigation", "taken"  # a headline of a list of links
        if LINK_LIST_HEADER.match(line):
            links = "header"
        prev_end = end
        if in_footer and reason is None:
            reason = "after the article (bio, links, comments)"
        seen.add(norm)
        if reason:
            removed.append(Removed(start, end, reason, line))
        else:
            appeals.extend(_appeal_spans(text, start, end))
    removed.extend(Removed(s, e, "appeal to the reader", text[s:e]) for s, e in appeals)
    removed.sort(key=lambda r: r.start)
    return Cleaned(_complement(len(text), removed), removed, appeals, title, credited)


def _complement(length: int, removed: list[Removed]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for r in removed:
        if r.start > pos:
            spans.append((pos, r.start))
        pos = max(pos, r.end)
    if pos < length:
        spans.append((pos, length))
    return spans


def mask_outside(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character outside ``spans`` blanked (line breaks kept).

    Same length as ``text``, so offsets found in the result index the original.
    """
    pieces, pos = [], 0
    for s, e in sorted(spans):
        s = max(s, pos)
        if e <= s:
            continue
        pieces += [BLANK.sub(" ", text[pos:s]), text[s:e]]
        pos = e
    pieces.append(BLANK.sub(" ", text[pos:]))
    return "".join(pieces)


def body_text(text: str, spans: list[tuple[int, int]]) -> str:
    """The body for reading: the spans joined, blank runs squeezed."""
    joined = "".join(text[s:e] for s, e in spans)
    return re.sub(r"\n{3,}", "\n\n", joined.replace("\r\n", "\n")).strip()
