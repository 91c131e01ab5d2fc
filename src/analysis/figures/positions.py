"""Where in each article the quotes, sources, hedges and boosters fall."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from ..records import relied_on
from .common import colour_ticklabels, empty_panel, labelled, ok_rows, titled

#: Evidence kinds placed on the chart, with marker, colour (Okabe-Ito) and vertical offset.
POSITION_STYLE = {
    "quote": ("|", "#0072B2", -0.24, "direct quote (start)"),
    "source": ("o", "#009E73", -0.08, "source"),
    "hedge": ("v", "#D55E00", 0.08, "hedge"),
    "booster": ("^", "#000000", 0.24, "booster"),
}
#: Legend entry of the sources the scorecard does not count (``counted`` false: shown only
#: acting, or a pronoun whose referent is unclear), drawn hollow in the source colour.
UNCOUNTED_NAME = "source not counted (only acting, or pronoun unclear)"


def positions_table(scores: pd.DataFrame, evidence: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """Each quote, source, hedge and booster with its position through the body (0–100%),
    and whether the scorecard counts it (``counted``: false only for a source record that
    says ``counted: false``, so that the chart and the sourcing profile agree)."""
    data = labelled(ok_rows(scores))[["article_id", "label", "genre"]]
    bounds = articles.set_index("article_id")["body_spans"].map(
        lambda spans: (spans[0][0], spans[-1][1]) if len(spans) else (0, 1))
    ev = evidence.loc[evidence["kind"].isin(list(POSITION_STYLE)) & evidence["article_id"].isin(data["article_id"]),
                      ["article_id", "kind", "start", "end", "text", "in_quote"]]
    counted = (evidence.loc[ev.index, "counted"].map(relied_on) if "counted" in evidence.columns
               else pd.Series(True, index=ev.index))
    ev = ev.assign(counted=counted.astype(bool) | (ev["kind"] != "source"))
    lo = ev["article_id"].map(lambda a: bounds[a][0])
    hi = ev["article_id"].map(lambda a: bounds[a][1])
    return (ev.assign(position_pct=(100 * (ev["start"] - lo) / (hi - lo).clip(lower=1)).clip(0, 100).round(1))
            .merge(data, on="article_id")
            .reindex(columns=["article_id", "label", "genre", "kind", "start", "end",
                              "position_pct", "in_quote", "counted", "text"]))


def plot_positions(table: pd.DataFrame, labels: list[str], genres: list[str]) -> plt.Figure:
    """One row per article: markers at the position of each quote, source, hedge, booster
    (a source the scorecard does not count hollow).

    ``labels``/``genres`` list every article to show, so one with no evidence still has a row.
    """
    fig, ax = plt.subplots(figsize=(10, 0.6 * max(len(labels), 1) + 2.4))
    if not labels:
        empty_panel(ax, "No article could be analysed.")
        titled(fig, "Where the evidence falls")
    else:
        row = {lab: i for i, lab in enumerate(labels)}
        counted = table["counted"].astype(bool)
        for kind, (marker, colour, dy, name) in POSITION_STYLE.items():
            sub = table.loc[(table["kind"] == kind) & counted]
            ax.scatter(sub["position_pct"], sub["label"].map(row).astype(float) + dy, marker=marker, color=colour,
                       s=60 if marker == "|" else 22, label=f"{name} ({len(sub)})", linewidths=1.5)
            rest = table.loc[(table["kind"] == kind) & ~counted]
            if len(rest):
                ax.scatter(rest["position_pct"], rest["label"].map(row).astype(float) + dy,
                           marker=marker, facecolors="none", edgecolors=colour, s=22,
                           label=f"{UNCOUNTED_NAME} ({len(rest)})", linewidths=1.0)
        for lab, i in row.items():
            if not (table["label"] == lab).any():
                ax.text(50, i, "no quotes, sources, hedges or boosters found", ha="center",
                        va="center", fontsize=8, color="#777777")
        ax.set_yticks(range(len(labels)), labels, fontsize=9)
        colour_ticklabels(ax, genres)
        ax.set_ylim(len(labels) - 0.5, -0.5)
        ax.set_xlim(-2, 102)
        ax.set_xlabel("position in the article body (% of its length, start → end)")
        ax.grid(axis="x", alpha=0.3)
        for y in range(len(labels)):
            ax.axhline(y + 0.5, color="#dddddd", linewidth=0.6)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(fontsize=8, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        q = table.loc[table["kind"] == "quote", "position_pct"]
        title = (f"Half of all quotes come after {q.median():.0f}% of the article"
                 if len(q) else "No direct quotes found in any article")
        titled(fig, title, "Each marker is one piece of evidence, placed where it starts in the body")
    fig.tight_layout(rect=(0, 0.04, 1, 0.9))
    return fig
