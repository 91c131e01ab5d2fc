"""Cross-check `evaluate profile` against the reference scorer `profile_score.py`.

Runs the pipeline once over a Markkula-format benchmark, then scores the same evidence
records and scorecard rows with both :func:`analysis.evaluate.profile.score` and the
reference scorer (its subprocess calls replaced by these records), as found and with
source types, quote speakers and scorecard counts randomly perturbed; prints one line per
trial and exits 1 if any summary differs.

    .venv/bin/python benchmarks/profile_crosscheck.py ../shared/markkula/dev/articles \\
        ../shared/markkula/dev/gold ../shared/tools/profile_score.py --trials 5
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import importlib.util
import io
import json
import random
import sys

from analysis.evaluate.profile import load_benchmark, predict, score

TYPES = ["named", "institutional", "anonymous", "media", "document", None]
COUNTS = ["named_sources", "anonymous_sources", "institutional_sources", "media_citations",
          "document_sources"]


def perturbed(records: dict, cards: dict, seed: int) -> tuple[dict, dict]:
    """Copies of the records and scorecard rows, changed at random (seed 0: unchanged)."""
    rnd = random.Random(seed)
    recs = {a: [dict(r) for r in rs] for a, rs in records.items()}
    rows = {a: {"article_id": a, **{c: card.get(c) for c in COUNTS}} for a, card in cards.items()}
    if seed == 0:
        return recs, rows
    for rs in recs.values():
        for r in rs:
            if r["kind"] == "source" and rnd.random() < 0.3:
                r["source_type"] = rnd.choice(TYPES)
            if r["kind"] == "quote" and rnd.random() < 0.2:
                r["speaker_start"] = None
            if r["kind"] == "quote" and rnd.random() < 0.2:
                r["speaker"] = "Someone Else"
    for row in rows.values():
        row.update({c: rnd.randint(0, 5) for c in COUNTS})
    return recs, rows


def reference(scorer_path: str, articles: str, gold: str, recs: dict, rows: dict) -> dict:
    """The reference scorer's summary for these records and scorecard rows."""
    spec = importlib.util.spec_from_file_location("profile_score", scorer_path)
    ref = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(ref)
    evidence = "\n".join(json.dumps(r) for rs in recs.values() for r in rs)

    def fake_run(cmd):
        if "evidence" in cmd:
            return evidence
        with open(cmd[cmd.index("--out") + 1], "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=["article_id", *COUNTS])
            writer.writeheader()
            for row in rows.values():
                writer.writerow({k: "" if v is None else v for k, v in row.items()})
        return ""

    ref.run = fake_run
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ref.main([articles, gold])
    return json.loads(out.getvalue().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles")
    ap.add_argument("gold")
    ap.add_argument("scorer", help="path of profile_score.py")
    ap.add_argument("--trials", type=int, default=5, help="perturbed trials (default 5)")
    a = ap.parse_args(argv)
    bench = load_benchmark(a.articles, a.gold)
    records, cards = predict({k: t for k, (t, _) in bench.items()}, progress=False)
    ok = True
    for seed in range(a.trials + 1):
        recs, rows = perturbed(records, cards, seed)
        ours = score(bench, recs, rows)[0]
        theirs = reference(a.scorer, a.articles, a.gold, recs, rows)
        diff = {k: (ours.get(k), theirs.get(k)) for k in theirs if ours.get(k) != theirs[k]}
        ok &= not diff
        print(f"trial {seed}: {'same' if not diff else diff}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
