"""The parts of the comparison on hand-made records, without parsing (issue 17)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from sklearn.preprocessing import normalize
from scipy.sparse import random as sparse_random

from analysis.compare import claims as C
from analysis.compare.backing import backs_claim, best, rank
from analysis.compare.inputs import SENTENCE_COLUMNS, sentence_rows
from analysis.compare.quotes import same_quote
from analysis.compare.reuse import first_published, reuse_table
from analysis.compare.similarity import neighbour_pairs
from analysis.compare.sources import source_key, source_mentions, sources_by_article
from analysis.compare.stories import assign_stories
from analysis.compare.text import facts, quote_plain
from analysis.figures.compare import SOURCING_STYLE, sourcing_style
from analysis.palettes import EXTRA_GENRE_COLOURS, GENRE_COLOURS, SOURCE_COLOURS


@pytest.mark.parametrize("a, b", [
    ('"We\'re not holding anything back."', "“We’re not holding anything back,’’"),
    ("“We are not holding anything back”", "'We're not holding anything back'"),
    ("“We believe [Hamas leader Yahya Sinwar] Sinwar must be held accountable”",
     "“We believe Sinwar must be held accountable”"),
    ("“They are withholding intelligence about the location of senior leaders … from Israel”",
     "“They are withholding intelligence about the location of senior leaders of the group from Israel”"),
    ("“will be faster and the streets will be safer”",
     "“The buses will be faster and the streets will be safer for everyone,”"),
    ("“We will finish all the work by the spring”", "“We will finish the work by spring”"),
])
def test_same_quote_despite_marks_insertions_cuts_and_changes(a, b):
    assert same_quote(quote_plain(a).split(), quote_plain(b).split())


@pytest.mark.parametrize("a, b", [
    ("“We will not stop until the war is won”", "“We will finish the bridge by the spring”"),
    ("“Surreal”", "“Surreal”"),  # one word: too little to call a shared quotation
    ("“a total disaster”", "“a total success”"),  # short quotes must be equal
])
def test_different_or_too_short_quotes_do_not_match(a, b):
    assert not same_quote(quote_plain(a).split(), quote_plain(b).split())


def test_source_keys_set_aside_articles_possessives_and_spokespeople():
    assert source_key("A spokesperson for the National Security Council") == "national security council"
    assert source_key("a National Security Council rep") == "national security council"
    assert source_key("Biden’s administration") == source_key("the Biden administration")
    assert source_key("The U.S. administration") == "usa administration"
    assert source_key("the representative") == "representative"


def _sources(rows, with_id=False):
    cols = ["article_id", "kind", "start", "end", "text", "source_type", "name"] + (["source_id"] if with_id else [])
    return pd.DataFrame([dict(zip(cols, ["a" if i < 0 else r[0], "source", *r[1:]])) for i, r in enumerate(rows)],
                        columns=cols)


def test_sources_are_shared_by_name_but_anonymous_ones_never():
    ev = _sources([("a", 0, 5, "Tom Cotton", "named", "Tom Cotton"),
                   ("b", 0, 6, "Cotton", "named", "Cotton"),
                   ("a", 10, 19, "officials", "anonymous", "officials"),
                   ("b", 10, 19, "officials", "anonymous", "officials"),
                   ("b", 30, 40, "the Times", "media", "the Times"),
                   ("b", 50, 69, "The New York Times", "media", "The New York Times"),
                   ("a", 30, 40, "a filing", "court record", "a filing")])
    table = sources_by_article(source_mentions(ev))
    cotton = table.loc[table["source"] == "Tom Cotton"]
    assert set(cotton["article_id"]) == {"a", "b"}
    officials = table.loc[table["source"] == "officials"]
    assert len(officials) == 2 and (officials["mentions"] == 1).all()
    times = table.loc[(table["article_id"] == "b") & (table["source_type"] == "media")]
    assert len(times) == 1 and times["mentions"].iloc[0] == 2
    assert times["source"].iloc[0] == "New York Times"  # the name "the Times" stands for
    assert "court record" in set(table["source_type"])  # any type string is kept


def test_source_id_joins_the_mentions_of_one_source_in_an_article():
    ev = _sources([("a", 0, 10, "Ana Ruiz", "named", "Ana Ruiz", "s1"),
                   ("a", 20, 30, "the councillor", "named", "the councillor", "s1"),
                   ("b", 0, 10, "the councillor", "named", "the councillor", "s1")], with_id=True)
    mentions = source_mentions(ev)
    a = mentions.loc[mentions["article_id"] == "a", "source"]
    assert set(a) == {"Ana Ruiz"}
    b = mentions.loc[mentions["article_id"] == "b", "source_uid"].iloc[0]
    assert b != mentions.loc[mentions["article_id"] == "a", "source_uid"].iloc[0]


def test_backing_order_and_cues():
    assert rank("quote") < rank("named") < rank("institutional") < rank("document") < rank("media")
    assert rank("media") < rank("court record") < rank("anonymous") < rank("hedged") < rank("unsourced")
    assert best([("hedged", ""), ("anonymous", "officials"), ("media", "The Post")]) == ("media", "The Post")
    assert backs_claim({"rule": "subject of say (learned, p=0.9)", "cue": "said"})
    assert backs_claim({"rule": "according to", "cue": "according to"})
    assert backs_claim({"rule": "speaker of a quote", "cue": "quipped"})
    assert not backs_claim({"rule": "subject of offer (learned, p=0.5)", "cue": "offered"})


def test_given_stories_are_kept_and_the_others_named_apart():
    arts = pd.DataFrame({"article_id": ["a", "b", "c"], "story": ["story-1", "", ""]})
    vocab = {"a": {"x": 1}, "b": {"bridge": 2, "storm": 1}, "c": {"bridge": 2, "storm": 1}}
    stories = assign_stories(arts, vocab).set_index("article_id")["story"]
    assert stories["a"] == "story-1"
    assert stories["b"] == stories["c"] and stories["b"] not in ("", "story-1")


def test_facts_read_years_months_and_numbers():
    f = facts("In April 2021, the Mossad gave the U.S. less than two hours' notice; 2,000 bombs.")
    assert f["years"] == {"2021"} and f["months"] == {"april"} and {"2", "2000"} <= f["numbers"]


def _units(texts: list[tuple[str, str]]):
    rows = [row for aid, text in texts for row in sentence_rows(aid, text, [(0, len(text))])]
    frame = pd.DataFrame(rows, columns=SENTENCE_COLUMNS)
    return C.story_units(frame)


def test_conflicts_between_events():
    units = _units([
        ("x", "Israel gave the US notice before the strike on Natanz in April, officials said."),
        ("y", "Israel gave the US notice before the operation in Rafah in April, officials said."),
        ("z", "Israel gave the US notice before the strike on Natanz in July, officials said."),
        ("w", "Israel gave the US notice before the strike on Natanz in April, officials said."),
    ])
    assert C.conflict(units, 0, 1)  # Natanz against Rafah
    assert C.conflict(units, 0, 2)  # April against July
    assert not C.conflict(units, 0, 3)
    assert C.judge(units, 0, 3, 1.0) == "copied" and C.judge(units, 0, 1, 0.9) is None


def test_sources_in_outlet_names_are_no_event_names():
    units = _units([("x", "The mayor closed the bridge, she told The Washington Post on Monday."),
                    ("y", "The mayor closed the bridge, she told the Guardian.")])
    assert "washington" not in units.names[0] and "post" not in units.names[0]


def test_neighbour_pairs_match_the_dense_computation():
    x = normalize(sparse_random(60, 30, density=0.2, random_state=1, format="csr"))
    dense = (x @ x.T).toarray()
    i, j, v = neighbour_pairs(x, 0.3, chunk=7)
    want = {(a, b) for a in range(60) for b in range(a + 1, 60) if dense[a, b] >= 0.3}
    assert set(zip(i.tolist(), j.tolist())) == want
    assert np.allclose(v, [dense[a, b] for a, b in zip(i, j)])
    ti, tj, _ = neighbour_pairs(x, 0.05, top_k=3, chunk=11)
    kept = set(zip(ti.tolist(), tj.tolist()))
    assert len(kept) <= 60 * 3
    for a in range(60):
        row = np.where(np.arange(60) == a, -1.0, dense[a])
        for b in np.argsort(-row)[:3]:
            if row[b] >= 0.05 and row[b] > np.sort(row)[-4]:  # clear top 3 (no tie at 3rd)
                assert (min(a, b), max(a, b)) in kept


def test_reuse_counts_and_first_published():
    stories = pd.DataFrame({"article_id": ["a", "b", "c"], "story": ["s", "s", "t"]})
    claims = pd.DataFrame({"claim_group": [1, 1, 1, 2, 2], "story": ["s"] * 5,
                           "article_id": ["a", "a", "b", "a", "b"], "start": [0, 10, 0, 20, 30],
                           "end": [5, 15, 5, 25, 35]})
    reuse = reuse_table(stories, claims, {"a": 4, "b": 10}).set_index(["article_id", "other_article_id"])
    assert reuse.loc[("a", "b"), "shared_sentences"] == 3 and reuse.loc[("a", "b"), "share"] == 0.75
    assert reuse.loc[("b", "a"), "shared_sentences"] == 2 and reuse.loc[("b", "a"), "share"] == 0.2
    assert len(reuse) == 2  # c is a story of its own
    dated = first_published(reuse.reset_index(), pd.DataFrame(
        {"article_id": ["a", "b"], "published": ["2024-05-02", ""]}))
    assert set(dated["first"]) == {""}


def test_sourcing_colours_are_no_genre_colours():
    colours = [c for c, _ in SOURCING_STYLE.values()]
    assert len(set(colours)) == len(colours)
    assert not set(colours) & set(GENRE_COLOURS.values())
    assert sourcing_style("court record")[0] not in (
        colours + list(GENRE_COLOURS.values()) + EXTRA_GENRE_COLOURS)
    # a source type has the colour fig02 gives it
    assert all(SOURCING_STYLE[kind][0] == colour for kind, colour in SOURCE_COLOURS.items())
