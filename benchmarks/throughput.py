"""Throughput and memory of scoring against spaCy's bare parse of the same texts.

    .venv/bin/python benchmarks/throughput.py /path/to/polnear/data [--limit 200] [--jobs 1 2]

DIR is a folder of articles: PolNeAR's ``data`` folder (the ``.txt`` files under its
``*/text`` folders are used) or any folder of ``.txt`` files. The first ``--limit`` files (in
name order) are copied to a temporary folder, and each phase runs in a fresh Python process
(so memory is measured alone) on the same copies:

- ``bare``: ``nlp.pipe(texts, batch_size=B)`` in one process, with the model as spaCy ships
  it (the components the pipeline runs), on the raw file texts;
- ``bare, the pipeline's parse``: the same parsed as the pipeline parses, with the array
  versions of the attribute ruler and the lemmatizer (:mod:`analysis.rule_components`) and
  numpy's BLAS on one thread, as ``python -m analysis`` sets it (``analysis.cli.BLAS_THREADS``):
  the same parse in less time, so the table shows both what the pipeline adds to spaCy's
  parse and to its own (the ``score`` phases run with the same setting);
- ``score --jobs N``: ``analysis.score_articles(folder, jobs=N)`` — loading, boilerplate,
  readability, parse, extraction, features, scores — with an empty parse cache (so parses
  are also written to it); with workers (N > 1) they start before the files are read and
  measure each article's readability where they parse it;
- ``score --jobs 1, warm``: the same with the cache just written (``--warm``).

"Empty parse cache" means what a run on new articles finds: no parses, but the syllable
table that every earlier run keeps beside them (made once before the timed runs).

Times exclude loading the model in the timed process (bare and ``--jobs 1``) but include
starting the workers of ``--jobs 2`` and up (each loads the model). Peak memory is the
largest sum of the resident memory of the phase's process and its children, sampled every
0.25 s. ``--repeat R`` runs the phases R times, interleaved, and keeps each one's best time
(the machine may be busy with other work). ``--breakdown`` adds a one-process timing of each
step of scoring.

``--whole-process`` times whole processes instead, by the clock of this parent process: the
bare phase's interpreter (start-up, imports, model load and parse) against the command a
user runs, ``python -m analysis score FOLDER --jobs N --quiet --out FILE`` (start-up, imports,
model, workers, reading, scoring, writing), each with an empty parse cache. With ``--jobs 2``
it also runs two bare processes at once, each parsing half of the articles: the time no
two-process run can beat on this machine (two busy cores parse slower than one).

Goals (issue 5): ``score --jobs 1`` ≤ 1.15 × bare time; ``score --jobs 2`` ≤ 0.65 × bare
time. Whole processes (issue 20, 60 articles): ≤ 1.10 and ≤ 0.62. No test times anything;
this script is run by hand and its output goes to docs/performance.md.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

GOALS = {1: 1.15, 2: 0.65}
WHOLE_PROCESS_GOALS = {1: 1.10, 2: 0.62}


# ---------------------------------------------------------------- phases (child processes)

def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _texts(folder: Path) -> list[str]:
    return [p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.glob("*.txt"))]


def phase_bare(folder: Path, batch_size: int, jobs: int, array: bool = False) -> dict:
    """spaCy's parse alone: the model as spaCy ships it (``array``: parsed as the pipeline
    parses, with the array versions of its rule components, :mod:`analysis.rule_components`;
    its process is started with the command line's BLAS threads, ``analysis.cli.BLAS_THREADS``)."""
    from analysis.nlp import load_model, model_id, stock_model

    nlp = load_model() if array else stock_model()
    texts = _texts(folder)
    list(nlp.pipe(texts[:2]))  # warm up
    start, cpu = time.perf_counter(), _cpu()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return {"seconds": time.perf_counter() - start, "cpu": _cpu() - cpu, "model": model_id(nlp),
            "components": nlp.pipe_names}


def phase_bare_array(folder: Path, batch_size: int, jobs: int) -> dict:
    return phase_bare(folder, batch_size, jobs, array=True)


def phase_score(folder: Path, batch_size: int, jobs: int) -> dict:
    from analysis import pipeline
    from analysis.nlp import load_model
    from analysis import score_articles

    # score_articles takes no batch size: set the default of the run it makes
    pipeline.run.__wrapped__.__kwdefaults__["batch_size"] = batch_size
    if jobs == 1:
        load_model()
    start, cpu = time.perf_counter(), _cpu()
    scores = score_articles(folder, jobs=jobs, cache=True, progress=False)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "cpu": _cpu() - cpu, "rows": len(scores),
            "ok": int((scores["status"] == "ok").sum())}


