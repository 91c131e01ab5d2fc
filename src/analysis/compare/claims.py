"""Claims: the sentences of one story's articles aligned into claim groups, sentences that
state the same thing, and how each article backs it.

Two sentences of a story are linked when they state the same thing:

- ``copied``: their plain forms are nearly the same (rapidfuzz ratio at least
  :data:`COPY_RATIO`);
- ``quoted``: they carry the same quotation (a quote group of :mod:`analysis.compare.quotes`);
- ``paraphrased`` or ``summarised``: the cosine of their TF-IDF vectors (Snowball stems of
  content words but plain attribution verbs, sublinear tf, the IDF over the story's
  sentences taken to the power ½ so that the words a story repeats still count) is at least
  :data:`CLAIM_COSINE`, they share at least :data:`MIN_SHARED` stems, and among them a
  name or a number (two sentences alike only in generic words, "officials", "operation",
  "plan", are not the same claim). The cosine is also taken between the parts of a
  sentence (cut at a dash, semicolon, colon or a clause such as ", prompting"), so that a
  short sentence can match one half of a long one; a match
  through a part, or between sentences of very different lengths (the shorter under
  :data:`SUMMARY_LENGTH` of the longer), is ``summarised``.

Sentences that report different events are never linked (:func:`conflict`): when both give
years, months or other numbers and none is shared, or when each names something that the
other's article never mentions at all (Natanz against Rafah, Hezbollah against Hamas). A
name is a capitalised word that the story writes capitalised inside a sentence and never in
lower case (weekdays and the words of news outlets' names aside). When only one of the two
names something the other's article never mentions, the cosine needed rises by
:data:`ONE_SIDED_MARGIN`.

Linked sentences form claim groups by merging, strongest links first, two groups only while
the mean cosine between their sentences stays at least :data:`GROUP_MEAN` and no two of
their sentences (up to :data:`REPRESENTATIVES` of each) conflict, so one sentence that
touches two claims does not chain them together. Links between two sentences of one article
join groups only from :data:`WITHIN_COSINE`. Candidates are each sentence's :data:`TOP_K`
nearest in the story (sparse products): never all pairs of sentences of a corpus.

Each article's sentence in a group is backed as :mod:`analysis.compare.backing` finds; a
sentence with no source of its own (a lead) takes the backing of the most similar sentence
of its article that states the same claim with a source (in the group, or linked to it),
and that sentence joins the group.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import numpy as np
import pandas as pd
from rapidfuzz import fuzz
from scipy.sparse import vstack

from ..lexicons import load_lexicon
from .backing import HEDGED, UNSOURCED
from .similarity import neighbour_pairs
from .sources import _Union
from .text import capitalised, content_stems, facts, lower_words, plain, stop_words, words

CLAIM_COLUMNS = ["claim_group", "story", "article_id", "start", "end", "text", "sourcing", "sources"]
LINK_COLUMNS = ["claim_group", "story", "article_id", "start", "end", "other_article_id",
                "other_start", "other_end", "relation", "similarity"]
RELATIONS = ("copied", "quoted", "paraphrased", "summarised")

#: A sentence with fewer content words is compared only through a quote it carries.
MIN_STEMS = 4
#: Cosine from which two sentences are candidates, and how many neighbours each keeps.
CANDIDATE_COSINE = 0.12
TOP_K = 25
#: Cosine and shared stems from which two sentences state the same claim.
CLAIM_COSINE = 0.27
MIN_SHARED = 3
#: Added to the cosine needed when one of the two sentences names something the other's
#: article never mentions (when both do, they report different events).
ONE_SIDED_MARGIN = 0.10
#: Cosine from which two sentences of one article join one claim group.
WITHIN_COSINE = 0.35
#: rapidfuzz ratio (0–100) of the plain forms from which a sentence is a copy.
COPY_RATIO = 90
#: Below this ratio of content words (shorter / longer) a match is a summary.
SUMMARY_LENGTH = 0.6
#: Least mean cosine between two groups that merge, and sentences checked for conflicts.
GROUP_MEAN = 0.12
REPRESENTATIVES = 8
PART_BREAK = re.compile(r"\s[—–-]+\s|;\s|:\s|,\s(?=(?:but|while|although|though|prompting|as|"
                        r"amid|after|before|saying|adding|which|who|with)\b)")
#: Stems of the verbs that only attribute ("said", "told", "added", "according to"): they
#: say who speaks, not what is claimed.
ATTRIBUTION_STEMS = frozenset({"said", "say", "told", "tell", "add", "accord", "amid"})
#: Letters of a name that another article's word must start with to mention it.
NAME_PREFIX = 6
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


@dataclass
class Units:
    """The sentences of one story that are compared, with what comparing them needs."""

    frame: pd.DataFrame  # article_id, sentence, start, end, text (index 0..n-1)
    stems: list[list[str]]
    facts: list[dict]
    names: list[frozenset[str]]
    article_words: dict[str, frozenset[str]]  # each article's words cut to NAME_PREFIX letters
    vectors: object  # L2-normalised TF-IDF rows, one per sentence
    part_vectors: object  # one row per part of a sentence cut in parts
    part_of: np.ndarray  # the sentence of each part row
    plain: list[str]
    row_stems: list[list[str]]  # stems of each sentence, then of each part

    def __post_init__(self) -> None:
        self.arts = self.frame["article_id"].to_numpy()
        v = self.vectors.tocsr()
        self.rows = [dict(zip(v.indices[v.indptr[k]:v.indptr[k + 1]].tolist(),
                              v.data[v.indptr[k]:v.indptr[k + 1]].tolist()))
                     for k in range(v.shape[0])]

    def articles(self) -> np.ndarray:
        """The article of each sentence."""
        return self.arts


@cache
def _outlets() -> re.Pattern:
    """News outlets' names (``lexicons/media_outlets.txt``) as written in a sentence: the
    outlet an article cites ("told The Post") is no sign of a different event."""
    names = sorted(load_lexicon("media_outlets"), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.IGNORECASE)


def names_in(text: str, candidates: set[str]) -> frozenset[str]:
    """The ``candidates`` (story-wide names) written capitalised in ``text``, outside news
    outlets' names; weekdays and numbers aside."""
    found = capitalised(_outlets().sub(" ", text)) & candidates
    return frozenset(w for w in found if w not in WEEKDAYS and not w.isdigit() and len(w) > 1)


