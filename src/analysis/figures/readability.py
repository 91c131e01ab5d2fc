"""Readability chart (notebook 01)."""
from __future__ import annotations

import matplotlib.pyplot as plt
import pandas as pd

from .save import article_label, genre_colour


def readability_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Readability columns of the articles that loaded, sorted by reading ease."""
    return (
        articles.loc[articles["status"] == "ok",
                     ["article_id", "outlet", "genre", "words", "sentences",
                      "flesch_reading_ease", "flesch_kincaid_grade"]]
        .assign(words_per_sentence=lambda d: (d["words"] / d["sentences"]).round(1))
        .sort_values("flesch_kincaid_grade", ascending=False)
        .reset_index(drop=True)
    )


def plot_readability(table: pd.DataFrame) -> plt.Figure:
    """Horizontal bars of Flesch-Kincaid grade per article, coloured by genre."""
    fig, ax = plt.subplots(figsize=(8, 0.5 * len(table) + 1.8))
    labels = [article_label(a, o, g) for a, o, g in
              zip(table["article_id"], table["outlet"], table["genre"])]
    ax.barh(labels, table["flesch_kincaid_grade"], color=[genre_colour(g) for g in table["genre"]])
    for y, v in enumerate(table["flesch_kincaid_grade"]):
        ax.text(v + 0.2, y, f"{v:.1f}", va="center", fontsize=8)
    ax.set_xlabel("Flesch-Kincaid grade level (US school years)")
    hardest = table.loc[table["flesch_kincaid_grade"].idxmax()] if len(table) else None
    title = ("Reading difficulty per article" if hardest is None else
             f"Hardest to read: {article_label(hardest['article_id'], hardest['outlet'], hardest['genre'])}")
    ax.set_title(title, loc="left", fontsize=11)
    ax.invert_yaxis()
    ax.spines[["top", "right"]].set_visible(False)
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    return fig
