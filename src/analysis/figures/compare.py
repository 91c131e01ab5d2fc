"""Comparison charts (notebook 05): claims × articles by how each article backs the claim
(fig10), sources × articles (fig11), and reuse between the articles of a story (fig12).

Each chart has a table function (exactly what is plotted, saved as its CSV) and a plot
function, registered by name in :data:`analysis.figures.catalog.COMPARE_CHARTS`;
:func:`make_compare_figures` draws all three through the registry.
"""
from __future__ import annotations

import textwrap
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from ..labels import plural
from ..compare.backing import HEDGED, UNSOURCED, rank
from ..compare.reuse import first_published
from .common import empty_panel, labelled, text_colour, titled
from ..palettes import BACKING_STYLE, OTHER_STYLE
from .save import genre_colour

#: How an article backs a claim -> (colour, hatch): the source types as in fig02, none of
#: them a genre colour (:mod:`analysis.palettes`).
SOURCING_STYLE = BACKING_STYLE
COMPARE_FIGURES = {
    "fig10_claim_grid": "claims carried by several articles × articles, each cell coloured by how "
                        "that article backs the claim (quote, source type, hedge, nothing)",
    "fig11_source_matrix": "sources × articles: how often each article cites each source, "
                           "coloured by the type it gives the source",
    "fig12_reuse": "share of each article's sentences that state a claim of another article "
                   "of its story, and which came out first",
}
MAX_CLAIMS = 40
MAX_SOURCES = 40
CLAIM_LABEL = 70


def sourcing_style(sourcing: str) -> tuple[str, str]:
    """Colour and hatch of a way of backing a claim (any source type string)."""
    return SOURCING_STYLE.get(sourcing, OTHER_STYLE)


def _labels(comparison) -> pd.DataFrame:
    """``article_id``, ``label``, ``genre``, ``story``, ``published`` of the compared articles."""
    arts = comparison.articles
    if arts.empty:
        return pd.DataFrame(columns=["article_id", "label", "genre", "story", "published"])
    return labelled(arts)[["article_id", "label", "genre", "story", "published"]]


def _claim_label(group: int, text: str) -> str:
    short = " ".join(str(text).split())
    short = short if len(short) <= CLAIM_LABEL else short[:CLAIM_LABEL - 1] + "…"
    return f"C{group} · {short}"


def claim_grid_table(comparison) -> pd.DataFrame:
    """One row per claim group × article carrying it: the article's strongest backing of
    the claim (``sourcing``), its sources, and how many of its sentences state it."""
    claims = comparison.claims
    columns = ["claim_group", "story", "claim", "article_id", "label", "genre", "sourcing",
               "sources", "sentences"]
    if claims.empty:
        return pd.DataFrame(columns=columns)
    first = claims.drop_duplicates("claim_group").set_index("claim_group")["text"]
    rows = []
    for (group, aid), part in claims.groupby(["claim_group", "article_id"], sort=False):
        best = min(part.itertuples(index=False), key=lambda r: rank(r.sourcing))
        rows.append({"claim_group": group, "story": best.story,
                     "claim": _claim_label(group, first[group]), "article_id": aid,
                     "sourcing": best.sourcing, "sources": best.sources, "sentences": len(part)})
    return (pd.DataFrame(rows).merge(_labels(comparison)[["article_id", "label", "genre"]],
                                     on="article_id", how="left")
            .reindex(columns=columns).sort_values(["claim_group", "article_id"], kind="stable")
            .reset_index(drop=True))


def _article_order(comparison, ids) -> list[str]:
    order = list(comparison.articles["article_id"]) if len(comparison.articles) else []
    return [a for a in order if a in set(ids)]


def _style_legend(ax: plt.Axes, kinds, title: str) -> None:
    handles = [Patch(facecolor=sourcing_style(k)[0], hatch=sourcing_style(k)[1],
                     edgecolor="#555555", label=k) for k in kinds]
    ax.legend(handles=handles, title=title, fontsize=8, title_fontsize=8, frameon=False,
              loc="upper left", bbox_to_anchor=(1.02, 1.0))


def _grid_size(n_columns: int, n_rows: int) -> tuple[float, float]:
    """Figure size of a rows × articles grid with long row labels and a legend beside it."""
    return 7.5 + 1.1 * max(n_columns, 2), 3.2 + 0.34 * max(n_rows, 3)


def _genre_ticks(ax: plt.Axes, labels: pd.DataFrame, columns: list[str]) -> None:
    lab = labels.set_index("article_id").reindex(columns)
    ax.set_xticks(range(len(columns)))
    ax.set_xticklabels([textwrap.fill(str(t), 18) for t in lab["label"].fillna(
        pd.Series(columns, index=lab.index))], rotation=0, ha="center", fontsize=7.5)
    for tick, genre in zip(ax.get_xticklabels(), lab["genre"].fillna("")):
        tick.set_color(genre_colour(genre) if genre else "#333333")


