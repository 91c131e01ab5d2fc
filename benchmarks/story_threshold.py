"""How similar are articles on one story, and articles on different ones? (the story threshold)

Prints the distribution of the cosine that :mod:`analysis.compare.stories` computes, for
pairs of texts known to be on the same story and for the other pairs, and how many pairs
each candidate threshold links.

    .venv/bin/python benchmarks/story_threshold.py --genlook ../shared/genlook/news/news_genlook.csv
    .venv/bin/python benchmarks/story_threshold.py --folder ../shared/polnear/data/dev/text

``--genlook CSV``: the human and machine-written news texts of the genlook development set;
two texts with the same ``article_id`` (a BBC article and a text a model wrote from its
opening words) are one story. ``--folder DIR``: a folder of articles; with a ``story``
column in its manifest, texts with the same value are one story, otherwise every pair
counts as "other". The texts are analysed with the package (parses cached as usual).
"""
from __future__ import annotations

import argparse
import csv
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from analysis.compare.stories import article_vectors, similarity_stories
from analysis import analyse_articles

THRESHOLDS = (0.08, 0.10, 0.12, 0.15, 0.20, 0.25)


def genlook_folder(csv_path: Path, out: Path) -> Path:
    """Write the genlook texts as files with a manifest whose story is the source article."""
    frame = pd.read_csv(csv_path)
    rows = []
    for rec in frame.to_dict("records"):
        name = f"{rec['id']}.txt"
        (out / name).write_text(rec["text"], encoding="utf-8")
        rows.append({"file": name, "outlet": "", "title": "", "published": "", "url": "",
                     "genre": rec["label"], "reposted_from": "", "notes": "",
                     "story": rec["article_id"]})
    with open(out / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return out


def pair_cosines(folder: Path) -> tuple[np.ndarray, np.ndarray, list[dict], np.ndarray]:
    """Cosines of the same-story pairs and of the other pairs of the articles in ``folder``,
    the articles' vocabularies and their given stories."""
    analysis = analyse_articles(folder, progress=False)
    ok = analysis.scores.loc[analysis.scores["status"] == "ok", "article_id"].tolist()
    stories = analysis.articles.set_index("article_id")["story"].reindex(ok).fillna("").to_numpy()
    vocab = [analysis.features[a]["vocab"] for a in ok]
    vectors = article_vectors(vocab)
    sims = (vectors @ vectors.T).toarray()
    upper = np.triu_indices(len(ok), k=1)
    same = (stories[upper[0]] == stories[upper[1]]) & (stories[upper[0]] != "")
    values = sims[upper]
    return values[same], values[~same], vocab, stories


def grouping(vocab: list[dict], stories: np.ndarray, threshold: float) -> str:
    """How the stories found at ``threshold`` compare with the given ones: their number,
    the largest, and the pairwise precision and recall of "one story"."""
    found = np.array(similarity_stories(list(range(len(vocab))), vocab, threshold))
    upper = np.triu_indices(len(found), k=1)
    together = found[upper[0]] == found[upper[1]]
    truth = (stories[upper[0]] == stories[upper[1]]) & (stories[upper[0]] != "")
    largest = np.bincount(found).max() if len(found) else 0
    text = f"{len(set(found))} stories found, largest {largest} articles"
    if truth.any():
        precision = (together & truth).sum() / max(together.sum(), 1)
        recall = (together & truth).sum() / truth.sum()
        text += f"; pairs put together: precision {precision:.1%}, recall {recall:.1%}"
    return text


def describe(name: str, values: np.ndarray) -> str:
    if not len(values):
        return f"{name}: no pairs"
    q = np.percentile(values, [1, 5, 50, 95, 99])
    return (f"{name}: {len(values)} pairs; percentiles 1/5/50/95/99: "
            + " / ".join(f"{v:.3f}" for v in q) + f"; max {values.max():.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--genlook", type=Path, help="genlook news_genlook.csv")
    parser.add_argument("--folder", type=Path, help="a folder of articles")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = genlook_folder(args.genlook, Path(tmp)) if args.genlook else args.folder
        same, other, vocab, stories = pair_cosines(folder)
    print(describe("same story", same))
    print(describe("other pairs", other))
    for t in THRESHOLDS:
        print(f"threshold {t:.2f}: links {np.mean(same >= t):.1%} of same-story pairs"
              if len(same) else f"threshold {t:.2f}:",
              f"and {np.mean(other >= t):.2%} of other pairs ({int(np.sum(other >= t))}); "
              + grouping(vocab, stories, t))


if __name__ == "__main__":
    main()
