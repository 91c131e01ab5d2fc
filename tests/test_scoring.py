"""The scorecard (issue 4): columns, definitions on hand-made evidence, error rows."""
from __future__ import annotations

import math
import subprocess
import sys

import pandas as pd
import pytest

from analysis import analyse_articles, score_articles
from analysis.scoring import (META_COLUMNS, SCORE_COLUMNS, score_row, scorecard, transparency,
                              transparency_parts)

REQUIRED = [
    "article_id", "title", "outlet", "genre", "status", "error", "words", "sentences", "quotes",
    "quoted_word_share", "attributed_quote_share", "named_sources", "institutional_sources",
    "anonymous_sources", "media_citations", "anonymous_share", "hedges_per_1k", "boosters_per_1k",
    "flesch_reading_ease", "flesch_kincaid_grade", "generated_look_score", "advocacy_score",
]


def rec(kind, start, end, **kw):
    return {"article_id": "a", "kind": kind, "start": start, "end": end, "text": "x" * (end - start),
            **kw}


EVIDENCE = [
    rec("quote", 0, 10, speaker="Jane Doe", speaker_start=20, speaker_end=28),
    rec("quote", 30, 40, speaker=None, speaker_start=None),
    rec("source", 20, 28, source_type="named", name="Jane Doe"),
    rec("source", 50, 58, source_type="named", name="Jane Doe"),  # same person again
    rec("source", 60, 70, source_type="anonymous", name="a senior official"),
    rec("source", 80, 90, source_type="institutional", name="the Pentagon"),
    rec("source", 95, 99, source_type="media", name="The Times"),
    rec("hedge", 100, 105, in_quote=False, cue="may"),
    rec("hedge", 5, 8, in_quote=True, cue="might"),  # the speaker's, not counted
    rec("booster", 110, 118, in_quote=False, cue="clearly"),
]
FEATURES = {"body_words": 500, "quoted_words": 100, "writer_words": 400,
            "sentence_lengths": [20] * 25, "signals": [], "vocab": {}, "actors": []}


def test_score_row_on_hand_made_evidence():
    row = score_row(EVIDENCE, FEATURES, [], "a")
    assert row["quotes"] == 2
    assert row["quoted_word_share"] == 0.2
    assert row["attributed_quote_share"] == 0.5
    assert (row["named_sources"], row["institutional_sources"], row["anonymous_sources"],
            row["media_citations"]) == (1, 1, 1, 1)  # unique sources: Jane Doe once
    assert row["anonymous_share"] == 0.25
    assert row["hedges"] == 1 and row["hedges_per_1k"] == 2.5  # 1 per 400 writer's words
    assert row["boosters_per_1k"] == 2.5
    assert 0 <= row["generated_look_score"] <= 1 and 0 <= row["advocacy_score"] <= 1


def test_no_quotes_no_sources_gives_nan_shares_and_zero_transparency():
    row = score_row([], FEATURES, [], "a")
    assert row["quotes"] == 0 and row["named_sources"] == 0
    assert math.isnan(row["attributed_quote_share"]) and math.isnan(row["anonymous_share"])
    assert row["transparency_index"] == 0.0


def test_transparency_index_is_the_mean_of_its_parts():
    parts = transparency({"named_share": 0.5, "anonymous_share": 0.25,
                          "attributed_quote_share": 1.0})
    assert parts["transparency_index"] == pytest.approx((0.5 + 0.75 + 1.0) / 3, abs=1e-3)


@pytest.fixture(scope="module")
def seed_analysis(seed_dir):
    return analyse_articles(seed_dir, progress=False)


def test_seed_scorecard_has_every_column_one_row_per_article(seed_analysis):
    scores = seed_analysis.scores
    assert all(c in scores.columns for c in REQUIRED)
    assert list(scores.columns[:6]) == META_COLUMNS
    assert len(scores) == 5 and (scores["status"] == "ok").all()
    for col in ["quoted_word_share", "generated_look_score", "advocacy_score", "transparency_index"]:
        assert scores[col].between(0, 1).all(), col
    genres = scores.set_index("article_id")["genre"]
    look = scores.set_index("article_id")["generated_look_score"]
    essay = genres[genres == "generated-looking essay"].index[0]
    assert look[essay] == look.max()  # the essay of the set looks the most generated
    assert (look[genres == "news"] < 0.5).all()


