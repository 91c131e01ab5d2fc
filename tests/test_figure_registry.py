"""The figure registry (issue 20): every chart by name, each CSV the same as the table the
notebooks used to build by hand (table → plot → save), and shown as the PNG it saved."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from analysis import load_articles  # noqa: E402
from analysis.figures import save_figure  # noqa: E402
from analysis.figures.catalog import (CHARTS, FIGURES, SavedFigure, figure_table,  # noqa: E402
                                      genres_of, make_figure)
from analysis.figures.common import labelled, ok_rows  # noqa: E402
from analysis.figures.framing import (genre_profile_table, plot_actors,  # noqa: E402
                                      plot_distinctive_words, plot_genre_profiles, plot_stance,
                                      stance_table)
from analysis.figures.positions import plot_positions, positions_table  # noqa: E402
from analysis.figures.readability import plot_readability, readability_table  # noqa: E402
from analysis.figures.save import PNG_DPI  # noqa: E402
from analysis.figures.signals import plot_signals, signals_table  # noqa: E402
from analysis.figures.sourcing import (plot_quotes_vs_hedging, plot_sourcing_profile,  # noqa: E402
                                       quotes_hedging_table, sourcing_table)
from analysis.framing.actors import actor_table  # noqa: E402
from analysis.framing.vocabulary import distinctive_words  # noqa: E402
from analysis import analyse_articles  # noqa: E402


@pytest.fixture(scope="module")
def seeds(seed_dir):
    return analyse_articles(seed_dir, progress=False)


def by_hand(name: str, analysis, articles):
    """The table, figure and plot arguments exactly as notebooks 01–03 built them before
    the registry."""
    scores = analysis.scores
    if name == "fig01_readability":
        table = readability_table(articles)
        return table, plot_readability(table)
    if name == "fig02_sourcing_profile":
        table = sourcing_table(scores)
        return table, plot_sourcing_profile(table)
    if name == "fig03_quotes_vs_hedging":
        table = quotes_hedging_table(scores)
        return table, plot_quotes_vs_hedging(table)
    genres = genres_of(analysis)
    if name == "fig04_genre_profiles":
        table = genre_profile_table(scores)
        return table, plot_genre_profiles(table)
    if name == "fig05_distinctive_words":
        table = distinctive_words({a: f["vocab"] for a, f in analysis.features.items()}, genres)
        return table, plot_distinctive_words(table)
    if name == "fig06_evidence_positions":
        labels = labelled(ok_rows(scores))
        table = positions_table(scores, analysis.evidence, analysis.articles)
        return table, plot_positions(table, list(labels["label"]), list(labels["genre"]))
    if name == "fig07_actors":
        table = actor_table(analysis.actors, genres)
        return table, plot_actors(table)
    if name == "fig08_stance":
        table = stance_table(scores, analysis.evidence, analysis.features)
        return table, plot_stance(table)
    assert name == "fig09_look_signals"
    table = signals_table(analysis.signals, scores)
    return table, plot_signals(table)


def test_the_registry_holds_every_chart_of_the_write_up():
    assert list(CHARTS) == list(FIGURES)
    assert all(CHARTS[n].description == FIGURES[n] for n in CHARTS)


@pytest.mark.parametrize("name", list(CHARTS))
def test_make_figure_writes_the_csv_the_notebooks_wrote(name, seeds, seed_dir, tmp_path):
    articles = load_articles(seed_dir) if name == "fig01_readability" else None
    table, fig = by_hand(name, seeds, articles)
    old = save_figure(fig, name, table, tmp_path / "by_hand")
    plt.close(fig)
    new = make_figure(name, articles if articles is not None else seeds, tmp_path / "registry")
    assert new.paths["csv"].read_bytes() == old["csv"].read_bytes()
    assert figure_table(name, articles if articles is not None else seeds).equals(new.table)
    for ext in ("png", "svg"):
        assert new.paths[ext].stat().st_size > 0
    assert not plt.get_fignums(), "make_figure closes its figure"


def test_fig01_from_the_analysis_equals_fig01_from_the_articles(seeds, seed_dir, tmp_path):
    a = make_figure("fig01_readability", seeds, tmp_path / "a")
    b = make_figure("fig01_readability", load_articles(seed_dir), tmp_path / "b")
    assert a.paths["csv"].read_bytes() == b.paths["csv"].read_bytes()


def test_a_saved_figure_shows_as_its_png_at_notebook_size(seeds, tmp_path):
    saved = make_figure("fig02_sourcing_profile", seeds, tmp_path)
    assert isinstance(saved, SavedFigure)
    data, size = saved._repr_png_()
    assert data == saved.paths["png"].read_bytes()
    with Image.open(saved.paths["png"]) as im:
        width, height = im.size
    scale = plt.rcParams["figure.dpi"] / PNG_DPI
    assert size == {"width": round(width * scale), "height": round(height * scale)}
    assert "fig02_sourcing_profile" in repr(saved)


def test_an_unknown_chart_names_the_known_ones(seeds):
    with pytest.raises(KeyError, match="fig02_sourcing_profile"):
        make_figure("fig99_nothing", seeds)
