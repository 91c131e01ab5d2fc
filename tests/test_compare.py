"""Comparing the coverage of one story (issue 17), on short articles analysed by the pipeline."""
from __future__ import annotations

import pandas as pd
import pytest

from analysis.cli import main
from analysis.compare import TABLES, compare_articles
from analysis.compare.notes import claim_note_records, claim_notes
from analysis.figures.compare import COMPARE_FIGURES
from analysis import analyse_articles

ONE = """Council backs bus shelters

The city council approved a plan to build 40 new bus shelters along Main Street on Tuesday, officials said.

"We will finish the work by spring," council member Ana Ruiz said.

“The buses will be faster and the streets will be safer for everyone who lives here,” Ruiz told reporters.

In March, the mayor closed the {bridge} Street bridge for repairs after the storm, officials said.

Residents have complained about late buses for years, according to a survey by the transit authority.
"""
TWO = """Main Street to get new shelters

The council has voted for 40 new bus shelters on Main Street.

The council backed the plan for 40 bus shelters along Main Street on Tuesday, council spokeswoman Maria Lopez said.

“We will finish the work by spring,” Ruiz said after the vote.

Ruiz said the buses “will be faster and the streets will be safer” once the work is done.

In March, the mayor closed the {bridge} Street bridge for repairs after the storm, officials said.
"""
OTHER = """Harbour swimmers

The swimming club held its annual race across the harbour on Saturday, and a teenager from
Leith won it in record time. Hundreds of people watched from the pier as the swimmers
crossed the cold water. The club said next year's race will start earlier in the morning.
"""
MANIFEST = ("file,outlet,title,published,url,genre,reposted_from,notes,story\n"
            "one.txt,Daily One,,2024-05-02,,news,,,bus\n"
            "two.txt,Weekly Two,,2024-05-03,,opinion,,,bus\n")


