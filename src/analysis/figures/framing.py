"""Framing charts: genres on standardised scores, distinctive words, who acts, stance."""
from __future__ import annotations

import math

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd

from .common import colour_ticklabels, empty_panel, genre_by_label, labelled, ok_rows, titled
from .save import genre_colour

#: Scores compared across genres (fig04), with their reading for the axis.
PROFILE_METRICS = {
    "quoted_word_share": "share of words quoted",
    "attributed_quote_share": "quotes with a named speaker",
    "named_sources": "named sources",
    "anonymous_share": "share of sources anonymous",
    "hedges_per_1k": "hedges per 1,000 words",
    "boosters_per_1k": "boosters per 1,000 words",
    "loaded_per_1k": "loaded words per 1,000",
    "evaluative_per_1k": "evaluative words per 1,000",
    "flesch_kincaid_grade": "reading grade",
    "transparency_index": "transparency index",
    "generated_look_score": "machine-look signals",
    "advocacy_score": "advocacy signals",
}
STANCE_MEASURES = {
    "hedges_per_1k": "hedges",
    "boosters_per_1k": "boosters",
    "evaluative_per_1k": "evaluative words",
    "loaded_per_1k": "loaded words",
    "we_per_1k": "'we / our'",
    "you_per_1k": "'you' (reader)",
    "appeals": "appeals to the reader (count)",
}


def _grid(n: int, max_cols: int = 3, width: float = 4.2, height: float = 3.6):
    cols = min(max(n, 1), max_cols)
    rows = math.ceil(max(n, 1) / cols)
    fig, axes = plt.subplots(rows, cols, figsize=(width * cols + 0.6, height * rows + 1.4),
                             squeeze=False)
    for ax in axes.flat[n:]:
        ax.set_visible(False)
    return fig, list(axes.flat)


def genre_profile_table(scores: pd.DataFrame) -> pd.DataFrame:
    """Each genre's mean of each score, standardised across articles (z: 0 = the average
    article, 1 = one standard deviation above). A score that does not vary is 0 for all."""
    data = ok_rows(scores)
    long = data.melt(id_vars=["article_id", "genre"], value_vars=list(PROFILE_METRICS),
                     var_name="metric", value_name="value").astype({"value": "float64"})
    stats = long.groupby("metric")["value"].agg(["mean", "std"])
    z = ((long["value"] - long["metric"].map(stats["mean"])) / long["metric"].map(stats["std"]))
    return (long.assign(z=z.where(long["metric"].map(stats["std"]).gt(0), 0.0))
            .groupby(["genre", "metric"], sort=False)
            .agg(mean_z=("z", "mean"), raw_mean=("value", "mean"), articles=("article_id", "nunique"))
            .reset_index()
            .assign(label=lambda d: d["metric"].map(PROFILE_METRICS),
                    mean_z=lambda d: d["mean_z"].round(2), raw_mean=lambda d: d["raw_mean"].round(3)))