def _cells(ax: plt.Axes, frame: pd.DataFrame, rows: list, columns: list[str], row_key: str,
           kind_key: str, text_key: str | None = None) -> None:
    """Draw one coloured square per row of ``frame`` at (its column, its row)."""
    r_pos = {r: k for k, r in enumerate(rows)}
    c_pos = {c: k for k, c in enumerate(columns)}
    for rec in frame.to_dict("records"):
        y, x = r_pos[rec[row_key]], c_pos[rec["article_id"]]
        colour, hatch = sourcing_style(rec[kind_key])
        ax.add_patch(plt.Rectangle((x - 0.45, y - 0.45), 0.9, 0.9, facecolor=colour,
                                   hatch=hatch, edgecolor="#555555", linewidth=0.5))
        if text_key:
            ax.text(x, y, str(rec[text_key]), ha="center", va="center", fontsize=7,
                    color=text_colour(colour))
    ax.set_xlim(-0.6, len(columns) - 0.4)
    ax.set_ylim(len(rows) - 0.4, -0.6)
    ax.set_yticks(range(len(rows)))
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.set_axisbelow(True)
    ax.grid(color="#eeeeee", linewidth=0.5)


def plot_claim_grid(table: pd.DataFrame, comparison) -> plt.Figure:
    """fig10: claims (rows) × articles (columns), each cell by how the article backs it."""
    claims = list(dict.fromkeys(table["claim"]))[:MAX_CLAIMS]
    data = table.loc[table["claim"].isin(claims)]
    stories = set(data["story"])
    columns = _article_order(comparison, comparison.articles.loc[
        comparison.articles["story"].isin(stories), "article_id"] if len(data) else [])
    fig, ax = plt.subplots(figsize=_grid_size(len(columns), len(claims)))
    if data.empty:
        empty_panel(ax, "No claim is stated by two articles of one story "
                        "(one article alone, or stories that share nothing).")
        titled(fig, "No shared claims")
        fig.tight_layout(rect=(0, 0.04, 1, 0.92))
        return fig
    _cells(ax, data, claims, columns, "claim", "sourcing")
    ax.set_yticklabels([textwrap.shorten(c, CLAIM_LABEL + 6, placeholder="…") for c in claims],
                       fontsize=7.5)
    _genre_ticks(ax, _labels(comparison), columns)
    kinds = sorted(set(data["sourcing"]), key=rank)
    _style_legend(ax, kinds, "how the article backs the claim")
    titled(fig, _claim_title(data), "Each row a claim stated by two or more articles; each cell "
           "how that article backs it (blank: not stated); article labels coloured by genre")
    fig.tight_layout(rect=(0, 0.04, 1, 0.90))
    return fig


def _claim_title(data: pd.DataFrame) -> str:
    backed = data.assign(backed=~data["sourcing"].isin([HEDGED, UNSOURCED]))
    per = backed.groupby("label")["backed"].agg(["sum", "size"])
    n = data["claim"].nunique()
    if per["size"].max() == 0:
        return f"{n} shared claims"
    share = per["sum"] / per["size"]
    top, low = share.idxmax(), share.idxmin()
    title = f"{n} shared claims: {top} backs {int(per.at[top, 'sum'])} of {int(per.at[top, 'size'])} with a source"
    if low != top:
        title += f", {low} {int(per.at[low, 'sum'])} of {int(per.at[low, 'size'])}"
    return title


def source_matrix_table(comparison) -> pd.DataFrame:
    """Sources × articles (tidy): mentions, the type the article gives the source, and how
    many articles cite it; sources cited by most articles first, at most
    :data:`MAX_SOURCES`."""
    src = comparison.sources_by_article
    columns = ["source", "source_type", "article_id", "label", "genre", "mentions", "articles"]
    if src.empty:
        return pd.DataFrame(columns=columns)
    reach = src.groupby("source")["article_id"].nunique()
    keep = list(dict.fromkeys(src["source"]))[:MAX_SOURCES]
    return (src.loc[src["source"].isin(keep)]
            .assign(articles=lambda d: d["source"].map(reach))
            .merge(_labels(comparison)[["article_id", "label", "genre"]], on="article_id", how="left")
            .reindex(columns=columns).reset_index(drop=True))


