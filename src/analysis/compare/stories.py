"""Stories: which articles cover the same story, so that only they are compared.

An article whose ``story`` is given (the manifest's ``story`` column, or a ``story`` column
of the articles frame) belongs to that story. The others are grouped by what they are
about: each is a TF-IDF vector of the lemmas of its content words (the ``vocab`` the
pipeline counts; sublinear term frequency, IDF over the articles grouped, scikit-learn),
and articles are clustered by average linkage on the cosine of their vectors: two sets of
articles join while the mean cosine between them is at least :data:`STORY_THRESHOLD`. Near
copies (a wire copy, a repost) have a cosine near 1, so they always end up together; an
article close to none is a story of its own.

To stay sparse, the average linkage runs only inside the groups of articles that pairs
with a cosine of at least :data:`LINK_THRESHOLD` connect (sparse products, a block of
rows at a time, keeping only those pairs).
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from .similarity import neighbour_pairs

#: Mean cosine between two sets of articles at or above which they are one story (average
#: linkage). Chosen with ``benchmarks/story_threshold.py`` (figures in docs/compare.md).
STORY_THRESHOLD = 0.20
#: Cosine that links two articles as candidates for one story (below the threshold: the
#: average-linkage step decides).
LINK_THRESHOLD = 0.08
#: Most articles clustered at once (a dense matrix of their cosines is built), and the step
#: by which the link threshold rises to split a larger group.
MAX_GROUP = 3000
LINK_STEP = 0.03
STORY_COLUMNS = ["article_id", "story"]


def article_vectors(vocab: list[dict[str, int]]):
    """L2-normalised TF-IDF rows (sublinear tf, smoothed idf) of the given lemma counts."""
    from sklearn.feature_extraction import DictVectorizer  # see text.stop_words
    from sklearn.feature_extraction.text import TfidfTransformer

    counts = DictVectorizer().fit_transform(vocab)
    return TfidfTransformer(sublinear_tf=True).fit_transform(counts)


def linked_pairs(vectors, threshold: float = STORY_THRESHOLD) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(i, j, cosine)`` of the row pairs ``i < j`` whose cosine is at least ``threshold``."""
    return neighbour_pairs(vectors, threshold)


def similarity_stories(article_ids: list[str], vocab: list[dict[str, int]],
                       threshold: float = STORY_THRESHOLD) -> list[int]:
    """A story number (0, 1, …, in order of each story's first article) per article.

    Articles linked by a cosine of at least :data:`LINK_THRESHOLD` form candidate groups
    (connected components of the sparse graph); each group is then cut by average-linkage
    clustering at ``threshold``: two sets of articles join only while the mean cosine
    between them is at least ``threshold``, so one article that touches two stories does
    not chain them together. A group of more than :data:`MAX_GROUP` articles is first split
    by a higher link threshold, so memory stays bounded.
    """
    n = len(article_ids)
    if n <= 1 or not any(vocab):
        return list(range(n))
    vectors = article_vectors(vocab)
    labels = np.empty(n, dtype=object)
    for members, sub in _clusters(vectors, np.arange(n), min(LINK_THRESHOLD, threshold), threshold):
        for member, label in zip(members, sub):
            labels[member] = (int(members[0]), int(label))
    order: dict = {}
    return [order.setdefault(label, len(order)) for label in labels]


def _clusters(vectors, members: np.ndarray, link: float, threshold: float):
    """Yield ``(members, labels)``: the rows ``members`` of ``vectors`` in groups connected
    by cosines of at least ``link``, each with its average-linkage labels."""
    i, j, _ = linked_pairs(vectors[members], link)
    graph = coo_matrix((np.ones(len(i)), (i, j)), shape=(len(members), len(members)))
    _, components = connected_components(graph, directed=False)
    for component in np.unique(components):
        group = members[components == component]
        if len(group) > MAX_GROUP and link < threshold:
            yield from _clusters(vectors, group, min(link + LINK_STEP, threshold), threshold)
        else:
            yield group, _average_linkage(vectors[group], threshold)


def _average_linkage(vectors, threshold: float) -> np.ndarray:
    """Cluster labels of the rows of ``vectors``: average linkage on cosine distance, cut
    where the mean cosine between two clusters falls below ``threshold``."""
    if vectors.shape[0] == 1:
        return np.zeros(1, dtype=int)
    distance = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 2.0)
    np.fill_diagonal(distance, 0.0)
    from sklearn.cluster import AgglomerativeClustering  # see text.stop_words

    model = AgglomerativeClustering(n_clusters=None, metric="precomputed", linkage="average",
                                    distance_threshold=1.0 - threshold + 1e-9)
    return model.fit_predict(distance)


def assign_stories(articles: pd.DataFrame, vocab: dict[str, dict[str, int]],
                   threshold: float = STORY_THRESHOLD) -> pd.DataFrame:
    """``article_id``, ``story`` for every article of ``articles`` (which needs
    ``article_id`` and ``story``, '' where none is given), in their order.

    Stories found by similarity are named ``story-1``, ``story-2``… in order of their first
    article (a name given in the manifest is never reused).
    """
    given = articles["story"].fillna("").astype(str).str.strip()
    free = articles.loc[given == "", "article_id"].tolist()
    numbers = similarity_stories(free, [vocab.get(a, {}) for a in free], threshold)
    taken = set(given)
    names, k = {}, 0
    for number in dict.fromkeys(numbers):
        k += 1
        while f"story-{k}" in taken:
            k += 1
        names[number] = f"story-{k}"
    found = dict(zip(free, (names[n] for n in numbers)))
    return pd.DataFrame({"article_id": articles["article_id"].to_numpy(),
                         "story": [g or found[a] for a, g in zip(articles["article_id"], given)]},
                        columns=STORY_COLUMNS)

