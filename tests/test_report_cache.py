"""What the report keeps besides each article's analysis (issue 20): the comparison of a set
of articles and each drawn chart, under a hash of exactly what they are made from, and the
report's start-up without rfc3987-syntax's grammar."""
from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import analysis.compare as compare  # noqa: E402
from analysis import analyse_articles, compare_articles  # noqa: E402
from analysis.figures import catalog  # noqa: E402
from analysis.figures.catalog import make_figure  # noqa: E402
from analysis.store import content_key  # noqa: E402


@pytest.fixture(scope="module")
def seeds(seed_dir):
    return analyse_articles(seed_dir, progress=False)


# -- content_key ---------------------------------------------------------------------------

def test_content_key_is_the_content_not_the_object():
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", None], "c": [[1, 2], {"k": 0.5}]})
    assert content_key(frame) == content_key(frame.copy(deep=True))
    assert content_key({"s": {"b", "a", "c"}}) == content_key({"s": {"c", "a", "b"}})


@pytest.mark.parametrize("change", [
    lambda f: f.assign(a=[1, 3]),                 # a value
    lambda f: f.assign(a=[1.0, 2.0]),             # a dtype
    lambda f: f.rename(columns={"b": "B"}),       # a column name
    lambda f: f.set_axis([5, 6]),                 # the index
    lambda f: f.assign(c=[[1, 2], {"k": 0.25}]),  # inside a nested cell
    lambda f: f.iloc[:1],                         # a row fewer
])
def test_content_key_changes_with_any_part_of_a_frame(change):
    frame = pd.DataFrame({"a": [1, 2], "b": ["x", None], "c": [[1, 2], {"k": 0.5}]})
    assert content_key(change(frame)) != content_key(frame)


def test_content_key_tells_types_and_long_arrays_apart():
    assert len({content_key(1), content_key(1.0), content_key("1"), content_key(True)}) == 4
    long = np.arange(5000)
    other = long.copy()
    other[2500] = -1  # differs only where a printed array would show "..."
    assert content_key(long) != content_key(other)


# -- the comparison ------------------------------------------------------------------------

@pytest.fixture
def counted_comparisons(monkeypatch):
    calls = []
    real = compare.compare_corpus

    def counting(corpus, **options):
        calls.append(len(corpus.articles))
        return real(corpus, **options)

    monkeypatch.setattr(compare, "compare_corpus", counting)
    return calls


def test_a_comparison_is_read_back_not_computed_again(seeds, counted_comparisons):
    first = compare_articles(seeds, cache=False)  # computed, and the store refreshed
    again = compare_articles(seeds)
    assert counted_comparisons == [len(seeds.scores)]
    for name, table in first.tables(extra=True).items():
        pd.testing.assert_frame_equal(getattr(again, name), table)
    pd.testing.assert_frame_equal(again.articles, first.articles)


def test_a_comparison_of_other_evidence_or_options_is_computed(seeds, counted_comparisons):
    compare_articles(seeds)
    counted_comparisons.clear()
    fewer = dataclass_copy(seeds, evidence=seeds.evidence.loc[seeds.evidence["kind"] != "quote"])
    compare_articles(fewer)
    assert counted_comparisons == [len(seeds.scores)]
    one_story = compare_articles(seeds, story="all of them")
    assert len(counted_comparisons) == 2
    assert set(one_story.stories["story"]) == {"all of them"}


def dataclass_copy(analysis, **changes):
    import dataclasses

    return dataclasses.replace(analysis, **changes)


# -- the charts ----------------------------------------------------------------------------

@pytest.fixture
def counted_drawing(monkeypatch):
    drawn = []
    charts = dict(catalog.CHARTS)
    chart = charts["fig02_sourcing_profile"]

    def plot(table, *extra):
        drawn.append(len(table))
        return chart.plot(table, *extra)

    charts["fig02_sourcing_profile"] = catalog.Chart(chart.description, chart.table, plot,
                                                     chart.extra)
    monkeypatch.setattr(catalog, "CHARTS", charts)
    return drawn


def test_a_chart_drawn_before_is_copied_with_the_same_files(seeds, tmp_path, counted_drawing):
    first = make_figure("fig02_sourcing_profile", seeds, tmp_path / "a", cache=False)
    assert len(counted_drawing) == 1
    again = make_figure("fig02_sourcing_profile", seeds, tmp_path / "b")
    assert len(counted_drawing) == 1
    for ext in ("png", "svg", "csv"):
        assert again.paths[ext].read_bytes() == first.paths[ext].read_bytes(), ext
        assert again.paths[ext].parent == tmp_path / "b" / "figures"
    assert again._repr_png_()[0] == first.paths["png"].read_bytes()


def test_a_chart_is_drawn_again_when_its_data_or_style_changes(seeds, tmp_path, counted_drawing):
    make_figure("fig02_sourcing_profile", seeds, tmp_path)
    counted_drawing.clear()
    scores = seeds.scores.assign(named_sources=seeds.scores["named_sources"].fillna(0) + 1)
    make_figure("fig02_sourcing_profile", dataclass_copy(seeds, scores=scores), tmp_path)
    assert len(counted_drawing) == 1
    with plt.rc_context({"font.size": plt.rcParams["font.size"] + 3}):
        make_figure("fig02_sourcing_profile", seeds, tmp_path)
    assert len(counted_drawing) == 2


def test_a_chart_is_drawn_again_when_the_installed_fonts_change(seeds, tmp_path, counted_drawing,
                                                               monkeypatch):
    from matplotlib import font_manager

    make_figure("fig02_sourcing_profile", seeds, tmp_path)
    counted_drawing.clear()
    fonts = font_manager.fontManager.ttflist
    monkeypatch.setattr(font_manager.fontManager, "ttflist", fonts[:-1])  # one font removed
    make_figure("fig02_sourcing_profile", seeds, tmp_path)
    assert len(counted_drawing) == 1


def test_the_comparison_charts_are_in_the_registry(seeds, tmp_path):
    from analysis.figures.compare import COMPARE_FIGURES

    comparison = compare_articles(seeds)
    for name in COMPARE_FIGURES:
        saved = make_figure(name, comparison, tmp_path)
        assert saved.paths["png"].stat().st_size > 0
        assert pd.read_csv(saved.paths["csv"]).shape[0] == len(saved.table)


# -- the report's start-up -----------------------------------------------------------------

def test_the_report_imports_no_iri_grammar_and_still_validates_notebooks():
    code = ("import sys, analysis.report, nbformat\n"
            "nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell('1')])\n"
            "nbformat.validate(nb)\n"
            "print(sys.modules.get('rfc3987_syntax') is None)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "True"
