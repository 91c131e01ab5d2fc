"""Sourcing-profile errors on a Markkula-format benchmark, article by article, for reading.

Runs the pipeline as ``python -m analysis evaluate profile`` does (the reference scorer's
definitions, :mod:`analysis.evaluate.profile`) and prints, for each article:

- each gold statement found in the text: its class and name, then the source records
  overlapping it (type, name, rule) with ``ok`` / ``WRONG`` for the record it is judged by,
  or ``MISSED`` when none overlaps it (nor a quote with a speaker);
- the source records overlapping no gold statement (``extra``), which the scorecard counts;
- the scorecard counts against the gold counts of distinct sources.

    .venv/bin/python benchmarks/profile_errors.py ../shared/markkula/dev/articles \\
        ../shared/markkula/dev/gold [--article 17] [--extra-only]

Reading aid only: the annotation is not exhaustive (a record overlapping no statement may
be a true source the table left out).
"""
from __future__ import annotations

import argparse

from analysis.evaluate.profile import (RIGHT_TYPES, Tally, folded_with_offsets, load_benchmark,
                                       locate, overlaps, predict, score_counts, typed_record)


def describe(rec: dict) -> str:
    return (f"{rec.get('source_type')}: {rec['text']!r} name={rec.get('name')!r} "
            f"rule={rec.get('rule')}")


def report(article: str, text: str, gold, records: list[dict], card: dict,
           extra_only: bool = False) -> None:
    """Print one article's statements, extra sources and counts."""
    folded, offsets = folded_with_offsets(text)
    sources = [r for r in records if r["kind"] == "source"]
    spoken = [r for r in records if r["kind"] == "quote" and r.get("speaker_start") is not None]
    covered: set[int] = set()
    print(f"=== article {article}")
    for g in gold:
        span = locate(folded, offsets, g.statement)
        if span is None:
            continue
        inside = [r for r in sources if overlaps(r, span)]
        covered |= {id(r) for r in inside}
        if extra_only:
            continue
        voiced = [q for q in spoken if overlaps(q, span)]
        best = typed_record(inside, g)
        verdict = ("MISSED" if not inside and not voiced else
                   "ok" if best and best.get("source_type") in RIGHT_TYPES[g.klass] else "WRONG")
        print(f"[{verdict}] gold {g.klass} {g.name!r}: {' '.join(g.statement.split())[:110]}")
        for r in inside:
            print(f"      {'*' if r is best else ' '} {describe(r)}")
        if not inside and voiced:
            print("        (quote speaker only: " + ", ".join(repr(q.get("speaker"))
                                                         for q in voiced) + ")")
    extra = [r for r in sources if id(r) not in covered]
    for r in extra:
        print(f"  extra {describe(r)}")
    row = score_counts(article, gold, records, card, Tally())
    print(f"  counts named {row['named']:.0f}/{row['gold_named']}  anonymous "
          f"{row['anon']:.0f}/{row['gold_anon']}  other {row['other']:.0f}/{row['gold_other']}")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles")
    ap.add_argument("gold")
    ap.add_argument("--article", action="append", help="only these article ids")
    ap.add_argument("--extra-only", action="store_true", help="only the extra sources")
    a = ap.parse_args(argv)
    bench = load_benchmark(a.articles, a.gold)
    if a.article:
        bench = {k: v for k, v in bench.items() if k in set(a.article)}
    records, cards = predict({k: t for k, (t, _) in bench.items()}, progress=False)
    for article, (text, gold) in bench.items():
        report(article, text, gold, records.get(article, []), cards.get(article, {}),
               a.extra_only)


if __name__ == "__main__":
    main()
