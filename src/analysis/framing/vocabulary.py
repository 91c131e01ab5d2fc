"""Distinctive vocabulary of each genre: log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi & Quinn 2008, "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4), section 3.5. For a
word w, genre i and the other genres j (all articles of other genres pooled):

    δ_w = log((y_iw + α_w) / (n_i + α_0 − y_iw − α_w)) − log((y_jw + α_w) / (n_j + α_0 − y_jw − α_w))
    σ²_w ≈ 1 / (y_iw + α_w) + 1 / (y_jw + α_w)
    z_w  = δ_w / σ_w

with y the word counts, n the total counts, and the prior α_w = α_0 · (share of w in the whole
corpus), α_0 = :data:`PRIOR_WEIGHT` (the prior counts as that many words). Words are the
lower-cased lemmas of content words (no stop words) of each body, quotes included.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

#: Total weight of the informative prior, in words.
PRIOR_WEIGHT = 500.0
VOCAB_COLUMNS = ["genre", "word", "z", "log_odds", "count", "count_other", "articles"]


def genre_counts(vocab: dict[str, dict[str, int]], genres: dict[str, str]) -> pd.DataFrame:
    """Word × genre count matrix from per-article ``vocab`` dicts and ``article -> genre``."""
    frames = [pd.Series(v, name=aid, dtype="int64") for aid, v in vocab.items() if v]
    if not frames:
        return pd.DataFrame(dtype="int64")
    counts = pd.concat(frames, axis=1).fillna(0)
    return counts.T.groupby(pd.Series(genres)).sum().T.astype("int64")


def fightin_words(counts: pd.DataFrame, prior_weight: float = PRIOR_WEIGHT) -> pd.DataFrame:
    """z-scores of every word for every genre (column of ``counts``) against the rest.

    Returns columns :data:`VOCAB_COLUMNS` minus ``articles``; empty with fewer than two genres.
    """
    if counts.shape[1] < 2 or counts.to_numpy().sum() == 0:
        return pd.DataFrame(columns=VOCAB_COLUMNS[:-1])
    total = counts.sum(axis=1)
    alpha = prior_weight * total / total.sum()
    a0 = alpha.sum()
    out = []
    for genre in counts.columns:
        yi, yj = counts[genre], total - counts[genre]
        ni, nj = yi.sum(), yj.sum()
        delta = (np.log((yi + alpha) / (ni + a0 - yi - alpha))
                 - np.log((yj + alpha) / (nj + a0 - yj - alpha)))
        var = 1 / (yi + alpha) + 1 / (yj + alpha)
        out.append(pd.DataFrame({"genre": genre, "word": counts.index, "z": delta / np.sqrt(var),
                                 "log_odds": delta, "count": yi, "count_other": yj}))
    return pd.concat(out, ignore_index=True)


def distinctive_words(vocab: dict[str, dict[str, int]], genres: dict[str, str], top: int = 10,
                      min_count: int = 2) -> pd.DataFrame:
    """The ``top`` most distinctive words of each genre (z > 0, used at least ``min_count``
    times in the genre), with the number of its articles using each word."""
    scores = fightin_words(genre_counts(vocab, genres))
    if scores.empty:
        return pd.DataFrame(columns=VOCAB_COLUMNS)
    used_in = {(g, w): 0 for g, w in zip(scores["genre"], scores["word"])}
    for aid, words in vocab.items():
        for w in words:
            used_in[(genres[aid], w)] = used_in.get((genres[aid], w), 0) + 1
    return (scores.loc[(scores["z"] > 0) & (scores["count"] >= min_count)]
            .sort_values(["genre", "z"], ascending=[True, False])
            .groupby("genre", sort=True).head(top)
            .assign(articles=lambda d: [used_in.get((g, w), 0) for g, w in zip(d["genre"], d["word"])],
                    z=lambda d: d["z"].round(2), log_odds=lambda d: d["log_odds"].round(3))
            .reindex(columns=VOCAB_COLUMNS)
            .reset_index(drop=True))
