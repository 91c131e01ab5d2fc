"""A corpus file of N articles loads like a folder of N files: wall time and peak memory.

    .venv/bin/python benchmarks/corpus_loading.py --rows 10000
    .venv/bin/python benchmarks/corpus_loading.py --rows 1000 --score --jobs 2

Writes N synthetic news articles (made up here from sentence templates, about 330 words
each, a few of them repeated so that ``duplicate_of`` has work to do) once as a CSV corpus
(``id``, ``text``, ``title``, ``outlet``, ``date``, ``story``) and once as a folder of N
``.txt`` files, in a temporary folder. Each phase runs in a fresh Python process with an
empty ``ANALYSIS_INTERIM_DIR`` (except the re-run, which reads the texts the first CSV load
stored):

| phase | what runs |
|---|---|
| `load csv` | `load_articles("corpus.csv", text_column="text", id_column="id", with_readability=False)` (what `score` does before parsing) |
| `load csv again` | the same, reading the stored texts under `interim/corpus/` |
| `load folder` | `load_articles(folder, with_readability=False)` on the same texts as files |
| `score csv` / `score folder` (`--score`) | `python -m analysis score PATH --jobs J --no-cache` |

Peak memory is the largest PSS of the phase's process and its children (sampled every
0.25 s, see ``throughput.py``). Nothing is downloaded; no data set is needed.
"""
from __future__ import annotations

import argparse
import csv
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import _tree_memory  # noqa: E402

TOWNS = ["Riverton", "Port Ellis", "Valley City", "Lakeside", "Hollins Cross", "Bayview"]
PEOPLE = ["Helen Brooks", "Tom Reyes", "Karen Liu", "Alan Forde", "Priya Raman", "Luis Ortega",
          "Dana Whitfield", "Grace Okafor", "Ruth Adeyemi", "Omar Haddad"]
ROLES = ["the mayor", "a council member", "the superintendent", "a spokeswoman",
         "the finance director", "a local business owner"]
TOPICS = ["the transit plan", "the new budget", "the school start times", "the flood wall",
          "the hospital ward", "the housing project", "the library hours"]
SENTENCES = [
    "{town} officials said on {day} that {topic} would cost about ${n} million.",
    "\u201cWe have waited long enough for {topic},\u201d said {person}, {role}.",
    "According to a report by the city, {topic} could affect {n},000 residents.",
    "{person} said the council might delay a vote on {topic} until the spring.",
    "Critics argued that {topic} was rushed and that residents had not been consulted.",
    "The board is expected to meet again on {day} to discuss {topic}.",
    "Several residents of {town} spoke at the meeting, most of them in favour.",
    "\u201cIt is not clear that the numbers add up,\u201d {person} told reporters.",
    "Officials said construction could begin next year if the state approves the grant.",
    "{person}, {role}, declined to say how the shortfall would be covered.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng: random.Random) -> str:
    """One made-up article: five paragraphs of three to five templated sentences."""
    def sentence() -> str:
        return rng.choice(SENTENCES).format(
            town=rng.choice(TOWNS), day=rng.choice(DAYS), topic=rng.choice(TOPICS),
            n=rng.randint(2, 90), person=rng.choice(PEOPLE), role=rng.choice(ROLES))
    return "\n\n".join(" ".join(sentence() for _ in range(rng.randint(3, 5))) for _ in range(5))


def write_inputs(folder: Path, rows: int, seed: int = 21) -> tuple[Path, Path, int]:
    """The CSV corpus and the folder of .txt files; returns them and the words written."""
    rng = random.Random(seed)
    texts = [article(rng) for _ in range(rows)]
    for i in range(0, rows, 500):  # a wire story in two papers now and then
        if i + 1 < rows:
            texts[i + 1] = texts[i]
    corpus, files = folder / "corpus.csv", folder / "files"
    files.mkdir()
    with open(corpus, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["id", "text", "title", "outlet", "date", "story"])
        for i, text in enumerate(texts):
            writer.writerow([f"a{i:05d}", text, f"Story {i}", rng.choice(TOWNS) + " Times",
                             f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}", f"s{i % 40}"])
    for i, text in enumerate(texts):
        (files / f"a{i:05d}.txt").write_text(text, encoding="utf-8")
    return corpus, files, sum(len(t.split()) for t in texts)


LOAD = ("import sys, warnings; warnings.simplefilter('ignore')\n"
        "from analysis import load_articles\n"
        "path = sys.argv[1]\n"
        "kw = dict(text_column='text', id_column='id') if path.endswith('.csv') else {}\n"
        "f = load_articles(path, with_readability=False, **kw)\n"
        "print(len(f), int((f['duplicate_of'] != '').sum()), file=sys.stderr)\n")


def measure(argv: list[str], env: dict) -> tuple[float, float, str]:
    """Wall seconds, peak PSS in GB and stderr of a command run to its end."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True)
    peak, done = 0, threading.Event()

    def sample():
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_memory(proc.pid)[1])
            done.wait(0.25)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    _, err = proc.communicate()
    done.set()
    thread.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(argv)} failed:\n{err}")
    return time.perf_counter() - start, peak / 1024 ** 3, err.strip().splitlines()[-1] if err.strip() else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--score", action="store_true", help="also score both (parses every article)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="corpus-bench-") as tmp:
        tmp = Path(tmp)
        corpus, files, words = write_inputs(tmp, args.rows)
        print(f"{args.rows} articles, {words:,} words; corpus.csv "
              f"{corpus.stat().st_size / 1024 ** 2:.1f} MB", flush=True)
        py = sys.executable
        phases = [("load csv", [py, "-c", LOAD, str(corpus)], "interim-csv"),
                  ("load csv again", [py, "-c", LOAD, str(corpus)], "interim-csv"),
                  ("load folder", [py, "-c", LOAD, str(files)], "interim-folder")]
        if args.score:
            score = [py, "-m", "analysis", "score", "--jobs", str(args.jobs), "--no-cache", "--quiet"]
            phases += [("score csv", [*score, str(corpus), "--text-column", "text", "--id-column",
                                      "id", "--out", str(tmp / "s1.csv")], "interim-score-csv"),
                       ("score folder", [*score, str(files), "--out", str(tmp / "s2.csv")],
                        "interim-score-folder")]
        print(f"| phase | wall s | articles/s | peak GB (PSS) | rows, duplicates |\n|---|---:|---:|---:|---|")
        for name, argv, interim in phases:
            env = {**os.environ, "ANALYSIS_INTERIM_DIR": str(tmp / interim)}
            wall, peak, note = measure(argv, env)
            print(f"| {name} | {wall:.1f} | {args.rows / wall:,.0f} | {peak:.2f} | {note} |",
                  flush=True)


if __name__ == "__main__":
    main()
