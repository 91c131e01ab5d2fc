"""Reader-sized tables of the notebooks (issue 18): few columns, formatted, full table on
demand, and a sentence instead of an empty table."""
from __future__ import annotations

import pandas as pd

from analysis.tables import full_table, not_analysed, scorecard_view, transparency_view

SCORES = pd.DataFrame([
    {"article_id": "003_304652d43b9f0c09", "outlet": "", "genre": "generated-looking essay",
     "status": "ok", "error": "", "words": 500, "quotes": 0, "quoted_word_share": 0.0,
     "sources": 1, "named_sources": 0, "anonymous_sources": 0, "hedges_per_1k": 9.94,
     "transparency_index": 0.333, "generated_look_score": 0.9583, "advocacy_score": 0.25,
     "extra_column": 7},
    {"article_id": "001_x", "outlet": "New York Post", "genre": "news", "status": "ok", "error": "",
     "words": 798, "quotes": 12, "quoted_word_share": 0.3412, "sources": 20, "named_sources": 6,
     "anonymous_sources": 3, "hedges_per_1k": 14.83, "transparency_index": 0.7234,
     "generated_look_score": 0.0633, "advocacy_score": 0.25, "extra_column": 8},
])


def test_scorecard_view_is_reader_sized_and_formatted():
    styled = scorecard_view(SCORES)
    html = styled.to_html()
    shown = list(styled.data.columns)
    assert shown[:2] == ["article", "genre"] and "transparency index" in shown
    assert len(shown) <= 12 and "extra_column" not in shown and "article_id" not in shown
    assert "34%" in html and "14.8" in html and "0.72" in html and "0.96" in html
    assert "0.3412" not in html and "14.83" not in html
    assert "article 003" in html and "304652d4" not in html
    assert "text-align: left" in html


def test_full_table_on_demand_has_every_column():
    folded = full_table(SCORES)._repr_html_()
    assert folded.startswith("<details><summary>") and "extra_column" in folded
    assert f"{len(SCORES.columns)} columns" in folded


def test_transparency_view_names_articles_and_shows_shares_as_percent():
    parts = SCORES[["article_id", "genre", "sources", "named_sources", "anonymous_sources",
                    "quotes", "transparency_index"]].assign(
        named_share=[0.0, 0.3], non_anonymous_share=[1.0, 0.85], attributed_quote_share=[0.0, 1.0])
    html = transparency_view(parts, SCORES).to_html()
    assert "New York Post" in html and "85%" in html and "001_x" not in html


def test_not_analysed_says_so_when_every_article_was():
    note = not_analysed(SCORES)
    assert "Every article was analysed" in note._repr_html_() and "(2 of 2)" in repr(note)
    failed = not_analysed(SCORES.assign(status=["ok", "error"], error=["", "empty file"]))
    assert list(failed["article_id"]) == ["001_x"] and list(failed["error"]) == ["empty file"]
