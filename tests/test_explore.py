"""The article explorer of notebook 04 (issue 18), without a browser: the controls, the view
and the evidence table follow each other; labels are readable; a static copy stands in for
the widgets where they cannot run."""
from __future__ import annotations

import re

import pytest

from analysis.explore import article_explorer, evidence_table, static_explorer_html
from analysis.highlight import COVERAGE_KINDS, DEFAULT_KINDS, KIND_GROUPS, KINDS, OPTIONAL_GROUPS
from analysis import analyse_articles

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def analysis(seed_dir):
    return analyse_articles(seed_dir, progress=False)


def marks(view: str) -> set[str]:
    """Distinct hover entries of the highlights in an article view (one per record)."""
    article = view.split('<div class="article">', 1)[1]
    titles = re.findall(r'<mark class="[^"]*" title="([^"]*)"', article)
    return {part for t in titles for part in t.split(" | ")}


def body(view: str) -> str:
    """The view without its style sheet."""
    return re.sub(r"<style>.*?</style>", "", view, flags=re.S)


def table_rows(view: str) -> int:
    return view.count("<tr>") - 1 if "<table>" in view else 0


def test_groups_hold_every_kind_once():
    grouped = [k for groups in (KIND_GROUPS, OPTIONAL_GROUPS) for keys in groups.values()
               for k in keys]
    assert sorted(grouped) == sorted(KINDS) and len(grouped) == len(set(grouped))
    assert list(KIND_GROUPS) == ["quotes and sources", "hedges and boosters", "signals"]


def test_legend_words_carry_no_lexicon_jargon():
    assert not any("lexicon" in label or "_" in label for label in KINDS.values())


def test_table_has_one_row_per_highlight_and_no_empty_column(analysis):
    for aid in analysis.scores["article_id"]:
        explorer = article_explorer(analysis, aid)
        table = evidence_table(analysis, aid, DEFAULT_KINDS)
        assert len(table) == len(marks(explorer.view.value)) == table_rows(explorer.view.value)
        assert not [c for c in table.columns if table[c].isna().all()]
        assert set(table["what"]) <= {KINDS[k] for k in DEFAULT_KINDS}


def test_table_and_view_follow_the_picker(analysis):
    explorer = article_explorer(analysis)
    first = explorer.view.value
    explorer.picker.value = explorer.picker.options[-1][1]
    assert explorer.view.value != first
    last = evidence_table(analysis, explorer.picker.value, explorer.kinds())
    assert table_rows(explorer.view.value) == len(last)


def test_unticking_a_kind_removes_it_from_text_legend_and_table(analysis):
    explorer = article_explorer(analysis)
    assert "k-source-institutional" in body(explorer.view.value)
    explorer.checks["source:institutional"].value = False
    assert "k-source-institutional" not in body(explorer.view.value)
    assert "institutional source" not in body(explorer.view.value)
    assert table_rows(explorer.view.value) == len(marks(explorer.view.value))


def test_all_and_none(analysis):
    explorer = article_explorer(analysis)
    explorer.set_kinds(())
    assert "<mark" not in body(explorer.view.value) and "No highlight" in explorer.view.value
    explorer.set_kinds(KINDS)
    # without a comparison the claims of other articles are not offered
    assert explorer.kinds() == tuple(k for k in KINDS if k not in COVERAGE_KINDS)


def test_picker_names_articles_by_title_never_by_file_hash(analysis):
    explorer = article_explorer(analysis)
    labels = [label for label, _ in explorer.picker.options]
    assert len(labels) == (analysis.scores["status"] == "ok").sum()
    for label, (aid, _) in zip(labels, [(o[1], o) for o in explorer.picker.options]):
        assert aid not in label and aid[4:12] not in label
        assert ") (" not in label
    assert any(label.startswith("The United States and Israel") for label in labels)


def test_static_copy_shows_every_article_for_pages_without_widgets(analysis):
    bundle = article_explorer(analysis)._repr_mimebundle_()
    assert WIDGET_VIEW in bundle and "text/html" in bundle
    static = bundle["text/html"]
    assert static == static_explorer_html(analysis)
    assert static.count("<details") == (analysis.scores["status"] == "ok").sum()
    assert static.count("<details open>") == 1 and "make lab" in static
    assert "<script" not in static
