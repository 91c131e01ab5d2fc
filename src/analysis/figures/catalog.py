"""Every chart of the report, by file name, made from one :class:`~analysis.api.Analysis`.

Notebooks 02 and 03 draw them one by one to tell the story; :func:`make_figures` draws them all
(tests and scripts). File names are those used in the write-up.
"""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from ..framing.actors import actor_table
from ..framing.vocabulary import distinctive_words
from .common import labelled, ok_rows
from .framing import (genre_profile_table, plot_actors, plot_distinctive_words, plot_genre_profiles,
                      plot_stance, stance_table)
from .positions import plot_positions, positions_table
from .readability import plot_readability, readability_table
from .save import save_figure
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


def genres_of(analysis) -> dict[str, str]:
    """``article_id -> genre`` of the analysed articles."""
    ok = ok_rows(analysis.scores)
    return dict(zip(ok["article_id"], ok["genre"]))


def figure_data(analysis) -> dict[str, tuple]:
    """``name -> (table, plot function, extra args)`` for every chart but fig01."""
    labels = labelled(ok_rows(analysis.scores))
    return {
        "fig02_sourcing_profile": (sourcing_table(analysis.scores), plot_sourcing_profile, ()),
        "fig03_quotes_vs_hedging": (quotes_hedging_table(analysis.scores), plot_quotes_vs_hedging, ()),
        "fig04_genre_profiles": (genre_profile_table(analysis.scores), plot_genre_profiles, ()),
        "fig05_distinctive_words": (distinctive_words(
            {a: f.get("vocab", {}) for a, f in analysis.features.items()}, genres_of(analysis)),
            plot_distinctive_words, ()),
        "fig06_evidence_positions": (positions_table(analysis.scores, analysis.evidence, analysis.articles),
                                     plot_positions, (list(labels["label"]), list(labels["genre"]))),
        "fig07_actors": (actor_table(analysis.actors, genres_of(analysis)), plot_actors, ()),
        "fig08_stance": (stance_table(analysis.scores, analysis.evidence, analysis.features), plot_stance, ()),
        "fig09_look_signals": (signals_table(analysis.signals, analysis.scores), plot_signals, ()),
    }


def make_figures(analysis, out_dir: Path | None = None) -> dict[str, dict[str, Path]]:
    """Draw and save every chart (PNG, SVG, CSV) under ``out_dir/figures``; return the paths."""
    paths = {}
    table = readability_table(analysis.articles)
    fig = plot_readability(table)
    paths["fig01_readability"] = save_figure(fig, "fig01_readability", table, out_dir)
    plt.close(fig)
    for name, (data, plot, args) in figure_data(analysis).items():
        fig = plot(data, *args)
        paths[name] = save_figure(fig, name, pd.DataFrame(data), out_dir)
        plt.close(fig)
    return paths
