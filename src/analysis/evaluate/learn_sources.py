"""Learning the source table (``lexicons/source_cues.tsv``) from PolNeAR.

``python -m analysis learn-sources DIR [--split train]`` rebuilds the table that
:mod:`analysis.extract.sources` reads:

1. every article of the split runs through the same steps as ``python -m analysis evidence``
   (boilerplate masked, LF copy parsed with the project's model, parse cache used, quotes and
   their speakers found);
2. each candidate the table would score (:func:`analysis.extract.sources.scored_candidates`)
   becomes one example: its features, labelled 1 when its mention overlaps an annotated
   source span of the article;
3. an L2-penalised logistic regression is fitted on the features seen at least
   ``min_count`` times (:func:`fit_logistic`, numpy only);
4. ``folds``-fold cross-validation over articles gives every candidate a held-out
   probability; the threshold is the one that maximises source F1 with the definitions of
   :mod:`analysis.evaluate.polnear` (rule-decided sources plus accepted candidates, less those
   the extractor drops as part of another source, unique spans matched one-to-one on any
   overlap);
5. the table is written with a header saying how it was made, the ``@threshold`` row, the
   ``bias`` and one weight per feature.

The dev split stays out of it, so ``evaluate polnear --split dev`` measures the table on
articles it did not learn from.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import numpy as np
from tqdm.auto import tqdm

from . import load_texts
from .adam import adam
from .polnear import Span, any_overlap, load_gold, match, prf

#: Thresholds tried by cross-validation.
THRESHOLDS = tuple(round(0.30 + 0.025 * k, 3) for k in range(17))


@dataclass
class Examples:
    """Candidates of a split: article, mention span, features and label of each, plus the
    spans the rules decide (always sources) and the gold source spans, per article."""

    article: list[str] = field(default_factory=list)
    span: list[Span] = field(default_factory=list)
    features: list[list[str]] = field(default_factory=list)
    label: list[bool] = field(default_factory=list)
    ruled: dict[str, list[Span]] = field(default_factory=dict)
    gold: dict[str, list[Span]] = field(default_factory=dict)
    #: Per candidate: the candidates whose description it sits in (indices into the lists
    #: above), and whether a rule-decided source's does
    #: (:func:`analysis.extract.sources.described`); described candidates are not counted.
    inside: list[list[int]] = field(default_factory=list)
    ruled_inside: list[bool] = field(default_factory=list)


def collect(data_dir: Path | str, split: str = "train", cache: bool = True,
            progress: bool = True) -> Examples:
    """Candidates and labels of every article of a PolNeAR split (see the module docstring)."""
    from ..extract import attribute_quotes
    from ..extract.sources import describers, ruled_sources, scored_candidates
    from ..extract.syntax import mention_span
    from ..nlp import load_model, parse_texts
    from ..pipeline import parse_input, reading_text

    gold = load_gold(data_dir, split)
    out = Examples()
    frame = load_texts({article: text for article, (text, _) in gold.items()})
    frame = frame[frame["status"] == "ok"]
    texts = [parse_input(t, s) for t, s in zip(frame["text"], frame["body_spans"])]
    docs = parse_texts(texts, load_model(), cache=cache)
    bar = tqdm(zip(frame["article_id"], frame["text"], docs), total=len(frame),
               desc="candidates", unit="article", disable=not progress)
    for article, text, doc in bar:
        lf, to_original = reading_text(text)
        _, index, persons, speakers = attribute_quotes(doc, lf)

        def span_of(tok) -> Span:
            start, end = mention_span(tok, index.mention_spans)
            return to_original(start), to_original(end)

        golds = sorted({(a.source[0][0], a.source[-1][1])
                        for a in gold[article][1] if a.source})
        out.gold[article] = golds
        ruled = [tok for tok, _, _ in ruled_sources(index, speakers)]
        out.ruled[article] = [span_of(tok) for tok in ruled if not index.quoted[tok.i]]
        ruled_heads = {tok.i for tok in ruled}
        first = len(out.label)
        mentions = []
        for mention, _, _, feats in scored_candidates(index, persons):
            span = span_of(mention)
            mentions.append(mention)
            out.article.append(article)
            out.span.append(span)
            out.features.append(feats)
            out.label.append(any(any_overlap(span, g) for g in golds))
        by_token: dict[int, list[int]] = {}
        for k, mention in enumerate(mentions, start=first):
            by_token.setdefault(mention.i, []).append(k)
        for mention in mentions:
            above = describers(mention)
            out.inside.append([k for i in above for k in by_token.get(i, ())])
            out.ruled_inside.append(any(i in ruled_heads for i in above))
    return out


def _design(features: Sequence[list[str]], vocab: dict[str, int]) -> tuple[np.ndarray, np.ndarray]:
    """Sparse design as (row, column) index arrays of the features in ``vocab``, in an order
    that does not depend on the string-hash seed (so a refit gives the same table)."""
    rows, cols = [], []
    for i, feats in enumerate(features):
        for f in sorted(set(feats)):
            j = vocab.get(f)
            if j is not None:
                rows.append(i)
                cols.append(j)
    return np.asarray(rows, dtype=np.int64), np.asarray(cols, dtype=np.int64)


def fit_logistic(features: Sequence[list[str]], labels: Sequence[bool], *, l2: float = 5.0,
                 min_count: int = 5, iterations: int = 400,
                 learning_rate: float = 0.05) -> dict[str, float]:
    """Weights of a logistic regression over binary features (``{"bias": b, feature: w}``).

    Minimises the summed log-loss plus ``l2 / 2`` times the squared weights (the bias is not
    penalised) by full-batch Adam; features seen fewer than ``min_count`` times are left out.
    """
    counts = Counter(f for feats in features for f in set(feats))
    names = sorted(f for f, n in counts.items() if n >= min_count)
    vocab = {f: j for j, f in enumerate(names)}
    rows, cols = _design(features, vocab)
    y = np.asarray(labels, dtype=np.float64)
    n, k = len(y), len(names)

    def gradient(w: np.ndarray, b: float) -> tuple[np.ndarray, float]:
        z = b + np.bincount(rows, weights=w[cols], minlength=n)
        err = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))) - y
        return (np.bincount(cols, weights=err[rows], minlength=k) + l2 * w) / n, err.sum() / n

    w, b = adam(gradient, k, iterations=iterations, learning_rate=learning_rate)
    return {"bias": float(b), **{f: float(x) for f, x in zip(names, w)}}


def predict(weights: dict[str, float], features: Sequence[list[str]]) -> np.ndarray:
    """Probabilities of the examples under ``weights``."""
    bias = weights.get("bias", 0.0)
    z = np.array([bias + sum(weights.get(f, 0.0) for f in set(feats)) for feats in features])
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def _described(examples: Examples, accepted: np.ndarray, k: int) -> bool:
    """Candidate ``k`` sits in the description of a source that is kept."""
    if not examples.inside:  # examples made by hand, without the relations
        return False
    return examples.ruled_inside[k] or any(accepted[j] for j in examples.inside[k])


def source_f1(examples: Examples, accepted: np.ndarray) -> tuple[float, float, float]:
    """Source P/R/F1 (:mod:`analysis.evaluate.polnear` definitions) when the ``accepted``
    candidates and the rule-decided spans are predicted, less what
    :func:`analysis.extract.sources.find_sources` drops: a candidate in the description of a
    kept source, a span inside another."""
    from ..extract.sources import outermost

    accepted = np.asarray(accepted, dtype=bool)
    predicted: dict[str, set[Span]] = {a: set(s) for a, s in examples.ruled.items()}
    for k, (article, span, keep) in enumerate(zip(examples.article, examples.span, accepted)):
        if keep and not _described(examples, accepted, k):
            predicted.setdefault(article, set()).add(span)
    tp = n_pred = n_gold = 0
    for article, golds in examples.gold.items():
        spans = outermost(predicted.get(article, ()))
        n_pred += len(spans)
        n_gold += len(golds)
        tp += len(match(spans, golds, any_overlap))
    return prf(tp, n_pred, n_gold)


def cross_validate(examples: Examples, folds: int = 5, **fit) -> tuple[np.ndarray, np.ndarray]:
    """Held-out probability of every candidate, articles split into ``folds`` folds, and
    whether the held-out table lets its head name a source
    (:func:`analysis.extract.sources.learned_agent`)."""
    from ..extract.sources import learned_agent

    articles = sorted(examples.gold)
    fold_of = {a: i % folds for i, a in enumerate(articles)}
    fold = np.array([fold_of[a] for a in examples.article])
    held_out = np.zeros(len(fold))
    allowed = np.zeros(len(fold), dtype=bool)
    for k in range(folds):
        train = np.flatnonzero(fold != k)
        test = np.flatnonzero(fold == k)
        w = fit_logistic([examples.features[i] for i in train],
                         [examples.label[i] for i in train], **fit)
        held_out[test] = predict(w, [examples.features[i] for i in test])
        allowed[test] = [learned_agent(examples.features[i], w) for i in test]
    return held_out, allowed


def best_threshold(examples: Examples, probabilities: np.ndarray,
                   allowed: np.ndarray | bool = True) -> tuple[float, tuple]:
    """The threshold of :data:`THRESHOLDS` with the best source F1 (candidates not
    ``allowed`` never accepted), and its P/R/F1."""
    scored = [(source_f1(examples, (probabilities >= t) & allowed), t) for t in THRESHOLDS]
    (prf_best, t_best) = max(scored, key=lambda s: (s[0][2], -abs(s[1] - 0.5)))
    return t_best, prf_best


LEGEND = """\
# Feature keys (CONS is the construction: subj, lent, agent, be, poss, by, colon; PRED the
# predicate's lemma; CLASS the mention's kind: pron:…, ent:TYPE, propn, list:LEXICON, noun):
#   c=CONS  v=CONS:PRED  m=CLASS  cm=CONS:CLASS  md=mention's dependency  h=common-noun head
#   wn= / wnc=CONS: / wnany=  WordNet class of the head's first sense (with CONS) / other senses
#   vwn= / vwnc=CONS: / vwnany=  the same for the verb predicate
#   m_conj, m_appos  the mention has a conjunct / an appositive
#   lex  the predicate is a listed cue verb;  lex:be  a listed cue adjective after "be"
#   clause:CONS  the predicate takes a clause;  thought_without_clause;  embedded  in another
#     attribution's content;  neg  negated;  relcl  subject of a relative clause
#   vm=CONS:PRED:CLASS  dep=CONS:predicate's dependency  tag=verb's tag  aux=auxiliary
#   arg=DEP / arg=prep:WORD  the predicate's content dependents  obj=PRED:object lemma
#   vp=PRED:preposition  quote_in_sentence  a quotation overlaps the predicate's sentence
#   mh=DEP:head lemma  mhp=DEP:head's part of speech  mdc=DEP:CLASS  (what the mention hangs from)
#   pp=PREP:part of speech / ppl=PREP:lemma  of what a prepositional object's preposition attaches to
#   ppu=PREP:DEP:lemma  one head further up;  hd=DEP:head's dependency;  hu=DEP:head dep:lemma above
#   line_start  the mention opens its line;  next=CHAR  the first character after the mention
"""

HEADER = """\
# Source candidates: logistic-regression weights, one per feature (see the docstring of
# analysis/extract/sources.py for the candidates and features), and the threshold.
# Made by `python -m analysis learn-sources <PolNeAR data> --split {split}` on {day}
# (analysis/evaluate/learn_sources.py): {n_articles} articles, {n_examples} candidates,
# {n_positive} of them overlapping an annotated source; features seen fewer than {min_count}
# times left out; L2 penalty {l2}. A candidate's probability is
# 1 / (1 + exp(-(bias + sum of its features' weights))); it is a source from @threshold on,
# the F1 optimum of {folds}-fold cross-validation over articles (held-out source P/R/F1
# {cv_p} / {cv_r} / {cv_f}, counted as `evaluate polnear` counts). Retrain whenever the
# candidates or features change.
""" + LEGEND


def write_table(path: Path | str, weights: dict[str, float], threshold: float, **about) -> None:
    """Write the table: header, ``@threshold``, ``bias``, then features by weight size."""
    lines = [HEADER.format(**about).rstrip("\n"), "feature\tweight",
             f"@threshold\t{threshold:.3f}", f"bias\t{weights['bias']:.4f}"]
    rest = sorted(((f, w) for f, w in weights.items() if f != "bias" and abs(w) >= 5e-4),
                  key=lambda fw: (-abs(fw[1]), fw[0]))
    lines += [f"{f}\t{w:.4f}" for f, w in rest]
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")


def learn_sources(data_dir: Path | str, out: Path | str, *, split: str = "train", folds: int = 5,
                  l2: float = 5.0, min_count: int = 5, cache: bool = True,
                  progress: bool = True) -> dict:
    """Learn the table from a PolNeAR split and write it to ``out``; returns a summary."""
    if folds < 2:
        raise ValueError("folds must be 2 or more")
    examples = collect(data_dir, split, cache=cache, progress=progress)
    if not examples.label or not any(examples.label) or all(examples.label):
        raise ValueError(f"{data_dir}/{split}: no candidates of both kinds to learn from")
    fit = {"l2": l2, "min_count": min_count}
    held_out, allowed = cross_validate(examples, folds=folds, **fit)
    threshold, (cv_p, cv_r, cv_f) = best_threshold(examples, held_out, allowed)
    weights = fit_logistic(examples.features, examples.label, **fit)
    about = {"split": split, "day": date.today().isoformat(), "n_articles": len(examples.gold),
             "n_examples": len(examples.label), "n_positive": int(sum(examples.label)),
             "min_count": min_count, "l2": l2, "folds": folds, "cv_p": cv_p, "cv_r": cv_r,
             "cv_f": cv_f}
    write_table(out, weights, threshold, **about)
    return {**about, "threshold": threshold, "features": len(weights) - 1, "out": str(out)}
