"""The machine-look and advocacy signals per article, with the words behind them."""
from __future__ import annotations

import textwrap

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from ..framing.look import look_table
from ..framing.signals import ADVOCACY_SIGNALS, LOOK_SIGNALS
from .common import (SIGNALS_NOT_VERDICTS, colour_ticklabels, empty_panel, genre_by_label,
                     labelled, ok_rows, titled)

SCORE_NAMES = {"generated_look_score": "MACHINE-LOOK\nSCORE", "advocacy_score": "ADVOCACY\nSCORE"}
SCORE_MEASURES = {"generated_look_score": "weighted mean of its signals (learned weights)",
                  "advocacy_score": "mean of its signals"}


def _column_name(signal: str) -> str:
    """A column's label: the score's name, or the signal's meaning (with its weight in the
    machine-look score for a look signal)."""
    if signal in SCORE_NAMES:
        return SCORE_NAMES[signal]
    name = textwrap.fill((LOOK_SIGNALS | ADVOCACY_SIGNALS).get(signal, signal), 14,
                         break_long_words=False)
    if signal in LOOK_SIGNALS:
        weight = look_table()[signal].weight if signal in look_table() else 0.0
        name += f"\n(weight {weight:.2f})"
    return name


def signals_table(signals: pd.DataFrame, scores: pd.DataFrame) -> pd.DataFrame:
    """Signal values (0–1) per article with their triggers, plus the two combined scores."""
    meta = labelled(ok_rows(scores))[["article_id", "label", "genre", *SCORE_NAMES]]
    combined = meta.melt(id_vars=["article_id", "label", "genre"], value_vars=list(SCORE_NAMES),
                         var_name="signal", value_name="value").assign(
        score=lambda d: d["signal"].str.replace("_score", ""),
        measure=lambda d: d["signal"].map(SCORE_MEASURES), triggers="")
    rows = signals.merge(meta[["article_id", "label", "genre"]], on="article_id")
    cols = ["article_id", "label", "genre", "score", "signal", "value", "measure", "triggers"]
    return pd.concat([rows[cols], combined[cols]], ignore_index=True)


def cell_words(value: float, triggers, width: int = 18, lines: int = 2) -> str:
    """Words to write under a signal's value: its first trigger, wrapped, never cut.

    Empty when the signal is not above zero (its triggers then say why it is zero: the table
    lists them) and when no trigger fits whole in ``lines`` lines of ``width`` characters.
    """
    if not isinstance(triggers, str) or not value > 0:
        return ""
    for trigger in (t.strip() for t in triggers.split(";")):
        if not trigger or trigger.startswith("(") or "…" in trigger:
            continue
        wrapped = textwrap.wrap(trigger, width, break_long_words=False)
        if len(wrapped) <= lines and all(len(line) <= width for line in wrapped):
            return "\n".join(wrapped)
    return ""


def plot_signals(table: pd.DataFrame) -> plt.Figure:
    """Heat table: every look and advocacy signal per article (0–1), first trigger written in."""
    order = [*LOOK_SIGNALS, "generated_look_score", *ADVOCACY_SIGNALS, "advocacy_score"]
    values = table.pivot_table(index="label", columns="signal", values="value", sort=False,
                               aggfunc="first").reindex(columns=order)
    trig = table.pivot_table(index="label", columns="signal", values="triggers", sort=False,
                             aggfunc="first").reindex(index=values.index, columns=order)
    genres = genre_by_label(table, values.index)
    fig, ax = plt.subplots(figsize=(19, 0.75 * max(len(values), 1) + 3.6))
    if values.empty:
        empty_panel(ax, "No article could be analysed.")
        titled(fig, "Machine-look and advocacy signals")
    else:
        grid = values.to_numpy(dtype=float)
        ax.imshow(grid, cmap="Purples", vmin=0, vmax=1.3, aspect="auto")
        for (i, j), v in np.ndenumerate(grid):
            words = cell_words(v, trig.iat[i, j])
            ax.text(j, i - (0.2 if words else 0), f"{v:.2f}", ha="center", va="center",
                    fontsize=9, fontweight="bold" if order[j].endswith("_score") else "normal",
                    color="white" if v > 0.7 else "black")
            if words:
                ax.text(j, i + 0.17, words, ha="center", va="center", fontsize=6, linespacing=1.1,
                        color="white" if v > 0.7 else "#333333", style="italic")
        ax.set_xticks(range(len(order)), [_column_name(s) for s in order], fontsize=7)
        ax.set_yticks(range(len(values)), values.index, fontsize=9)
        colour_ticklabels(ax, genres)
        ax.axvline(len(LOOK_SIGNALS) + 0.5, color="white", linewidth=4)
        for j in (len(LOOK_SIGNALS), len(order) - 1):
            ax.add_patch(plt.Rectangle((j - 0.5, -0.5), 1, len(values), fill=False,
                                       edgecolor="#333333", linewidth=1.2))
        ax.tick_params(length=0)
        for side in ax.spines.values():
            side.set_visible(False)
        look = values["generated_look_score"]
        titled(fig, f"Strongest machine-written look: {look.idxmax()} ({look.max():.2f} of 1) — "
                    "a signal, not a verdict",
               "Left: machine-look signals of writing style and their weighted mean (weights "
               "learned on labelled essays and news); right: advocacy signals and their mean.\n"
               "0 = absent or human-like, 1 = strong; italics: first words that raised it above 0. "
               + SIGNALS_NOT_VERDICTS)
    fig.tight_layout(rect=(0, 0.04, 1, 0.9))
    return fig