def parts(text: str) -> list[str]:
    """The parts of a sentence with :data:`MIN_STEMS` content words or more, when it has
    two such parts or more (else none)."""
    pieces = [p for p in PART_BREAK.split(text) if len(content_stems(p)) >= MIN_STEMS]
    return pieces if len(pieces) > 1 else []


def story_units(sentences: pd.DataFrame, keep: set[int] | None = None) -> Units | None:
    """The :class:`Units` of one story's ``sentences`` (rows of
    :data:`analysis.compare.inputs.SENTENCE_COLUMNS`): those with :data:`MIN_STEMS` content
    words or more, and those whose index is in ``keep`` (they carry a shared quote)."""
    keep = keep or set()
    stems_all = [content_stems(t) for t in sentences["text"]]
    chosen = [k for k, (idx, st) in enumerate(zip(sentences.index, stems_all))
              if len(st) >= MIN_STEMS or (idx in keep and st)]
    if not chosen:
        return None
    frame = sentences.iloc[chosen].reset_index().rename(columns={"index": "row"})
    stems = [stems_all[k] for k in chosen]
    lower = {w.lower() for t in sentences["text"] for w in lower_words(t)}
    inner = set().union(*(capitalised(t, inner=True) for t in sentences["text"])) - lower - stop_words()
    names = [names_in(t, inner) for t in frame["text"]]
    article_words = {aid: frozenset(w[:k] for t in group["text"] for w in words(t)
                                    for k in range(1, NAME_PREFIX + 1))
                     for aid, group in sentences.groupby("article_id", sort=False)}
    from sklearn.feature_extraction.text import TfidfVectorizer  # see text.stop_words

    vectorizer = TfidfVectorizer(analyzer=_claim_words, sublinear_tf=True, norm=None).fit(stems)
    damp = 1.0 / np.sqrt(vectorizer.idf_)
    vectors = _weighted(vectorizer.transform(stems), damp)
    pieces = [(k, content_stems(p)) for k, t in enumerate(frame["text"]) for p in parts(t)]
    part_vectors = (_weighted(vectorizer.transform([st for _, st in pieces]), damp)
                    if pieces else vectors[:0])
    return Units(frame, stems, [facts(t) for t in frame["text"]], names, article_words,
                 vectors, part_vectors, np.array([k for k, _ in pieces], dtype=int),
                 [plain(t) for t in frame["text"]], stems + [st for _, st in pieces])


