"""What the comparison reads from one analysis: the articles that were analysed, their
sentences (the pipeline's sentence spans) and their evidence, and the articles that failed.

Nothing is parsed again: sentences are the spans that :func:`analysis.analyse_articles`
kept in each article's features, trimmed of surrounding white space, so that every row's
``text`` is exactly ``article_text[start:end]``.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

ARTICLE_META = ["article_id", "title", "outlet", "genre", "published", "story"]
SENTENCE_COLUMNS = ["article_id", "sentence", "start", "end", "text"]
FAILED_COLUMNS = ["article_id", "error"]


@dataclass(frozen=True)
class Corpus:
    """The analysed articles of a comparison, in input order.

    ``articles``: one row per analysed article (:data:`ARTICLE_META` and ``text``; ``story``
    is the manifest's story or ''); ``sentences``: :data:`SENTENCE_COLUMNS`, ``sentence``
    numbering each article's sentences from 0; ``evidence``: the analysis' evidence records
    of these articles; ``vocab``: each article's lemma counts of content words; ``failed``:
    the articles that could not be analysed, with the reason.
    """

    articles: pd.DataFrame
    sentences: pd.DataFrame
    evidence: pd.DataFrame
    failed: pd.DataFrame
    vocab: dict[str, dict[str, int]] = field(default_factory=dict)

    def texts(self) -> dict[str, str]:
        """``article_id -> text``."""
        return dict(zip(self.articles["article_id"], self.articles["text"]))


def trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentence_rows(article_id: str, text: str, spans) -> list[dict]:
    """Rows of :data:`SENTENCE_COLUMNS` for one article's sentence spans (empty ones dropped)."""
    rows = []
    for s, e in spans or []:
        s, e = trimmed(text, int(s), int(e))
        if e > s:
            rows.append({"article_id": article_id, "sentence": len(rows), "start": s, "end": e,
                         "text": text[s:e]})
    return rows


def corpus_of(analysis) -> Corpus:
    """The :class:`Corpus` of an :class:`analysis.api.Analysis` (an article counts as
    analysed when its scorecard row says ``status = ok``)."""
    scored = analysis.scores.set_index("article_id")[["status", "error"]].add_prefix("scored_")
    frame = analysis.articles.join(scored, on="article_id")
    analysed = frame["scored_status"].eq("ok")
    failed = (frame.loc[~analysed]
              .assign(error=lambda d: d["scored_error"].fillna(d["error"]).fillna(""))
              [FAILED_COLUMNS].reset_index(drop=True))
    articles = (frame.loc[analysed]
                .reindex(columns=ARTICLE_META + ["text"])
                .assign(**{c: lambda d, c=c: d[c].fillna("").astype(str).str.strip()
                           for c in ("title", "outlet", "genre", "published", "story")})
                .reset_index(drop=True))
    features = {aid: analysis.features.get(aid, {}) for aid in articles["article_id"]}
    rows = [row for aid, text in zip(articles["article_id"], articles["text"])
            for row in sentence_rows(aid, text, features[aid].get("sentence_spans"))]
    evidence = (analysis.evidence.loc[analysis.evidence["article_id"].isin(features)]
                .reset_index(drop=True))
    vocab = {aid: dict(f.get("vocab", {})) for aid, f in features.items()}
    return Corpus(articles, pd.DataFrame(rows, columns=SENTENCE_COLUMNS), evidence, failed, vocab)
