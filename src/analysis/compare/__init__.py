"""Comparing the coverage of one story: shared quotes, shared sources, the same claim
sourced differently in each article, and reuse between articles.

:func:`compare_articles` analyses the articles (or takes an analysis already made) and
returns a :class:`Comparison`; :func:`write_comparison` writes its tables as CSV files and,
with ``figures=True``, its charts (fig10–fig12) through
:func:`analysis.figures.save.save_figure`. ``python -m analysis compare PATH... --out DIR``
does both. Every row that points into an article has ``article_id``, ``start``, ``end`` and
``text``, with ``text == article_text[start:end]``.

The parts, each in its module: :mod:`.stories` (which articles are compared),
:mod:`.quotes`, :mod:`.sources`, :mod:`.claims` (with :mod:`.backing`) and :mod:`.reuse`;
:mod:`.notes` gives the per-sentence notes of an article view. docs/compare.md describes
the files, columns, method and thresholds.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ..paths import reports_dir
from ..store import DEPENDENCIES, ResultStore, content_key
from .backing import sentence_backing
from .claims import CLAIM_COLUMNS, LINK_COLUMNS, align_story, story_units
from .inputs import FAILED_COLUMNS, Corpus, corpus_of
from .quotes import ATTRIBUTION_COLUMNS, QUOTE_COLUMNS, match_quotes, quote_records
from .reuse import REUSE_COLUMNS, reuse_table
from .sources import SOURCES_COLUMNS, source_mentions, sources_by_article
from .stories import STORY_COLUMNS, STORY_THRESHOLD, assign_stories

#: The tables of the contract: file name -> columns (docs/compare.md).
TABLES = {
    "stories": STORY_COLUMNS,
    "quote_matches": QUOTE_COLUMNS,
    "claims": CLAIM_COLUMNS,
    "sources_by_article": SOURCES_COLUMNS,
    "reuse": REUSE_COLUMNS,
}
#: Further tables written beside them: the attribution of each shared quote, the sentence
#: links behind the claim groups, and the articles that could not be compared.
EXTRA_TABLES = {
    "quote_attributions": ATTRIBUTION_COLUMNS,
    "claim_links": LINK_COLUMNS,
    "failed": FAILED_COLUMNS,
}
#: Distributions whose version can change a comparison (besides the analysis' own).
COMPARE_DEPENDENCIES = ("scikit-learn", "scipy", "numpy", "pandas", "rapidfuzz",
                        "snowballstemmer")
#: Folder of the report's comparison (``reports/compare``).
COMPARE_FOLDER = "compare"


@dataclass
class Comparison:
    """The comparison of a set of articles: the contract tables (:data:`TABLES`), the extra
    ones (:data:`EXTRA_TABLES`) and the analysed articles' metadata (``articles``: id, title,
    outlet, genre, published, story as given, text)."""

    stories: pd.DataFrame
    quote_matches: pd.DataFrame
    claims: pd.DataFrame
    sources_by_article: pd.DataFrame
    reuse: pd.DataFrame
    quote_attributions: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=ATTRIBUTION_COLUMNS))
    claim_links: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=LINK_COLUMNS))
    failed: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=FAILED_COLUMNS))
    articles: pd.DataFrame = field(default_factory=pd.DataFrame)

    def tables(self, extra: bool = False) -> dict[str, pd.DataFrame]:
        """The contract tables by file name (and the extra ones with ``extra``)."""
        names = {**TABLES, **EXTRA_TABLES} if extra else TABLES
        return {name: getattr(self, name) for name in names}


def compare_articles(articles=None, *, story: str | None = None,
                     story_threshold: float = STORY_THRESHOLD, jobs: int | None = 1,
                     cache: bool = True, progress: bool = True) -> Comparison:
    """Compare the coverage of ``articles``: a path or list of paths, a DataFrame from
    :func:`analysis.load_articles`, an :class:`analysis.api.Analysis` (used as it is),
    or None for ``data/raw``.

    ``story``: compare all the articles as one story of that name (else the manifest's
    ``story`` column, else similarity at ``story_threshold``: :mod:`.stories`). ``jobs``,
    ``cache`` and ``progress`` go to :func:`analysis.analyse_articles`. Articles that
    could not be analysed are listed in ``failed``, not compared.

    The comparison is kept in ``data/processed/comparison`` (:mod:`analysis.store`) under a
    hash of what it reads (the articles' metadata, text, sentences and evidence, and the
    options): comparing the same articles again reads it back. ``cache=False`` computes it
    again (and analyses every article again).
    """
    from ..api import Analysis, analyse_articles

    analysis = articles if isinstance(articles, Analysis) else analyse_articles(
        articles, jobs=jobs, cache=cache, progress=progress)
    corpus = corpus_of(analysis)
    store = ResultStore("comparison", dependencies=DEPENDENCIES + COMPARE_DEPENDENCIES)
    key = content_key(corpus, story, story_threshold)
    stored = store.get(key) if cache else None
    if isinstance(stored, Comparison):
        return stored
    comparison = compare_corpus(corpus, story=story, story_threshold=story_threshold)
    store.put(key, comparison)
    return comparison


def compare_corpus(corpus: Corpus, story: str | None = None,
                   story_threshold: float = STORY_THRESHOLD) -> Comparison:
    """The :class:`Comparison` of a :class:`~analysis.compare.inputs.Corpus`."""
    articles = corpus.articles.assign(story=story) if story else corpus.articles
    stories = assign_stories(articles, corpus.vocab, story_threshold)
    story_of = dict(zip(stories["article_id"], stories["story"]))
    mentions = source_mentions(corpus.evidence)
    quotes = quote_records(corpus.evidence, corpus.texts(), story_of, mentions)
    quote_matches, attributions = match_quotes(quotes)
    sentences = corpus.sentences.assign(story=corpus.sentences["article_id"].map(story_of))
    backing = sentence_backing(sentences, corpus.evidence, mentions, quotes)
    claims, links, compared = _claims(stories, sentences, attributions, backing,
                                      list(articles["article_id"]))
    return Comparison(
        stories=stories, quote_matches=quote_matches, claims=claims,
        sources_by_article=sources_by_article(mentions),
        reuse=reuse_table(stories, claims, compared),
        quote_attributions=attributions, claim_links=links, failed=corpus.failed,
        articles=articles.assign(story=articles["article_id"].map(story_of)))


def _claims(stories: pd.DataFrame, sentences: pd.DataFrame, shared_quotes: pd.DataFrame,
            backing: pd.DataFrame, order: list[str]) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """Claims and links of every story with two articles or more, groups numbered from 1
    (story order, then the article order and position of each group's first sentence),
    and each article's number of compared sentences."""
    claims, links, compared = [], [], {}
    for name, members in stories.groupby("story", sort=False):
        if len(members) < 2:
            continue
        story_sentences = sentences.loc[sentences["story"] == name]
        quotes = shared_quotes.loc[shared_quotes["story"] == name]
        units = story_units(story_sentences, _quoted_rows(story_sentences, quotes))
        if units is None:
            continue
        compared.update(units.frame["article_id"].value_counts().to_dict())
        c, lk = align_story(name, units, _quoted_pairs(units, quotes), backing)
        claims.append(c.assign(claim_group=[(name, g) for g in c["claim_group"]]))
        links.append(lk.assign(claim_group=[(name, g) for g in lk["claim_group"]]))
    if not claims:
        return (pd.DataFrame(columns=CLAIM_COLUMNS), pd.DataFrame(columns=LINK_COLUMNS),
                compared)
    claims_df, links_df = pd.concat(claims, ignore_index=True), pd.concat(links, ignore_index=True)
    position = {a: k for k, a in enumerate(order)}
    first = (claims_df.assign(_pos=claims_df["article_id"].map(position))
             .sort_values(["_pos", "start"], kind="stable")
             .drop_duplicates("claim_group"))
    story_rank = {s: k for k, s in enumerate(dict.fromkeys(stories["story"]))}
    first = first.assign(_story=first["story"].map(story_rank)).sort_values(
        ["_story", "_pos", "start"], kind="stable")
    numbers = {g: k + 1 for k, g in enumerate(first["claim_group"])}
    claims_df = (claims_df.assign(claim_group=claims_df["claim_group"].map(numbers),
                                  _pos=claims_df["article_id"].map(position))
                 .sort_values(["claim_group", "_pos", "start"], kind="stable")
                 .drop(columns="_pos").reset_index(drop=True))
    links_df = (links_df.assign(claim_group=links_df["claim_group"].map(numbers))
                .sort_values(["claim_group", "article_id", "start"], kind="stable")
                .reset_index(drop=True))
    return claims_df, links_df, compared


def _carriers(sentences: pd.DataFrame, quotes: pd.DataFrame) -> list[tuple[int, object]]:
    """``(quote_group, sentence index)`` for every sentence that overlaps a shared quote."""
    out = []
    by_article = dict(tuple(quotes.groupby("article_id")))
    for aid, sents in sentences.groupby("article_id", sort=False):
        q = by_article.get(aid)
        if q is None:
            continue
        hit = ((q["start"].to_numpy()[None, :] < sents["end"].to_numpy()[:, None]) &
               (q["end"].to_numpy()[None, :] > sents["start"].to_numpy()[:, None]))
        groups = q["quote_group"].to_numpy()
        for s_pos, q_pos in zip(*np.nonzero(hit)):
            out.append((int(groups[q_pos]), sents.index[s_pos]))
    return out


def _quoted_rows(sentences: pd.DataFrame, quotes: pd.DataFrame) -> set:
    """Indices of the sentences that overlap a shared quote."""
    return {idx for _, idx in _carriers(sentences, quotes)}


def _quoted_pairs(units, quotes: pd.DataFrame) -> list[tuple[int, int]]:
    """Pairs of compared sentences (unit positions) of different articles that carry the
    same shared quotation."""
    frame = units.frame.set_index(pd.RangeIndex(len(units.frame)))
    by_group: dict[int, list[int]] = {}
    for group, pos in _carriers(frame, quotes):
        by_group.setdefault(group, []).append(int(pos))
    arts = units.arts
    pairs = []
    for carriers in by_group.values():
        carriers = sorted(set(carriers))
        pairs += [(a, b) for x, a in enumerate(carriers) for b in carriers[x + 1:]
                  if arts[a] != arts[b]]
    return pairs


def compare_dir(out_dir: Path | None = None) -> Path:
    """Where the report's comparison goes: ``<reports>/compare``."""
    return Path(out_dir or reports_dir()) / COMPARE_FOLDER


def write_comparison(comparison: Comparison, out_dir: Path, figures: bool = True) -> dict[str, Path]:
    """Write the tables (:data:`TABLES` and :data:`EXTRA_TABLES`) as ``<name>.csv`` in
    ``out_dir`` and, with ``figures``, the charts under ``out_dir/figures``; return the paths."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for name, frame in comparison.tables(extra=True).items():
        paths[name] = out_dir / f"{name}.csv"
        frame.to_csv(paths[name], index=False)
    if figures:
        from ..figures.compare import make_compare_figures

        for name, files in make_compare_figures(comparison, out_dir).items():
            paths[name] = files["png"]
    return paths


__all__ = ["Comparison", "compare_articles", "compare_corpus", "write_comparison", "compare_dir",
           "TABLES", "EXTRA_TABLES"]
