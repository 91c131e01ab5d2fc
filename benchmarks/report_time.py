"""Wall and CPU time of ``make report``, cold and warm, and where the time goes.

    python benchmarks/report_time.py [--data data/raw] [--repeat 3] [--breakdown]

Each round runs what ``make report`` runs (``python -m analysis report --data DIR --out
OUT``, with this interpreter) twice in a fresh process, on caches in a new temporary folder
(``ANALYSIS_INTERIM_DIR`` and ``ANALYSIS_PROCESSED_DIR``; the repository's ``data/`` is not
touched):

- ``cold``: empty caches: every article parsed and analysed;
- ``warm``: the same again: parses and analyses read back (what a second ``make report``
  costs, and what a re-run after a chart tweak costs).

Columns: the best and the median wall seconds over the rounds, and the CPU seconds (user +
system) of the report and every process it started (kernels, workers) in the best round.
Other load on the machine inflates wall time, far less CPU time.

``--breakdown`` then times, in a fresh process, importing ``analysis.scoring`` and getting
the analysis of the folder back from the store (what a notebook's first cell pays), and runs
the steps of a warm report one after another in one fresh process, timing each: importing the report's modules, analysing the folder (read back from the
store), and for every notebook its execution (papermill, split into kernel start-up and
cells: the first code cell after the parameters holds the imports and the loading) and its
HTML export.

Goal (issue 20): warm ``make report`` on the seeds under 12 s (24 s before). No test times
anything; this script is run by hand and its figures go to ``docs/report-cache.md``.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOAL_WARM = 12.0


def run_report(data: Path, out: Path, cache: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one ``python -m analysis report`` on caches under ``cache``."""
    env = {**os.environ, "ANALYSIS_INTERIM_DIR": str(cache / "interim"),
           "ANALYSIS_PROCESSED_DIR": str(cache / "processed"),
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                       os.environ.get("PYTHONPATH")]))}
    cmd = [sys.executable, "-m", "analysis", "report", "--data", str(data), "--out", str(out),
           "--quiet"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise SystemExit(f"report failed:\n{proc.stderr.read().decode(errors='replace')}")
    proc.stderr.close()
    return wall, usage.ru_utime + usage.ru_stime


def rounds(data: Path, repeat: int) -> dict[str, list[tuple[float, float]]]:
    times: dict[str, list[tuple[float, float]]] = {"cold": [], "warm": []}
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="report-time-") as tmp:
            tmp = Path(tmp)
            for mode in ("cold", "warm"):
                times[mode].append(run_report(data, tmp / f"out-{mode}", tmp / "cache"))
    return times


def print_rounds(times: dict[str, list[tuple[float, float]]], data: Path, load: float) -> None:
    print(f"make report on {data} ({len(times['cold'])} rounds; load average before: "
          f"{load:.1f} on {os.cpu_count()} cores)")
    print(f"{'run':<6}{'best wall s':>12}{'median wall s':>15}{'CPU s (best)':>14}{'goal':>8}")
    for mode, runs in times.items():
        best = min(runs)
        goal = f"< {GOAL_WARM:.0f}" if mode == "warm" else ""
        print(f"{mode:<6}{best[0]:>12.1f}{statistics.median(w for w, _ in runs):>15.1f}"
              f"{best[1]:>14.1f}{goal:>8}")


# ----------------------------------------------------------------------- breakdown (child)

LOAD = r"""
import json, sys, time
t = time.perf_counter()
from analysis import analyse_articles
imported = time.perf_counter() - t
analyse_articles(sys.argv[1], progress=False)
print(json.dumps([imported, time.perf_counter() - t - imported]))
"""

BREAKDOWN = r"""
import json, sys, time
from pathlib import Path
data, out = Path(sys.argv[1]), Path(sys.argv[2])
t = time.perf_counter()
from analysis import report  # first: it sets aside rfc3987-syntax before nbformat comes in
import nbformat, papermill
from nbconvert import HTMLExporter
from analysis import analyse_articles
steps = [("import the report's modules", time.perf_counter() - t)]
t = time.perf_counter()
analysis = analyse_articles(data, progress=False)
steps.append(("analyse the folder (store warm)", time.perf_counter() - t))
params = {"data_dir": str(data), "out_dir": str(out)}
for nb in report.notebooks():
    target = out / "notebooks" / nb.name
    target.parent.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    papermill.execute_notebook(str(nb), str(target), parameters=params, progress_bar=False,
                               cwd=str(nb.parent), kernel_name="python3")
    wall = time.perf_counter() - t
    node = nbformat.read(target, as_version=4)
    code = [c for c in node.cells if c.cell_type == "code"]
    secs = [c.metadata.get("papermill", {}).get("duration") or 0.0 for c in code]
    tags = [c.metadata.get("tags", []) for c in code]
    first = next(i for i, c in enumerate(code) if not {"parameters", "injected-parameters"} & set(tags[i]))
    steps.append((f"{nb.stem}: kernel start-up and papermill", wall - sum(secs)))
    steps.append((f"{nb.stem}: imports and loading (first cell)", secs[first]))
    steps.append((f"{nb.stem}: other cells", sum(secs) - secs[first]))
    t = time.perf_counter()
    HTMLExporter().from_notebook_node(node)
    steps.append((f"{nb.stem}: HTML export", time.perf_counter() - t))
print(json.dumps(steps))
"""


def breakdown(data: Path) -> None:
    with tempfile.TemporaryDirectory(prefix="report-time-") as tmp:
        tmp = Path(tmp)
        run_report(data, tmp / "warm-up", tmp / "cache")  # fills the caches
        env = {**os.environ, "ANALYSIS_INTERIM_DIR": str(tmp / "cache" / "interim"),
               "ANALYSIS_PROCESSED_DIR": str(tmp / "cache" / "processed"),
               "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT / "src"),
                                                           os.environ.get("PYTHONPATH")]))}
        load = subprocess.run([sys.executable, "-c", LOAD, str(data)], env=env, cwd=ROOT,
                              capture_output=True, text=True, check=True)
        done = subprocess.run([sys.executable, "-c", BREAKDOWN, str(data), str(tmp / "out")],
                              env=env, cwd=ROOT, capture_output=True, text=True, check=True)
    imported, loaded = json.loads(load.stdout.splitlines()[-1])
    print("\nwhat a notebook pays to get the analysis (fresh process, store warm): "
          f"import {imported:.2f} s + analyse_articles {loaded:.2f} s")
    steps = json.loads(done.stdout.splitlines()[-1])
    print("\nwarm report, steps one after another (one process, notebooks in turn)")
    for name, secs in steps:
        print(f"  {name:<58}{secs:>6.2f} s")
    print(f"  {'total':<58}{sum(s for _, s in steps):>6.2f} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "data" / "raw",
                        help="article folder (default: the seeds in data/raw)")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of cold + warm (default 3)")
    parser.add_argument("--breakdown", action="store_true",
                        help="also time each step of a warm report, one after another")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    if args.repeat > 0:
        load = os.getloadavg()[0]
        print_rounds(rounds(data, args.repeat), data, load)
    if args.breakdown:
        breakdown(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
