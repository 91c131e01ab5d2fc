"""How common each English word is, from ``wordfreq``, with British and US spellings merged.

:func:`zipf` gives a word's frequency on the Zipf scale (log10 of occurrences per billion
words: "the" 7.7, "police" 5.3, "tapestry" 3.2) from wordfreq's *small* English list
(Speer, ``wordfreq`` 3; its words down to one per million, Zipf 3). Words not in it get
:data:`RARE_ZIPF`.

The list is read straight from the package's data file (``wordfreq/data/small_en.msgpack.gz``,
the "cBpack" format that ``wordfreq.read_cBpack`` documents) without importing ``wordfreq``,
whose import (its tokenizers) takes ten times longer than reading the file; a test checks the
list read equals ``wordfreq.get_frequency_list("en", wordlist="small")``.

The development data has a trap: its human news is British and most machine text American
("colour" is Zipf 4.5, "color" 4.9). So that no signal reads spelling variety, a word and its
spelling in the other variety (-our/-or, -ise/-ize, -yse/-yze, -tre/-ter, -ence/-ense,
doubled l as in "travelled", -ogue/-og, ae/oe, and pairs such as grey/gray) share one key
(:func:`spelling_key`) and so one frequency, the larger of theirs; a word missing from the
list takes that of its other spelling ("paediatric" that of "pediatric").
"""
from __future__ import annotations

import gzip
from functools import cache
from importlib.util import find_spec
from pathlib import Path

#: Zipf value of a word that is not in wordfreq's small English list (rarer than Zipf 3).
RARE_ZIPF = 2.5
#: Whole words that no ending rule reaches (British, US).
SPELLING_PAIRS = (("grey", "gray"), ("tyre", "tire"), ("tyres", "tires"), ("programme", "program"),
                  ("programmes", "programs"), ("cheque", "check"), ("cheques", "checks"),
                  ("plough", "plow"), ("sceptical", "skeptical"), ("sceptic", "skeptic"),
                  ("aluminium", "aluminum"), ("mould", "mold"), ("judgement", "judgment"),
                  ("ageing", "aging"), ("storey", "story"), ("kerb", "curb"),
                  ("pyjamas", "pajamas"), ("draught", "draft"), ("jewellery", "jewelry"),
                  ("licence", "license"), ("practise", "practice"), ("enrol", "enroll"),
                  ("fulfil", "fulfill"), ("manoeuvre", "maneuver"), ("manoeuvres", "maneuvers"))
_PAIRS = {a: b for pair in SPELLING_PAIRS for a, b in (pair, pair[::-1])}
#: Ending swaps (British ending, US ending, letters the stem needs at least).
_ENDINGS = [
    *((f"our{e}", f"or{e}", 3) for e in ("", "s", "ed", "ing", "ite", "ites", "able", "er",
                                           "ers", "hood", "hoods", "ful", "less")),
    *((f"is{e}", f"iz{e}", 2) for e in ("e", "es", "ed", "ing", "ation", "ations", "er", "ers")),
    *((f"ys{e}", f"yz{e}", 2) for e in ("e", "es", "ed", "ing")),
    ("tre", "ter", 2), ("tres", "ters", 2), ("tred", "tered", 2),
    ("ence", "ense", 2), ("ences", "enses", 2),
    *((f"ell{e}", f"el{e}", 3) for e in ("ed", "ing", "er", "ers")),
    *((f"all{e}", f"al{e}", 3) for e in ("ed", "ing", "er", "ers")),
    ("ogue", "og", 3), ("ogues", "ogs", 3),
]


_UK_TO_US = {uk: (us, stem) for uk, us, stem in _ENDINGS}
_ENDING_LENGTHS = sorted({len(e) for e in _UK_TO_US}, reverse=True)
_PAIR_TO_US = dict(SPELLING_PAIRS)


def spelling_key(word: str) -> str:
    """The spelling that lower-case ``word`` shares with its other-variety spellings: its US
    form by the rules above ("colour" and "color" → "color", "organise" → "organize",
    "paediatric" → "pediatric"). A key may be a non-word ("sentence" → "sentense"); only
    words with the same key share a frequency."""
    if word in _PAIR_TO_US:
        return _PAIR_TO_US[word]
    n = len(word)
    for k in _ENDING_LENGTHS:
        if n > k:
            swap = _UK_TO_US.get(word[-k:])
            if swap and n - k >= swap[1]:
                word = word[:-k] + swap[0]
                break
    for digraph in ("ae", "oe"):
        at = word.find(digraph)
        if at >= 0 and len(word) - at > 3:
            word = word[:at] + "e" + word[at + 2:]
    return word


def wordlist_path() -> Path:
    """wordfreq's small English list (found without importing ``wordfreq``)."""
    spec = find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("wordfreq is not installed: pip install 'wordfreq>=3,<4'")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "small_en.msgpack.gz"


@cache
def frequency_buckets() -> list[list[str]]:
    """The words of the list by frequency bucket: bucket k holds words of frequency 10^(-k/100)."""
    import msgpack

    with gzip.open(wordlist_path(), "rb") as fh:
        data = msgpack.load(fh, raw=False)
    header = data[0]
    if not isinstance(header, dict) or header.get("format") != "cB" or header.get("version") != 1:
        raise ValueError(f"{wordlist_path()}: not a wordfreq cBpack file ({header!r})")
    return data[1:]


@cache
def zipf_table() -> dict[str, float]:
    """``spelling key -> Zipf frequency``: the largest frequency of the listed words that share
    the key (:func:`spelling_key`)."""
    table: dict[str, float] = {}
    for centibels, words in enumerate(frequency_buckets()):
        value = round(9 - centibels / 100, 2)  # most frequent first: the first value is the largest
        for word in words:
            table.setdefault(spelling_key(word), value)
    return table


@cache
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (lower-cased here): the largest of its spellings' in the
    list, :data:`RARE_ZIPF` when none is listed."""
    return zipf_table().get(spelling_key(word.lower()), RARE_ZIPF)
