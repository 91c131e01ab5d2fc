"""Helpers shared by the charts: unique article labels, genre legends, titles, empty panels."""
from __future__ import annotations

import matplotlib.pyplot as plt
from matplotlib.colors import to_rgb
import pandas as pd
from matplotlib.patches import Patch

from ..labels import short_id
from .save import article_label, genre_colour

SIGNALS_NOT_VERDICTS = "Signals, not verdicts: each cell is computed from words you can inspect."


def labelled(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with a ``label`` column: outlet (or ``article 003``) and genre, made unique
    with the short id when two articles share it."""
    labels = [article_label(a, o, g) for a, o, g in
              zip(frame["article_id"], frame["outlet"].fillna(""), frame["genre"])]
    counts = pd.Series(labels).value_counts()
    labels = [f"{lab} · {short_id(a)}" if counts[lab] > 1 else lab
              for lab, a in zip(labels, frame["article_id"])]
    return frame.assign(label=labels)


def ok_rows(scores: pd.DataFrame) -> pd.DataFrame:
    """Articles that were analysed (status ``ok``), in scorecard order."""
    return scores.loc[scores["status"] == "ok"].reset_index(drop=True)


def genre_legend(ax: plt.Axes, genres, **kwargs) -> None:
    """A legend of genre colours for the genres shown."""
    handles = [Patch(color=genre_colour(g), label=g) for g in dict.fromkeys(genres)]
    if handles:
        ax.legend(handles=handles, title="genre", fontsize=8, title_fontsize=8, frameon=False,
                  **kwargs)


def genre_by_label(table: pd.DataFrame, labels) -> pd.Series:
    """The genre of each of ``labels`` in a tidy ``table`` with ``label`` and ``genre``."""
    return table.drop_duplicates("label").set_index("label")["genre"].reindex(labels)


def titled(fig: plt.Figure, title: str, subtitle: str = "") -> None:
    """The finding as the title, what is plotted as the subtitle (both left-aligned)."""
    fig.suptitle(title, x=0.01, ha="left", fontsize=12, fontweight="bold")
    if subtitle:
        fig.text(0.01, 0.93, subtitle, ha="left", va="top", fontsize=9, color="#333333",
                 transform=fig.transFigure)


def empty_panel(ax: plt.Axes, message: str) -> None:
    """Say on the chart why nothing is drawn (e.g. one genre only, nothing found)."""
    ax.text(0.5, 0.5, message, ha="center", va="center", fontsize=10, color="#555555",
            transform=ax.transAxes, wrap=True)
    ax.set_xticks([])
    ax.set_yticks([])
    for side in ax.spines.values():
        side.set_visible(False)


def colour_ticklabels(ax: plt.Axes, genres) -> None:
    """Colour the y tick labels by each article's genre."""
    for tick, g in zip(ax.get_yticklabels(), genres):
        tick.set_color(genre_colour(g))


def text_colour(fill: str) -> str:
    """Black or white, whichever reads better on ``fill``: white when the fill's relative
    luminance (WCAG 2) is below 0.18, where white and black have equal contrast."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(fill)]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "white" if luminance < 0.18 else "black"
