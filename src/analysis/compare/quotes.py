"""Shared quotes: the same quotation in two or more articles of a story, with each
article's attribution.

Quotes are the evidence's quote records. Two quotes match when their plain forms
(:func:`analysis.compare.text.quote_plain`: quote marks, case, ellipses, bracketed
insertions and contractions set aside) are equal, or, for quotes of at least
:data:`MIN_FUZZY_WORDS` words, when the longest common subsequence of their words covers
:data:`MIN_COVERAGE` of the shorter one's words and of its content words (rapidfuzz): so a
quote cut short, cut in the middle ("…") or with a word or two changed still matches. Quotes
that match, directly or through another, form a quote group.

Candidate pairs come from the sparse cosine of the quotes' word vectors inside each story
(at least :data:`CANDIDATE_COSINE`), never from all pairs of quotes of a corpus.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from rapidfuzz.distance import LCSseq

from ..records import QUOTE_KINDS
from .similarity import neighbour_pairs
from .sources import _Union
from .text import quote_plain, stop_words

QUOTE_COLUMNS = ["quote_group", "article_id", "start", "end", "text", "speaker", "source_type"]
#: The side-by-side view: the speaker as written in the article and the source it is.
ATTRIBUTION_COLUMNS = ["quote_group", "story", "article_id", "start", "end", "text",
                       "speaker_as_written", "speaker", "source", "source_type"]
MIN_WORDS = 2
MIN_FUZZY_WORDS = 4
MIN_COVERAGE = 0.8
CANDIDATE_COSINE = 0.2


def quote_records(evidence: pd.DataFrame, texts: dict[str, str], story_of: dict[str, str],
                  mentions: pd.DataFrame) -> pd.DataFrame:
    """The quote records with their story, plain words and attribution.

    ``speaker`` is the resolved speaker (the evidence's ``speaker``), ``speaker_as_written``
    the words of the speaker mention, and ``source`` / ``source_type`` the source record at
    that mention (from ``mentions``, :func:`analysis.compare.sources.source_mentions`).
    """
    quotes = (evidence.loc[evidence["kind"].isin(QUOTE_KINDS)]
              .loc[lambda d: d["article_id"].isin(story_of)]
              .reset_index(drop=True))
    rows = []
    by_article = dict(tuple(mentions.groupby("article_id"))) if len(mentions) else {}
    for aid, group in quotes.groupby("article_id", sort=False):
        text = texts[aid]
        sources = _sources_at(by_article.get(aid), group["speaker_start"], group["speaker_end"])
        for q, (source, kind) in zip(group.to_dict("records"), sources):
            s, e = q.get("speaker_start"), q.get("speaker_end")
            written = text[int(s):int(e)] if pd.notna(s) and pd.notna(e) else ""
            speaker = q.get("speaker") if isinstance(q.get("speaker"), str) else ""
            rows.append({"story": story_of[aid], "article_id": aid, "start": int(q["start"]),
                         "end": int(q["end"]), "text": q["text"], "speaker_as_written": written,
                         "speaker": speaker or written, "source": source, "source_type": kind,
                         "words": quote_plain(q["text"]).split()})
    return pd.DataFrame(rows, columns=["story", "article_id", "start", "end", "text",
                                       "speaker_as_written", "speaker", "source",
                                       "source_type", "words"])


def _sources_at(mentions: pd.DataFrame | None, starts: pd.Series, ends: pd.Series) -> list[tuple[str, str]]:
    """``(source, source_type)`` of the first source mention overlapping each speaker span
    (``('', '')`` for none)."""
    if mentions is None or mentions.empty:
        return [("", "")] * len(starts)
    s = pd.to_numeric(starts, errors="coerce").to_numpy(dtype=float)
    e = pd.to_numeric(ends, errors="coerce").to_numpy(dtype=float)
    hit = ((mentions["start"].to_numpy()[None, :] < e[:, None]) &
           (mentions["end"].to_numpy()[None, :] > s[:, None]))
    names, kinds = mentions["source"].to_numpy(), mentions["source_type"].fillna("").to_numpy()
    out = []
    for row in hit:
        k = np.flatnonzero(row)
        out.append((names[k[0]], kinds[k[0]]) if len(k) else ("", ""))
    return out


def same_quote(a: list[str], b: list[str]) -> bool:
    """Whether two quotes (their plain words) are the same quotation."""
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < MIN_WORDS:
        return False
    if short == long:
        return True
    if len(short) < MIN_FUZZY_WORDS:
        return False
    if LCSseq.similarity(short, long) < MIN_COVERAGE * len(short):
        return False
    content = [w for w in short if w not in stop_words()]
    other = set(long)
    return len(content) >= 2 and sum(w in other for w in content) >= MIN_COVERAGE * len(content)


def candidate_pairs(words: list[list[str]], threshold: float = CANDIDATE_COSINE) -> list[tuple[int, int]]:
    """Index pairs ``i < j`` of quotes whose content words have a cosine of at least
    ``threshold`` (binary, IDF over the quotes given; a quote of stop words only keeps
    them all)."""
    if len(words) < 2:
        return []
    stop = stop_words()
    content = [[w for w in ws if w not in stop] or ws for ws in words]
    if not any(content):
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer  # see text.stop_words

    vectors = TfidfVectorizer(analyzer=lambda ws: ws, binary=True).fit_transform(content)
    i, j, _ = neighbour_pairs(vectors, threshold)
    return list(zip(i.tolist(), j.tolist()))


def match_quotes(quotes: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(quote_matches, attributions)``: the rows of :data:`QUOTE_COLUMNS` and of
    :data:`ATTRIBUTION_COLUMNS` for every quote in a group spanning two or more articles.

    Groups are numbered from 1 in order of their first quote (story, then article order).
    """
    union = _Union()
    for _, story in quotes.groupby("story", sort=False):
        idx = story.index.to_numpy()
        words = story["words"].tolist()
        aids = story["article_id"].to_numpy()
        for i, j in candidate_pairs(words):
            if aids[i] != aids[j] and same_quote(words[i], words[j]):
                union.union(int(idx[i]), int(idx[j]))
    roots = pd.Series([union.find(int(i)) for i in quotes.index], index=quotes.index)
    spans = quotes.groupby(roots)["article_id"].transform("nunique") if len(quotes) else roots
    shared = quotes.assign(_root=roots).loc[spans >= 2]
    numbers = {r: k + 1 for k, r in enumerate(dict.fromkeys(shared["_root"]))}
    shared = shared.assign(quote_group=shared["_root"].map(numbers)).sort_values(
        ["quote_group", "start"], kind="stable")
    shared = shared.assign(**{c: shared[c].astype(np.int64) for c in ("start", "end")}) \
        if len(shared) else shared
    matches = shared.reindex(columns=QUOTE_COLUMNS).reset_index(drop=True)
    attributions = shared.reindex(columns=ATTRIBUTION_COLUMNS).reset_index(drop=True)
    return matches, attributions
