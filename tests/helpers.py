"""Helpers shared by the tests (not fixtures)."""
from __future__ import annotations

from analysis.pipeline import run


def analysed(articles, **options) -> list[dict]:
    """Every result of :func:`analysis.pipeline.run` over ``articles``, as a list."""
    with run(articles, **options) as (_, results):
        return list(results)
