"""Shared fixtures: one spaCy model per test session, caches in a temporary folder."""
from __future__ import annotations

import atexit
import os
import shutil
import tempfile

import pytest

# Caches and report output of the tests (and of notebooks run by nbmake, whose kernels
# inherit this environment) go to a temporary folder, never into data/ or reports/.
_TMP = tempfile.mkdtemp(prefix="analysis-tests-")
atexit.register(shutil.rmtree, _TMP, ignore_errors=True)
os.environ.setdefault("ANALYSIS_INTERIM_DIR", os.path.join(_TMP, "interim"))
os.environ.setdefault("ANALYSIS_PROCESSED_DIR", os.path.join(_TMP, "processed"))
os.environ.setdefault("ANALYSIS_REPORTS_DIR", os.path.join(_TMP, "reports"))

from analysis.boilerplate import clean_article  # noqa: E402
from analysis.extract import extract_doc  # noqa: E402
from analysis.nlp import load_model, parse_texts  # noqa: E402
from analysis.paths import RAW_DIR  # noqa: E402
from analysis.pipeline import parse_input  # noqa: E402


@pytest.fixture(scope="session")
def nlp():
    return load_model()


@pytest.fixture(scope="session")
def evidence_of(nlp):
    """``evidence_of(text)`` -> evidence records of a short text, as the pipeline makes them."""

    def run(text: str, article_id: str = "t") -> list[dict]:
        cleaned = clean_article(text)
        doc = next(parse_texts([parse_input(text, cleaned.body_spans)], nlp, cache=False))
        return extract_doc(doc, text, article_id)

    return run


@pytest.fixture(scope="session")
def seed_dir():
    return RAW_DIR


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium driven by Playwright, or a skip with the reason (browser_support.py).

    One per test module, closed at its end: Playwright's sync API keeps an event loop
    running while it is open, which other tests' asyncio code must not find."""
    from browser_support import launch_browser

    yield from launch_browser()
