"""Hard-wrapped text (issue 16): detected, read by paragraphs, offsets into the text as written."""
from __future__ import annotations

import textwrap

import pytest

from analysis.evaluate import load_texts
from analysis.pipeline import parse_input, reading_text, run
from analysis.textio import lf_text
from analysis.wrapping import is_hard_wrapped, join_breaks, unwrap, wrap_breaks

PARAGRAPHS = [
    "The city council voted on Tuesday to close the old library on Main Street, a building "
    "that has served the neighbourhood for more than ninety years and that many residents "
    "still visit every week.",
    "“We have looked at every other option and none of them would keep the doors open for "
    "long,” said Maria Lopez, the council member who wrote the proposal to close it.",
    "Residents who spoke at the meeting said they would take the decision to the county "
    "board, where the budget for the coming year is still being written and argued over.",
]


def wrapped(width: int = 60, newline: str = "\n") -> str:
    """The paragraphs hard-wrapped at ``width``, separated by blank lines."""
    text = "\n\n".join(textwrap.fill(p, width) for p in PARAGRAPHS) + "\n"
    return text.replace("\n", newline)


def test_a_wrapped_text_is_detected_and_its_paragraphs_rejoined():
    text = wrapped()
    assert is_hard_wrapped(text)
    assert unwrap(text).split("\n\n") == [*PARAGRAPHS[:2], PARAGRAPHS[2] + "\n"]
    assert len(unwrap(text)) == len(text)


def test_one_paragraph_per_line_is_untouched():
    text = "\n".join(PARAGRAPHS) + "\n"
    assert not is_hard_wrapped(text)
    assert unwrap(text) is text
    # nor a list, a poem or a few short lines ending mid-sentence
    listing = "Groceries to buy\nmilk, eggs,\nbread and\nbutter\nand some more\nthings\n"
    assert not is_hard_wrapped(listing)


def test_short_lines_headings_and_labels_keep_their_breaks():
    body = textwrap.fill(" ".join(PARAGRAPHS), 60)
    text = "Library to close\nBy Ann Writer\n" + body + "\nRELATED ARTICLES\nDate: May 1\n"
    got = unwrap(text)
    assert got.startswith("Library to close\nBy Ann Writer\n")
    assert "RELATED ARTICLES\nDate: May 1\n" in got
    assert " ".join(PARAGRAPHS) in got  # the body lines joined
    rule = "=" * 60
    framed = rule + "\nTitle: A headline that is long enough to fill the line width\n" + body
    assert unwrap(framed).startswith(rule + "\nTitle: ")


def test_join_breaks_turns_only_line_breaks_into_spaces():
    assert join_breaks("a\nb c", [1, 3]) == "a b c"
    assert join_breaks("abc", []) == "abc"
    assert wrap_breaks("no line break at all") == []


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_pipeline_finds_a_quote_across_a_line_end_whole_with_its_speaker(newline):
    text = wrapped(newline=newline)
    quote_start = text.index("“We have")
    assert "\n" in text[quote_start:text.index("” said")]  # the quotation is cut by the wrap
    with run(load_texts({"w": text}), cache=False, progress=False) as (_, results):
        result = next(results)
    quotes = [r for r in result["evidence"] if r["kind"] == "quote"]
    assert len(quotes) == 1
    quote = quotes[0]
    assert (quote["start"], text[quote["end"] - 1]) == (quote_start, "”")
    assert quote["speaker"] == "Maria Lopez"
    for rec in result["evidence"]:  # offsets and texts index the text as written
        assert rec["text"] == text[rec["start"]:rec["end"]]
    sources = [r for r in result["evidence"] if r["kind"] == "source"]
    assert any(r["name"] == "Maria Lopez" and r["source_type"] == "named" for r in sources)


def test_the_parsed_and_the_read_copies_rejoin_the_same_breaks():
    text = wrapped(newline="\r\n")
    lf = lf_text(text)[0]
    read, to_original = reading_text(text)
    assert read == unwrap(lf) and "\n\n" in read
    assert parse_input(text, [(0, len(text))]) == read
    assert to_original(len(read)) == len(text)

