"""Reuse between the articles of a story: how much of one article the other carries.

For an ordered pair of articles A, B of one story, ``shared_sentences`` is the number of A's
compared sentences that are in a claim group with a sentence of B (copied, quoted,
paraphrased or summarised: :mod:`analysis.compare.claims`), and ``share`` that number over
all of A's compared sentences (those with enough content words to be compared). The
measure is not symmetric: a short piece that takes three sentences from a long report
shares much of itself and little of the report.

Every pair of a story is listed, sharing or not, up to stories of :data:`MAX_ALL_PAIRS`
articles; in larger stories, only pairs that share a sentence.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix

REUSE_COLUMNS = ["article_id", "other_article_id", "shared_sentences", "share"]
MAX_ALL_PAIRS = 200


def reuse_table(stories: pd.DataFrame, claims: pd.DataFrame, compared: dict[str, int]) -> pd.DataFrame:
    """:data:`REUSE_COLUMNS` for every story of ``stories`` (``article_id``, ``story``) with
    two articles or more. ``compared``: each article's number of compared sentences."""
    out = []
    for story, members in stories.groupby("story", sort=False):
        ids = members["article_id"].tolist()
        if len(ids) < 2:
            continue
        shared = _shared_counts(ids, claims.loc[claims["story"] == story])
        a, b = np.nonzero(shared) if len(ids) > MAX_ALL_PAIRS else np.nonzero(~np.eye(len(ids), dtype=bool))
        for i, j in zip(a, b):
            if i == j:
                continue
            n = compared.get(ids[i], 0)
            out.append({"article_id": ids[i], "other_article_id": ids[j],
                        "shared_sentences": int(shared[i, j]),
                        "share": round(shared[i, j] / n, 3) if n else 0.0})
    return pd.DataFrame(out, columns=REUSE_COLUMNS)


def _shared_counts(ids: list[str], claims: pd.DataFrame) -> np.ndarray:
    """``shared[i, j]``: sentences of article ``i`` in a claim group with article ``j``."""
    if claims.empty:
        return np.zeros((len(ids), len(ids)), dtype=int)
    position = {a: k for k, a in enumerate(ids)}
    groups = {g: k for k, g in enumerate(claims["claim_group"].unique())}
    sentences = claims.drop_duplicates(["article_id", "start", "end"])
    rows = sentences["article_id"].map(position).to_numpy()
    cols = sentences["claim_group"].map(groups).to_numpy()
    count = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(ids), len(groups))).tocsr()
    present = (count > 0).astype(float)
    shared = (count @ present.T).toarray().astype(int)
    np.fill_diagonal(shared, 0)
    return shared


def first_published(reuse: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """``reuse`` with each article's ``published`` date and ``other_published``, and
    ``first``: which of the two came out first (``article``, ``other``, ``same day``, or ''
    when a date is missing)."""
    dates = articles.set_index("article_id")["published"].fillna("").astype(str)
    mine = reuse["article_id"].map(dates).fillna("")
    theirs = reuse["other_article_id"].map(dates).fillna("")
    first = np.select([(mine == "") | (theirs == ""), mine < theirs, mine > theirs],
                      ["", "article", "other"], "same day")
    return reuse.assign(published=mine, other_published=theirs, first=first)
