"""Property tests (hypothesis): no input crashes extraction, offsets are always true, and
line endings never change a score (issue 6)."""
from __future__ import annotations

import codecs
import tempfile
import warnings
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from analysis import load_articles, score_articles
from analysis.paths import RAW_DIR
from analysis.textio import MAGIC, ArticleError, decode_bytes, has_visible_text

SETTINGS = settings(max_examples=50, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])
FRAGMENTS = [
    "“", "”", "\"", "‘", "’", "'", "«", "»", "„", " said ", " told reporters", ", according to ",
    "officials", "The minister", " may ", " clearly ", "Reuters", "\n", "\r\n", "\n\n", ". ",
    "\u200b", "\u200d", "\ufeff", "\u00ad", "👍🏽", "🇺🇸", "e\u0301", "ß", "İ", "ﬁ", "\t",
    "Sen.", "U.S.", "—", "…", "<script>", "&amp;", "%", "\x0b", "\x1f",
]
#: Random Unicode (no lone surrogates: they cannot come out of a decoded file), and
#: article-like soup made of the characters and words the extractor reacts to.
ANY_TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=400),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS),
                       st.text(st.characters(blacklist_categories=("Cs",)), max_size=8)),
             max_size=80).map("".join),
)
SENTENCES = [
    "“We will not back down,” the senator said on Tuesday.",
    "Officials said the talks could resume next week, according to two people familiar with them.",
    "The ministry declined to comment.",
    "It is clearly the best plan, a spokesman told Reuters.",
    "Critics argue the measure may not survive a court challenge.",
    "“It was a mistake,” she said. “We should have known.”",
    "Share this article with your friends!",
]
ARTICLE = st.lists(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=4).map(" ".join),
                   min_size=1, max_size=6).map("\n\n".join)


@SETTINGS
@given(text=ANY_TEXT)
def test_random_text_never_crashes_extraction_and_offsets_hold(evidence_of, text):
    for rec in evidence_of(text):
        assert 0 <= rec["start"] <= rec["end"] <= len(text)
        assert rec["text"] == text[rec["start"]:rec["end"]]
        if rec.get("speaker_start") is not None:
            assert 0 <= rec["speaker_start"] <= rec["speaker_end"] <= len(text)


@SETTINGS
@given(text=ANY_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be",
                                                "utf-32", "cp1252"]))
def test_decoding_gives_back_the_text_or_a_clear_error(text, encoding):
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)  # not every character exists in cp1252
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    try:
        decoded = decode_bytes(data, "t.txt").text
    except ArticleError as exc:
        assert str(exc).startswith("t.txt: ") and ";" in str(exc)
        return
    if encoding == "cp1252" and decoded != text:
        assert decoded == data.decode("utf-8")  # cp1252 bytes that also happen to be UTF-8
        return
    if encoding in ("utf-8", "cp1252") and text.startswith("\ufeff"):
        return  # a leading U+FEFF is read as a byte-order mark, as everywhere else
    assert decoded == text


@SETTINGS
@given(text=st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_ordinary_text_always_decodes(text):
    assume(has_visible_text(text) and not text.startswith("\ufeff"))
    assume(not any(text.encode("utf-8").startswith(magic) for magic, _ in MAGIC))
    assert decode_bytes(text.encode("utf-8")).text == text
    assert decode_bytes(text.encode("utf-16")).text == text


@SETTINGS
@given(data=st.binary(max_size=300))
def test_random_bytes_load_or_give_an_error_row(data):
    try:
        decode_bytes(data)
    except ArticleError:
        pass
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "x.txt").write_bytes(data)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            row = load_articles(tmp, with_readability=False).iloc[0]
    assert row["status"] in ("ok", "error")
    assert (row["status"] == "ok") == (row["error"] == "")


def scores_of_copies(texts: dict[str, str]) -> pd.DataFrame:
    """Scorecard of ``texts`` (file name -> text), written as UTF-8 bytes without newline
    translation, indexed by article id."""
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in texts.items():
            (Path(tmp) / name).write_bytes(text.encode("utf-8"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return score_articles(tmp, progress=False).set_index("article_id")


def assert_same_scores(a: pd.Series, b: pd.Series) -> None:
    """Every column equal (NaN equals NaN) except the article id, which is the index, and
    ``duplicate_of`` (a copy is flagged as the duplicate of the other: issue 21)."""
    pd.testing.assert_series_equal(a.drop("duplicate_of"), b.drop("duplicate_of"),
                                   check_names=False)
    assert "" in (a["duplicate_of"], b["duplicate_of"])  # one of them is the first


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ARTICLE)
def test_crlf_and_lf_copies_score_the_same(text):
    scores = scores_of_copies({"lf.txt": text, "crlf.txt": text.replace("\n", "\r\n")})
    assert scores.loc["lf", "status"] == "ok"
    assert_same_scores(scores.loc["lf"], scores.loc["crlf"])


def test_crlf_copies_of_the_seed_articles_score_the_same():
    texts = {}
    for path in sorted(RAW_DIR.glob("*.txt")):
        text = path.read_bytes().decode("utf-8").replace("\r\n", "\n")
        texts[f"lf_{path.name}"] = text
        texts[f"crlf_{path.name}"] = text.replace("\n", "\r\n")
    scores = scores_of_copies(texts)
    for path in sorted(RAW_DIR.glob("*.txt")):
        assert_same_scores(scores.loc[f"lf_{path.stem}"], scores.loc[f"crlf_{path.stem}"])


HEADLINE_WORDS = ["Clinton", "Breaks", "With", "Obama", "On", "A", "Says", "Trump", ":", " ",
                  "\n", "Voters", "voters", "Mr.", ".", "İ", "ß", "ﬁ", "“", "’s"]


@SETTINGS
@given(st.one_of(ANY_TEXT, st.lists(st.sampled_from(HEADLINE_WORDS), max_size=60).map(" ".join)))
def test_sentence_casing_headlines_changes_only_the_case_of_letters(text):
    from analysis.headlines import sentence_case_headlines

    out = sentence_case_headlines(text)
    assert len(out) == len(text)
    assert all(a == b or (a.isascii() and a.lower() == b) for a, b in zip(text, out))
