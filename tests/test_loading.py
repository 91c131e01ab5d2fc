"""Loading the seed articles, boilerplate stripping and offline readability (issue 2)."""
from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import load_articles
from analysis.articles import ARTICLE_COLUMNS, UNLABELLED, removed_table
from analysis.boilerplate import body_text, clean_article, mask_outside, sentence_spans
from analysis.paths import RAW_DIR

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    return load_articles(RAW_DIR).set_index("article_id", drop=False)


def test_seed_files_are_byte_for_byte_copies():
    if not SEEDS.is_dir():
        pytest.skip("shared seeds not beside the checkout")
    for original in SEEDS.glob("*.txt"):
        assert (RAW_DIR / original.name).read_bytes() == original.read_bytes()


def test_one_row_per_article_with_manifest_metadata(seeds):
    assert list(seeds.columns[: len(ARTICLE_COLUMNS)]) == ARTICLE_COLUMNS
    assert len(seeds) == 5 and seeds["article_id"].is_unique
    assert (seeds["status"] == "ok").all()
    genres = seeds["genre"].to_dict()
    assert genres["001_722284137eb69d9d"] == "news"
    assert genres["000_f6b57bbd8cfdaadd"] == "opinion"
    assert genres["003_304652d43b9f0c09"] == "generated-looking essay"
    assert seeds.loc["004_8f94175142a6172c", "reposted_from"] == "Jerusalem Post"
    assert seeds.loc["004_8f94175142a6172c", "published"] == "2021-08-26"


def test_text_is_the_file_as_decoded(seeds):
    for row in seeds.itertuples():
        assert row.text == Path(row.path).read_bytes().decode("utf-8")


def test_article_without_manifest_row_is_unlabelled(tmp_path):
    (tmp_path / "new_story.txt").write_text("Officials said the talks would resume on Monday.\n")
    frame = load_articles(tmp_path)
    assert frame.loc[0, "article_id"] == "new_story"
    assert frame.loc[0, "genre"] == UNLABELLED
    assert frame.loc[0, "title"].startswith("Officials said")


def test_navigation_widgets_bio_and_comments_leave_the_body(seeds):
    body = seeds.loc["004_8f94175142a6172c", "body"]
    for furniture in ("keyboard_arrow_right", "share close", "Rate it", "Romans 6:23",
                      "Previous post", "Leave a reply", "(credit:", "CM 26/08/2021"):
        assert furniture not in body
    assert "Maj. Gen. Aharon Zeevi Farkash" in body
    reasons = set(removed_table(seeds.loc[["004_8f94175142a6172c"]])["reason"])
    assert {"navigation", "page widget", "image caption or credit", "source credit"} <= reasons
    assert seeds.loc["004_8f94175142a6172c", "credited_source"] == "Jerusalem Post"


def test_appeals_are_kept_apart_from_the_body(seeds):
    row = seeds.loc["000_f6b57bbd8cfdaadd"]
    assert any(a.startswith("Consider sharing this article") for a in row["appeals"])
    assert any(a.startswith("Support Israel") for a in row["appeals"])
    assert "Consider sharing" not in row["body"]
    # a sentence that merely mentions support is not an appeal
    assert "stressed the ongoing nature of U.S. support to Israel" in row["body"]


def test_syndication_footer_is_removed(seeds):
    assert "first appeared on" not in seeds.loc["002_02abe00618d4b929", "body"]


def test_clean_news_text_loses_nothing():
    text = ("WASHINGTON — The Senate passed the bill on Tuesday, officials said.\n\n"
            "“We are pleased,” the majority leader told reporters after the vote.\n")
    cleaned = clean_article(text)
    assert cleaned.removed == []
    assert body_text(text, cleaned.body_spans) == text.strip()


NEWS_LINE = "The Senate passed the bill on Tuesday, officials said in a statement."


@pytest.mark.parametrize("line", [
    "Follow Pam Key on Twitter @pamkeyNEN.",
    '"Follow Pam Key on Twitter @pamkeyNEN."',
    "Follow Jeff Horwitz and Chad Day on Twitter: https://twitter.com/JeffHorwitz",
    "Follow Jane Doe on Facebook.",
])
def test_author_promotion_line_leaves_the_body(line):
    cleaned = clean_article(f"{NEWS_LINE}\n\n{line}\n")
    assert [(r.reason, r.text) for r in cleaned.removed] == [("author promotion", line)]