def plot_source_matrix(table: pd.DataFrame, comparison) -> plt.Figure:
    """fig11: sources (rows) × articles (columns), the number of mentions in each cell,
    coloured by the source's type in that article."""
    sources = list(dict.fromkeys(table["source"]))
    columns = _article_order(comparison, comparison.articles["article_id"]
                             if len(comparison.articles) else [])
    fig, ax = plt.subplots(figsize=_grid_size(len(columns), len(sources)))
    if table.empty:
        empty_panel(ax, "No sources found in any article.")
        titled(fig, "No sources found")
        fig.tight_layout(rect=(0, 0.04, 1, 0.92))
        return fig
    _cells(ax, table, sources, columns, "source", "source_type", "mentions")
    ax.set_yticklabels([textwrap.shorten(s, 48, placeholder="…") for s in sources], fontsize=7.5)
    _genre_ticks(ax, _labels(comparison), columns)
    _style_legend(ax, sorted(set(table["source_type"]), key=rank), "source type")
    shared = table.loc[table["articles"] > 1, "source"].nunique()
    only = table.loc[table["articles"] == 1].groupby("label")["source"].nunique()
    title = f"{plural(shared, 'source')} cited by more than one article"
    if len(only):
        title += f"; {only.idxmax()} cites the most that no other does ({only.max()})"
    titled(fig, title, "Mentions of each source per article (number in the cell), coloured by "
           "the type that article gives it; sources cited by most articles at the top")
    fig.tight_layout(rect=(0, 0.04, 1, 0.90))
    return fig


def reuse_chart_table(comparison) -> pd.DataFrame:
    """The reuse table with labels and dates: who came first where both dates are known."""
    columns = ["article_id", "other_article_id", "label", "other_label", "shared_sentences",
               "share", "published", "other_published", "first"]
    if comparison.reuse.empty:
        return pd.DataFrame(columns=columns)
    labels = _labels(comparison).set_index("article_id")["label"]
    return (first_published(comparison.reuse, comparison.articles)
            .assign(label=lambda d: d["article_id"].map(labels),
                    other_label=lambda d: d["other_article_id"].map(labels))
            .reindex(columns=columns))


def plot_reuse(table: pd.DataFrame, comparison) -> plt.Figure:
    """fig12: a heat map of ``share`` (row article's sentences stated by the column's)."""
    ids = _article_order(comparison, set(table["article_id"]) | set(table["other_article_id"]))
    fig, ax = plt.subplots(figsize=(3.8 + 1.0 * max(len(ids), 2), 2.8 + 0.55 * max(len(ids), 2)))
    if table.empty:
        empty_panel(ax, "No story has two articles: nothing to compare.")
        titled(fig, "No reuse to show")
        fig.tight_layout(rect=(0, 0.04, 1, 0.92))
        return fig
    pos = {a: k for k, a in enumerate(ids)}
    grid = np.full((len(ids), len(ids)), np.nan)
    for rec in table.to_dict("records"):
        grid[pos[rec["article_id"]], pos[rec["other_article_id"]]] = rec["share"]
    image = ax.imshow(grid, cmap="Greys", vmin=0, vmax=max(0.5, np.nanmax(grid) if np.isfinite(grid).any() else 0.5))
    for rec in table.to_dict("records"):
        mark = " †" if rec["first"] == "other" else ""
        ax.text(pos[rec["other_article_id"]], pos[rec["article_id"]],
                f"{rec['share']:.0%}\n({rec['shared_sentences']}){mark}", ha="center", va="center",
                fontsize=7, color="white" if rec["share"] > 0.35 else "black")
    _genre_ticks(ax, _labels(comparison), ids)
    plt.setp(ax.get_xticklabels(), rotation=30, ha="right")
    lab = _labels(comparison).set_index("article_id").reindex(ids)
    ax.set_yticks(range(len(ids)))
    ax.set_yticklabels(lab["label"], fontsize=8)
    for tick, genre in zip(ax.get_yticklabels(), lab["genre"].fillna("")):
        tick.set_color(genre_colour(genre) if genre else "#333333")
    fig.colorbar(image, ax=ax, fraction=0.04, pad=0.02, label="share of the row article's sentences")
    top = table.loc[table["share"].idxmax()]
    title = (f"{top['label']}: {top['share']:.0%} of its sentences state claims of {top['other_label']}"
             if top["share"] > 0 else "No article states another's claims")
    titled(fig, title, "Row: the article; column: the other article of its story; cell: share "
           "(and number) of the row's sentences in a claim group with the column; † the column "
           "came out first")
    fig.tight_layout(rect=(0, 0.04, 1, 0.90))
    return fig


def make_compare_figures(comparison, out_dir: Path | None = None) -> dict[str, dict[str, Path]]:
    """Draw and save fig10–fig12 (PNG, SVG, CSV) under ``out_dir/figures``, through the
    registry (:func:`analysis.figures.catalog.make_figure`)."""
    from .catalog import COMPARE_CHARTS, make_figure  # the registry imports this module

    return {name: make_figure(name, comparison, out_dir).paths for name in COMPARE_CHARTS}


__all__ = ["SOURCING_STYLE", "COMPARE_FIGURES", "make_compare_figures"]
