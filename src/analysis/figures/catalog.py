"""Every chart of the report by name: one registry the notebooks call, from one
:class:`~analysis.api.Analysis` (fig01–fig09, :data:`CHARTS`) or one
:class:`~analysis.compare.Comparison` (fig10–fig12, :data:`COMPARE_CHARTS`).

:func:`make_figure` draws one chart by its file name (table → plot → save as PNG, SVG and the
CSV of what is plotted) and returns a :class:`SavedFigure`, which a notebook shows as the
PNG just saved; notebooks 01–03 and 05 call it chart by chart to tell the story, and
:func:`make_figures` draws them all (tests and scripts). File names are those used in the
write-up.

A chart drawn before from the same table, arguments and matplotlib settings is not drawn
again: its PNG and SVG are kept in ``data/processed/figures`` (:mod:`analysis.store`) and
copied, so a report re-run or a notebook cell re-run redraws only the charts whose data
changed.
"""
from __future__ import annotations

import struct
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from ..framing.actors import actor_table
from ..framing.vocabulary import distinctive_words
from ..store import DEPENDENCIES, ResultStore, content_key
from .common import labelled, ok_rows
from .compare import (COMPARE_FIGURES, claim_grid_table, plot_claim_grid, plot_reuse,
                      plot_source_matrix, reuse_chart_table, source_matrix_table)
from .framing import (genre_profile_table, plot_actors, plot_distinctive_words, plot_genre_profiles,
                      plot_stance, stance_table)
from .positions import plot_positions, positions_table
from .readability import plot_readability, readability_table
from .save import PNG_DPI, SOURCE_NOTE, SavedFiles, figure_files, save_figure
from .signals import plot_signals, signals_table
from .sourcing import plot_quotes_vs_hedging, plot_sourcing_profile, quotes_hedging_table, sourcing_table

#: File name -> what the chart shows (docs/data-dictionary.md lists them).
FIGURES = {
    "fig01_readability": "Flesch-Kincaid grade per article (notebook 01)",
    "fig02_sourcing_profile": "unique sources per article, stacked by type (named, institutional, anonymous, media)",
    "fig03_quotes_vs_hedging": "share of words quoted against hedges per 1,000 writer's words, one point per article",
    "fig04_genre_profiles": "each genre's mean standardised score on every measure, side by side",
    "fig05_distinctive_words": "most distinctive words of each genre (Fightin' Words z-scores)",
    "fig06_evidence_positions": "where in each article the quotes, sources, hedges and boosters fall",
    "fig07_actors": "who acts: people, states and groups as subject or agent, with their verbs, per genre",
    "fig08_stance": "hedges, boosters, evaluative and loaded words, 'we', 'you' and appeals per article",
    "fig09_look_signals": "machine-look and advocacy signals per article (0–1) with their triggers",
}


@dataclass(frozen=True)
class Chart:
    """One chart of the registry: what it shows, the table plotted (made from an
    :class:`~analysis.api.Analysis`), the function drawing it, and any further
    arguments that function takes (made from the same analysis)."""

    description: str
    table: Callable[..., pd.DataFrame]
    plot: Callable[..., plt.Figure]
    extra: Callable[..., tuple] = lambda analysis: ()


def genres_of(analysis) -> dict[str, str]:
    """``article_id -> genre`` of the analysed articles."""
    ok = ok_rows(analysis.scores)
    return dict(zip(ok["article_id"], ok["genre"]))


def _articles(analysis) -> pd.DataFrame:
    """The articles of an analysis, or ``analysis`` itself when it is the articles frame
    (notebook 01 draws fig01 before anything is analysed)."""
    return analysis if isinstance(analysis, pd.DataFrame) else analysis.articles


def _distinctive_words(analysis) -> pd.DataFrame:
    return distinctive_words({a: f.get("vocab", {}) for a, f in analysis.features.items()},
                             genres_of(analysis))


def _position_rows(analysis) -> tuple[list[str], list[str]]:
    """Every analysed article's chart label and genre (one row each, evidence or not)."""
    labels = labelled(ok_rows(analysis.scores))
    return list(labels["label"]), list(labels["genre"])


#: File name -> chart, in the order of the write-up.
CHARTS: dict[str, Chart] = {
    "fig01_readability": Chart(FIGURES["fig01_readability"],
                               lambda a: readability_table(_articles(a)), plot_readability),
    "fig02_sourcing_profile": Chart(FIGURES["fig02_sourcing_profile"],
                                    lambda a: sourcing_table(a.scores), plot_sourcing_profile),
    "fig03_quotes_vs_hedging": Chart(FIGURES["fig03_quotes_vs_hedging"],
                                     lambda a: quotes_hedging_table(a.scores), plot_quotes_vs_hedging),
    "fig04_genre_profiles": Chart(FIGURES["fig04_genre_profiles"],
                                  lambda a: genre_profile_table(a.scores), plot_genre_profiles),
    "fig05_distinctive_words": Chart(FIGURES["fig05_distinctive_words"], _distinctive_words,
                                     plot_distinctive_words),
    "fig06_evidence_positions": Chart(FIGURES["fig06_evidence_positions"],
                                      lambda a: positions_table(a.scores, a.evidence, a.articles),
                                      plot_positions, _position_rows),
    "fig07_actors": Chart(FIGURES["fig07_actors"],
                          lambda a: actor_table(a.actors, genres_of(a)), plot_actors),
    "fig08_stance": Chart(FIGURES["fig08_stance"],
                          lambda a: stance_table(a.scores, a.evidence, a.features), plot_stance),
    "fig09_look_signals": Chart(FIGURES["fig09_look_signals"],
                                lambda a: signals_table(a.signals, a.scores), plot_signals),
}