def test_signals_name_their_triggering_words(seed_analysis):
    sig = seed_analysis.signals
    essay = sig.loc[sig["article_id"] == "003_304652d43b9f0c09"].set_index("signal")
    assert "On the other hand" in essay.loc["stock_transitions", "triggers"]
    assert essay.loc["stock_transitions", "spans"]
    text = seed_analysis.articles.set_index("article_id").loc["003_304652d43b9f0c09", "text"]
    s, e = essay.loc["stock_transitions", "spans"][0]
    assert text[s:e] in essay.loc["stock_transitions", "triggers"]


def test_evidence_text_matches_offsets(seed_analysis):
    texts = seed_analysis.articles.set_index("article_id")["text"]
    for r in seed_analysis.evidence.to_dict("records"):
        assert texts[r["article_id"]][int(r["start"]):int(r["end"])] == r["text"]


def test_error_rows_are_kept_with_message_and_nan_scores(tmp_path, seed_dir):
    (tmp_path / "good.txt").write_text("Officials said on Monday that the talks would resume. "
                                       "“We are ready,” said Jane Doe, a spokesperson.\n")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02\xff\xfe binary")
    scores = score_articles(tmp_path, progress=False).set_index("article_id")
    assert len(scores) == 3
    assert scores.loc["good", "status"] == "ok"
    for aid in ("empty", "bad"):
        if scores.loc[aid, "status"] == "error":
            assert scores.loc[aid, "error"]
            assert pd.isna(scores.loc[aid, "generated_look_score"])
            assert pd.isna(scores.loc[aid, "quotes"])


def test_warning_column_is_carried(seed_dir):
    from analysis import load_articles

    articles = load_articles(seed_dir).assign(warning="checked")
    scores = scorecard(articles, pd.DataFrame({"article_id": articles["article_id"], "status": "ok",
                                                "error": ""}))
    assert (scores["warning"] == "checked").all()


def test_transparency_table_shows_parts(seed_analysis):
    table = transparency_parts(seed_analysis.scores)
    assert {"named_share", "non_anonymous_share", "attributed_quote_share",
            "transparency_index"} <= set(table.columns)


def test_cli_score_writes_csv(tmp_path, seed_dir):
    out = tmp_path / "scores.csv"
    run = subprocess.run([sys.executable, "-m", "analysis", "score", str(seed_dir), "--out", str(out),
                          "--quiet"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    scores = pd.read_csv(out)
    assert all(c in scores.columns for c in REQUIRED) and len(scores) == 5
    assert set(SCORE_COLUMNS) <= set(scores.columns)


def test_wire_style_quotes_count_as_direct_quotation(evidence_of):
    from analysis.scoring import score_row

    text = "''We will not back down from this fight at all,'' the senator said on Monday.\n"
    evidence = evidence_of(text)
    assert any(r["kind"] == "wire_quote" for r in evidence)
    assert score_row(evidence, {"body_words": 15, "quoted_words": 10})["quotes"] == 1


def test_readability_measured_by_the_workers_equals_loading_it(seed_dir, seed_analysis):
    """Given a path, readability is measured where each article is parsed (one process or
    workers); the scorecard and the articles frame hold what load_articles would add."""
    from analysis import load_articles
    from analysis.readability import READABILITY_COLUMNS

    loaded = load_articles(seed_dir)
    pd.testing.assert_frame_equal(seed_analysis.articles, loaded)
    by_frame = score_articles(loaded, progress=False, cache=False)
    for jobs in (1, 2):
        by_path = score_articles(seed_dir, jobs=jobs, progress=False, cache=False)
        pd.testing.assert_frame_equal(by_path, by_frame)
    bare = load_articles(seed_dir, with_readability=False)
    assert not set(READABILITY_COLUMNS) & set(bare.columns)
    pd.testing.assert_frame_equal(score_articles(bare, progress=False), by_frame)
