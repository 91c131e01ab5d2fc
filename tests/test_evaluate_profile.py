"""Sourcing-profile metrics on tiny hand-made articles and gold tables (never the real data)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from analysis.cli import main
from analysis.evaluate import profile
from analysis.evaluate.profile import (Statement, folded_with_offsets, gold_class, load_benchmark,
                                       locate, name_key, read_gold, score, surname)

ARTICLE = ("The council met on Monday.\n\n"
           "Mayor José Núñez said: “We will fix the roads before winter comes.”\n\n"
           "According to a city report, repairs cost $2 million.\n\n"
           "Two residents said the potholes had been there for years.\n")
HEADER = ["Sourced Statements", "Type of source", "Name of Source", "Title of Source",
          "Justification"]
GOLD = [
    ["Mayor José Núñez said: “We will fix the roads before winter comes.”", "Named Person",
     "José Núñez", "Mayor", ""],
    ["According to a city report, repairs cost $2 million.", "Document", "City report", "", ""],
    ["Two residents said the potholes had been there for years.", "Unnamed group of people",
     "", "", ""],
    ["A statement that is not in the article at all, anywhere.", "Named Person", "Jose Nunez",
     "", ""],
    ["Ignored row", "Something else", "X", "", ""],
]


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


@pytest.fixture
def bench(tmp_path: Path) -> tuple[Path, Path]:
    articles, gold = tmp_path / "articles", tmp_path / "gold"
    articles.mkdir()
    gold.mkdir()
    (articles / "a1.txt").write_bytes(("\ufeff" + ARTICLE.replace("\n", "\r\n")).encode("utf-8"))
    with open(gold / "a1.csv", "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([HEADER, *GOLD])
    (gold / "orphan.csv").write_text(",".join(HEADER) + "\n", encoding="utf-8")  # no article
    return articles, gold


def test_names_are_folded_to_surnames_and_keys():
    assert surname("José Núñez, Mayor") == "nunez"
    assert surname("Martin Luther King Jr.") == "king"
    assert surname("") == ""
    assert name_key("California Department of Education, Sacramento") == \
        "california department of education"
    assert [gold_class(t) for t in ("Named Individual", " named organization ", "Document",
                                    "Unnamed individual", "Other")] == \
        ["named", "org", "doc", "anon", None]


def test_statements_are_located_across_whitespace_accents_and_quotes():
    text = "Intro.\n\nHe said   “the  Núñez plan\nis dead” today, and more words follow."
    folded, offsets = folded_with_offsets(text)
    got = locate(folded, offsets, 'He said "the Nunez plan is dead" today')
    # the span runs for the statement's length, and one character more
    assert got is not None and text[got[0]:got[1]] == "He said   “the  Núñez plan\nis dead” today,"
    # quote marks around the statement are not looked for: it starts inside them
    start, _ = locate(folded, offsets, '"the Nunez plan is dead"')
    assert start == text.index("the  Núñez")
    # a long statement whose tail differs is still found by its first 35+ characters
    long = "He said “the Núñez plan is dead” today, and more words that are not there"
    start, _ = locate(folded, offsets, long)
    assert start == text.index("He said")
    assert locate(folded, offsets, "Nothing like this is in the text anywhere at all") is None


def test_load_benchmark_reads_gold_with_an_article(bench):
    got = load_benchmark(*bench)
    assert list(got) == ["a1"]
    text, gold = got["a1"]
    assert text == ARTICLE  # BOM dropped, CRLF made LF
    assert [g.klass for g in gold] == ["named", "doc", "anon", "named"]
    assert read_gold(bench[1] / "a1.csv")[0] == Statement(GOLD[0][0], "named", "José Núñez")


def perfect_records() -> list[dict]:
    q = span_of(ARTICLE, "“We will fix the roads before winter comes.”")
    mayor = span_of(ARTICLE, "Mayor José Núñez")
    report = span_of(ARTICLE, "a city report")
    two = span_of(ARTICLE, "Two residents")
    return [
        {"kind": "quote", "start": q[0], "end": q[1], "text": ARTICLE[q[0]:q[1]],
         "speaker_start": mayor[0], "speaker_end": mayor[1], "speaker": "José Núñez"},
        {"kind": "source", "start": mayor[0], "end": mayor[1], "text": ARTICLE[slice(*mayor)],
         "source_type": "named", "name": "José Núñez"},
        {"kind": "source", "start": report[0], "end": report[1], "text": "a city report",
         "source_type": "document", "name": None},
        {"kind": "source", "start": two[0], "end": two[1], "text": "Two residents",
         "source_type": "anonymous", "name": None},
    ]


def test_score_of_a_perfect_profile(bench):
    benchmark = load_benchmark(*bench)
    card = {"named_sources": 1, "anonymous_sources": 1, "institutional_sources": 0,
            "media_citations": 0, "document_sources": 1}
    summary, per_article = score(benchmark, {"a1": perfect_records()}, {"a1": card})
    assert summary["statements"] == 3  # the fourth is not in the text
    assert summary["attributed_recall"] == 1.0 and summary["type_accuracy"] == 1.0
    assert (summary["named_P"], summary["named_R"], summary["named_F1"]) == (1.0, 1.0, 1.0)
    assert summary["named_count_MAE"] == summary["anonymous_count_MAE"] == 0.0
    assert summary["other_count_MAE"] == 0.0 and summary["anonymous_presence_accuracy"] == 1.0
    assert summary["quote_statements"] == 1 and summary["quote_speaker_accuracy"] == 1.0
    assert per_article == [{"article": "a1", "gold_named": 1, "named": 1.0, "gold_anon": 1,
                            "anon": 1.0, "gold_other": 1, "other": 1.0}]


def test_score_of_wrong_types_counts_and_speakers(bench):
    benchmark = load_benchmark(*bench)
    recs = perfect_records()
    recs[0]["speaker"] = "Someone Else"
    recs[2]["source_type"] = "institutional"  # a document typed as an institution
    recs[3]["source_type"] = "named"  # "Two residents" typed named: surname "residents"
    card = {"named_sources": 2, "anonymous_sources": float("nan"), "institutional_sources": 3}
    summary, _ = score(benchmark, {"a1": recs}, {"a1": card})
    assert summary["type_accuracy"] == round(1 / 3, 3)
    assert summary["type_accuracy_lenient"] == round(2 / 3, 3)
    assert (summary["named_P"], summary["named_R"]) == (0.5, 1.0)
    assert summary["named_count_MAE"] == 1.0 and summary["anonymous_count_MAE"] == 1.0
    assert summary["other_count_MAE"] == 2.0 and summary["anonymous_presence_accuracy"] == 0.0
    assert summary["quote_speaker_accuracy"] == 0.0
    summary, _ = score(benchmark, {"a1": []}, {})
    assert summary["attributed_recall"] == 0.0 and summary["named_F1"] == 0.0


def test_a_quote_with_a_speaker_but_no_source_record_is_attributed_untyped(bench):
    benchmark = load_benchmark(*bench)
    summary, _ = score(benchmark, {"a1": perfect_records()[:1]}, {})
    assert summary["attributed_recall"] == round(1 / 3, 3) and summary["type_accuracy"] == 0.0


def test_evaluate_profile_runs_the_pipeline_and_the_command_prints_it(bench, capsys):
    summary, per_article = profile.evaluate_profile(*bench, cache=False, progress=False)
    assert summary["articles"] == 1 and summary["statements"] == 3
    assert summary["named_R"] == 1.0  # the mayor is named as a source
    assert summary["quote_speaker_accuracy"] == 1.0
    assert main(["evaluate", "profile", str(bench[0]), str(bench[1]), "--quiet", "--no-cache",
                 "--per-article"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and '"article": "a1"' in lines[0] and '"named_F1"' in lines[1]
    assert main(["evaluate", "profile", str(bench[0] / "nope"), str(bench[1])]) == 2