def _claim_words(stems: list[str]) -> list[str]:
    """The stems that count for similarity: all but the plain attribution verbs."""
    return [w for w in stems if w not in ATTRIBUTION_STEMS]


def _weighted(counts, damp: np.ndarray):
    """TF-IDF rows with the IDF taken to the power 1/2 (``damp`` = idf^-1/2), L2-normalised."""
    from sklearn.preprocessing import normalize  # see text.stop_words

    return normalize(counts.multiply(damp).tocsr())


def mentioned(name: str, article_words: frozenset[str]) -> bool:
    """Whether an article mentions ``name``: a word of it starts with the name's first
    :data:`NAME_PREFIX` letters ("Israel" in "Israeli", "Palestine" in "Palestinians");
    ``article_words`` holds the article's words cut to 1 … :data:`NAME_PREFIX` letters."""
    return name[:NAME_PREFIX] in article_words


def unknown_names(units: Units, i: int, j: int) -> tuple[bool, bool]:
    """Whether sentence ``i`` names something ``j``'s article never mentions, and the
    reverse (always false within one article)."""
    arts = units.articles()
    if arts[i] == arts[j]:
        return False, False
    words_i, words_j = units.article_words[arts[i]], units.article_words[arts[j]]
    return (any(not mentioned(n, words_j) for n in units.names[i]),
            any(not mentioned(n, words_i) for n in units.names[j]))


def _facts_differ(units: Units, i: int, j: int) -> bool:
    fi, fj = units.facts[i], units.facts[j]
    return any(fi[k] and fj[k] and not fi[k] & fj[k] for k in ("years", "months", "numbers"))


def _anchored(units: Units, i: int, j: int) -> bool:
    """Whether two sentences share a name or a number: what they have in common is about
    the same someone or something, not only generic words ("officials", "plan")."""
    fi, fj = units.facts[i], units.facts[j]
    return bool(units.names[i] & units.names[j]
                or any(fi[k] & fj[k] for k in ("years", "months", "numbers")))


def conflict(units: Units, i: int, j: int) -> bool:
    """Whether sentences ``i`` and ``j`` report different events (see module doc)."""
    return _facts_differ(units, i, j) or all(unknown_names(units, i, j))


def candidates(units: Units) -> pd.DataFrame:
    """Sentence pairs ``i < j`` near enough to judge: ``i``, ``j``, ``similarity`` (the best
    cosine of the sentences or of their parts), ``a`` and ``b`` (the rows, sentence or
    part, that gave it) and ``through_part``."""
    n = units.vectors.shape[0]
    matrix = vstack([units.vectors, units.part_vectors]).tocsr() if units.part_vectors.shape[0] \
        else units.vectors
    owner = np.concatenate([np.arange(n), units.part_of])
    a, b, sims = neighbour_pairs(matrix, CANDIDATE_COSINE, top_k=TOP_K)
    i, j = owner[a], owner[b]
    part = (a >= n) | (b >= n)
    keep = i != j
    swap = i > j
    frame = pd.DataFrame({"i": np.where(swap, j, i)[keep], "j": np.where(swap, i, j)[keep],
                          "similarity": sims[keep], "a": np.where(swap, b, a)[keep],
                          "b": np.where(swap, a, b)[keep], "through_part": part[keep]})
    return (frame.sort_values(["i", "j", "similarity"], ascending=[True, True, False])
            .drop_duplicates(["i", "j"]).reset_index(drop=True))