def _the_comparison(comparison) -> tuple:
    return (comparison,)


#: The comparison charts (notebook 05), drawn from a :class:`~analysis.compare.Comparison`.
COMPARE_CHARTS: dict[str, Chart] = {
    "fig10_claim_grid": Chart(COMPARE_FIGURES["fig10_claim_grid"], claim_grid_table,
                              plot_claim_grid, _the_comparison),
    "fig11_source_matrix": Chart(COMPARE_FIGURES["fig11_source_matrix"], source_matrix_table,
                                 plot_source_matrix, _the_comparison),
    "fig12_reuse": Chart(COMPARE_FIGURES["fig12_reuse"], reuse_chart_table, plot_reuse,
                         _the_comparison),
}
#: Distributions whose version can change a drawn chart (besides the package's own code).
FIGURE_DEPENDENCIES = DEPENDENCIES + ("matplotlib", "pandas", "numpy")


@dataclass(frozen=True)
class SavedFigure:
    """A chart saved by :func:`make_figure`: its name, the table plotted and its files.

    In a notebook it shows as the PNG saved (at the size the notebook's own figures have),
    so what is seen is exactly what was written, and the chart is not drawn a second time.
    """

    name: str
    table: pd.DataFrame
    paths: SavedFiles

    def _repr_png_(self) -> tuple[bytes, dict[str, int]]:
        data = self.paths["png"].read_bytes()
        width, height = struct.unpack(">II", data[16:24])  # the PNG header's IHDR chunk
        scale = plt.rcParams["figure.dpi"] / PNG_DPI
        return data, {"width": round(width * scale), "height": round(height * scale)}

    def __repr__(self) -> str:
        return self.paths.summary()

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        printer.text(self.paths.summary())


def figure_table(name: str, analysis) -> pd.DataFrame:
    """The table chart ``name`` plots (exactly what its CSV holds)."""
    return _known(name).table(analysis)


def make_figure(name: str, analysis, out_dir: Path | None = None,
                cache: bool = True) -> SavedFigure:
    """Draw chart ``name`` (a key of :data:`CHARTS` or :data:`COMPARE_CHARTS`) from
    ``analysis``, save it as PNG, SVG and CSV under ``out_dir/figures``
    (:func:`~analysis.figures.save.save_figure`) and close it.

    ``analysis`` is an :class:`~analysis.api.Analysis` (``fig01_readability`` also takes the
    articles frame of :func:`analysis.load_articles`), or a
    :class:`~analysis.compare.Comparison` for the comparison charts. A chart drawn before
    from the same table, arguments and matplotlib settings is copied from the store instead
    of drawn (``cache=False``: drawn again, and the store refreshed).
    """
    chart = _known(name)
    table = chart.table(analysis)
    extra = chart.extra(analysis)
    data = pd.DataFrame(table)
    store = ResultStore("figures", dependencies=FIGURE_DEPENDENCIES)
    key = content_key(name, table, extra, SOURCE_NOTE, _settings())
    drawn = store.get(key) if cache else None
    if isinstance(drawn, dict) and set(drawn) == {"png", "svg"}:
        paths = figure_files(name, out_dir)
        for ext, content in drawn.items():
            paths[ext].write_bytes(content)
        data.to_csv(paths["csv"], index=False)
        return SavedFigure(name, table, paths)
    fig = chart.plot(table, *extra)
    try:
        paths = save_figure(fig, name, data, out_dir)
    finally:
        plt.close(fig)
    store.put(key, {ext: paths[ext].read_bytes() for ext in ("png", "svg")})
    return SavedFigure(name, table, paths)


def _settings() -> dict:
    """matplotlib's settings as they stand (a style or an ``rcParams`` change in a notebook
    gives another drawing) and the fonts it can draw with (a font installed or removed
    may change the font a name resolves to); the backend does not change a saved file."""
    from matplotlib import font_manager

    settings = {k: v for k, v in dict.items(plt.rcParams) if k != "backend"}
    settings["fonts"] = sorted((f.fname, f.name, f.style, f.weight)
                               for f in font_manager.fontManager.ttflist)
    return settings


def make_figures(analysis, out_dir: Path | None = None) -> dict[str, dict[str, Path]]:
    """Draw and save every chart (PNG, SVG, CSV) under ``out_dir/figures``; return the paths."""
    return {name: make_figure(name, analysis, out_dir).paths for name in CHARTS}


def _known(name: str) -> Chart:
    charts = {**CHARTS, **COMPARE_CHARTS}
    if name not in charts:
        raise KeyError(f"no chart {name!r}; the charts are {', '.join(charts)}")
    return charts[name]
