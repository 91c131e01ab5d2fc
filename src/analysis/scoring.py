"""The scorecard: one row of sourcing scores per article (minimal; issue 4 completes it)."""
from __future__ import annotations

import pandas as pd

from .pipeline import analyse, as_articles

META_COLUMNS = ["article_id", "title", "outlet", "genre", "status", "error"]
READABILITY_COLUMNS = ["words", "sentences", "flesch_reading_ease", "flesch_kincaid_grade"]


def score_articles(articles, *, jobs: int = 1, cache: bool = True, progress: bool = True,
                   engine: str = "local", scheduler: str | None = None) -> pd.DataFrame:
    """One row per article: metadata, status, readability and evidence counts."""
    frame = as_articles(articles)
    counts = pd.DataFrame(
        [{"article_id": r["article_id"], "status": r["status"], "error": r["error"],
          "quotes": sum(e["kind"] == "quote" for e in r["evidence"])}
         for r in analyse(frame, jobs=jobs, cache=cache, progress=progress)]
    )
    return (frame[META_COLUMNS[:4] + READABILITY_COLUMNS]
            .merge(counts, on="article_id", how="left")
            .reindex(columns=META_COLUMNS + READABILITY_COLUMNS + ["quotes"]))
