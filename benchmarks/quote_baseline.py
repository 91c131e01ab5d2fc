"""Baseline for quote F1: pair quote marks paragraph by paragraph and call every pair a quote.

A predictor in the `evidence --format jsonl` contract, for the reference scorer, so that the
"pairing quote marks alone" figure of docs/accuracy.md can be rerun:

    python ../shared/tools/polnear_score.py --data ../shared/polnear/data --split dev -- \
        .venv/bin/python benchmarks/quote_baseline.py

Marks are “ ” and straight ", paired as the scorer pairs them inside an annotated content
span; a quote left open runs to its paragraph's end. No title, speaker or boilerplate rule.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path

MARK = re.compile(r"[“”\"]")
LINE = re.compile(r"[^\n]+")


def quotes(text: str):
    """``(start, end)`` of every paired (or paragraph-bounded) quotation."""
    for para in LINE.finditer(text):
        start = None
        for m in MARK.finditer(text, para.start(), para.end()):
            if start is None and m.group() in "“\"":
                start = m.start()
            elif start is not None and m.group() in "”\"":
                yield start, m.end()
                start = None
        if start is not None:
            yield start, para.end()


def main(folder: str) -> None:
    for path in sorted(Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        for start, end in quotes(text):
            print(json.dumps({"article_id": path.stem, "kind": "quote", "start": start,
                              "end": end, "text": text[start:end], "speaker_start": None,
                              "speaker_end": None}))


if __name__ == "__main__":
    main(sys.argv[-1])
