"""How long the comparison of one large story takes (issue 17: 500 articles in under a minute).

    .venv/bin/python benchmarks/compare_speed.py --articles 500 --jobs 2
    .venv/bin/python benchmarks/compare_speed.py --articles 500 --source ../shared/polnear/data/dev/text

Makes ``--articles`` variants of the articles in ``--source`` (default: data/raw) in a
temporary folder, all of one story (manifest ``story`` column): each variant keeps most of
one article's paragraphs in order, drops a word here and there, and takes a paragraph from
another article now and then, so the story is full of copies, near copies and shared quotes
(the hard case: every sentence has hundreds of close neighbours). The variants are analysed
once (parses cached as usual; this time is printed but is not the comparison's), then
:func:`analysis.compare_articles` runs ``--repeat`` times on that analysis and the best
wall time is printed with the size of what it found.
"""
from __future__ import annotations

import argparse
import csv
import random
import re
import tempfile
import time
from pathlib import Path

from analysis.compare import compare_articles
from analysis.paths import RAW_DIR
from analysis import analyse_articles

PARAGRAPH = re.compile(r"\n\s*\n|\n")


def paragraphs(folder: Path) -> list[list[str]]:
    """The paragraphs of each article file in ``folder`` (longer than a few words)."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        paras = [p.strip() for p in PARAGRAPH.split(path.read_text(encoding="utf-8"))]
        paras = [p for p in paras if len(p.split()) >= 8]
        if paras:
            out.append(paras)
    return out


def variant(pool: list[list[str]], rng: random.Random) -> str:
    """One article: most paragraphs of one source article, a few words dropped, now and then
    a paragraph of another."""
    base = rng.choice(pool)
    out = []
    for para in base:
        if rng.random() < 0.2:
            continue
        if rng.random() < 0.1:
            para = rng.choice(rng.choice(pool))
        words = para.split()
        if rng.random() < 0.3 and len(words) > 10:
            del words[rng.randrange(len(words))]
        out.append(" ".join(words))
    return "\n\n".join(out or base) + "\n"


def make_story(source: Path, n: int, out: Path, seed: int = 17) -> Path:
    rng = random.Random(seed)
    pool = paragraphs(source)
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(["file", "outlet", "title", "published", "url", "genre", "reposted_from",
                         "notes", "story"])
        for k in range(n):
            name = f"v{k:04d}.txt"
            (out / name).write_text(variant(pool, rng), encoding="utf-8")
            writer.writerow([name, f"outlet {k % 37}", "", f"2024-05-{1 + k % 28:02d}", "",
                             "news", "", "", "bench"])
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--source", type=Path, default=RAW_DIR, help="folder of .txt articles")
    parser.add_argument("--jobs", type=int, default=None, help="workers for the analysis")
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = make_story(args.source, args.articles, Path(tmp))
        start = time.perf_counter()
        analysis = analyse_articles(folder, jobs=args.jobs, progress=False)
        print(f"analysis of {args.articles} articles: {time.perf_counter() - start:.1f} s "
              "(parsing; cached parses are reused)")
        best = float("inf")
        for _ in range(args.repeat):
            start = time.perf_counter()
            comparison = compare_articles(analysis)
            best = min(best, time.perf_counter() - start)
    words = int(analysis.scores["words"].sum())
    print(f"compare_articles: {best:.1f} s (best of {args.repeat}) for 1 story of "
          f"{comparison.stories.shape[0]} articles, {words} words; "
          f"{comparison.claims['claim_group'].nunique()} claim groups of "
          f"{len(comparison.claims)} sentences, {len(comparison.claim_links)} links, "
          f"{comparison.quote_matches['quote_group'].nunique()} quote groups of "
          f"{len(comparison.quote_matches)} quotes, {len(comparison.reuse)} reuse pairs")


if __name__ == "__main__":
    main()
