"""Near-identical articles: the same story in two exports, a wire story in five papers.

Each article's body is cut into overlapping sequences of :data:`SHINGLE` words (lower-cased,
hashed).
Two articles are near-identical when they share at least :data:`MIN_JACCARD` of their
sequences (Jaccard similarity), or when the shorter, at least :data:`MIN_LENGTH_RATIO` of
the longer's length, has :data:`MIN_CONTAINMENT` of its sequences in the longer (a copy
trimmed at the end). Candidate pairs come from MinHash locality-sensitive hashing
(datasketch), so a corpus of any size is never compared pair by pair; each candidate is then
checked on the exact sequences. Before that, one exact pass counts the sequences every two
articles share (:func:`any_near_identical`); when no pair shares enough, no pair can be
found and LSH is not run (nor datasketch imported: its import takes ~0.3 s, more than the
whole check of a few hundred articles). Nothing is dropped: the later article's
``duplicate_of`` names the earliest one it matches, and the loader warns once, naming them.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd

SHINGLE = 5
MIN_JACCARD = 0.8
MIN_CONTAINMENT = 0.9
MIN_LENGTH_RATIO = 0.6
#: Jaccard similarity at which MinHash LSH proposes a pair: below the two rules above (a
#: copy trimmed to 60% of the length has a Jaccard similarity of about 0.55), so that
#: trimmed copies are proposed too. Proposed pairs whose MinHash estimate is under
#: MIN_ESTIMATE are not checked further. NUM_PERM permutations per MinHash.
LSH_THRESHOLD = 0.5
MIN_ESTIMATE = 0.4
NUM_PERM = 128
SEED = 21
#: The exact pass of :func:`any_near_identical` gives up (and LSH decides) when one word
#: sequence is shared by more articles than this, or the pairs sharing sequences exceed
#: :data:`MAX_SHARED_PAIRS` (boilerplate repeated across a large corpus), or the corpus
#: holds more than :data:`MAX_SEQUENCES` sequences (a few thousand articles: the pass would
#: hold several copies of them at once).
MAX_SHARERS = 64
MAX_SHARED_PAIRS = 2_000_000
MAX_SEQUENCES = 2_000_000
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MIX = np.uint64(0x9E3779B97F4A7C15)


def shingles(text: str, vocabulary: dict[str, int] | None = None) -> np.ndarray:
    """Sorted unique 64-bit hashes of the ``SHINGLE``-word sequences of ``text``: each word
    numbered in ``vocabulary`` (shared by the texts compared, filled as words come), the
    numbers of a sequence combined by a polynomial rolling hash."""
    vocabulary = {} if vocabulary is None else vocabulary
    words = np.array([vocabulary.setdefault(w, len(vocabulary) + 1)
                      for w in WORD.findall(text.lower())], dtype=np.uint64)
    if len(words) < SHINGLE:
        return np.zeros(0, dtype=np.uint64)
    grams = np.zeros(len(words) - SHINGLE + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):  # the hash wraps around on purpose
        for k in range(SHINGLE):
            grams = (grams + words[k:len(words) - SHINGLE + 1 + k]) * _MIX
    return np.unique(grams)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """How near-identical two shingle sets are: their Jaccard similarity, or the shorter's
    containment in the longer when that rule applies; 0 when neither reaches its bar."""
    if not len(a) or not len(b):
        return 0.0
    shared = len(np.intersect1d(a, b, assume_unique=True))
    jaccard = shared / (len(a) + len(b) - shared)
    if jaccard >= MIN_JACCARD:
        return jaccard
    shorter, longer = sorted((len(a), len(b)))
    containment = shared / shorter
    if shorter >= MIN_LENGTH_RATIO * longer and containment >= MIN_CONTAINMENT:
        return containment
    return 0.0


def any_near_identical(sets: list[np.ndarray]) -> bool | None:
    """Whether two of the shingle sets ``sets`` are near-identical (:func:`similarity`),
    from the exact count of the sequences each two share, in one sort of all of them; None
    when that would not be cheap (see :data:`MAX_SHARERS`)."""
    sizes = np.array([len(v) for v in sets], dtype=np.int64)
    if sizes.sum() == 0:
        return False
    if sizes.sum() > MAX_SEQUENCES:
        return None
    values = np.concatenate(sets)
    owners = np.repeat(np.arange(len(sets), dtype=np.int64), sizes)
    order = np.argsort(values, kind="stable")
    values, owners = values[order], owners[order]
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    counts = np.diff(np.r_[starts, len(values)])
    shared = counts > 1
    if not shared.any():
        return False
    if counts.max() > MAX_SHARERS or (counts[shared] * (counts[shared] - 1) // 2).sum() > \
            MAX_SHARED_PAIRS:
        return None
    two = starts[counts == 2]  # the common case, at once: a sequence two articles share
    pairs = [owners[two] * len(sets) + owners[two + 1]]
    for start, count in zip(starts[counts > 2].tolist(), counts[counts > 2].tolist()):
        group = owners[start:start + count]  # each set holds a value once: distinct owners
        first, second = np.triu_indices(count, 1)
        pairs.append(group[first] * len(sets) + group[second])
    pair_ids, together = np.unique(np.concatenate(pairs), return_counts=True)
    a, b = sizes[pair_ids // len(sets)], sizes[pair_ids % len(sets)]
    jaccard = together / (a + b - together)
    shorter, longer = np.minimum(a, b), np.maximum(a, b)
    contained = (shorter >= MIN_LENGTH_RATIO * longer) & (together / shorter >= MIN_CONTAINMENT)
    return bool(((jaccard >= MIN_JACCARD) | contained).any())


def find_duplicates(texts: list[str]) -> dict[int, tuple[int, float]]:
    """For each text that repeats an earlier one: ``{index: (earliest match, similarity)}``."""
    vocabulary: dict[str, int] = {}
    sets = [shingles(t, vocabulary) for t in texts]
    if any_near_identical(sets) is False:
        return {}
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)
    template = MinHash(num_perm=NUM_PERM, seed=SEED)  # permutations drawn once, not per text
    signatures: dict[int, MinHash] = {}
    found: dict[int, tuple[int, float]] = {}
    for i, values in enumerate(sets):
        if not len(values):
            continue
        signature = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int,
                            permutations=template.permutations, scheme=template.scheme)
        signature.update_batch((values >> np.uint64(32)) ^ (values & np.uint64(0xFFFFFFFF)))
        matches = []
        for j in lsh.query(signature):
            if signature.jaccard(signatures[j]) < MIN_ESTIMATE:
                continue
            share = similarity(values, sets[j])
            if share:
                matches.append((j, share))
        if matches:
            found[i] = min(matches)
        lsh.insert(i, signature)
        signatures[i] = signature
    return found


def flag_duplicates(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` (articles) with ``duplicate_of``: for each article whose body repeats an
    earlier one's, the earliest such article's id; '' for the others."""
    ok = frame.index[frame["status"] == "ok"]
    found = find_duplicates(frame.loc[ok, "body"].tolist())
    duplicate_of = pd.Series("", index=frame.index, dtype=object)
    for i, (j, _) in found.items():
        duplicate_of[ok[i]] = frame.at[ok[j], "article_id"]
    return frame.assign(duplicate_of=duplicate_of)


def duplicate_summary(frame: pd.DataFrame, limit: int = 5) -> str:
    """One line naming the articles flagged in ``duplicate_of``; '' when there is none."""
    flagged = frame.loc[frame["duplicate_of"].fillna("") != "", ["article_id", "duplicate_of"]]
    if flagged.empty:
        return ""
    pairs = [f"{a} (= {b})" for a, b in flagged.itertuples(index=False)]
    shown = ", ".join(pairs[:limit]) + (f" and {len(pairs) - limit} more" if len(pairs) > limit else "")
    return (f"{len(pairs)} of {len(frame)} articles repeat an earlier one's text: {shown} — both "
            "are scored; see the duplicate_of column and keep one when counting articles or "
            "comparing outlets")
