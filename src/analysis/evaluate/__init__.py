"""Measuring the extractor against hand-annotated data."""
from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd


def load_texts(texts: dict[str, str]) -> pd.DataFrame:
    """Annotated texts (``{id: text}``) loaded as articles, exactly as the command line loads
    files: each is written to a temporary ``<id>.txt`` and read back by
    :func:`analysis.load_articles` (without readability), so offsets are those of
    ``python -m analysis evidence``."""
    from ..articles import load_articles

    with tempfile.TemporaryDirectory(prefix="annotated-") as folder:
        for doc_id, text in texts.items():
            Path(folder, f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
        return load_articles(folder, with_readability=False)