def plot_genre_profiles(table: pd.DataFrame) -> plt.Figure:
    """Dot plot: each genre's mean standardised score on each measure, side by side."""
    metrics = [m for m in PROFILE_METRICS if m in set(table["metric"])]
    genres = list(dict.fromkeys(table["genre"]))
    fig, ax = plt.subplots(figsize=(9, 0.42 * max(len(metrics), 1) + 2.4))
    if table.empty:
        empty_panel(ax, "No article could be analysed.")
        titled(fig, "Genres side by side")
    else:
        offsets = np.linspace(-0.25, 0.25, len(genres)) if len(genres) > 1 else [0.0]
        for off, g in zip(offsets, genres):
            sub = table.loc[table["genre"] == g].set_index("metric").reindex(metrics)
            n = int(sub["articles"].max())
            ax.scatter(sub["mean_z"], np.arange(len(metrics)) + off, s=55, color=genre_colour(g),
                       edgecolor="black", linewidth=0.4, label=f"{g} (n={n})", zorder=3)
        ax.axvline(0, color="#444444", linewidth=0.8)
        ax.set_yticks(np.arange(len(metrics)), [PROFILE_METRICS[m] for m in metrics], fontsize=9)
        ax.invert_yaxis()
        ax.set_xlabel("standardised score (z: standard deviations from the average article)")
        ax.grid(axis="x", alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(title="genre", fontsize=8, title_fontsize=8, frameon=False,
                  loc="upper left", bbox_to_anchor=(1.0, 1.0))
        spread = table.groupby("metric")["mean_z"].agg(lambda z: z.max() - z.min())
        top = spread.idxmax() if spread.max() > 0 else None
        title = (f"Genres differ most on {PROFILE_METRICS[top]}" if top and len(genres) > 1
                 else "Each measure against the average article")
        titled(fig, title, "Mean of each genre's articles, each score standardised across all "
                           "articles; n = articles in the genre")
    fig.tight_layout(rect=(0, 0.04, 1, 0.92))
    return fig


def plot_distinctive_words(table: pd.DataFrame) -> plt.Figure:
    """One panel per genre: its most distinctive words by Fightin' Words z-score."""
    genres = list(dict.fromkeys(table["genre"]))
    fig, axes = _grid(len(genres))
    if table.empty:
        empty_panel(axes[0], "Distinctive words need at least two genres\n"
                             "(label articles in manifest.csv).")
        titled(fig, "Distinctive words per genre")
    else:
        for ax, g in zip(axes, genres):
            sub = table.loc[table["genre"] == g].sort_values("z")
            ax.barh(sub["word"], sub["z"], color=genre_colour(g))
            for y, (z, n) in enumerate(zip(sub["z"], sub["count"])):
                ax.text(z + 0.05, y, f"{n}×", va="center", fontsize=7, color="#333333")
            ax.axvline(1.96, color="#444444", linestyle="--", linewidth=0.8)
            ax.set_title(g, fontsize=10, color=genre_colour(g), loc="left")
            ax.set_xlabel("z-score vs other genres (log-odds)")
            ax.set_xlim(0, max(sub["z"].max() * 1.25, 2.3))
            ax.spines[["top", "right"]].set_visible(False)
            ax.tick_params(axis="y", labelsize=8)
        best = table.sort_values("z", ascending=False).iloc[0]
        titled(fig, f"Most distinctive: “{best['word']}” in {best['genre']} (z = {best['z']:.1f})",
               "Log-odds ratio with informative Dirichlet prior (Monroe et al. 2008); "
               "dashed line z = 1.96; n× = uses in the genre")
    fig.tight_layout(rect=(0, 0.04, 1, 0.9))
    return fig


def plot_actors(table: pd.DataFrame) -> plt.Figure:
    """One panel per genre: who acts (subject or agent) most often, with their verbs.

    Every panel shares one x scale, so bars compare across genres."""
    genres = list(dict.fromkeys(table["genre"]))
    fig, axes = _grid(len(genres), max_cols=2, width=5.6, height=3.8)
    if table.empty:
        empty_panel(axes[0], "No person, state or group found as subject or agent.")
        titled(fig, "Who acts")
    else:
        right = max(table["mentions"].max() * 1.9, 4)
        for ax, g in zip(axes, genres):
            sub = table.loc[table["genre"] == g].iloc[::-1]
            ax.barh(sub["actor"], sub["mentions"], color=genre_colour(g), alpha=0.85)
            for y, (m, verbs) in enumerate(zip(sub["mentions"], sub["verbs"])):
                ax.text(m + 0.1, y, verbs, va="center", fontsize=7, color="#222222")
            ax.set_title(g, fontsize=10, color=genre_colour(g), loc="left")
            ax.set_xlabel("times as grammatical subject or agent (count)")
            ax.set_xlim(0, right)
            ax.tick_params(axis="y", labelsize=8)
            ax.spines[["top", "right"]].set_visible(False)
        lead = table.sort_values("mentions", ascending=False).groupby("genre").head(1)
        title = "Who acts: " + "; ".join(f"{g} → {a}" for g, a in zip(lead["genre"], lead["actor"]))
        titled(fig, title, "People, states and groups as subject or agent of a verb, "
                           "with the verbs they are given (quotes included)")
    fig.tight_layout(rect=(0, 0.04, 1, 0.88))
    return fig


def stance_table(scores: pd.DataFrame, evidence: pd.DataFrame, features: dict[str, dict]) -> pd.DataFrame:
    """Per article and stance measure: rate per 1,000 writer's words (appeals: a count)."""
    data = labelled(ok_rows(scores))
    writer = data["article_id"].map(lambda a: features.get(a, {}).get("writer_words", 0))
    own = evidence.loc[evidence["in_quote"].ne(True)]

    def rate(kind: str) -> pd.Series:
        n = data["article_id"].map(own.loc[own["kind"] == kind].groupby("article_id").size()).fillna(0)
        return (1000 * n / writer.where(writer > 0)).round(2)

    wide = data.assign(we_per_1k=rate("we"), you_per_1k=rate("you"))
    return (wide.melt(id_vars=["article_id", "label", "genre"], value_vars=list(STANCE_MEASURES),
                      var_name="measure", value_name="value")
            .assign(measure_label=lambda d: d["measure"].map(STANCE_MEASURES),
                    value=lambda d: d["value"].astype("float64")))


def plot_stance(table: pd.DataFrame) -> plt.Figure:
    """Heat table: stance measures per article, shaded within each measure, values written in."""
    wide = table.pivot_table(index="label", columns="measure", values="value", sort=False,
                             aggfunc="first").reindex(columns=list(STANCE_MEASURES))
    genres = genre_by_label(table, wide.index)
    fig, ax = plt.subplots(figsize=(10, 0.55 * max(len(wide), 1) + 2.6))
    if wide.empty:
        empty_panel(ax, "No article could be analysed.")
        titled(fig, "Stance")
    else:
        top = wide.max().replace(0, np.nan)
        shade = (wide / top).fillna(0).to_numpy(dtype=float)
        ax.imshow(shade, cmap="Blues", vmin=0, vmax=1.4, aspect="auto")
        for (i, j), v in np.ndenumerate(wide.to_numpy(dtype=float)):
            ax.text(j, i, "–" if np.isnan(v) else (f"{v:.0f}" if j == len(STANCE_MEASURES) - 1 else f"{v:.1f}"),
                    ha="center", va="center", fontsize=9,
                    color="white" if shade[i, j] > 0.75 else "black")
        ax.set_xticks(range(len(STANCE_MEASURES)), [STANCE_MEASURES[m] for m in wide.columns],
                      rotation=20, ha="right", fontsize=9)
        ax.set_yticks(range(len(wide)), wide.index, fontsize=9)
        colour_ticklabels(ax, genres)
        ax.tick_params(length=0)
        for side in ax.spines.values():
            side.set_visible(False)
        loaded = wide["loaded_per_1k"]
        title = (f"Most loaded wording: {loaded.idxmax()} ({loaded.max():.0f} per 1,000 words)"
                 if loaded.max() > 0 else "No loaded words found")
        titled(fig, title, "Per 1,000 of the writer's own words (quotes excluded); appeals are "
                           "counts. Darker = higher within the column")
    fig.tight_layout(rect=(0, 0.04, 1, 0.9))
    return fig