def judge(units: Units, i: int, j: int, similarity: float, a: int | None = None,
          b: int | None = None) -> str | None:
    """The relation of sentences ``i`` and ``j`` (:data:`RELATIONS`), or None; ``a`` and
    ``b`` are the rows (sentences or parts) whose cosine is ``similarity``."""
    a, b = (i if a is None else a), (j if b is None else b)
    names_i, names_j = unknown_names(units, i, j)
    if names_i and names_j or _facts_differ(units, i, j):
        return None
    if similarity >= 0.5 and fuzz.ratio(units.plain[i], units.plain[j]) >= COPY_RATIO:
        return "copied"
    needed = CLAIM_COSINE + (ONE_SIDED_MARGIN if names_i or names_j else 0.0)
    shared = set(_claim_words(units.row_stems[a])) & set(_claim_words(units.row_stems[b]))
    if similarity < needed or len(shared) < MIN_SHARED or not _anchored(units, i, j):
        return None
    through_part = a != i or b != j
    li, lj = len(set(units.stems[i])), len(set(units.stems[j]))
    return "summarised" if through_part or min(li, lj) < SUMMARY_LENGTH * max(li, lj) else "paraphrased"


def links(units: Units, quoted: list[tuple[int, int]]) -> pd.DataFrame:
    """Every pair of sentences that state the same claim: ``i``, ``j``, ``relation``,
    ``similarity``. ``quoted``: pairs carrying one quotation."""
    cand = candidates(units)
    rows = [(i, j, rel, s) for i, j, s, a, b, _ in cand.itertuples(index=False)
            if (rel := judge(units, int(i), int(j), float(s), int(a), int(b)))]
    sims = {(i, j): s for i, j, s, *_ in cand.itertuples(index=False)}
    have = {(i, j) for i, j, _, _ in rows}
    for i, j in quoted:
        i, j = min(i, j), max(i, j)
        if (i, j) not in have and not conflict(units, i, j):
            rows.append((i, j, "quoted", sims.get((i, j), _cosine(units, i, j))))
    return pd.DataFrame(rows, columns=["i", "j", "relation", "similarity"])