def phase_breakdown(folder: Path, batch_size: int, jobs: int) -> dict:
    """One process, no cache: the time of each step of scoring, in order."""
    import pandas as pd

    from analysis.articles import add_readability, load_articles
    from analysis.boilerplate import mask_outside
    from analysis.extract import extract_doc
    from analysis.framing.features import doc_features
    from analysis.nlp import ParseCache, load_model, parse_texts

    nlp = load_model()
    steps: dict[str, float] = {}

    def clock(name, fn):
        start = time.perf_counter()
        out = fn()
        steps[name] = steps.get(name, 0.0) + time.perf_counter() - start
        return out

    frame = clock("load_articles (read, boilerplate)",
                  lambda: load_articles(folder, with_readability=False))
    frame = clock("readability (textstat)", lambda: add_readability(frame))
    ok = frame[frame["status"] == "ok"]
    texts = clock("mask body", lambda: [mask_outside(t, s) for t, s in
                                        zip(ok["text"], ok["body_spans"])])
    docs = clock("parse (parse_texts, no cache)",
                 lambda: list(parse_texts(texts, nlp, cache=False, batch_size=batch_size)))
    with tempfile.TemporaryDirectory() as tmp:
        store = ParseCache(nlp, Path(tmp))
        clock("cache write", lambda: [store.put(d) for d in docs])
        clock("cache read", lambda: [store.get(t) for t in texts])
    evidence = []
    for doc, text, aid in zip(docs, ok["text"], ok["article_id"]):
        evidence.append(clock("extract_doc (quotes, sources, hedges)",
                              lambda: extract_doc(doc, text, aid)))
        clock("doc_features", lambda: doc_features(doc, text, evidence[-1]))
    return {"steps": steps, "articles": len(ok), "frame_rows": len(pd.DataFrame(frame))}


PHASES = {"bare": phase_bare, "bare-array": phase_bare_array, "score": phase_score,
          "breakdown": phase_breakdown}


# ---------------------------------------------------------------- driver (parent process)

def _tree_memory(pid: int) -> tuple[int, int]:
    """Resident bytes of ``pid`` and all its descendants: ``(rss, pss)``, summed.

    RSS counts a page shared by several processes (the model's, or a forked worker's copy
    of its parent's) once in each; PSS divides it between them, so its sum is the memory
    the run really holds. Without psutil (a dependency of dask.distributed) /proc is read.
    """
    try:
        import psutil
    except ImportError:
        return _tree_memory_proc(pid)
    try:
        procs = [psutil.Process(pid)]
        procs += procs[0].children(recursive=True)
    except psutil.Error:
        return 0, 0
    rss = pss = 0
    for proc in procs:
        try:
            info = proc.memory_full_info()
        except psutil.Error:
            continue
        rss += info.rss
        pss += getattr(info, "pss", info.rss)
    return rss, pss


def _tree_memory_proc(pid: int) -> tuple[int, int]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                ppid = int(open(f"/proc/{entry}/stat").read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    rss = pss = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            fields = dict(line.split(":", 1) for line in open(f"/proc/{p}/smaps_rollup")
                          if ":" in line and not line.startswith(("0", "7", "f")))
            rss += int(fields["Rss"].split()[0]) * 1024
            pss += int(fields["Pss"].split()[0]) * 1024
        except (OSError, KeyError, ValueError):
            pass
        stack.extend(children.get(p, []))
    return rss, pss


def run_phase(name: str, folder: Path, batch_size: int, jobs: int, env: dict) -> dict:
    """Run one phase in a fresh interpreter, sampling its memory; return its JSON result
    (``process_seconds``: the whole process, by this process's clock)."""
    cmd = [sys.executable, __file__, "--phase", name, str(folder), "--batch-size",
           str(batch_size), "--jobs", str(jobs)]
    if name in ("bare-array", "score"):  # run as `python -m analysis` runs
        from analysis.cli import BLAS_THREADS

        env = {**BLAS_THREADS, **env}
    return _run(cmd, env, name, jobs, json_result=True)


def run_command(cmd: list[str], env: dict, name: str, jobs: int) -> dict:
    """Run a command a user would type; its result is its whole time and peak memory."""
    return _run(cmd, env, name, jobs, json_result=False)


def _run(cmd: list[str], env: dict, name: str, jobs: int, json_result: bool) -> dict:
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE if json_result else subprocess.DEVNULL,
                            env=env, text=True)
    peak = peak_rss = 0
    done = threading.Event()

    def sample():
        nonlocal peak, peak_rss
        while not done.is_set():
            rss, pss = _tree_memory(proc.pid)
            peak, peak_rss = max(peak, pss), max(peak_rss, rss)
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, _ = proc.communicate()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"phase {name} (jobs {jobs}) failed with status {proc.returncode}")
    result = json.loads(out.strip().splitlines()[-1]) if json_result else {"cpu": float("nan")}
    result["process_seconds"] = elapsed
    result["peak_mb"] = peak / 2**20
    result["peak_rss_mb"] = peak_rss / 2**20
    return result


