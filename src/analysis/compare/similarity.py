"""Sparse cosine neighbours: the pairs of rows of an L2-normalised sparse matrix whose
cosine reaches a threshold, computed a block of rows at a time (never a dense all-pairs
matrix), optionally only each row's ``top_k`` nearest."""
from __future__ import annotations

import numpy as np

#: Rows multiplied at a time.
CHUNK = 2000


def neighbour_pairs(vectors, threshold: float, top_k: int | None = None,
                    chunk: int = CHUNK) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(i, j, cosine)`` for the row pairs ``i < j`` with a cosine of at least
    ``threshold``; with ``top_k``, a pair is kept when ``j`` is among the ``top_k`` nearest
    of ``i`` or ``i`` among those of ``j``."""
    n = vectors.shape[0]
    rows, cols, vals = [], [], []
    transposed = vectors.T.tocsc()
    for lo in range(0, n, chunk):
        block = (vectors[lo:lo + chunk] @ transposed).tocsr()
        for r in range(block.shape[0]):
            a, b = block.indptr[r], block.indptr[r + 1]
            js, sims = block.indices[a:b], block.data[a:b]
            keep = (sims >= threshold) & (js != r + lo)
            js, sims = js[keep], sims[keep]
            if top_k is not None and len(js) > top_k:
                best = np.argpartition(-sims, top_k - 1)[:top_k]
                js, sims = js[best], sims[best]
            rows.append(np.full(len(js), r + lo))
            cols.append(js)
            vals.append(sims)
    if not rows:
        return np.array([], int), np.array([], int), np.array([], float)
    i, j, v = np.concatenate(rows), np.concatenate(cols), np.concatenate(vals)
    lo_, hi_ = np.minimum(i, j), np.maximum(i, j)
    order = np.lexsort((hi_, lo_))
    lo_, hi_, v = lo_[order], hi_[order], v[order]
    first = np.ones(len(lo_), dtype=bool)
    first[1:] = (lo_[1:] != lo_[:-1]) | (hi_[1:] != hi_[:-1])
    return lo_[first], hi_[first], v[first]
