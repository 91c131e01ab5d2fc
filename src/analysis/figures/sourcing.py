"""Sourcing charts: who is cited per article, and quotation against hedging."""
from __future__ import annotations

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.ticker import MaxNLocator

from ..labels import plural
from ..palettes import SOURCE_STYLE
from .common import (colour_ticklabels, empty_panel, genre_by_label, genre_legend, labelled,
                     ok_rows, titled)
from .save import genre_colour

SOURCE_COLUMNS = {"named": "named_sources", "institutional": "institutional_sources",
                  "anonymous": "anonymous_sources", "media": "media_citations",
                  "document": "document_sources"}


def sourcing_table(scores: pd.DataFrame) -> pd.DataFrame:
    """Unique sources per article and type (tidy: one row per article × source type)."""
    data = labelled(ok_rows(scores)).drop(columns=["sources"], errors="ignore")
    return (data.melt(id_vars=["article_id", "label", "genre"], value_vars=list(SOURCE_COLUMNS.values()),
                      var_name="column", value_name="sources")
            .assign(source_type=lambda d: d["column"].map({v: k for k, v in SOURCE_COLUMNS.items()}),
                    sources=lambda d: d["sources"].fillna(0).astype(int),
                    order=lambda d: d["label"].map({lab: i for i, lab in enumerate(data["label"])}),
                    type_order=lambda d: d["source_type"].map({k: i for i, k in enumerate(SOURCE_COLUMNS)}))
            .sort_values(["order", "type_order"])
            .drop(columns=["column", "order", "type_order"])
            .reset_index(drop=True))


def plot_sourcing_profile(table: pd.DataFrame) -> plt.Figure:
    """Stacked horizontal bars: unique sources of each type per article."""
    wide = table.pivot_table(index="label", columns="source_type", values="sources",
                             aggfunc="sum", sort=False).reindex(columns=list(SOURCE_STYLE), fill_value=0)
    genres = genre_by_label(table, wide.index)
    fig, ax = plt.subplots(figsize=(9, 0.55 * max(len(wide), 1) + 2.2))
    if wide.empty:
        empty_panel(ax, "No article could be analysed.")
    else:
        left = np.zeros(len(wide))
        for kind, (colour, hatch) in SOURCE_STYLE.items():
            ax.barh(wide.index, wide[kind], left=left, color=colour, hatch=hatch,
                    edgecolor="#333333" if hatch else "white", linewidth=0.6, label=kind)
            left += wide[kind].to_numpy()
        for y, total in enumerate(left):
            ax.text(total + 0.1, y, f"{int(total)}" if total else "no sources found", va="center",
                    fontsize=8, color="#333333")
        ax.invert_yaxis()
        colour_ticklabels(ax, genres)
        ax.set_xlabel("unique sources cited (count)")
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.set_xlim(0, max(left.max(), 1) * 1.25)
        ax.legend(title="source type", fontsize=8, title_fontsize=8, frameon=False,
                  loc="upper left", bbox_to_anchor=(1.0, 1.0))
        ax.spines[["top", "right"]].set_visible(False)
    totals = table.groupby("label", sort=False)["sources"].sum()
    none = int((totals == 0).sum())
    if len(totals) and totals.max() > 0:
        leaders = totals[totals == totals.max()].index.tolist()
        named = " and ".join(leaders) if len(leaders) <= 2 else f"{len(leaders)} articles"
        title = f"Most sources: {named} ({totals.max()} each)" if len(leaders) > 1 else \
            f"Most sources: {leaders[0]} ({totals.max()})"
        title += (f"; {plural(none, 'article cites', 'articles cite')} no one"
                  if none else "")
    else:
        title = "No sources found in any article"
    titled(fig, title, "Unique sources per article by type; labels coloured by genre")
    fig.tight_layout(rect=(0, 0.04, 1, 0.92))
    return fig


def quotes_hedging_table(scores: pd.DataFrame) -> pd.DataFrame:
    """Per article: share of words quoted (%) and hedges / boosters per 1,000 writer's words."""
    return (labelled(ok_rows(scores))
            .assign(quoted_pct=lambda d: (100 * d["quoted_word_share"]).round(1))
            [["article_id", "label", "genre", "quoted_pct", "hedges_per_1k", "boosters_per_1k"]])


def plot_quotes_vs_hedging(table: pd.DataFrame) -> plt.Figure:
    """Scatter of quotation share against hedging, one point per article, coloured by genre."""
    fig, ax = plt.subplots(figsize=(8, 5.5))
    data = table.dropna(subset=["quoted_pct", "hedges_per_1k"])
    if data.empty:
        empty_panel(ax, "No article could be analysed.")
        titled(fig, "Quotation vs hedging")
    else:
        ax.scatter(data["quoted_pct"], data["hedges_per_1k"], s=70,
                   c=[genre_colour(g) for g in data["genre"]], edgecolor="black", linewidth=0.5,
                   zorder=3)
        for x, y, lab in zip(data["quoted_pct"], data["hedges_per_1k"], data["label"]):
            ax.annotate(lab, (x, y), xytext=(5, 4), textcoords="offset points", fontsize=8)
        ax.set_xlabel("words inside direct quotes (% of the body)")
        ax.set_ylabel("hedges per 1,000 of the writer's own words")
        ax.set_xlim(left=-2, right=max(data["quoted_pct"].max() * 1.3, 10))
        ax.set_ylim(bottom=-0.5, top=max(data["hedges_per_1k"].max() * 1.25, 5))
        ax.grid(alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
        genre_legend(ax, data["genre"], loc="upper right")
        top = data.loc[data["quoted_pct"].idxmax()]
        hedgiest = data.loc[data["hedges_per_1k"].idxmax()]
        title = f"{top['label']} quotes most ({top['quoted_pct']:.0f}% of words)"
        if hedgiest["hedges_per_1k"] > 0:
            title += f"; {hedgiest['label']} hedges most"
        titled(fig, title, "Each point is an article: how much it lets others speak (x) "
                           "and how much the writer hedges (y)")
    fig.tight_layout(rect=(0, 0.04, 1, 0.92))
    return fig