def empty_parse_cache(cache_dir: Path) -> None:
    """``cache_dir`` as a run on new articles finds it: no parses, and the syllable table
    that any earlier run kept (:mod:`analysis.readability`), made here once."""
    shutil.rmtree(cache_dir / "parses", ignore_errors=True)
    if not any(cache_dir.glob("syllables/*")):
        subprocess.run([sys.executable, "-c", "from analysis.readability import syllable_table; "
                        "syllable_table()"], check=True,
                       env={**os.environ, "ANALYSIS_INTERIM_DIR": str(cache_dir)})


def pick_files(root: Path, limit: int | None) -> list[Path]:
    """``.txt`` files under ``root``'s ``text`` folders (PolNeAR), else all of them."""
    files = sorted(p for p in root.rglob("*.txt") if p.parent.name == "text")
    files = files or sorted(root.rglob("*.txt"))
    if not files:
        raise SystemExit(f"{root}: no .txt files found")
    return files[:limit] if limit else files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="PolNeAR data folder, or a folder of .txt files")
    parser.add_argument("--limit", type=int, default=None, help="use the first N files")
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="(default: 1 2)")
    parser.add_argument("--batch-size", type=int, default=None,
                        help="nlp.pipe batch size (default: the pipeline's)")
    parser.add_argument("--repeat", type=int, default=1, help="best of R interleaved runs")
    parser.add_argument("--warm", action="store_true", help="also time a re-run on the cache")
    parser.add_argument("--breakdown", action="store_true", help="also time each step")
    parser.add_argument("--whole-process", action="store_true",
                        help="time whole processes: the bare parse against `python -m analysis "
                             "score` as a user runs it")
    parser.add_argument("--phase", choices=sorted(PHASES), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.phase:  # child process: run one phase, print its result as JSON
        result = PHASES[args.phase](args.dir, args.batch_size, args.jobs[0])
        print(json.dumps(result))
        return 0

    from analysis.nlp import DEFAULT_BATCH_SIZE

    batch = args.batch_size or DEFAULT_BATCH_SIZE
    with tempfile.TemporaryDirectory(prefix="throughput-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        files = pick_files(args.dir, args.limit)
        texts = []
        for i, path in enumerate(files):
            shutil.copyfile(path, folder / f"{i:05d}_{path.name}")
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
        words = sum(len(t.split()) for t in texts)
        chars = sum(len(t) for t in texts)
        del texts

        if args.whole_process:
            return whole_processes(folder, args, batch, len(files), words)
        best: dict[str, dict] = {}
        for r in range(args.repeat):
            plan = [("bare", 1, "bare nlp.pipe, 1 process"),
                    ("bare-array", 1, "bare, the pipeline's parse")]
            plan += [("score", j, f"score --jobs {j}") for j in args.jobs]
            if args.warm:
                plan.append(("score", 1, "score --jobs 1, warm cache"))
            cache_dir = Path(tmp) / f"interim-{r}"
            for name, jobs, label in plan:
                if name == "score" and "warm" not in label:
                    empty_parse_cache(cache_dir)  # every cold run starts without parses
                env = {**os.environ, "ANALYSIS_INTERIM_DIR": str(cache_dir)}
                res = run_phase(name, folder, batch, jobs, env)
                print(f"  run {r + 1}: {label}: {res['seconds']:.1f} s, "
                      f"peak {res['peak_mb']:.0f} MB", file=sys.stderr, flush=True)
                if label not in best or res["seconds"] < best[label]["seconds"]:
                    best[label] = {**res, **{k: max(res[k], best.get(label, {}).get(k, 0))
                                             for k in ("peak_mb", "peak_rss_mb")}}
        bare = best["bare nlp.pipe, 1 process"]

        print(f"articles: {len(files)} from {args.dir}  words: {words:,}  characters: {chars:,}")
        print(f"model: {bare['model']}  components: {', '.join(bare['components'])}")
        print(f"batch size: {batch}  cores: {os.cpu_count()}  best of {args.repeat} run(s)")
        print()
        print(f"{'phase':<30} {'seconds':>8} {'words/s':>9} {'× bare':>7} {'goal':>6} "
              f"{'peak MB':>8} {'(RSS)':>7} {'CPU s':>7} {'CPU × bare':>10}")
        for label, res in best.items():
            ratio = res["seconds"] / bare["seconds"]
            jobs = int(label.split("--jobs ")[1].split(",")[0]) if "--jobs" in label else None
            goal = f"≤{GOALS[jobs]:.2f}" if jobs in GOALS and "warm" not in label else ""
            print(f"{label:<30} {res['seconds']:>8.1f} {words / res['seconds']:>9,.0f} "
                  f"{ratio:>7.2f} {goal:>6} {res['peak_mb']:>8,.0f} {res['peak_rss_mb']:>7,.0f} "
                  f"{res['cpu']:>7.1f} "
                  f"{res['cpu'] / bare['cpu']:>10.2f}")

        if args.breakdown:
            env = {**os.environ, "ANALYSIS_INTERIM_DIR": str(Path(tmp) / "interim-bd")}
            res = run_phase("breakdown", folder, batch, 1, env)
            total = sum(res["steps"].values())
            print()
            print(f"steps of scoring in one process ({res['articles']} articles, no cache):")
            for step, seconds in res["steps"].items():
                print(f"  {step:<40} {seconds:>7.2f} s {100 * seconds / total:>5.1f} %")
            print(f"  {'total':<40} {total:>7.2f} s")
    return 0


def bare_pair(folder: Path, batch: int, env: dict) -> dict:
    """Two bare processes started together, each parsing every other article of ``folder``;
    ``process_seconds``: until both have ended."""
    halves = []
    for k in range(2):
        half = folder.parent / f"half-{k}"
        shutil.rmtree(half, ignore_errors=True)
        half.mkdir()
        for path in sorted(folder.glob("*.txt"))[k::2]:
            shutil.copyfile(path, half / path.name)
        halves.append(half)
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, __file__, "--phase", "bare", str(half),
                               "--batch-size", str(batch)], stdout=subprocess.DEVNULL, env=env)
             for half in halves]
    if any(proc.wait() != 0 for proc in procs):
        raise SystemExit("a bare process of the pair failed")
    return {"process_seconds": time.perf_counter() - start, "peak_mb": float("nan")}


