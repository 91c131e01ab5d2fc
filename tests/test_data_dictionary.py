"""docs/data-dictionary.md lists exactly the columns (and kinds, signals, charts) the code makes.

A column added in the code and not documented fails here, and so does a documented column
the code no longer makes.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

DICTIONARY = Path(__file__).resolve().parents[1] / "docs" / "data-dictionary.md"


def code_lists() -> dict[tuple[str, str], list[str]]:
    """``(section heading, first header cell) -> names`` as the code defines them.

    The one place that knows where the code keeps its column lists: when a module moves,
    fix the imports here.
    """
    from analysis.articles import ARTICLE_COLUMNS
    from analysis.manifest import MANIFEST_COLUMNS, OPTIONAL_MANIFEST_COLUMNS
    from analysis.extract import EVIDENCE_COLUMNS
    from analysis.extract.hedges import BOOSTER, HEDGE
    from analysis.extract.quotes import QUOTE_KINDS
    from analysis.figures.catalog import FIGURES
    from analysis.framing.actors import ACTOR_TABLE_COLUMNS
    from analysis.framing.features import SIGNAL_KINDS
    from analysis.framing.signals import ADVOCACY_SIGNALS, LOOK_SIGNALS, SIGNAL_COLUMNS
    from analysis.framing.vocabulary import VOCAB_COLUMNS
    from analysis.readability import READABILITY_COLUMNS
    from analysis.api import ACTOR_COLUMNS
    from analysis.scoring import META_COLUMNS, SCORE_COLUMNS

    # Kinds written as literals where the records are made (extract/quotes.py "title",
    # extract/sources.py "source", api.appeal_records "appeal").
    literal_kinds = ["title", "source", "appeal"]
    return {
        ("Manifest", "column"): [*MANIFEST_COLUMNS, *OPTIONAL_MANIFEST_COLUMNS],
        ("Articles", "column"): [*ARTICLE_COLUMNS, *READABILITY_COLUMNS],
        ("Evidence", "column"): list(EVIDENCE_COLUMNS),
        ("Evidence", "kind"): [*QUOTE_KINDS, HEDGE, BOOSTER, *literal_kinds, *SIGNAL_KINDS],
        ("Scorecard", "column"): [*META_COLUMNS, "warning", "duplicate_of", *SCORE_COLUMNS],
        ("Signals", "column"): list(SIGNAL_COLUMNS),
        ("Signals", "signal"): [*LOOK_SIGNALS, *ADVOCACY_SIGNALS],
        ("Actors", "column"): list(ACTOR_COLUMNS),
        ("Who acts, per genre", "column"): list(ACTOR_TABLE_COLUMNS),
        ("Distinctive words", "column"): list(VOCAB_COLUMNS),
        ("Charts", "chart"): list(FIGURES),
    }


CODE_NAME = re.compile(r"`([^`]+)`")


def documented_tables(markdown: str) -> dict[tuple[str, str], list[str]]:
    """``(section, first header cell) -> every `name` in the first column`` of each table.

    Sections are ``## `` headings; a first-column cell may list several names
    (`` `title`, `outlet` ``).
    """
    tables: dict[tuple[str, str], list[str]] = {}
    section, key, in_code = "", None, False
    for line in markdown.splitlines():
        if line.startswith("```"):
            in_code = not in_code
        if in_code:
            continue
        if line.startswith("## "):
            section, key = line[3:].strip(), None
            continue
        if not line.startswith("|"):
            key = None
            continue
        first = line.strip().strip("|").split("|")[0].strip()
        if key is None:
            key = (section, first)
            if key in tables:
                raise AssertionError(f"two tables headed {first!r} under ## {section}")
            tables[key] = []
        elif not set(first) <= set("-: "):
            tables[key] += CODE_NAME.findall(first)
    return tables


@pytest.fixture(scope="module")
def documented() -> dict[tuple[str, str], list[str]]:
    return documented_tables(DICTIONARY.read_text(encoding="utf-8"))


@pytest.mark.parametrize("table", list(code_lists()), ids=lambda t: f"{t[0]}/{t[1]}")
def test_table_lists_exactly_the_code_columns(documented, table):
    assert table in documented, f"docs/data-dictionary.md has no table headed {table[1]!r} under ## {table[0]}"
    names, expected = documented[table], code_lists()[table]
    undocumented = [c for c in expected if c not in names]
    stale = [c for c in names if c not in expected]
    assert not undocumented, f"{table}: in the code but not in docs/data-dictionary.md: {undocumented}"
    assert not stale, f"{table}: in docs/data-dictionary.md but not made by the code: {stale}"
    assert len(names) == len(set(names)), f"{table}: listed twice: {sorted({c for c in names if names.count(c) > 1})}"


def test_every_table_of_the_dictionary_is_checked(documented):
    assert set(documented) == set(code_lists())


def test_parser_reads_names_from_the_first_column_only():
    markdown = "\n".join([
        "## Things", "", "| column | meaning |", "|---|---|",
        "| `a`, `b` | uses `not_a_column` |", "| `c` | x |", "",
        "```", "| `in_code` | x |", "```",
    ])
    assert documented_tables(markdown) == {("Things", "column"): ["a", "b", "c"]}
