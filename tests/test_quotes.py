"""Direct quotes: every quote-mark convention, bounded runaway quotes, titles kept apart."""
from __future__ import annotations

import pytest

from analysis.extract.quotes import classify, pair_marks


def quotes(records: list[dict]) -> list[str]:
    return [r["text"] for r in records if r["kind"] == "quote"]


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in pair_marks(text)]


@pytest.mark.parametrize("text, expected", [
    ("He said “we will win the vote”.", ["“we will win the vote”"]),
    ('He said "we will win the vote".', ['"we will win the vote"']),
    ("“We will win the vote,’’ he said.", ["“We will win the vote,’’"]),
    ("“We will win the vote,'' he said.", ["“We will win the vote,''"]),
    ("Il a dit « nous allons gagner le vote ».", ["« nous allons gagner le vote »"]),
    ("Er sagte „wir werden die Wahl gewinnen“ gestern.", ["„wir werden die Wahl gewinnen“"]),
])
def test_every_mark_convention_is_paired(text, expected):
    assert spans(text) == expected


def test_single_quotes_inside_double_stay_inside():
    text = "“She told me ‘never again’ and left the room,” he said."
    assert spans(text) == ["“She told me ‘never again’ and left the room,”"]


def test_quote_over_several_paragraphs_gives_one_record_per_paragraph():
    text = ("He said: “The first part of the statement runs on.\n\n"
            "“The second part closes it here.” Then he left.")
    found = pair_marks(text)
    assert [text[s:e] for s, e, _ in found] == [
        "“The first part of the statement runs on.", "“The second part closes it here.”"]
    assert found[0][2] == "quote over several paragraphs"


def test_unbalanced_mark_is_bounded_at_the_paragraph():
    text = ("He said “this never closes and goes on.\n\n"
            "A second paragraph of plain reporting follows here.\n\n"
            "And a third with “a real quote of some words” inside.")
    got = spans(text)
    assert got[0] == "“this never closes and goes on."
    assert "A second paragraph" not in "".join(got)
    assert got[-1] == "“a real quote of some words”"


def test_crlf_behaves_like_lf():
    lf = "He said: “The first part runs on.\n“The second part ends.” Done."
    crlf = lf.replace("\n", "\r\n")
    assert [r for *_, r in pair_marks(lf)] == [r for *_, r in pair_marks(crlf)]
    assert [t.replace("\r", "") for t in spans(crlf)] == spans(lf)


@pytest.mark.parametrize("quoted, kind", [
    ("“Face the Nation”", "title"),
    ("“Meet the Press Sunday.”", "title"),
    ("“sensitive intelligence”", "title"),            # scare quote
    ("“We are not holding anything back.”", "quote"),
    ("“reasonable to assess”", "quote"),               # partial quote in paraphrase
])
def test_titles_and_scare_quotes_are_kept_apart(quoted, kind):
    text = f"They said it was {quoted} on Sunday."
    start = text.index(quoted)
    assert classify(text, start, start + len(quoted))[0] == kind


def test_split_quote_around_the_cue(evidence_of):
    text = "“We tried everything we could,” the mayor said. “It was not enough for them.”"
    assert quotes(evidence_of(text)) == ["“We tried everything we could,”",
                                         "“It was not enough for them.”"]


def test_titles_are_not_quotes(evidence_of):
    recs = evidence_of("Senator Cotton spoke on CBS’ “Face the Nation” on Sunday morning.")
    assert quotes(recs) == []
    assert [r["text"] for r in recs if r["kind"] == "title"] == ["“Face the Nation”"]


@pytest.mark.parametrize("text", [
    "", "“", "”””", "“\n“\n“", "\u200b“hello\u200b world”\u200b", "Hola “mundo” 😀 “sin cerrar",
    "Только «кавычки» и текст.", "\r\n\r\n“a b c d”\r\n", '"' * 7,
])
def test_odd_input_never_raises_and_offsets_are_valid(evidence_of, text):
    for rec in evidence_of(text):
        assert 0 <= rec["start"] <= rec["end"] <= len(text)
        assert rec["text"] == text[rec["start"]:rec["end"]]
        if rec.get("speaker_start") is not None:
            assert 0 <= rec["speaker_start"] < rec["speaker_end"] <= len(text)


