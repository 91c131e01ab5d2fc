"""The quote speakers PolNeAR's annotation disagrees with, one by one, for reading.

Runs the pipeline as ``python -m analysis evaluate polnear`` does (the reference scorer's
definitions, :mod:`analysis.evaluate.polnear`) and lists every gold quote that has a source
and whose quote was found, but whose predicted speaker span overlaps no source piece (a
speaker error of ``speaker_acc``), with the rule that chose the speaker, the speaker found
and the gold source, and the text around the quote:

    .venv/bin/python benchmarks/speaker_errors.py ../shared/polnear/data --split train \\
        [--context 300] [--rule "cue in previous"] [--save preds.json | --load preds.json]

The counts by rule come first: how many quotes each speaker rule gave a speaker to, how many
of them are right. ``--save`` keeps the predictions (evidence records) in a JSON file and
``--load`` reads them back, so that the listing can be read again without re-running the
pipeline. Reading aid only: the annotation is one annotator's.
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from analysis.evaluate.polnear import (MIN_WORDS, gold_quotes, load_gold, match, mutual_half,
                                       n_words, overlap, predict)


def speaker_rule(rule: str) -> str:
    """The speaker part of a quote record's rule ("speaker: cue in previous sentence")."""
    parts = [p.strip() for p in rule.split(";") if "speaker" in p]
    return parts[-1] if parts else "no speaker found"


def speaker_errors(gold: dict, predictions: dict) -> tuple[Counter, Counter, list[dict]]:
    """``(quotes per speaker rule, right ones per rule, errors)``; each error is a dict with
    the article, the quote's span, the rule, the predicted and gold speaker spans."""
    per_rule: Counter = Counter()
    right: Counter = Counter()
    errors = []
    for article, (text, attributions) in gold.items():
        golds = gold_quotes(text, attributions)
        quotes = [r for r in predictions.get(article, []) if r["kind"] == "quote"
                  and n_words(text, (r["start"], r["end"])) >= MIN_WORDS]
        pairs = match([(r["start"], r["end"]) for r in quotes], [g for g, _ in golds],
                      mutual_half)
        for i, j in pairs:
            source = golds[j][1]
            if not source:
                continue
            rec = quotes[i]
            rule = speaker_rule(rec.get("rule", ""))
            per_rule[rule] += 1
            span = (rec.get("speaker_start"), rec.get("speaker_end"))
            if span[0] is not None and any(overlap(span, s) for s in source):
                right[rule] += 1
                continue
            errors.append({"article": article, "quote": (rec["start"], rec["end"]),
                           "rule": rule, "speaker": span, "name": rec.get("speaker"),
                           "gold": source, "text": text})
    return per_rule, right, errors


def show(error: dict, context: int) -> str:
    """One error, with the text around its quote: the quote in ``{{ }}``, the gold source in
    ``[[ ]]``, the speaker found in ``<< >>``."""
    text = error["text"]
    qs, qe = error["quote"]
    lo, hi = max(0, qs - context), min(len(text), qe + context // 3)
    marks = [(s, "[[") for s, _ in error["gold"]] + [(e, "]]") for _, e in error["gold"]]
    marks += [(qs, "{{"), (qe, "}}")]
    if error["speaker"][0] is not None:
        marks += [(error["speaker"][0], "<<"), (error["speaker"][1], ">>")]
    out, last = [], lo
    for pos, mark in sorted(m for m in marks if lo <= m[0] <= hi):
        out += [text[last:pos], mark]
        last = pos
    out.append(text[last:hi])
    gold = " … ".join(text[s:e] for s, e in error["gold"])
    found = (text[error["speaker"][0]:error["speaker"][1]]
             if error["speaker"][0] is not None else None)
    return (f"== {error['article']} {error['rule']}: found {found!r} ({error['name']!r}), "
            f"gold {gold!r}\n" + "".join(out).replace("\n", " / "))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="PolNeAR's data folder")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--context", type=int, default=300, help="characters shown before")
    parser.add_argument("--rule", default="", help="only errors whose rule contains this")
    parser.add_argument("--save", type=Path, help="write the predictions to this JSON file")
    parser.add_argument("--load", type=Path, help="read the predictions from this JSON file")
    parser.add_argument("--compare", type=Path,
                        help="predictions saved before a change: list only the errors made "
                             "or fixed since")
    args = parser.parse_args()
    gold = load_gold(args.data, args.split)
    if args.load:
        predictions = json.loads(args.load.read_text(encoding="utf-8"))
    else:
        predictions = predict({a: t for a, (t, _) in gold.items()}, progress=False)
    if args.save:
        args.save.write_text(json.dumps(predictions), encoding="utf-8")
    per_rule, right, errors = speaker_errors(gold, predictions)
    for rule, n in per_rule.most_common():
        print(f"{n:5d} quotes, {right[rule]:5d} right ({right[rule] / n:.3f})  {rule}")
    print(f"{sum(right.values())} of {sum(per_rule.values())} right; {len(errors)} errors")
    shown = [e for e in errors if args.rule in e["rule"]]
    if args.compare:
        before = speaker_errors(gold, json.loads(args.compare.read_text(encoding="utf-8")))[2]
        key = lambda e: (e["article"], e["quote"])  # noqa: E731
        old, new = {key(e): e for e in before}, {key(e) for e in errors}
        shown = [e for e in shown if key(e) not in old]
        print(f"{len(shown)} new errors, {len(set(old) - new)} fixed:")
        for k in sorted(set(old) - new):
            print("FIXED " + show(old[k], args.context))
        print("NEW ERRORS:")
    for error in shown:
        print(show(error, args.context))


if __name__ == "__main__":
    main()