@pytest.mark.parametrize("line", [
    "Follow Trump on Twitter and you will see how the campaign talks to voters.",
    "Follow the money on Twitter.",
])
def test_a_sentence_about_following_stays_in_the_body(line):
    removed = clean_article(f"{NEWS_LINE}\n\n{line}\n").removed
    assert all(r.reason != "author promotion" for r in removed)


HEADER = "Title: Judges call for transparency about their firings\n"


@pytest.mark.parametrize("line", [
    "Author: Tina Sfondeles", "By Tina Sfondeles and Mitch Dudek", "BY JANE DOE",
    "URL: https://chicago.suntimes.com/immigration/2025/08/04/judges", "Publisher: VTDigger",
])
def test_a_byline_or_a_field_of_the_export_in_the_header_leaves_the_body(line):
    # the writer of the article is no one it quotes: their name leaves the parsed text
    cleaned = clean_article(f"{HEADER}{line}\n\n{NEWS_LINE}\n")
    assert [(r.reason, r.text) for r in cleaned.removed] == [("byline or date", line)]


@pytest.mark.parametrize("line", [
    "By Friday the Senate had passed the bill, officials said in a statement.",
    "By planting acorns, Forest Enterprise Scotland hopes to create a forest.",
])
def test_a_sentence_opening_with_by_stays_in_the_body(line):
    assert clean_article(f"{HEADER}{line}\n\n{NEWS_LINE}\n").removed == []


def test_promotion_line_ending_a_quoted_transcript_is_no_quote(tmp_path):
    from analysis import extract_evidence

    path = tmp_path / "transcript.txt"
    path.write_text('Partial transcript as follows:\n\n'
                    '"WALLACE: Will she be there tomorrow night?\n\n'
                    '"PENCE: She will not be attending the debate tomorrow night.\n\n'
                    '"Follow Pam Key on Twitter @pamkeyNEN."\n', encoding="utf-8")
    evidence = extract_evidence(path, cache=False, progress=False)
    quotes = [r for r in evidence.itertuples() if r.kind == "quote"]
    assert [q.text for q in quotes] == ["Will she be there tomorrow night?",
                                        "She will not be attending the debate tomorrow night."]
    assert [q.speaker for q in quotes] == ["WALLACE", "PENCE"]


def test_body_spans_index_the_raw_text(seeds):
    for row in seeds.itertuples():
        masked = mask_outside(row.text, row.body_spans)
        assert len(masked) == len(row.text)
        for start, end in row.body_spans:
            assert masked[start:end] == row.text[start:end]
        for r in row.removed:
            assert row.text[r["start"]:r["end"]] == r["text"]
            assert masked[r["start"]:r["end"]].strip() == ""


def test_mask_outside_keeps_exactly_the_spans_and_line_breaks():
    rng = random.Random(7)
    for _ in range(300):
        text = "".join(rng.choice("ab \n\r“") for _ in range(rng.randrange(0, 40)))
        spans = [tuple(sorted((rng.randrange(0, len(text) + 3), rng.randrange(0, len(text) + 3))))
                 for _ in range(rng.randrange(0, 4))]
        kept = {i for s, e in spans for i in range(s, min(e, len(text)))}
        expected = "".join(c if i in kept or c in "\r\n" else " " for i, c in enumerate(text))
        assert mask_outside(text, spans) == expected, (text, spans)


def test_sentence_spans_skip_abbreviations():
    text = "The U.S. said no. Sen. Cotton disagreed! Then it ended."
    assert [text[s:e] for s, e in sentence_spans(text)] == [
        "The U.S. said no.", "Sen. Cotton disagreed!", "Then it ended."]


def test_readability_columns(seeds):
    assert (seeds["words"] > 300).all()
    assert seeds["flesch_reading_ease"].between(-50, 120).all()
    assert seeds["flesch_kincaid_grade"].between(0, 30).all()


def _textstat_readability(text: str) -> dict:
    """Readability straight from textstat's own functions (what analysis.readability mirrors)."""
    import textstat

    if not text.strip():
        return {"words": 0, "sentences": 0, "flesch_reading_ease": float("nan"),
                "flesch_kincaid_grade": float("nan")}
    return {"words": int(textstat.lexicon_count(text)),
            "sentences": int(textstat.sentence_count(text)),
            "flesch_reading_ease": float(textstat.flesch_reading_ease(text)),
            "flesch_kincaid_grade": float(textstat.flesch_kincaid_grade(text))}