def whole_processes(folder: Path, args, batch: int, n_files: int, words: int) -> int:
    """The ``--whole-process`` runs and their table (best of ``--repeat``)."""
    tmp = folder.parent
    best: dict[str, dict] = {}
    for r in range(args.repeat):
        cache_dir = tmp / f"interim-whole-{r}"
        runs = [("bare nlp.pipe process", 1, None),
                ("bare, the pipeline's parse", 1, "array")]
        if 2 in args.jobs:
            runs.append(("2 bare processes, half each", 2, "pair"))
        runs += [(f"analysis score --jobs {j}", j,
                  [sys.executable, "-m", "analysis", "score", str(folder), "--jobs", str(j),
                   "--quiet", "--out", str(tmp / "scores.csv")]) for j in args.jobs]
        for label, jobs, cmd in runs:
            empty_parse_cache(cache_dir)
            env = {**os.environ, "ANALYSIS_INTERIM_DIR": str(cache_dir)}
            res = (run_phase("bare", folder, batch, 1, env) if cmd is None
                   else run_phase("bare-array", folder, batch, 1, env) if cmd == "array"
                   else bare_pair(folder, batch, env) if cmd == "pair"
                   else run_command(cmd, env, label, jobs))
            print(f"  run {r + 1}: {label}: {res['process_seconds']:.1f} s", file=sys.stderr,
                  flush=True)
            if label not in best or res["process_seconds"] < best[label]["process_seconds"]:
                best[label] = res
    bare = best["bare nlp.pipe process"]["process_seconds"]
    print(f"articles: {n_files} from {args.dir}  words: {words:,}  whole processes, "
          f"best of {args.repeat} run(s), empty parse cache")
    print(f"{'process':<30} {'seconds':>8} {'× bare':>7} {'goal':>6} {'peak MB':>8}")
    for label, res in best.items():
        jobs = int(label.rsplit(" ", 1)[1]) if "--jobs" in label else None
        goal = f"≤{WHOLE_PROCESS_GOALS[jobs]:.2f}" if jobs in WHOLE_PROCESS_GOALS else ""
        print(f"{label:<30} {res['process_seconds']:>8.1f} {res['process_seconds'] / bare:>7.2f} "
              f"{goal:>6} {res['peak_mb']:>8,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