def write(folder, files: dict[str, str], manifest: str | None = MANIFEST):
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    if manifest:
        (folder / "manifest.csv").write_text(manifest, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    return write(tmp_path_factory.mktemp("bus"), {
        "one.txt": ONE.format(bridge="Elm"), "two.txt": TWO.format(bridge="Oak"),
        "broken.txt": ""})


@pytest.fixture(scope="module")
def analysis(folder):
    return analyse_articles(folder, progress=False)


@pytest.fixture(scope="module")
def comparison(analysis):
    return compare_articles(analysis)


def rows_of(table: pd.DataFrame, article_id: str, needle: str) -> pd.DataFrame:
    return table.loc[(table["article_id"] == article_id) & table["text"].str.contains(needle)]


def group_of(comparison, article_id: str, needle: str):
    found = rows_of(comparison.claims, article_id, needle)
    return found["claim_group"].iloc[0] if len(found) else None


def test_tables_have_the_contract_columns_and_point_into_the_articles(comparison, analysis):
    texts = dict(zip(analysis.articles["article_id"], analysis.articles["text"]))
    for name, columns in TABLES.items():
        table = getattr(comparison, name)
        assert list(table.columns) == columns, name
    for table in (comparison.quote_matches, comparison.claims, comparison.quote_attributions):
        assert len(table)
        for r in table.itertuples(index=False):
            assert r.text == texts[r.article_id][r.start:r.end]


def test_failed_article_is_listed_not_compared(comparison):
    assert list(comparison.failed["article_id"]) == ["broken"]
    assert comparison.failed["error"].str.len().gt(0).all()
    assert "broken" not in set(comparison.stories["article_id"])
    assert set(comparison.stories["story"]) == {"bus"}


def test_quote_with_changed_marks_is_matched(comparison):
    q = comparison.quote_matches
    straight = rows_of(q, "one", "finish the work")
    curly = rows_of(q, "two", "finish the work")
    assert straight["text"].iloc[0].startswith('"') and curly["text"].iloc[0].startswith("“")
    assert straight["quote_group"].iloc[0] == curly["quote_group"].iloc[0]
    assert set(q.loc[q["quote_group"] == straight["quote_group"].iloc[0], "source_type"]) == {"named"}


def test_partial_quote_is_matched_with_each_attribution(comparison):
    q = comparison.quote_matches
    full = rows_of(q, "one", "everyone who lives here")
    part = rows_of(q, "two", "safer”")
    assert len(full) == 1 and len(part) == 1
    assert full["quote_group"].iloc[0] == part["quote_group"].iloc[0]
    side = comparison.quote_attributions
    written = rows_of(side, "two", "safer”")["speaker_as_written"].iloc[0]
    assert written == "Ruiz"
    assert rows_of(side, "one", "everyone")["source"].iloc[0] == "Ana Ruiz"


def test_paraphrased_claim_is_found(comparison):
    g = group_of(comparison, "one", "approved a plan to build 40")
    assert g is not None and g == group_of(comparison, "two", "backed the plan for 40")
    links = comparison.claim_links
    assert set(links.loc[links["claim_group"] == g, "relation"]) <= {"paraphrased", "summarised"}


def test_lead_without_source_takes_the_source_of_a_later_sentence(comparison):
    lead = rows_of(comparison.claims, "two", "has voted for 40")
    assert len(lead) == 1
    assert "Lopez" not in lead["text"].iloc[0]
    assert lead["sourcing"].iloc[0] == "named" and "Maria Lopez" in lead["sources"].iloc[0]
    assert lead["claim_group"].iloc[0] == group_of(comparison, "one", "approved a plan")


def test_sentences_about_different_events_are_not_grouped(comparison):
    elm, oak = group_of(comparison, "one", "Elm Street"), group_of(comparison, "two", "Oak Street")
    assert elm is None or elm != oak


def test_the_same_event_in_both_is_grouped(tmp_path):
    """The control of the test above: with one bridge, the same sentences are one claim."""
    folder = write(tmp_path, {"one.txt": ONE.format(bridge="Elm"), "two.txt": TWO.format(bridge="Elm")})
    comparison = compare_articles(folder, progress=False)
    elm = group_of(comparison, "one", "Elm Street")
    assert elm is not None and elm == group_of(comparison, "two", "Elm Street")


def test_one_article_alone_gives_empty_tables(tmp_path):
    folder = write(tmp_path, {"one.txt": ONE.format(bridge="Elm")}, manifest=None)
    comparison = compare_articles(folder, progress=False)
    assert list(comparison.stories["article_id"]) == ["one"]
    for name in ("quote_matches", "claims", "reuse"):
        assert getattr(comparison, name).empty, name
    assert not comparison.sources_by_article.empty  # its sources are still listed


def test_stories_by_similarity_without_a_manifest(tmp_path):
    folder = write(tmp_path, {"one.txt": ONE.format(bridge="Elm"), "two.txt": TWO.format(bridge="Oak"),
                              "swim.txt": OTHER}, manifest=None)
    stories = compare_articles(folder, progress=False).stories.set_index("article_id")["story"]
    assert stories["one"] == stories["two"] != stories["swim"]


def test_shared_sources_and_reuse(comparison):
    src = comparison.sources_by_article
    ruiz = src.loc[src["source"] == "Ana Ruiz"]
    assert set(ruiz["article_id"]) == {"one", "two"} and set(ruiz["source_type"]) == {"named"}
    reuse = comparison.reuse.set_index(["article_id", "other_article_id"])
    one_two = reuse.loc[("one", "two")]
    shared = comparison.claims.loc[comparison.claims["article_id"] == "one"].drop_duplicates("start")
    assert one_two["shared_sentences"] == len(shared) >= 3
    assert 0 < one_two["share"] < 1


def test_notes_say_which_other_article_carries_the_claim_and_how(comparison):
    notes = claim_notes(comparison, "two")
    lead = notes.loc[notes["text"].str.contains("has voted for 40")]
    assert "Daily One · news" in lead["note"].iloc[0] and "anonymous" in lead["note"].iloc[0]
    records = claim_note_records(comparison, "two")
    assert {r["kind"] for r in records} == {"claim"} and len(records) == len(notes)
    assert claim_notes(comparison, "nobody").empty


def test_command_writes_the_tables_and_figures(folder, tmp_path):
    out = tmp_path / "out"
    assert main(["compare", str(folder), "--out", str(out), "--quiet"]) == 0
    for name, columns in TABLES.items():
        assert list(pd.read_csv(out / f"{name}.csv").columns) == columns
    assert list(pd.read_csv(out / "failed.csv")["article_id"]) == ["broken"]
    for name in COMPARE_FIGURES:
        for ext in ("png", "svg", "csv"):
            assert (out / "figures" / f"{name}.{ext}").stat().st_size > 0
    grid = pd.read_csv(out / "figures" / "fig10_claim_grid.csv")
    assert {"claim_group", "article_id", "sourcing"} <= set(grid.columns)
    assert main(["compare", str(folder), "--out", str(out), "--quiet", "--strict"]) == 1


def test_story_option_puts_every_article_in_one_story(folder):
    comparison = compare_articles(analyse_articles(folder, progress=False), story="all")
    assert set(comparison.stories["story"]) == {"all"}


def test_claim_notes_join_the_article_view(tmp_path):
    # a sentence another article also states carries a hover note in the article's view,
    # and the explorer offers the kind only when the evidence has it
    from analysis.compare.notes import with_claim_notes
    from analysis.explore import article_view, kind_groups

    (tmp_path / "a.txt").write_text(
        "Council cuts bus fares\n\nThe city council voted on Tuesday to cut bus fares by half "
        "from June, officials said. Riders welcomed the plan.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text(
        "Fares halved\n\nOn Tuesday the city council voted to cut bus fares by half from "
        "June, according to a council statement. Drivers were not consulted.\n",
        encoding="utf-8")
    analysis = analyse_articles(tmp_path, progress=False)
    comparison = compare_articles(analysis, story="fares")
    assert "the same claim elsewhere" not in kind_groups(analysis)
    noted = with_claim_notes(analysis, comparison)
    claims = noted.evidence.loc[noted.evidence["kind"] == "claim"]
    assert set(claims["article_id"]) == {"a", "b"}
    text = noted.article("a")["text"]
    mine = claims.loc[claims["article_id"] == "a", ["start", "end", "text"]]
    assert all(text[s:e] == t for s, e, t in mine.itertuples(index=False))
    page = article_view(noted, "a", ("quote", "claim"))
    assert 'class="k-claim"' in page and "also stated by" in page
    assert kind_groups(noted)["the same claim elsewhere"] == ["claim"]


ACTING_A = """Bridge repairs begin

The city council approved a plan to repair the Main Street bridge on Tuesday. Mayor Ana Ruiz signed the contract the same day.

"We will finish the work by spring," said council member Tom Hale.
"""
ACTING_B = """Main Street bridge to be repaired

Work on the Main Street bridge will start next week. Mayor Ana Ruiz signed the contract on Tuesday.

"We will finish the work by spring," Hale told reporters.
"""


def test_a_source_only_shown_acting_is_not_cited_in_the_comparison(tmp_path):
    """As on the scorecard (issue 16): "Mayor Ana Ruiz signed the contract" is the mayor
    acting, not a source the article relies on, so no article cites her and the claim is
    unsourced; the quote's speaker is cited by both."""
    folder = write(tmp_path / "acting", {"a.txt": ACTING_A, "b.txt": ACTING_B}, None)
    analysis = analyse_articles(folder, progress=False)
    sources = analysis.evidence.loc[analysis.evidence["kind"] == "source"]
    assert not sources.loc[sources["text"].str.contains("Ruiz"), "counted"].any()
    comparison = compare_articles(analysis, story="bridge")
    assert set(comparison.sources_by_article["source"]) == {"Tom Hale"}
    signed = comparison.claims.loc[comparison.claims["text"].str.contains("signed the contract")]
    assert len(signed) == 2 and set(signed["sourcing"]) == {"unsourced"}
    assert analysis.scores.set_index("article_id").loc["b", "named_sources"] == 1
