"""The machine-look score on human news the table never saw, cut as excerpts.

    .venv/bin/python benchmarks/genlook_excerpts.py /path/to/polnear/data --split dev \
        [--words 180] [--against ../shared/genlook/news/news_genlook.csv]

Each article of the folder (PolNeAR's ``<split>/text/*.txt``, or any folder of ``.txt``
files) is cut after the first sentence end at or past ``--words`` words (whitespace
collapsed, so paragraph breaks are not read), like the held-out checks' "whole articles cut
to ~200 words at a sentence end"; excerpts under 150 words are skipped. Every excerpt is
scored as ``python -m analysis score`` scores a file, and the script prints the score's
quantiles overall and per publisher (PolNeAR's ``metadata.tsv``, when present).

With ``--against FILE.csv`` (a labelled file, as for ``evaluate genlook``) it also prints the
AUC of that file's machine-written texts against these excerpts as the human side, per
generator: human writing from outlets the table has not seen (the machine texts are those
of the file, seen by the table if it is a development file).
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

SENTENCE_END = re.compile(r"[.!?][\"”’')]*(?=\s+[\"“‘(]?[A-Z0-9])")


def excerpt(text: str, words: int) -> str:
    """``text`` (whitespace collapsed) cut after the first sentence end at or past ``words``."""
    flat = " ".join(text.split())
    for m in SENTENCE_END.finditer(flat):
        if len(flat[: m.end()].split()) >= words:
            return flat[: m.end()]
    return flat


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--words", type=int, default=180)
    parser.add_argument("--against", type=Path, default=None)
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args(argv)

    from analysis.evaluate.genlook import auc_table, measure_texts
    from analysis.evaluate.genlook_data import load_labelled

    folder = args.dir / args.split / "text" if (args.dir / args.split / "text").is_dir() else args.dir
    files = sorted(folder.glob("*.txt"))
    texts = {f.stem: excerpt(f.read_text(encoding="utf-8", errors="replace"), args.words)
             for f in files}
    texts = {k: v for k, v in texts.items() if len(v.split()) >= 150}
    meta = args.dir / "metadata.tsv"
    publisher = (pd.read_csv(meta, sep="\t").set_index("filename")["publisher"].to_dict()
                 if meta.is_file() else {})
    human = pd.DataFrame({"id": list(texts), "text": list(texts.values()), "machine": False,
                          "generator": "human", "group": list(texts), "dataset": "excerpts"})
    measured = measure_texts(human, jobs=args.jobs, progress=False)
    scores = measured.assign(publisher=measured["id"].map(lambda i: publisher.get(i, "?")))
    print(f"{len(scores)} excerpts of {folder} ({args.words}+ words, cut at a sentence end)")
    q = lambda s: s.quantile([0.1, 0.5, 0.9]).round(3).tolist()  # noqa: E731
    rows = [("all", len(scores), *q(scores["generated_look_score"]))]
    rows += [(p, len(g), *q(g["generated_look_score"])) for p, g in scores.groupby("publisher")]
    print(pd.DataFrame(rows, columns=["publisher", "excerpts", "p10", "median", "p90"])
          .to_string(index=False))
    if args.against:
        other = load_labelled(args.against)
        machine = measure_texts(other[other["machine"]], jobs=args.jobs, progress=False)
        both = pd.concat([machine, measured.assign(dataset=machine["dataset"].iloc[0])],
                         ignore_index=True)
        print(f"\nAUC: machine texts of {args.against.name} against these excerpts")
        print(auc_table(both, both["generated_look_score"].fillna(0.0)).to_string(index=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
