"""Direct quotes: pairing quote marks paragraph by paragraph, and telling titles apart.

Quote marks are paired inside each paragraph: curly “…”, straight "…", ``«…»``, „…“ and the
doubled forms ``‘‘ …’’``, ``` ``…'' ```. Single quotes ‘…’ inside a quotation are part of it. A
quotation left open at the end of a paragraph continues if the next paragraph opens with a
quote mark (the newspaper convention for multi-paragraph quotes: one record per paragraph);
otherwise it stops at the paragraph end, so an odd number of marks never swallows the rest of
the article. A “ glued to the word before it and followed by a space or punctuation was typed
the wrong way round and closes (“abhorrent“ in a tweet); a ” that opens a paragraph glued to
its first word opens (”Mr. Trump embodies…” ― a reader). In a transcript quoted line by line
("\"WALLACE: Let's start…") the quotation starts after the speaker's label. Quote marks
inside markup (embedded ``<tweet …>…<tweet/>`` elements, tag attributes) are not paired.
Quoted titles and names ("Face the Nation"), the title of a work named just before it ("his
column, “…”", "a memo titled “…”": ``lexicons/work_nouns.txt``), headlines followed by a byline
("…," by Times' Ben Sisario) and short scare quotes become ``title`` records, not quotes; a
quotation of several sentences ("“The Donald. Big Daddy.”") is never read as a title.
Speakers are found by :mod:`analysis.extract.speakers`.
"""
from __future__ import annotations

import re
from functools import cache

from ..lexicons import lexicon_set
from ..records import QUOTE_KINDS

#: Quote marks; doubled single marks come first so that ``’’`` is one closing mark.
MARKS = re.compile(r"‘‘|’’|``|''|[“”\"«»„‟]|\r\n|\r|\n")
OPENERS = frozenset({"“", "«", "„", "‟", "‘‘", "``"})
#: ``''`` closes a quotation (“…'' or ``…''), and opens one in wire-copy style (''…'', as
#: in New York Times archives): those become ``wire_quote`` records, not ``quote`` — the
#: PolNeAR quote definition (and so its scorer) only knows “”" marks.
CLOSERS = frozenset({"”", "»", "’’"})
AMBIGUOUS = frozenset({'"', "''"})
WIRE_MARK = "''"
WIRE_RULE = "quote in doubled apostrophes (wire style)"
#: Words left lower-case in a title ("Face the Nation").
#: Rule of a ``title`` record that is a scare quote (a word held at a distance), not a name.
SCARE_RULE = "scare quote"
#: Words Title Case leaves in lower case ("Face the Nation").
SMALL_WORDS = lexicon_set("title_case_small_words")
WORD = re.compile(r"[^\W\d_][\w'’.-]*")
#: Longest quotation read as a title or a scare quote, in words.
TITLE_MAX_WORDS = 6
SCARE_MAX_WORDS = 2
#: Markup left in the text: embedded tweets (``<tweet …>…<tweet/>``, the tweeter's words, not
#: a quotation by the article) and the attributes of any tag (``<a href="…">``). Quote marks in
#: there are not paired.
MARKUP = re.compile(r"<tweet\b[^<>]{0,3000}>[^<]{0,3000}(?:<tweet\s*/>|</tweet>)"
                    r"|<[A-Za-z][\w-]*\s[^<>]{0,3000}>")
#: A byline after a quoted headline ("…," by Times' Ben Sisario), as in news round-ups.
BYLINE = re.compile(r"\s*by\s+(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,4}[A-Z][\w.&-]*(?:'s|’s|')\s")
QUOTE_CHARS = re.compile(r"[“”\"«»„‟‘’`']")
#: A “ glued to the word before it and followed by a space, punctuation or the end closes a
#: quotation (“abhorrent“ in a tweet; “…a fascist?“ he asked): typed the wrong way round.
WRONG_WAY_CLOSER = re.compile(r"(?<=\S)“(?=[\s,.;:!?)]|$)")
#: A ” that opens a paragraph and is glued to the word after it opens a quotation (”Mr.
#: Trump embodies…” in a reader-comment round-up): typed the wrong way round.
WRONG_WAY_OPENER = re.compile(r"”(?=[^\W\d_])")
#: A sentence break inside the marks ("The Donald. Big Daddy."): speech, not a title.
SENTENCE_BREAK = re.compile(r"[a-z]{3,}[.!?]\s+[A-Z]")
#: Longest quotation read as the title of a work named just before it (:func:`after_work_noun`).
WORK_TITLE_MAX_WORDS = 12


