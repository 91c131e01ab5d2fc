"""Every path the project uses, in one place.

Paths are resolved from this file, so they work from notebooks, tests and the command line
alike. Notebooks never type a path: they import these names.

Layout (cookiecutter-data-science): ``data/raw`` holds the articles exactly as saved (never
edited) and ``manifest.csv`` beside them; ``data/interim`` holds caches that can be deleted
at any time (spaCy parses, text extracted from saved web pages and documents, the syllable
table); ``data/processed`` holds
each article's analysis (:mod:`analysis.store`); ``reports`` holds what ``make report``
writes (scorecard, figures, executed notebooks). A cache file is written whole or not at
all (:func:`write_atomic`).
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent.parent
LEXICON_DIR = PACKAGE_DIR / "lexicons"

DATA_DIR = PROJECT_ROOT / "data"
RAW_DIR = DATA_DIR / "raw"
MANIFEST_NAME = "manifest.csv"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"


def interim_dir() -> Path:
    """Folder for caches; ``ANALYSIS_INTERIM_DIR`` moves it (tests use a temporary one)."""
    return Path(os.environ.get("ANALYSIS_INTERIM_DIR", DATA_DIR / "interim"))


def processed_dir() -> Path:
    """Folder for the stored analyses; ``ANALYSIS_PROCESSED_DIR`` moves it (tests use a
    temporary one)."""
    return Path(os.environ.get("ANALYSIS_PROCESSED_DIR", DATA_DIR / "processed"))


def reports_dir() -> Path:
    """Default output folder of the report; ``ANALYSIS_REPORTS_DIR`` moves it."""
    return Path(os.environ.get("ANALYSIS_REPORTS_DIR", PROJECT_ROOT / "reports"))


def figures_dir(out_dir: Path | None = None) -> Path:
    """Where charts go: ``<reports>/figures``."""
    return Path(out_dir or reports_dir()) / "figures"


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file beside it, so that a reader (or
    a run stopped half-way) never sees a part of it."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