def test_wire_style_doubled_apostrophes_are_kept_apart_with_their_speaker(evidence_of):
    text = "''We will win the vote in the fall,'' Mr. Garin said."
    recs = evidence_of(text)
    assert quotes(recs) == []
    (wire,) = [r for r in recs if r["kind"] == "wire_quote"]
    assert wire["text"] == "''We will win the vote in the fall,''"
    assert wire["speaker"] == "Garin"
    assert [r["text"] for r in recs if r["kind"] == "source"] == ["Mr. Garin"]


@pytest.mark.parametrize("text, expected", [
    ("He called the KKK “abhorrent“ in a tweet on Sunday morning.", ["“abhorrent“"]),
    ("“Do you want to be associated with a fascist?“ he asked.\n\n“No, I do not,” he said.",
     ["“Do you want to be associated with a fascist?“", "“No, I do not,”"]),
    ("It was “the best in the world“ and “the best in the Middle East.”",
     ["“the best in the world“", "“the best in the Middle East.”"]),
])
def test_opening_curly_mark_typed_as_a_closer_closes(text, expected):
    assert spans(text) == expected


def test_quote_marks_inside_markup_are_not_paired():
    text = ('Cruz wrote:\n<tweet tweet-author="@tedcruz" tweet-date="January 19, 2016\n'
            '">I love @SarahPalinUSA and “her support for me,” always.<tweet/>.\n\n'
            'He said “we will win the vote in the fall.”')
    assert spans(text) == ["“we will win the vote in the fall.”"]
    link = 'See <a href="http://x.y/z" target="_blank">the story</a> and “a quote of four words.”'
    assert spans(link) == ["“a quote of four words.”"]


def test_headline_with_a_byline_is_a_title_not_a_quote(evidence_of):
    text = ('FAREWELL—"The Living Room to close at the end of December," by Times\' Ben Sisario: '
            'http://nyti.ms/1U0Xvbm.\n\nThe ruling was "ugliness of utterances, largely '
            'unprompted and undeserved," by Trump last week, she said.')
    recs = evidence_of(text)
    assert [r["text"] for r in recs if r["kind"] == "title"] == [
        '"The Living Room to close at the end of December,"']
    assert quotes(recs) == ['"ugliness of utterances, largely unprompted and undeserved,"']


@pytest.mark.parametrize("text, expected", [
    ("”Mr. Trump embodies the legacy of racism in this country.” ― Sonya Herridge",
     ["”Mr. Trump embodies the legacy of racism in this country.”"]),
    ("The first paragraph ends here.\n\n”Fear. I am truly afraid that he will win.” ― Ana Ruiz",
     ["”Fear. I am truly afraid that he will win.”"]),
])
def test_closing_curly_mark_glued_to_a_paragraphs_first_word_opens(text, expected):
    assert spans(text) == expected


def test_a_stray_closing_mark_mid_paragraph_still_opens_nothing():
    assert spans("The vote ended” and the members went home.") == []


@pytest.mark.parametrize("text, kind", [
    ("Ouisa Davis' commentary, “Melania, tell your immigrant story,” is very thoughtful.",
     "title"),
    ("He sang the song “Born to Run in the Rain” twice.", "title"),
    ("It was a movie titled “The Facts on Where the Race Stands.”", "title"),
    # a capitalised word is a name, not a work: "Dr. Paul Song"
    ("The comment by Dr. Paul Song “was inappropriate and insensitive.”", "quote"),
    # a colon introduces what was said, even after "headline"
    ("The piece used her words as its headline: “Finally. Someone who thinks like me.”",
     "quote"),
])
def test_a_short_quotation_naming_a_work_is_its_title(text, kind):
    start = text.index("“")
    end = text.index("”") + 1
    assert classify(text, start, end)[0] == kind


def test_a_quotation_of_several_sentences_is_no_title(evidence_of):
    text = "“Here comes Big Daddy,” she said, clapping. “The Donald. Big Daddy.”"
    assert quotes(evidence_of(text)) == ["“Here comes Big Daddy,”", "“The Donald. Big Daddy.”"]


def test_transcript_label_is_left_out_of_the_quotation():
    text = ('Partial transcript as follows:\n\n"WALLACE: Let’s start with the news on the '
            'debate story.\n\n"PENCE: Well, look, Hillary Clinton thinks this is a game show."')
    assert spans(text) == ["Let’s start with the news on the debate story.",
                           "Well, look, Hillary Clinton thinks this is a game show.\""]