#: A transcript's speaker label after the mark that opens a paragraph ("\"WALLACE: Let's
#: start…"): :func:`pair_marks` starts the quotation after it, and
#: :func:`analysis.extract.speakers.transcript_label` makes it the speaker.
TRANSCRIPT_LABEL = re.compile(r"((?:[A-Z][A-Z.'’-]+ ){0,2}[A-Z][A-Z'’-]+):[ \t]+(?=\S)")


def pair_marks(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, rule)`` of every quotation, marks included, in text order."""
    text = mask_markup(text)
    spans: list[tuple[int, int, str]] = []
    open_at: int | None = None
    open_mark = ""
    para_start = 0
    seen_mark = False  # a quote mark was met in the current paragraph
    continued = False  # the open quotation began in an earlier paragraph
    pending: tuple[int, int] | None = None  # a quotation left open by the previous paragraph
    for m in MARKS.finditer(text):
        mark, pos = m.group(), m.start()
        if mark in ("\n", "\r", "\r\n"):
            if not text[para_start:pos].strip():
                para_start = m.end()  # blank line: paragraphs are still adjacent
                continue
            if pending is not None:
                spans.append((*pending, "unclosed quote (ends at paragraph)"))
                pending = None
            if open_at is not None:
                pending = (open_at, _rstrip(text, pos))
            open_at, para_start, seen_mark = None, m.end(), False
            continue
        if pending is not None:
            if (not seen_mark and not text[para_start:pos].strip()
                    and (mark not in CLOSERS or WRONG_WAY_OPENER.match(text, pos))):
                spans.append((*pending, "quote over several paragraphs"))
                continued = True
            else:
                spans.append((*pending, "unclosed quote (ends at paragraph)"))
                continued = False
            pending = None
        seen_mark = True
        wrong_way = mark == "“" and WRONG_WAY_CLOSER.match(text, pos) is not None
        wrong_open = (mark == "”" and open_at is None and not text[para_start:pos].strip()
                      and WRONG_WAY_OPENER.match(text, pos) is not None)
        if open_at is None:
            if wrong_way:
                continue  # a stray closing mark opens nothing
            if (mark in OPENERS or wrong_open
                    or (mark in AMBIGUOUS and _opens(text, pos, m.end()))):
                open_at, open_mark = pos, mark
                label = (TRANSCRIPT_LABEL.match(text, m.end())
                         if not text[para_start:pos].strip() else None)
                if label is not None:
                    open_at = label.end()
            continue
        closes = (mark in CLOSERS or mark in AMBIGUOUS or wrong_way
                  or (open_mark == "„" and mark == "“"))
        if open_mark == WIRE_MARK and mark == '"':
            continue  # a straight quote inside a wire-style quotation
        if not closes:
            # a new opening mark inside an open quotation: the earlier one was never closed
            spans.append((open_at, _rstrip(text, pos), "unclosed quote (ends at next quote)"))
            open_at, open_mark, continued = pos, mark, False
            continue
        rule = "quote continued from previous paragraph" if continued else "quote marks"
        if open_mark == WIRE_MARK:
            rule = WIRE_RULE
        spans.append((open_at, m.end(), rule))
        open_at, continued = None, False
    if pending is not None:
        spans.append((*pending, "unclosed quote (ends at paragraph)"))
    if open_at is not None:
        spans.append((open_at, _rstrip(text, len(text)), "unclosed quote (ends at paragraph)"))
    return [s for s in spans if s[1] > s[0]]


def mask_markup(text: str) -> str:
    """``text`` with the quote marks inside :data:`MARKUP` blanked (same length)."""
    if "<" not in text:
        return text
    return MARKUP.sub(lambda m: QUOTE_CHARS.sub(" ", m.group()), text)


def _rstrip(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end


def _opens(text: str, start: int, end: int) -> bool:
    """A straight mark opens when text follows it and no word character precedes it."""
    after = text[end:end + 1]
    before = text[start - 1:start] if start else ""
    if not after or after.isspace():
        return False
    return not before or not (before.isalnum() or before in ".,;!?")


def classify(text: str, start: int, end: int) -> tuple[str, str]:
    """``(kind, rule)``: ``quote``, or ``title`` for a quoted title/name or a scare quote."""
    inner = text[start:end].strip("“”\"«»„‟‘’`' \t\r\n")
    words = WORD.findall(inner)
    before = text[max(0, start - 3):start].rstrip()
    after = text[end:end + 2].lstrip()
    introduced = before.endswith((":", ",")) or after.startswith(",")
    if not words:
        return "title", "quoted non-words"
    if inner.endswith(",") and BYLINE.match(text, end):
        return "title", "quoted headline with byline"
    if len(words) <= WORK_TITLE_MAX_WORDS and after_work_noun(text, start):
        return "title", "quoted title of a work"
    if SENTENCE_BREAK.search(inner):
        return "quote", ""
    if len(words) <= TITLE_MAX_WORDS and not introduced and inner[-1:] not in "!?" and all(
            w[0].isupper() or w.lower() in SMALL_WORDS for w in words) and words[0][0].isupper():
        return "title", "quoted title or name"
    if (len(words) <= SCARE_MAX_WORDS and not introduced and inner[-1:] not in ".!?"
            and before[-1:].isalpha()):
        return "title", SCARE_RULE
    return "quote", ""


@cache
def _work_noun_pattern() -> re.Pattern:
    """The lexicon's words in lower case (a capitalised one is a name: "Dr. Paul Song"), right
    before the quotation or before a comma ("his column, “…”"; not "its headline: “…”",
    which introduces what someone said)."""
    words = sorted(lexicon_set("work_nouns"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r"),?\s*$")


def after_work_noun(text: str, start: int) -> bool:
    """The quotation at ``start`` follows a word of ``lexicons/work_nouns.txt`` ("his column,
    “…”", "a film titled “…”"): it is that work's title."""
    return _work_noun_pattern().search(text[max(0, start - 40):start]) is not None


def find_quotes(body: str) -> list[dict]:
    """Quote records (speakers not yet found: see
    :func:`analysis.extract.speakers.find_speakers`) and ``title`` records of one article,
    in text order.

    ``body`` is the text the article was parsed from (its body, everything else blanked, the
    same length as the article's text), so offsets index the article's text.
    """
    records = []
    for start, end, pair_rule in pair_marks(body):
        kind, rule = classify(body, start, end)
        if kind == "quote" and pair_rule == WIRE_RULE:
            kind = "wire_quote"
        rec = {"kind": kind, "start": start, "end": end, "rule": rule or pair_rule}
        if kind in QUOTE_KINDS:
            rec.update(speaker_start=None, speaker_end=None, speaker=None, cue=None)
        else:
            rec["cue"] = None
        records.append(rec)
    return records


def quote_spans(records: list[dict]) -> list[tuple[int, int]]:
    """``(start, end)`` of the quotations (``quote`` and ``wire_quote``) among ``records``."""
    return [(r["start"], r["end"]) for r in records if r["kind"] in QUOTE_KINDS]


def title_spans(records: list[dict]) -> list[tuple[int, int]]:
    """``(start, end)`` of the quoted titles and names among ``records`` (scare quotes are
    no names: a subject inside one still counts)."""
    return [(r["start"], r["end"]) for r in records
            if r["kind"] == "title" and r["rule"] != SCARE_RULE]
