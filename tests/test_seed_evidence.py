"""What a reader sees on the seed articles in data/raw: quotes, speakers, sources."""
from __future__ import annotations

import pytest

from helpers import analysed


@pytest.fixture(scope="module")
def evidence(seed_dir) -> dict[str, list[dict]]:
    """Evidence records per seed article number ("000".."004")."""
    return {r["article_id"][:3]: r["evidence"] for r in analysed(seed_dir, progress=False)}


def kind(records: list[dict], name: str) -> list[dict]:
    return [r for r in records if r["kind"] == name]


def quote_by(records: list[dict], words: str) -> dict:
    (rec,) = [r for r in kind(records, "quote") if words in r["text"]]
    return rec


def test_essay_has_no_quotes_and_no_named_source(evidence):
    assert kind(evidence["003"], "quote") == []
    assert [r for r in kind(evidence["003"], "source") if r["source_type"] == "named"] == []


def test_show_titles_are_not_quotes(evidence):
    quoted = [r["text"] for r in kind(evidence["001"], "quote")]
    assert not any("Face the Nation" in q or "Meet the Press" in q for q in quoted)
    titles = [r["text"] for r in kind(evidence["001"], "title")]
    assert "“Face the Nation”" in titles and "“Meet the Press Sunday.”" in titles


def test_footer_bible_verses_are_not_quotes(evidence):
    assert not any("wages of sin" in r["text"] or "God so love" in r["text"]
                   for r in kind(evidence["004"], "quote"))


def test_farkash_is_the_speaker_of_the_repost_quote(evidence):
    rec = quote_by(evidence["004"], "redlines")
    assert rec["speaker"] == "Aharon Zeevi Farkash"
    assert rec["cue"] == "told"


def test_he_told_reporters_resolves_to_john_kirby(evidence):
    rec = quote_by(evidence["001"], "counterterrorism front")
    assert rec["speaker"] == "John Kirby"
    assert rec["text"].startswith("“We have a long")


def test_blinken_and_cotton_quotes(evidence):
    assert quote_by(evidence["001"], "same objective as Israel")["speaker"] == "Antony Blinken"
    assert quote_by(evidence["001"], "Apparently based on reports")["speaker"] == "Tom Cotton"
    assert quote_by(evidence["001"], "No one has done more than Joe Biden")["speaker"] == \
        "Antony Blinken"


def test_algemeiner_quotes_by_oren_katz_netanyahu(evidence):
    recs = evidence["002"]
    assert quote_by(recs, "sincerely hope")["speaker"] == "Michael Oren"
    assert quote_by(recs, "Our common enemies")["speaker"] == "Michael Oren"
    assert quote_by(recs, "no ceasefire in the north")["speaker"] == "Israel Katz"
    assert quote_by(recs, "Our policy is clear")["speaker"] == "Benjamin Netanyahu"
    assert quote_by(recs, "We will not stop")["speaker"] == "Benjamin Netanyahu"


def test_sources_of_the_ny_post_story_are_typed(evidence):
    types = {r["text"]: r["source_type"] for r in kind(evidence["001"], "source")}
    assert types["The Washington Post"] == "media"
    assert types["a National Security Council rep"] == "institutional"
    assert types["Sen. Tom Cotton"] == "named"
    assert types["top administration officials"] == "anonymous"


def test_netanyahu_discussed_is_not_netanyahu_quoted(evidence):
    names = [r["name"] for r in kind(evidence["004"], "source")]
    assert "Benjamin Netanyahu" not in names


def test_abstract_subjects_are_not_sources(evidence):
    texts = [r["text"] for n in ("000", "003") for r in kind(evidence[n], "source")]
    for wrong in ("This offer", "both countries", "This statement", "Both nations"):
        assert wrong not in texts


def test_rafah_is_not_a_source_and_the_president_is_biden(evidence):
    recs = kind(evidence["001"], "source")
    assert not any("Rafah" in r["text"] for r in recs)
    assert not any(r["source_type"] == "named" and r["name"] == "Rafah" for r in recs)
    (president,) = [r for r in recs if r["text"] == "The president"]
    assert (president["source_type"], president["name"]) == ("named", "Joe Biden")


def test_report_by_the_new_york_times_is_media(evidence):
    first = kind(evidence["004"], "source")[0]
    assert first["text"] == "a report by The New York Times"
    assert (first["source_type"], first["name"]) == ("media", "The New York Times")
