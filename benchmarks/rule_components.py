"""The array versions of the model's rule components against spaCy's own: same parse? how fast?

    .venv/bin/python benchmarks/rule_components.py DIR [DIR ...] [--limit N]

Each DIR is a folder of ``.txt`` files, searched recursively (PolNeAR's ``data`` folder, the
Markkula articles, ``data/raw``). Every text is parsed twice in this process, by the model as
spaCy ships it and by the model after :func:`analysis.rule_components.speed_up`, and the two
parses are compared as the parse cache stores them (the ``DocBin`` bytes: every token
attribute) and by each token's lemma, part of speech, morphology, tag and dependency. Prints
how many texts differ (the first difference of each, if any) and the seconds each pipeline
took (each with its lemma cache empty), then the time of each component on the same texts,
batch by batch (both lemma caches now full). Exit status 1 if any text differs.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from analysis.nlp import DEFAULT_BATCH_SIZE, stock_model
from analysis.rule_components import speed_up

FIELDS = ("lemma_", "pos_", "morph", "tag_", "dep_")


def first_difference(a: Doc, b: Doc) -> str | None:
    """None if the two parses are the same, else where they first differ."""
    same_bytes = (DocBin(docs=[a], store_user_data=False).to_bytes()
                  == DocBin(docs=[b], store_user_data=False).to_bytes())
    for x, y in zip(a, b):
        got = tuple(str(getattr(x, f)) for f in FIELDS), tuple(str(getattr(y, f)) for f in FIELDS)
        if got[0] != got[1]:
            return f"token {x.i} {x.text!r}: spaCy {got[0]}, array {got[1]}"
    return None if same_bytes and len(a) == len(b) else "DocBin bytes differ"


def component_seconds(nlp: spacy.Language, texts: list[str]) -> dict[str, float]:
    """Seconds each component takes over ``texts``, batch by batch."""
    spent = dict.fromkeys(["tokenizer", *nlp.pipe_names], 0.0)
    for i in range(0, len(texts), DEFAULT_BATCH_SIZE):
        start = time.perf_counter()
        docs = [nlp.make_doc(t) for t in texts[i:i + DEFAULT_BATCH_SIZE]]
        spent["tokenizer"] += time.perf_counter() - start
        for name, component in nlp.pipeline:
            start = time.perf_counter()
            # a function component (``paragraph_starts``) has no ``pipe``
            docs = list(component.pipe(docs)) if hasattr(component, "pipe") else \
                [component(doc) for doc in docs]
            spent[name] += time.perf_counter() - start
    return spent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dirs", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="at most N texts in all")
    args = parser.parse_args(argv)
    files = sorted(p for d in args.dirs for p in d.rglob("*.txt"))[:args.limit]
    texts = [p.read_text(encoding="utf-8", errors="replace") for p in files]
    if not texts:
        raise SystemExit("no .txt files found")
    stock, array = stock_model(), stock_model()
    print("array versions:", ", ".join(speed_up(array)) or "none (patterns not covered)")
    seconds, parses = {}, {}
    for label, nlp in (("spaCy", stock), ("array", array)):
        start = time.perf_counter()
        parses[label] = list(nlp.pipe(texts, batch_size=DEFAULT_BATCH_SIZE))
        seconds[label] = time.perf_counter() - start
    differ = 0
    for path, a, b in zip(files, parses["spaCy"], parses["array"]):
        if (where := first_difference(a, b)) is not None:
            differ += 1
            print(f"DIFFERENT {path}: {where}")
    words = sum(len(d) for d in parses["spaCy"])
    print(f"texts: {len(texts)}  tokens: {words:,}  different: {differ}")
    print(f"whole parse: spaCy's components {seconds['spaCy']:.2f} s, "
          f"array versions {seconds['array']:.2f} s")
    print(f"{'component':<16} {'spaCy s':>8} {'array s':>8}")
    by = {label: component_seconds(nlp, texts) for label, nlp in (("spaCy", stock),
                                                                  ("array", array))}
    for name in by["spaCy"]:
        print(f"{name:<16} {by['spaCy'][name]:>8.2f} {by['array'][name]:>8.2f}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
