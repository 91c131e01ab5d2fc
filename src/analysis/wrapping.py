"""Hard-wrapped text: line breaks inside paragraphs, read as spaces.

Plain-text exports (saved e-mails, text copied out of a PDF, some news archives) break every
line at a fixed width, so a paragraph runs over several lines and a quotation may be cut at a
line end. The extractor reads a line break as the end of a paragraph; on such a text it would
lose quotes, speakers and sources at every line end. Here a text is recognised as
hard-wrapped, and its wrapping line breaks are found, so that the copy the pipeline parses and
extracts from can read them as spaces. Replacing a ``"\\n"`` by a space keeps the length, so
every offset found in the copy still indexes the text as written.

A text is *hard-wrapped* when at least :data:`MIN_WRAPS` of its single line breaks, and
:data:`MIN_WRAP_SHARE` of them, fall in the middle of a sentence (the line ends in a letter,
a digit, a comma or a semicolon and the next line starts with a lower-case letter), and the
lines that end so are of nearly one length (their lengths vary by less than
:data:`MAX_SPREAD` of their mean): a writer's own line breaks (one paragraph per line, a
list, a poem, code) do not look like that.

In a hard-wrapped text a line break between two non-blank lines is a *wrap* (read as a
space) when the next line starts with a lower-case letter, when the line ends in a comma, a
semicolon or a dash, when the line ends in a letter or a digit and fills
:data:`LONG_LINE` of the width of its block of lines (the longest line between blank
lines), or when the line is full: the first word of the next line would not have fitted
after it within that width. A break stays when either line has no letter (a rule of
``=====``) or the next line opens with a label (``Date:``, ``UPDATED:``); blank lines, and
the breaks after a short line (a heading, a byline, the last line of a paragraph, an item of
a list), stay too.
"""
from __future__ import annotations

import re
import statistics

#: Fewest mid-sentence line breaks for a text to count as hard-wrapped.
MIN_WRAPS = 3
#: Least share of the single line breaks that fall mid-sentence.
MIN_WRAP_SHARE = 0.2
#: Largest coefficient of variation of the lengths of the lines broken mid-sentence.
MAX_SPREAD = 0.15
#: A line ending in a letter or digit that fills this share of its block's width is wrapped.
LONG_LINE = 0.8
MID_END = re.compile(r"[^\W_]$|[,;]$")
OPEN_END = re.compile(r"[,;\-–—]$")
WORD_END = re.compile(r"[^\W_]$")
LABEL = re.compile(r"[A-Z][\w.]*(?: [A-Z][\w.]*){0,2}: ")
LETTER = re.compile(r"[^\W\d_]")
FIRST_WORD = re.compile(r"\S+")


def _lines(text: str) -> list[tuple[int, str]]:
    """``(offset, line)`` of each line of an LF text, line breaks left out."""
    out, start = [], 0
    for line in text.split("\n"):
        out.append((start, line))
        start += len(line) + 1
    return out


def _mid_sentence(line: str, following: str) -> bool:
    """Whether the break between ``line`` and ``following`` falls inside a sentence."""
    return bool(MID_END.search(line.rstrip())) and following.lstrip()[:1].islower()


def _single_breaks(lines: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """``(offset of the "\\n", line, next line)`` of each break between non-blank lines."""
    return [(start + len(line), line, nxt) for (start, line), (_, nxt) in zip(lines, lines[1:])
            if line.strip() and nxt.strip()]


def is_hard_wrapped(text: str) -> bool:
    """Whether the LF text ``text`` is hard-wrapped (see the module docstring)."""
    breaks = _single_breaks(_lines(text))
    lengths = [len(line.rstrip()) for _, line, nxt in breaks if _mid_sentence(line, nxt)]
    if len(lengths) < MIN_WRAPS or len(lengths) < MIN_WRAP_SHARE * len(breaks):
        return False
    return statistics.pstdev(lengths) < MAX_SPREAD * statistics.mean(lengths)


def _blocks(lines: list[tuple[int, str]]) -> list[list[tuple[int, str]]]:
    """Runs of non-blank lines."""
    blocks: list[list[tuple[int, str]]] = [[]]
    for item in lines:
        if item[1].strip():
            blocks[-1].append(item)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def wrap_breaks(text: str) -> list[int]:
    """Offsets of the wrapping line breaks of the LF text ``text`` (none when it is not
    hard-wrapped): the ``"\\n"`` characters to read as spaces."""
    if "\n" not in text or not is_hard_wrapped(text):
        return []
    out = []
    for block in _blocks(_lines(text)):
        width = max(len(line.rstrip()) for _, line in block)
        out += [start + len(line) for (start, line), (_, nxt) in zip(block, block[1:])
                if _wraps(line.rstrip(), nxt.lstrip(), width)]
    return out


def _wraps(line: str, nxt: str, width: int) -> bool:
    """Whether the break between the non-blank ``line`` and ``nxt`` (stripped) of a
    hard-wrapped block of lines ``width`` wide is a wrap (see the module docstring)."""
    if not LETTER.search(line) or not LETTER.search(nxt) or LABEL.match(nxt):
        return False
    if nxt[0].islower() or OPEN_END.search(line):
        return True
    if WORD_END.search(line) and len(line) >= LONG_LINE * width:
        return True
    return len(line) + 1 + len(FIRST_WORD.match(nxt).group()) > width


def join_breaks(text: str, breaks: list[int]) -> str:
    """``text`` with the line breaks at ``breaks`` made spaces (same length)."""
    if not breaks:
        return text
    chars = list(text)
    for i in breaks:
        if chars[i] == "\n":
            chars[i] = " "
    return "".join(chars)


def unwrap(text: str) -> str:
    """The LF text ``text`` with its wrapping line breaks as spaces (``text`` itself when
    it is not hard-wrapped); same length, so offsets into the result index ``text``."""
    return join_breaks(text, wrap_breaks(text))
