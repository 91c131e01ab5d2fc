"""Title Case headlines sentence-cased for the parser: which lines, which words, same length."""
from __future__ import annotations

import pytest

from analysis.headlines import common_word, is_title_case, sentence_case_headlines

BODY = ("Hillary Clinton broke with President Obama on Friday over a bill that lets the "
        "families of victims sue. Voters in Florida were told of the change by her aides.")


@pytest.mark.parametrize("line", [
    "Clinton Breaks With Obama On 9/11 Lawsuit Bill.",
    "Obama on Climate Change: The Trends Are 'Terrifying.'",
    "Poll: Wealthy Voters Abandon Republican Party for Hillary Clinton.",
])
def test_title_case_lines(line):
    assert is_title_case(line)


@pytest.mark.parametrize("line", [
    "Hillary Clinton broke with President Obama on Friday.",  # a sentence
    "Julie Hirschfeld Davis reported from Midway Atoll, and Mark Landler from Kaneohe Bay.",
    "Breaking News",  # too short to tell
    "FBI SAYS NO CHARGES",  # capitals only: left alone
])
def test_lines_that_are_not_title_case(line):
    assert not is_title_case(line)


def test_headline_sentence_cased_names_kept():
    text = "Clinton Breaks With Obama On 9/11 Lawsuit Bill.\n\n" + BODY
    out = sentence_case_headlines(text)
    assert out.split("\n")[0] == "Clinton breaks with Obama on 9/11 lawsuit bill."
    assert out[len(out.split("\n")[0]):] == text[len(out.split("\n")[0]):]  # body untouched


def test_the_article_decides_a_word_it_writes_either_way():
    text = "Florida Voters Told Of Change.\n\n" + BODY
    first = sentence_case_headlines(text).split("\n")[0]
    assert first == "Florida voters told of change."  # "Florida" capitalised in the body
    text = "Voters Told Of Florida Change.\n\n" + BODY
    assert sentence_case_headlines(text).startswith("Voters told of Florida change.")


def test_article_a_and_parts_after_a_colon():
    text = "Pence: Trump Scores A Win Over Kaine.\n\nPence praised Trump and Kaine."
    assert sentence_case_headlines(text).split("\n")[0] == "Pence: Trump scores a win over Kaine."


def test_same_length_and_unchanged_without_headlines():
    text = "Clinton Breaks With Obama On Lawsuit Bill.\r\n\r\n" + BODY
    assert len(sentence_case_headlines(text)) == len(text)
    assert sentence_case_headlines(BODY) == BODY


def test_common_words():
    assert common_word("Breaks") and common_word("Hammers") and common_word("Reportedly")
    assert common_word("with") and common_word("To")
    assert not common_word("Davis") and not common_word("Sunday") and not common_word("Scalia")


@pytest.mark.parametrize("headline, source", [
    ("Donald Trump Finally Endorses House Speaker Paul Ryan.", "Donald Trump"),
    ("Hillary Clinton Slams Donald Trump On Abortion After Court Ruling.", "Hillary Clinton"),
    ("Guns Are ‘The Ultimate Public Health Crisis,’ Howard Dean Tells Democratic Convention.",
     "Howard Dean"),
])
def test_a_headline_attribution_is_found(evidence_of, headline, source):
    # parsed as written, "Endorses", "Slams" and "Tells" are read as parts of names
    text = headline + "\n\nThe remarks came on Tuesday, and the party welcomed them."
    sources = [r["text"] for r in evidence_of(text) if r["kind"] == "source"]
    assert source in sources
