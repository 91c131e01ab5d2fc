"""Hard-wrapped lines back into paragraphs: wraps joined, hyphenation at line ends undone.

Archive exports wrap their text at about 80 columns and PDFs at the width of a column. A
paragraph ends at a blank line, at an indented line after a sentence end, or after a line
that ends a sentence well short of the wrap width. A hyphen at the end of a line is dropped
when the two halves make a word ("govern-" + "ment") — one the CMU Pronouncing Dictionary
(shipped with the project, see :mod:`analysis.readability`) or the document itself knows —
and kept for compounds ("well-" + "known" → "well-known": the document writes it so, or
its first half is one of ``lexicons/hyphen_heads.txt``).
"""
from __future__ import annotations

import re
from collections.abc import Iterable

WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
HYPHENATED = re.compile(r"[^\W\d_]+[-‐][^\W\d_]+")
LINE_HYPHEN = re.compile(r"([^\W_]+)[-‐]$")
NEXT_WORD = re.compile(r"^([^\W_]+)")
ENDS_SENTENCE = re.compile(r"[.!?][\"”’')\]]*$")
#: A line ending a sentence shorter than this share of the block's longest line ends its
#: paragraph (the last line of a wrapped paragraph is short).
SHORT_LINE = 0.7
#: Leading spaces more than the block's usual indent that start a new paragraph.
INDENT = 2


def words_of(text: str) -> frozenset[str]:
    """Lower-cased words of ``text``, and its hyphenated words (for :func:`join_lines`)."""
    return frozenset(w.lower() for w in WORD.findall(text)) | frozenset(
        w.lower().replace("‐", "-") for w in HYPHENATED.findall(text))


def _keeps_hyphen(head: str, tail: str, vocabulary: frozenset[str]) -> bool:
    """Whether ``head-`` at a line end and ``tail`` on the next line are a hyphenated
    compound (kept) rather than one word broken in two: the document writes the compound
    elsewhere, or not the joined word and ``head`` starts compounds
    (``lexicons/hyphen_heads.txt``), or the joined word is in no dictionary."""
    from ..lexicons import lexicon_set
    from ..readability import syllable_table

    merged, compound = (head + tail).lower(), f"{head}-{tail}".lower()
    if compound in vocabulary:
        return True
    if merged in vocabulary:
        return False
    return head.lower() in lexicon_set("hyphen_heads") or merged not in syllable_table()


def join_lines(lines: Iterable[str], vocabulary: frozenset[str] = frozenset()) -> str:
    """One paragraph from its lines: stripped, inner runs of spaces squeezed, joined by a
    space, or without one where a word was hyphenated across the line end."""
    out = ""
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        if not out:
            out = line
            continue
        hyphen, following = LINE_HYPHEN.search(out), NEXT_WORD.match(line)
        if out.endswith("\u00ad"):  # a soft hyphen: always a break inside a word
            out = out[:-1] + line
        elif hyphen and following:  # "govern-" + "ment", "19-" + "year-old"
            broken = (hyphen.group(1).isalpha() and following.group(1)[0].islower()
                      and not _keeps_hyphen(hyphen.group(1), following.group(1), vocabulary))
            out = (out[:-1] if broken else out) + line
        else:
            out = f"{out} {line}"
    return out


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def split_paragraphs(lines: list[str]) -> list[list[str]]:
    """The paragraphs of hard-wrapped ``lines`` (each a list of its lines)."""
    blocks, block = [], []
    for line in lines:
        if line.strip():
            block.append(line.rstrip())
        elif block:
            blocks.append(block)
            block = []
    if block:
        blocks.append(block)
    return [p for b in blocks for p in _split_block(b)]


def _split_block(block: list[str]) -> list[list[str]]:
    """A block of lines without blank lines, cut where a paragraph visibly ends."""
    if len(block) < 2:
        return [block]
    width = max(len(line.strip()) for line in block)
    base = min(_indent(line) for line in block)
    out, current = [], [block[0]]
    for prev, line in zip(block, block[1:]):
        ended = bool(ENDS_SENTENCE.search(prev.strip()))
        short = len(prev.strip()) < SHORT_LINE * width
        indented = _indent(line) >= base + INDENT and _indent(line) > _indent(prev)
        if ended and (short or indented) and len(block) >= 3:
            out.append(current)
            current = []
        current.append(line)
    out.append(current)
    return out


def reflow(lines: list[str], vocabulary: frozenset[str] | None = None) -> list[str]:
    """Hard-wrapped ``lines`` as one string per paragraph."""
    vocabulary = words_of("\n".join(lines)) if vocabulary is None else vocabulary
    return [p for p in (join_lines(par, vocabulary) for par in split_paragraphs(lines)) if p]
