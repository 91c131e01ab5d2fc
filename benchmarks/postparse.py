"""CPU time of everything after the parse (extraction, features, score row), on cached parses.

    .venv/bin/python benchmarks/postparse.py /path/to/polnear/data [--limit 80] [--repeat 3] [--src SRC]

Parses the first ``--limit`` ``.txt`` files (PolNeAR's ``*/text`` folders or any folder of
``.txt`` files; through the parse cache, so a second run reads them) and times, in this
process, ``extract_doc`` + ``doc_features`` + ``score_row`` over all of them, best of
``--repeat`` passes, plus the one-time cost of the first pass. ``--src`` runs another copy of
the package (e.g. an older commit: ``git archive COMMIT src | tar -x -C /tmp/old``), so two
versions can be compared on the same parses; run both a few times, alternating, on a busy
machine. Parsing itself is not timed (``throughput.py`` times whole runs).

``--digest`` also prints one SHA-256 of everything the timed steps returned (evidence,
features, score rows, as ``repr``), to check that a change made for speed changes no output:
the digest of two versions on the same articles must be the same.
"""
from __future__ import annotations

import argparse
import hashlib
import inspect
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path)
    parser.add_argument("--limit", type=int, default=80)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--src", type=Path, default=None, help="package source folder to use")
    parser.add_argument("--digest", action="store_true",
                        help="also print a SHA-256 of every output (to compare versions)")
    args = parser.parse_args(argv)
    if args.src:
        sys.path.insert(0, str(args.src.resolve()))
    from analysis.extract import extract_doc
    from analysis.framing.features import doc_features
    from analysis.nlp import load_model, parse_texts
    from analysis.scoring import score_row

    def given(step, text: str) -> dict:
        """The parsed text, handed on as the pipeline does, to a version that takes it."""
        return {"parsed": text} if "parsed" in inspect.signature(step).parameters else {}

    files = sorted(args.dir.glob("*/text/*.txt")) or sorted(args.dir.glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files[: args.limit]]
    docs = list(parse_texts(texts, load_model(), cache=True))

    def one_pass() -> float:
        start = time.process_time()
        for doc, text in zip(docs, texts):
            evidence = extract_doc(doc, text, "a", **given(extract_doc, text))
            score_row(evidence, doc_features(doc, text, evidence, **given(doc_features, text)),
                      [], "a")
        return time.process_time() - start

    first = one_pass()
    best = min(one_pass() for _ in range(args.repeat))
    import analysis

    print(f"{Path(analysis.__file__).parent}: {len(docs)} articles, first pass {first:.3f} s CPU, "
          f"best of {args.repeat} {best:.3f} s CPU")
    if args.digest:
        digest = hashlib.sha256()
        for doc, text in zip(docs, texts):
            evidence = extract_doc(doc, text, "a", **given(extract_doc, text))
            features = doc_features(doc, text, evidence, **given(doc_features, text))
            for part in (evidence, features, score_row(evidence, features, [], "a")):
                digest.update(repr(part).encode("utf-8", "surrogatepass"))
        print(f"digest of all outputs: {digest.hexdigest()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
