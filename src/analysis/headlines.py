"""Title Case lines, sentence-cased for the parser.

spaCy's small English model reads a capitalised word as part of a name. In the headline
"Clinton Breaks With Obama On 9/11 Lawsuit Bill" it tags "Breaks" a proper noun and makes
"Clinton Breaks" one name, so the headline's attribution (Clinton's break with Obama) has no
subject and no verb. Parsed as "Clinton breaks with Obama on 9/11 lawsuit bill", it has both.

:func:`sentence_case_headlines` gives the parser such lines sentence-cased. A line is in
Title Case (:func:`is_title_case`) when it has 3 to :data:`MAX_WORDS` words, every one of
them capitalised except the small words Title Case leaves alone ("of", "to", "the"...:
``lexicons/title_case_small_words.txt`` and ``english_function_words.txt``), at least two
of them after the first: a headline or a subhead, not a sentence nor a byline ("Julie
Hirschfeld Davis reported from Midway Atoll" has a lower-case "reported"). In it, the
article "A" ("As A Disgusting Fraud") and each capitalised word after the line's first word
(and not opening a part after a colon or a full stop) are lower-cased when

- the rest of the article writes it in lower case more often than capitalised
  mid-sentence ("Voters" when the body has "voters"; "Mr. Trump" is mid-sentence); or
- the rest of the article has it neither way and it is a common word: a small word, an
  adverb in "-ly", a WordNet verb, a plural of a WordNet noun, or a WordNet noun whose most
  frequent sense is no person, place or time ("Breaks", "Voters", "Reportedly", but not
  "Davis" nor "Sunday"), looked up with its plural or verb ending taken off.

So names stay capitalised: the article writes them so. Only the case of letters changes, so
the text keeps its length and every offset; evidence is cut from the article as written.
It costs far less than the parse; what it changes on PolNeAR is measured in
``docs/accuracy.md``.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import cache

from . import wordnet
from .lexicons import lemma_candidates, lexicon_set

#: Longest line, in words, read as a headline.
MAX_WORDS = 25
#: Fewest capitalised words (after the first) that make a line Title Case.
MIN_CAPITALISED = 2
#: Classes of a noun's most frequent sense that mark a name rather than a common word.
NAME_CLASSES = frozenset({"person", "location", "time"})
WORD = re.compile(r"[A-Za-z]+")
#: What may stand between a sentence's end and its first word.
OPENERS = " \t\u00a0\"“‘'(["
#: A short abbreviation or an initial before a name ("Mr.", "Sen.", "J."): no sentence end.
ABBREVIATION = re.compile(r"(?:^|[\s(])[A-Z][a-z]{0,3}\.$")
LINE = re.compile(r"[^\n]+")
#: A word right after these starts a part of its own and keeps its capital.
PART_START = re.compile(r"[:.!?]\s*[\"“‘']?\s*$")


@cache
def _small_words() -> frozenset[str]:
    """Words a Title Case line may leave in lower case, and that are common words anyway:
    ``title_case_small_words`` and ``english_function_words``."""
    return lexicon_set("title_case_small_words") | lexicon_set("english_function_words")


def _words(line: str) -> list[str]:
    return [w for w in WORD.findall(line) if len(w) > 1]


def _capitalised(word: str) -> bool:
    """"Breaks", not "breaks" nor "FBI"."""
    return word[0].isupper() and word[1:].islower()


def is_title_case(line: str) -> bool:
    """Whether ``line`` reads as a Title Case headline (see the module docstring)."""
    words = _words(line)
    if not 3 <= len(words) <= MAX_WORDS:
        return False
    small = _small_words()
    if any(not w[0].isupper() and w.lower() not in small for w in words):
        return False
    return sum(_capitalised(w) for w in words[1:]) >= MIN_CAPITALISED


def common_word(word: str) -> bool:
    """Whether ``word`` (any case) is a common word (see the module docstring)."""
    low = word.lower()
    if low in _small_words() or (low.endswith("ly") and len(low) > 4):
        return True
    for lemma in lemma_candidates(low):
        if wordnet.classes(lemma, "verb"):
            return True
        noun = wordnet.classes(lemma, "noun")
        if noun and (noun[0] not in NAME_CLASSES or lemma != low):  # names take no plural
            return True
    return False


def _sentence_start(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a line or a sentence ("Mr. Trump" does not)."""
    before = text[max(0, start - 12):start].rstrip(OPENERS)
    if not before or before.endswith("\n") or before[-1] in "!?:":
        return True
    return before[-1] == "." and not ABBREVIATION.search(before)


def _usage(text: str, skip: list[tuple[int, int]]) -> tuple[Counter, Counter]:
    """How often each word is written in lower case, and capitalised mid-sentence, in
    ``text`` outside the ``skip`` spans (keys lower-cased)."""
    lower, capital = Counter(), Counter()
    spans = iter(skip)
    current = next(spans, None)
    for match in WORD.finditer(text):
        while current is not None and match.start() >= current[1]:
            current = next(spans, None)
        if current is not None and current[0] <= match.start():
            continue
        word = match.group()
        if word.islower():
            lower[word] += 1
        elif _capitalised(word) and not _sentence_start(text, match.start()):
            capital[word.lower()] += 1
    return lower, capital


def sentence_case_headlines(text: str) -> str:
    """``text`` with its Title Case lines sentence-cased (same length; see the module
    docstring). Text without such lines comes back as it is."""
    heads = [m.span() for m in LINE.finditer(text) if is_title_case(m.group())]
    if not heads:
        return text
    lower, capital = _usage(text, heads)
    chars = list(text)
    for start, end in heads:
        for k, match in enumerate(WORD.finditer(text, start, end)):
            word = match.group()
            if k == 0 or PART_START.search(text, start, match.start()):
                continue
            if word == "A" and text[match.end():match.end() + 1] == " ":  # not "Joseph A. Smith"
                chars[match.start()] = "a"
                continue
            if len(word) < 2 or not _capitalised(word):
                continue
            key = word.lower()
            if lower[key] > capital[key] or (not lower[key] and not capital[key]
                                              and common_word(word)):
                chars[match.start()] = word[0].lower()
    return "".join(chars)
