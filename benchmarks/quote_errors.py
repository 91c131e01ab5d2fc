"""Where the quote errors on PolNeAR come from: each false positive and miss, by kind.

Counts the errors of ``python -m analysis evaluate polnear`` (the reference scorer's
definitions) and sorts them by what the annotation says about the text they cover:

    .venv/bin/python benchmarks/quote_errors.py ../shared/polnear/data --split dev --examples 3

False positives (a predicted quote of 4+ words matched to no gold quote):

- ``annotated content, no quote for the scorer``: half of the prediction or more lies in one
  content piece, and no gold quote overlaps it: the scorer finds no quote marks to pair
  there, as when the piece starts after the opening mark (a transcript turn annotated from
  after "\\"PENCE: ") or opens with a ”, which the scorer reads as a closing mark;
- ``partly annotated``: the other predictions with annotated content under them: less than
  half of the prediction, or with a gold quote overlapping it by less than half of both (a
  quote the annotators cut sentence by sentence, a block quote annotated in part);
- ``not annotated``: no annotated content under it.

Misses (a gold quote matched to no prediction):

- ``piece of a predicted quote``: a predicted quote overlaps it, not by half of both (the
  annotation splits a quote the extractor finds whole, or the other way round);
- ``quoted title``: a ``title`` record overlaps it (a name in quotes inside a content span);
- ``not found``.

Then, of the predicted quotes of several sentences, how many overlap one gold quote
(annotated whole), several (annotated in pieces; in how many articles) or none.
The last line gives quote P/R/F1 as the scorer counts them, and again with the first kind of
false positive counted as found quotes (annotated content that the scorer's mark pairing does
not see): a diagnostic, not the project's figure.
"""
from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from analysis.evaluate.polnear import (MIN_WORDS, Span, gold_quotes, load_gold, match,
                                       mutual_half, n_words, overlap, predict, prf)
from analysis.extract.quotes import SENTENCE_BREAK

ANNOTATED = "annotated content, no quote for the scorer"
PARTLY = "partly annotated"
UNANNOTATED = "not annotated"
PIECE = "piece of a predicted quote"
TITLE = "quoted title"
NOT_FOUND = "not found"


def false_positive_kind(span: Span, contents: list[Span], golds: list[Span]) -> str:
    """The kind of one unmatched predicted quote (see the module docstring)."""
    length = span[1] - span[0]
    best = max(contents, key=lambda c: overlap(span, c), default=None)
    if best is None or not overlap(span, best):
        return UNANNOTATED
    if 2 * overlap(span, best) >= length and not any(overlap(span, g) for g in golds):
        return ANNOTATED
    return PARTLY


def miss_kind(span: Span, quotes: list[Span], titles: list[Span]) -> str:
    """The kind of one unmatched gold quote (see the module docstring)."""
    if any(overlap(span, q) for q in quotes):
        return PIECE
    if any(overlap(span, t) for t in titles):
        return TITLE
    return NOT_FOUND


def quote_errors(gold: dict, predictions: dict) -> tuple[Counter, dict, Counter, set]:
    """``(kind counts, examples by kind, totals, articles with a multi-sentence quote
    annotated in pieces)`` over all articles."""
    kinds: Counter = Counter()
    examples: dict[str, list[str]] = {}
    totals: Counter = Counter()
    split_articles: set[str] = set()
    for article, (text, attributions) in gold.items():
        records = predictions.get(article, [])
        golds = [g for g, _ in gold_quotes(text, attributions)]
        quotes = [(r["start"], r["end"]) for r in records if r["kind"] == "quote"
                  and n_words(text, (r["start"], r["end"])) >= MIN_WORDS]
        titles = [(r["start"], r["end"]) for r in records if r["kind"] == "title"]
        contents = [piece for a in attributions for piece in a.content]
        pairs = match(quotes, golds, mutual_half)
        totals.update(tp=len(pairs), pred=len(quotes), gold=len(golds))
        found, hit = {i for i, _ in pairs}, {j for _, j in pairs}
        errors = [("FP " + false_positive_kind(q, contents, golds), q)
                  for i, q in enumerate(quotes) if i not in found]
        errors += [("miss " + miss_kind(g, quotes, titles), g)
                   for j, g in enumerate(golds) if j not in hit]
        for start, end in quotes:
            if SENTENCE_BREAK.search(text, start, end):
                pieces = sum(1 for g in golds if overlap((start, end), g))
                totals["multi whole" if pieces == 1 else "multi in pieces" if pieces else
                       "multi unannotated"] += 1
                if pieces > 1:
                    split_articles.add(article)
        for kind, (start, end) in errors:
            kinds[kind] += 1
            examples.setdefault(kind, []).append(
                f"{article[:40]}: {text[start:end][:100]!r}")
    return kinds, examples, totals, split_articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="PolNeAR's data folder")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--examples", type=int, default=0, help="examples shown per kind")
    args = parser.parse_args()
    gold = load_gold(args.data, args.split)
    predictions = predict({a: t for a, (t, _) in gold.items()}, progress=False)
    kinds, examples, totals, split_articles = quote_errors(gold, predictions)
    for kind in sorted(kinds, key=lambda k: (not k.startswith("FP"), -kinds[k])):
        print(f"{kinds[kind]:5d}  {kind}")
        for line in examples[kind][:args.examples]:
            print(f"         {line}")
    print(f"multi-sentence quotes found: {totals['multi whole']} annotated whole, "
          f"{totals['multi in pieces']} in pieces (in {len(split_articles)} articles), "
          f"{totals['multi unannotated']} overlapping no annotated quote")
    unseen = kinds["FP " + ANNOTATED]
    scorer = prf(totals["tp"], totals["pred"], totals["gold"])
    seen = prf(totals["tp"] + unseen, totals["pred"], totals["gold"] + unseen)
    print(f"quote P/R/F1 {scorer[0]:.3f} / {scorer[1]:.3f} / {scorer[2]:.3f}; with the "
          f"{unseen} quotes in annotated content counted: {seen[0]:.3f} / {seen[1]:.3f} / "
          f"{seen[2]:.3f}")


if __name__ == "__main__":
    main()
