"""Plain forms of sentences and quotes for matching them across articles.

Matching never changes what is shown: every record keeps its offsets into the article's
text, and these forms are only compared. :func:`plain` folds quote marks, apostrophes,
ellipses, dashes and case; :func:`quote_plain` also drops bracketed insertions and expands
contractions (the changes an editor makes inside a quotation); :func:`content_stems` keeps
the Snowball stems of the content words; :func:`facts` finds what tells two events apart
(numbers, years, months) and :func:`capitalised` the capitalised words that may be names.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache

import snowballstemmer

from ..lexicons import lexicon_set

MARKS = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
                       "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
                       "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00a0": " "})
#: Dotted initialisms ("U.S.", "U.N.") written without their dots, so they stay one word.
INITIALISM = re.compile(r"\b(?:[A-Z]\.){2,}")
US = re.compile(r"\bUS\b")
BRACKETED = re.compile(r"\[[^\]]*\]")
ELLIPSIS = re.compile(r"…|\.\s*\.\s*\.")
WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
CONTRACTIONS = ((re.compile(r"n't\b"), " not"), (re.compile(r"'re\b"), " are"),
                (re.compile(r"'ve\b"), " have"), (re.compile(r"'ll\b"), " will"),
                (re.compile(r"'m\b"), " am"), (re.compile(r"'d\b"), " would"))
POSSESSIVE = re.compile(r"'s?$")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}
NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60",
                     "seventy": "70", "eighty": "80", "ninety": "90", "hundred": "100",
                     "thousand": "1000", "million": "1000000", "billion": "1000000000"})
#: The months' names (``months``) but "may", too often the verb.
MONTHS = frozenset(m for m in lexicon_set("months") if m != "may" and not m.endswith("."))
YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


@cache
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (imported on first use: scikit-learn takes a large
    part of a second to import, and a comparison read back from the store needs none of it)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


#: Characters after which a word is capitalised whatever it is.
OPENERS = frozenset(".!?:;\"'([{-")


@lru_cache(maxsize=200_000)
def folded(text: str) -> str:
    """``text`` with curly quotes, apostrophes and dashes made plain, initialisms undotted
    ("U.N." → "UN") and the United States' "US" / "U.S." written "USA" (so that it is not
    the pronoun "us" once lower-cased); otherwise the same words in the same case."""
    text = INITIALISM.sub(lambda m: m.group(0).replace(".", ""), text.translate(MARKS))
    return US.sub("USA", text)


def words(text: str) -> list[str]:
    """Lower-cased words of ``text`` (after :func:`folded`), apostrophes kept inside."""
    return WORD.findall(folded(text).lower())


def plain(text: str) -> str:
    """The words of ``text`` joined by single spaces: marks, ellipses and case folded."""
    return " ".join(words(ELLIPSIS.sub(" ", text)))


def quote_plain(text: str) -> str:
    """:func:`plain` of a quotation without bracketed insertions and with contractions
    written out ("We're" → "we are"), so that two copies of one quote compare equal."""
    text = BRACKETED.sub(" ", ELLIPSIS.sub(" ", folded(text)))
    for pattern, full in CONTRACTIONS:
        text = pattern.sub(full, text)
    return plain(text)


@cache
def _stemmer():
    return snowballstemmer.stemmer("english")


@cache
def stem(word: str) -> str:
    """Snowball (Porter 2) stem of a lower-cased word, possessive ending dropped."""
    return _stemmer().stemWord(POSSESSIVE.sub("", word))


def content_stems(text: str) -> list[str]:
    """Stems of the content words of ``text`` in order (stop words dropped)."""
    return list(_content_stems(text))


@lru_cache(maxsize=200_000)
def _content_stems(text: str) -> tuple[str, ...]:
    out, stop = [], stop_words()
    for w in words(text):
        w = POSSESSIVE.sub("", w)
        if w in stop or (len(w) < 2 and not w.isdigit()):
            continue
        out.append(stem(NUMBER_WORDS.get(w, w)))
    return tuple(out)


def facts(text: str) -> dict[str, frozenset[str]]:
    """What sets one event apart from another in ``text``: ``years`` (four digits from
    1800 to 2099, written without a separator), other ``numbers`` (digits, or number words up to twenty and round
    tens, as digits; thousands separators dropped) and ``months`` (May excluded: it is
    mostly the verb)."""
    years, numbers, months = set(), set(), set()
    for w in words(text):
        if w in MONTHS:
            months.add(w)
        elif w in NUMBER_WORDS:
            numbers.add(NUMBER_WORDS[w])
    for m in NUMBER.finditer(folded(text)):  # whole: WORD splits "1.5" and "2,000"
        raw = m.group(0)
        (years if YEAR.match(raw) else numbers).add(raw.replace(",", ""))
    return {"years": frozenset(years), "numbers": frozenset(numbers), "months": frozenset(months)}


def capitalised(text: str, inner: bool = False) -> set[str]:
    """Lower-cased forms of the words of ``text`` written with a capital first letter; with
    ``inner``, only those not at the start of the text, of a quotation or of a clause after
    a colon or a dash (where any word takes a capital)."""
    text = folded(text)
    out = set()
    for m in WORD.finditer(text):
        word = m.group(0)
        if not word[0].isupper():
            continue
        before = text[:m.start()].rstrip()
        if inner and (not before or before[-1] in OPENERS):
            continue
        out.add(word.lower())
    return out


def lower_words(text: str) -> set[str]:
    """Words of ``text`` that appear written in lower case."""
    return {w for w in WORD.findall(folded(text)) if w[0].islower()}
