"""Run a command and report its wall time and peak memory, children included.

    .venv/bin/python benchmarks/peak_memory.py -- .venv/bin/python -m analysis score DIR --jobs 2 --no-cache --quiet --out scores.csv

Peak memory is the largest sum of the memory of the command's process and all its
descendants (worker processes), sampled every 0.5 s, as PSS (shared pages divided between
the processes sharing them: the memory the run really holds) and as summed RSS (shared
pages counted in every process, an upper bound); ``ru_maxrss`` alone would only give the
largest single process. The report goes to stderr after the command's own output.
"""
from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import _tree_memory  # noqa: E402


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--":
        argv = argv[1:]
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    start = time.perf_counter()
    proc = subprocess.Popen(argv)
    peak = peak_rss = 0
    samples, done = [], threading.Event()

    def sample():
        nonlocal peak, peak_rss
        while not done.is_set():
            rss, pss = _tree_memory(proc.pid)
            peak, peak_rss = max(peak, pss), max(peak_rss, rss)
            samples.append(pss)
            done.wait(0.5)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    status = proc.wait()
    done.set()
    thread.join()
    wall = time.perf_counter() - start
    median = sorted(samples)[len(samples) // 2] if samples else 0
    print(f"exit status {status}; wall time {wall:.0f} s ({wall / 60:.1f} min); "
          f"peak memory of process + children: {peak / 2**20:,.0f} MB PSS "
          f"({peak_rss / 2**20:,.0f} MB summed RSS); median {median / 2**20:,.0f} MB PSS",
          file=sys.stderr)
    return status


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
