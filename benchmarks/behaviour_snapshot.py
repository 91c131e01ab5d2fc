"""Fingerprint what the package outputs, to check that a refactoring changes nothing.

Writes one SHA-256 per output (evidence of each corpus as CSV, the seeds' scorecard, the
CSV of every figure of the report) to a JSON file; ``--against OLD.json`` then lists every
output whose fingerprint differs (exit 1) or says all are byte-identical (exit 0).

    .venv/bin/python benchmarks/behaviour_snapshot.py --polnear ../shared/polnear/data \
        --out /tmp/before.json
    ... change the code ...
    .venv/bin/python benchmarks/behaviour_snapshot.py --polnear ../shared/polnear/data \
        --out /tmp/after.json --against /tmp/before.json

Parses come from the cache (``data/interim``), so a second run costs the extraction only.
``--keep DIR`` also keeps the outputs themselves, to diff the first one that differs.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def _run(args: list[str], out: Path) -> None:
    """Run ``python -m analysis ARGS`` and write its standard output to ``out``."""
    with out.open("wb") as fh:
        subprocess.run([PYTHON, "-m", "analysis", *args], stdout=fh, check=True, cwd=ROOT)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def snapshot(polnear: Path | None, keep: Path, splits: list[str], jobs: int) -> dict[str, str]:
    """Fingerprints of every output, written into ``keep``."""
    keep.mkdir(parents=True, exist_ok=True)
    corpora = {"seeds": ROOT / "data" / "raw"}
    if polnear is not None:
        corpora.update({f"polnear_{s}": polnear / s / "text" for s in splits})
    digests = {}
    for name, folder in corpora.items():
        out = keep / f"evidence_{name}.csv"
        _run(["evidence", str(folder), "--format", "csv", "--quiet", "--jobs", str(jobs)], out)
        digests[out.name] = _digest(out)
    report = keep / "report"
    subprocess.run([PYTHON, "-m", "analysis", "report", "--out", str(report), "--quiet"],
                   check=True, cwd=ROOT, stdout=subprocess.DEVNULL)
    for path in sorted([report / "scores.csv", *(report / "figures").glob("*.csv")]):
        digests[str(path.relative_to(report))] = _digest(path)
    return digests


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear", type=Path, help="PolNeAR data folder (train/, dev/)")
    parser.add_argument("--splits", nargs="+", default=["dev", "train"])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--out", type=Path, required=True, help="JSON file of fingerprints")
    parser.add_argument("--against", type=Path, help="earlier JSON file to compare with")
    parser.add_argument("--keep", type=Path, help="folder to keep the outputs in")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        digests = snapshot(args.polnear, args.keep or Path(tmp), args.splits, args.jobs)
    args.out.write_text(json.dumps(digests, indent=1, sort_keys=True) + "\n")
    if args.against is None:
        print(f"{len(digests)} outputs fingerprinted in {args.out}")
        return 0
    before = json.loads(args.against.read_text())
    differ = sorted(k for k in before.keys() | digests.keys() if before.get(k) != digests.get(k))
    for key in differ:
        print(f"differs: {key}")
    print(f"{len(digests) - len(differ)} of {len(before.keys() | digests.keys())} outputs "
          "byte-identical")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