def _dot(a: dict[int, float], b: dict[int, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[k] for k, v in a.items() if k in b)


def _add(a: dict[int, float], b: dict[int, float]) -> dict[int, float]:
    out = dict(a)
    for k, v in b.items():
        out[k] = out.get(k, 0.0) + v
    return out


def _cosine(units: Units, i: int, j: int) -> float:
    return _dot(units.rows[i], units.rows[j])


def group(units: Units, linked: pd.DataFrame) -> np.ndarray:
    """A group label per sentence (see module doc for when two groups merge)."""
    n = units.vectors.shape[0]
    arts = units.articles()
    strength = {"copied": 0, "quoted": 1, "paraphrased": 2, "summarised": 2}
    order = sorted(linked.itertuples(index=False),
                   key=lambda r: (strength[r.relation], -r.similarity, r.i, r.j))
    union = _Union()
    members = {k: [k] for k in range(n)}
    sums = {k: units.rows[k] for k in range(n)}
    for r in order:
        i, j = int(r.i), int(r.j)
        if arts[i] == arts[j] and r.relation != "copied" and r.similarity < WITHIN_COSINE:
            continue
        ri, rj = union.find(i), union.find(j)
        if ri == rj:
            continue
        if r.relation != "copied":
            mean = _dot(sums[ri], sums[rj]) / (len(members[ri]) * len(members[rj]))
            if mean < GROUP_MEAN:
                continue
        if any(conflict(units, a, b) for a in members[ri][:REPRESENTATIVES]
               for b in members[rj][:REPRESENTATIVES]):
            continue
        union.union(ri, rj)
        root = union.find(ri)
        other = rj if root == ri else ri
        members[root] = members[root] + members.pop(other)
        sums[root] = _add(sums[root], sums.pop(other))
    return np.array([union.find(k) for k in range(n)])


def align_story(story: str, units: Units, quoted: list[tuple[int, int]],
                backing: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(claims, links)`` of one story, with local group labels in ``claim_group``.

    ``backing``: each sentence's own :data:`analysis.compare.backing.BACKING_COLUMNS`,
    indexed like the story's sentences (``units.frame["row"]``).
    """
    linked = links(units, quoted)
    labels = group(units, linked)
    arts = units.arts
    spread: dict = {}
    for label, aid in zip(labels, arts):
        spread.setdefault(label, set()).add(aid)
    shared = {label for label, seen in spread.items() if len(seen) >= 2}
    if not shared:
        return pd.DataFrame(columns=CLAIM_COLUMNS), pd.DataFrame(columns=LINK_COLUMNS)
    rows = units.frame["row"].to_numpy()
    own = list(zip(backing["sourcing"].reindex(rows).fillna(UNSOURCED),
                   backing["sources"].reindex(rows).fillna("")))
    near = _same_article(linked, arts)
    labels = _with_backers(labels, shared, near, own)
    members = [k for k in range(len(labels)) if labels[k] in shared]
    starts, ends = units.frame["start"].to_numpy(), units.frame["end"].to_numpy()
    texts = units.frame["text"].to_numpy()
    sourcing = _sourcing(labels, members, arts, near, own)
    claims = pd.DataFrame(
        [{"claim_group": labels[k], "story": story, "article_id": arts[k], "start": int(starts[k]),
          "end": int(ends[k]), "text": texts[k], "sourcing": sourcing[k][0],
          "sources": sourcing[k][1]} for k in members], columns=CLAIM_COLUMNS)
    link_rows = [{"claim_group": labels[i], "story": story, "article_id": arts[i],
                  "start": int(starts[i]), "end": int(ends[i]), "other_article_id": arts[j],
                  "other_start": int(starts[j]), "other_end": int(ends[j]), "relation": rel,
                  "similarity": round(float(sim), 3)}
                 for i, j, rel, sim in linked.itertuples(index=False)
                 if labels[i] in shared and labels[i] == labels[j]]
    return claims, pd.DataFrame(link_rows, columns=LINK_COLUMNS)


def _unbacked(sourcing: str) -> bool:
    return sourcing in (HEDGED, UNSOURCED)


def _same_article(linked: pd.DataFrame, arts: np.ndarray) -> dict[int, dict[int, float]]:
    """For each sentence, the sentences of its own article that state the same claim, with
    their similarity."""
    out: dict[int, dict[int, float]] = {}
    for i, j, s in zip(linked["i"].to_numpy(), linked["j"].to_numpy(),
                       linked["similarity"].to_numpy()):
        if arts[i] == arts[j]:
            out.setdefault(int(i), {})[int(j)] = float(s)
            out.setdefault(int(j), {})[int(i)] = float(s)
    return out


def _backer(k: int, peers: dict[int, float], own: list[tuple[str, str]]) -> int | None:
    """The sentence that backs sentence ``k`` in its article: of ``peers`` (sentence ->
    similarity to ``k``), the most similar one that has a source."""
    sourced = [(s, -p, p) for p, s in peers.items() if p != k and not _unbacked(own[p][0])]
    return max(sourced)[2] if sourced else None


def _with_backers(labels: np.ndarray, shared: set, near: dict[int, dict[int, float]],
                  own: list[tuple[str, str]]) -> np.ndarray:
    """``labels`` with each unbacked member's backer (a sentence of its article that states
    the same claim with a source, in no shared group yet) put in the member's group."""
    labels = labels.copy()
    for k in [k for k in range(len(labels)) if labels[k] in shared]:
        if not _unbacked(own[k][0]):
            continue
        backer = _backer(k, near.get(k, {}), own)
        if backer is not None and labels[backer] not in shared:
            labels[backer] = labels[k]
    return labels


def _sourcing(labels: np.ndarray, members: list[int], arts: np.ndarray,
              near: dict[int, dict[int, float]], own: list[tuple[str, str]]) -> dict[int, tuple[str, str]]:
    """``sentence -> (sourcing, sources)`` of the members: its own backing, or for an
    unbacked sentence that of its backer (the most similar sourced sentence of its article
    in the same group or linked to it)."""
    same: dict = {}
    for k in members:
        same.setdefault((labels[k], arts[k]), []).append(k)
    out = {}
    for k in members:
        out[k] = own[k]
        if _unbacked(own[k][0]):
            peers = {p: near.get(k, {}).get(p, 0.0) for p in same[(labels[k], arts[k])]}
            backer = _backer(k, peers | near.get(k, {}), own)
            if backer is not None:
                out[k] = own[backer]
    return out
