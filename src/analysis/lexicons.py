"""Word lists kept as versioned data files in ``lexicons/``.

Each file starts with ``#`` comment lines saying where the list comes from; then one entry a
line (multi-word entries allowed). Tests pin the behaviour each list drives.
"""
from __future__ import annotations

from functools import cache

from .paths import LEXICON_DIR


@cache
def load_lexicon(name: str) -> tuple[str, ...]:
    """Entries of ``lexicons/<name>.txt``, lower-cased, comments and blanks dropped, in order."""
    path = LEXICON_DIR / f"{name}.txt"
    if not path.exists():
        raise FileNotFoundError(f"lexicon {name!r} not found at {path}")
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        entry = line.split("#", 1)[0].strip().lower()
        if entry:
            entries.append(entry)
    return tuple(dict.fromkeys(entries))


@cache
def lexicon_set(name: str) -> frozenset[str]:
    """The same entries as a set, for membership tests."""
    return frozenset(load_lexicon(name))


#: Endings taken off an inflected word to find its lemma (ending, replacement).
ENDINGS = (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("d", ""),
           ("ing", ""), ("ing", "e"))
#: Past and present forms of cue verbs that no ending rule reaches.
IRREGULAR = {"said": "say", "says": "say", "wrote": "write", "told": "tell", "spoke": "speak",
             "thought": "think", "felt": "feel", "knew": "know", "saw": "see", "held": "hold"}


def lemma_candidates(word: str) -> set[str]:
    """The lower-cased word and what it may be the inflection of ("Breaks" → break, "Stated"
    → state, "said" → say), for looking up a word the parser did not lemmatise (a capitalised
    word it took for a name) in a lexicon or table of lemmas."""
    low = word.lower()
    found = {low} | {low[:-len(end)] + new for end, new in ENDINGS
                     if low.endswith(end) and len(low) > len(end) + 1}
    if low in IRREGULAR:
        found.add(IRREGULAR[low])
    return found