def test_readability_equals_textstat(seeds):
    """The syllable table gives textstat's values exactly, on articles and on odd text."""
    import random

    from analysis.readability import readability

    rnd = random.Random(5)
    chars = list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.,!?;:'’\"-\n0123456789")
    chars += ["ſ", "\u212a", "İ", "ı", "é", "ß", "ﬁ", "\u00a0"]  # letters case folding treats apart
    words = " ".join(seeds["body"]).split()
    texts = [*seeds["body"], *seeds["text"], "", " ", ".", "a", "Don't!", "co-operate", "1234"]
    texts += ["".join(rnd.choice(chars) for _ in range(rnd.randint(1, 60))) for _ in range(300)]
    texts += [" ".join(rnd.choice(words) for _ in range(rnd.randint(1, 25))) for _ in range(300)]
    for text in texts:
        got, want = readability(text), _textstat_readability(text)
        assert pd.Series(got).equals(pd.Series(want)), text


def test_syllable_table_is_kept_and_read_back(tmp_path, monkeypatch):
    """The stored table is the counted one; a damaged store is counted again and mended; a
    store that cannot be written still gives the table."""
    from analysis import readability as r

    counted = r.count_syllable_table()
    assert counted["committee"] == 3 and counted["the"] == 1
    for folder, damage in [(tmp_path / "a", None), (tmp_path / "b", b"\x00not marshal"),
                           (tmp_path / "c", b"")]:
        monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(folder))
        path = r.table_path()
        if damage is not None:
            path.parent.mkdir(parents=True)
            path.write_bytes(damage)
        r.syllable_table.cache_clear()
        assert r.syllable_table() == counted  # counted (and kept)
        r.syllable_table.cache_clear()
        assert r.syllable_table() == counted  # read back
        assert path.stat().st_size > 100_000
    (tmp_path / "ro").write_text("a file where the cache folder should be")
    monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(tmp_path / "ro"))
    r.syllable_table.cache_clear()
    assert r.syllable_table() == counted
    r.syllable_table.cache_clear()


def test_readability_works_without_network():
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network disabled in test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import sys\n"
        "from analysis.readability import readability\n"
        "r = readability('The committee approved the unprecedented measure. It passed by a wide margin.')\n"
        "assert r['sentences'] == 2 and r['flesch_kincaid_grade'] > 0, r\n"
        "assert 'nltk' not in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_cli_help_lists_every_command():
    out = subprocess.run([sys.executable, "-m", "analysis", "--help"], capture_output=True,
                         text=True, check=True).stdout
    for command in ("evidence", "score", "highlight", "report", "evaluate"):
        assert command in out


def test_cli_missing_path_is_one_clear_line():
    res = subprocess.run([sys.executable, "-m", "analysis", "evidence", "no/such/folder"],
                         capture_output=True, text=True)
    assert res.returncode == 2
    assert res.stderr.strip().count("\n") == 0
    assert "no/such/folder" in res.stderr and "Traceback" not in res.stderr


def test_quoted_appeal_is_the_speakers_words_not_the_pages():
    text = ("The mayor spoke at length about the festival and the town's plans for it.\n"
            "“Join us here on Cape Breton Island!” she told the crowd on Saturday evening.\n")
    assert clean_article(text).appeals == []


def test_cli_output_piped_into_head_ends_quietly():
    res = subprocess.run(f"{sys.executable} -m analysis evidence {RAW_DIR} --quiet | head -1",
                         shell=True, capture_output=True, text=True)
    assert res.stdout.startswith("{") and "Traceback" not in res.stderr


def test_headlines_listed_under_related_articles_leave_the_body():
    from analysis.boilerplate import body_text, clean_article

    prose = ("The council voted on Tuesday to close the old library, which has served the "
             "town for ninety years.")
    text = (f"{prose}\n\nRELATED ARTICLES\n\n\nMayor Reyes thinks so\nCan the park be saved?\n"
            f"A new plan for the\nriverside\n\nMore recently, though, the council said that "
            f"the building would be sold.\nIt was short\n")
    body = body_text(text, clean_article(text).body_spans)
    assert "Mayor Reyes" not in body and "riverside" not in body
    assert prose in body and "More recently, though" in body
    assert "It was short" in body  # a short line after the list's end stays
