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
spelling in the other variety (:func:`spelling_variants`: -our/-or, -ise/-ize, -yse/-yze,
-tre/-ter, -ence/-ense, doubled l as in "travelled", -ogue/-og, ae/oe, and pairs such as
grey/gray) get the same frequency, the larger of the two; a word missing from the list takes
that of its other spelling ("paediatric" that of "pediatric").
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
#: Ending swaps (British ending, US ending, letters the stem needs at least), used both ways.
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


def _swaps() -> dict[str, list[tuple[str, int]]]:
    """``ending -> [(replacement, letters the stem needs)]``, both directions."""
    out: dict[str, list[tuple[str, int]]] = {}
    for uk, us, stem in _ENDINGS:
        out.setdefault(uk, []).append((us, stem))
        out.setdefault(us, []).append((uk, stem))
    return out


_SWAPS = _swaps()
_ENDING_LENGTHS = sorted({len(e) for e in _SWAPS}, reverse=True)


def spelling_variants(word: str) -> set[str]:
    """Spellings of lower-case ``word`` in the other variety of English ("colour" → "color",
    "organize" → "organise", "paediatric" → "pediatric"). They may include non-words
    ("water" → "watre"), which are harmless: a variant never lowers a frequency."""
    out = set()
    n = len(word)
    for k in _ENDING_LENGTHS:
        for swap, stem in _SWAPS.get(word[-k:], ()) if n > k else ():
            if n - k >= stem:
                out.add(word[:-k] + swap)
    for digraph in ("ae", "oe"):
        at = word.find(digraph)
        if at >= 0 and n - at > 3:
            out.add(word[:at] + "e" + word[at + 2:])
    if word in _PAIRS:
        out.add(_PAIRS[word])
    out.discard(word)
    return out


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
    """``word -> Zipf frequency`` of every listed word and of its other spellings (the larger)."""
    table: dict[str, float] = {}
    for centibels, words in enumerate(frequency_buckets()):
        value = round(9 - centibels / 100, 2)
        for word in words:
            table.setdefault(word, value)
    merged = dict(table)
    for word, value in table.items():
        for variant in spelling_variants(word):
            if merged.get(variant, RARE_ZIPF) < value:
                merged[variant] = value
    return merged


@cache
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` (lower-cased here); an unlisted word takes that of its other
    spelling if listed, else :data:`RARE_ZIPF`."""
    word = word.lower()
    table = zipf_table()
    found = table.get(word)
    if found is None:
        found = max((table.get(v, RARE_ZIPF) for v in spelling_variants(word)), default=RARE_ZIPF)
    return found
