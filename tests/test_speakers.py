"""Speakers of quotes: cue subjects, inverted order, appositives, pronouns resolved."""
from __future__ import annotations

import pytest


def quote_speakers(records: list[dict], text: str) -> list[tuple[str | None, str | None]]:
    """``(speaker mention, resolved speaker)`` of each quote, in order."""
    out = []
    for r in records:
        if r["kind"] == "quote":
            mention = (text[r["speaker_start"]:r["speaker_end"]]
                       if r["speaker_start"] is not None else None)
            out.append((mention, r["speaker"]))
    return out


def test_subject_of_the_cue(evidence_of):
    text = "“They are holding back the intelligence,” Sen. Tom Cotton claimed on Sunday."
    recs = evidence_of(text)
    assert quote_speakers(recs, text) == [("Sen. Tom Cotton", "Tom Cotton")]
    assert [r["cue"] for r in recs if r["kind"] == "quote"] == ["claimed"]


def test_inverted_order(evidence_of):
    text = "“We have a long and solid relationship with them,” said John Kirby."
    assert quote_speakers(evidence_of(text), text) == [("John Kirby", "John Kirby")]


def test_appositive_keeps_the_name_not_the_newspaper(evidence_of):
    text = ("“The two countries must identify the red lines together,” Maj. Gen. Aharon "
            "Zeevi Farkash, a former director of military intelligence, told the Times.")
    (mention, name), = quote_speakers(evidence_of(text), text)
    assert "Farkash" in mention and "Times" not in mention
    assert name == "Aharon Zeevi Farkash"


def test_pronoun_resolves_to_the_person_meant(evidence_of):
    text = ("John Kirby, a spokesman, spoke on Monday about the talks.\n\n"
            "“We have a long relationship on the counterterrorism front,” he told reporters.")
    assert quote_speakers(evidence_of(text), text) == [("he", "John Kirby")]


def test_surname_resolves_to_full_name(evidence_of):
    text = ("Senator Tom Cotton spoke on Sunday.\n\n"
            "“They are withholding the intelligence from our ally,” Cotton said.")
    assert quote_speakers(evidence_of(text), text) == [("Cotton", "Tom Cotton")]


def test_according_to(evidence_of):
    text = "“The plan will not survive the winter at all,” according to Mary Jones."
    assert quote_speakers(evidence_of(text), text) == [("Mary Jones", "Mary Jones")]


def test_wrote_on_twitter(evidence_of):
    text = "Axios reporter Barack Ravid wrote on X on Thursday: “The official denied every report.”"
    (mention, name), = quote_speakers(evidence_of(text), text)
    assert "Barack Ravid" in mention and name == "Barack Ravid"


def test_dash_after_the_quote(evidence_of):
    text = "“Never give up on the people who trust you.” — Mary Jones"
    (mention, name), = quote_speakers(evidence_of(text), text)
    assert mention and "Jones" in mention


def test_split_quote_second_part_has_the_same_speaker(evidence_of):
    text = ("“I sincerely hope that these reports are wrong,” Oren continued. "
            "“Our common enemies will rejoice.”")
    got = quote_speakers(evidence_of(text), text)
    assert [m for m, _ in got] == ["Oren", "Oren"]


def test_cue_in_previous_sentence_with_colon(evidence_of):
    text = ("The senator then turned to the press and continued:\n\n"
            "“The questions were unfair to all of us.”")
    (mention, _), = quote_speakers(evidence_of(text), text)
    assert mention == "The senator"


def test_quote_without_any_cue_has_no_speaker(evidence_of):
    text = "The rally ended late.\n\n“Build the wall and make them pay for it.”\n\nRain fell."
    assert quote_speakers(evidence_of(text), text) == [(None, None)]


def test_crlf_text_gives_the_same_speakers(evidence_of):
    text = ("John Kirby, a spokesman, spoke on Monday about the talks.\n\n"
            "“We have a long relationship on the counterterrorism front,” he told reporters.\n"
            "“It will go on,” he added.")
    crlf = text.replace("\n", "\r\n")
    assert [s for _, s in quote_speakers(evidence_of(crlf), crlf)] == \
        [s for _, s in quote_speakers(evidence_of(text), text)] == ["John Kirby", "John Kirby"]


def test_a_short_quoted_phrase_takes_no_speaker_from_a_verb_that_is_no_cue(evidence_of):
    text = 'The less valuable mines would be placed in a separate "liquidating trust."'
    assert quote_speakers(evidence_of(text), text) == [(None, None)]
    text = "Hillary Clinton called his supporters “deplorables.”"
    assert quote_speakers(evidence_of(text), text) == [("Hillary Clinton", "Hillary Clinton")]


def test_inverted_cue_whose_speaker_the_parser_read_as_its_object(evidence_of):
    text = "“She’s done that. I expect she’ll close the deal,” added a South Carolina Democrat."
    assert quote_speakers(evidence_of(text), text) == [("a South Carolina Democrat",
                                                         "a South Carolina Democrat")]
    text = "“We will win this state,” read the email."
    assert quote_speakers(evidence_of(text), text) == [("the email", "the email")]


@pytest.mark.parametrize("gap", ["\u00a0― ", " ―\u00a0", "― ", " – "])
def test_dash_after_the_quote_with_any_dash_and_space(evidence_of, gap):
    text = f"“He makes blanket statements about people he knows nothing about.”{gap}Pamela Padilla"
    (mention, _), = quote_speakers(evidence_of(text), text)
    assert mention and "Padilla" in mention


def test_dash_speaker_stays_on_the_quotes_line(evidence_of):
    text = ("“He makes blanket statements about people he knows nothing about.” —\n\n"
            "Pamela Padilla went home early that night.")
    (mention, _), = quote_speakers(evidence_of(text), text)
    assert mention is None


def test_transcript_label_is_the_speaker(evidence_of):
    text = ('Partial transcript as follows:\n\n"WALLACE: Let’s start with the news on the '
            'debate story tonight.\n\n"PENCE: Well, look, Hillary Clinton thinks this is a '
            'game show."')
    got = quote_speakers(evidence_of(text), text)
    assert [m for m, _ in got] == ["WALLACE", "PENCE"]
    sources = [r["text"] for r in evidence_of(text) if r["kind"] == "source"]
    assert "WALLACE" in sources and "PENCE" in sources


def test_a_quoted_show_title_after_the_cue_is_not_its_speaker(evidence_of):
    text = ("“There's a severe disconnect between this White House and our military,” Flynn, "
            "a top Trump surrogate, said Thursday morning on Fox News’s “Fox and Friends.”")
    (mention, speaker), = quote_speakers(evidence_of(text), text)
    assert mention == "Flynn" and speaker == "Flynn"


def test_a_speaker_between_the_quotation_and_the_cue(evidence_of):
    text = ("“I will just make this promise to you: We will achieve justice in this case,” "
            "Tulsa police Chief Chuck Jordan said Monday.")
    (mention, speaker), = quote_speakers(evidence_of(text), text)
    assert mention and "Jordan" in mention and speaker == "Chuck Jordan"


def test_a_speaker_the_parser_hung_on_the_quotation(nlp):
    """The parse of a news article (PolNeAR dev) that left the cue without a subject:
    "Tulsa" read as a verb hanging on the quotation, "said" as a conjunct of its verb."""
    from spacy.tokens import Doc

    from analysis.extract import attribute_quotes

    words = ["“", "We", "will", "achieve", "justice", "in", "this", "case", ",", "”", "Tulsa",
             "police", "Chief", "Chuck", "Jordan", "said", "Monday", "."]
    spaces = [False, True, True, True, True, True, True, False, False, True, True, True, True,
              True, True, True, False, False]
    heads = [3, 3, 3, 3, 3, 7, 7, 4, 3, 3, 3, 12, 10, 14, 12, 3, 15, 3]
    deps = ["punct", "nsubj", "aux", "ROOT", "dobj", "prep", "det", "pobj", "punct", "punct",
            "dep", "compound", "dobj", "compound", "appos", "conj", "npadvmod", "punct"]
    pos = ["PUNCT", "PRON", "AUX", "VERB", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "PUNCT", "VERB",
           "NOUN", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"]
    lemmas = [w.lower() for w in words[:15]] + ["say", "monday", "."]
    ents = ["O"] * 13 + ["B-PERSON", "I-PERSON", "O", "O", "O"]
    doc = Doc(nlp.vocab, words=words, spaces=spaces, heads=heads, deps=deps, pos=pos,
              lemmas=lemmas, ents=ents)
    (quote,) = attribute_quotes(doc, doc.text).quotes
    assert quote["speaker"] == "Chuck Jordan"


def test_according_to_tagged_as_a_verb_still_names_the_speaker(evidence_of):
    text = ("According to a complaint by the regulator, the developers ran a "
            "\"massive fraudulent scheme\" for years.")
    (mention, speaker), = quote_speakers(evidence_of(text), text)
    assert (mention, speaker) == ("a complaint", "a complaint")


def test_a_fronted_phrase_read_as_the_subject_gives_way_to_the_person(evidence_of):
    # the parser makes "the election" the subject and the adviser its appositive
    text = ("With 50 days until the election, Minyon Moore, a senior adviser to the Clinton "
            "campaign, called the remarks \"a true wake-up call\" to his supporters.")
    (mention, speaker), = quote_speakers(evidence_of(text), text)
    assert speaker == "Minyon Moore"
    assert [r["text"] for r in evidence_of(text) if r["kind"] == "source"] == ["Minyon Moore"]


def test_a_dateline_read_as_the_subject_gives_way_to_the_person(evidence_of):
    text = ("WASHINGTON -- President Obama, dedicating the new museum on Saturday, said it was "
            "\"a place to tell the story of us all.\"")
    (mention, speaker), = quote_speakers(evidence_of(text), text)
    assert (mention, speaker) == ("President Obama", "Obama")
    assert [r["text"] for r in evidence_of(text) if r["kind"] == "source"] == ["President Obama"]


def test_according_to_outranks_the_subject_of_another_cue(evidence_of):
    text = ("Scott's relatives, including his wife, watched the police videos on Thursday, "
            "according to their attorneys, and said they came away with \"more questions "
            "than answers.\"")
    assert quote_speakers(evidence_of(text), text) == [("their attorneys", "their attorneys")]


@pytest.mark.parametrize("text, name", [
    ("Experts say the plan is complicated. Said Ellis: “I don’t get the sense she is "
     "interested in tax reform.”", "Ellis"),
    ("Roger Stone spoke on the radio on Sunday.\n\nStated Stone:\n\n“I think that the stakes "
     "are so high that they would do anything to remain in power.”", "Roger Stone"),
])
def test_inverted_cue_opening_the_sentence(evidence_of, text, name):
    # the parser reads "Said Ellis" and "Stated Stone" as names
    (mention, speaker), = quote_speakers(evidence_of(text), text)
    assert speaker == name and mention == name.split()[-1]
    assert (mention, name) in [(r["text"], r["name"]) for r in evidence_of(text)
                               if r["kind"] == "source"]


def test_a_fronted_cue_must_stand_right_before_the_quote(evidence_of):
    text = ("Ellis spoke to reporters after the long hearing on Monday. Said Ellis:\n"
            "The plan was long and complicated. “I don’t get the sense she is interested in "
            "tax reform.”")
    assert all(s is None or "Ellis" not in s for _, s in quote_speakers(evidence_of(text), text))


def test_she_is_not_the_man_named_last(evidence_of):
    text = ("Hillary Clinton spoke in Ohio on Tuesday.\n\n"
            "Robert Mueller had criticized the plan a week before.\n\n"
            "“We will not back down from this fight,” she said.")
    assert quote_speakers(evidence_of(text), text) == [("she", "Hillary Clinton")]


def test_a_name_before_a_colon_labels_the_quote(evidence_of):
    text = ('Rep. Trey Gowdy (R-S.C.):"Who told you that most of your e-mails were kept?"\n\n'
            'Former secretary of state Hillary Rodham Clinton:"We learned that from the State '
            'Department."')
    assert quote_speakers(evidence_of(text), text) == [("Rep. Trey Gowdy", "Trey Gowdy"),
                                                       ("Hillary Rodham Clinton",
                                                        "Hillary Rodham Clinton")]


def test_a_name_label_after_a_dash_beats_the_subject_before_it(evidence_of):
    text = "Pollsters agree - Carl Bialik: “Keep on contacting voters as late as possible.”"
    assert quote_speakers(evidence_of(text), text) == [("Carl Bialik", "Carl Bialik")]


def test_labels_in_one_line_each_name_their_quote(evidence_of):
    text = ('Jeb Bush and Hillary Clinton reject the term.\n\nClinton: "Our goal is not to '
            'contain ISIS but to destroy it." Bush: "The mission is to destroy ISIS, not to '
            'contain it."')
    assert [m for m, _ in quote_speakers(evidence_of(text), text)] == ["Clinton", "Bush"]


@pytest.mark.parametrize("text", [
    "He told Hillary Clinton: “We are going to win this state and the next one.”",
    "Here is the statement from Hillary Clinton: “We are going to win this state again.”",
])
def test_a_name_inside_a_clause_before_a_colon_is_no_label(evidence_of, text):
    (mention, _), = quote_speakers(evidence_of(text), text)
    assert mention != "Hillary Clinton"


def test_a_dash_line_under_a_quote_set_apart_names_its_speaker(evidence_of):
    text = ("Sanders voted for the law in the end.\n\n"
            "“I will look into it. I don't know the status, but I will look into it.”\n\n"
            "- Hillary Clinton.\n\nClinton has been looking into it a long time.")
    assert quote_speakers(evidence_of(text), text) == [("Hillary Clinton", "Hillary Clinton")]


def test_a_dash_line_needs_the_quote_to_end_its_line(evidence_of):
    text = ("“We need three things from this council,” the mayor said at the meeting\n\n"
            "- Jobs for the young, said one resident.")
    (mention, _), = quote_speakers(evidence_of(text), text)
    assert mention == "the mayor"


def test_the_agent_of_a_passive_cue_is_the_speaker(evidence_of):
    text = ("Rubio was asked by Fox Business moderator Gerard Baker whether his plan would risk "
            "“adding another expensive entitlement program to the budget.”")
    (mention, name), = quote_speakers(evidence_of(text), text)
    assert name == "Gerard Baker" and "Rubio" not in mention


def test_the_subject_of_a_passive_thought_verb_is_no_speaker(evidence_of):
    text = ("Inspector Ann Ruiz said the gunman was seen carrying a weapon “similar to a sub "
            "machine gun” towards the house.")
    (mention, name), = quote_speakers(evidence_of(text), text)
    assert name == "Ann Ruiz"


def test_a_cue_after_the_quote_with_words_of_its_own_is_not_its_cue(evidence_of):
    text = ("“I just think what Rubio has done is one of the worst things I have seen,” the "
            "Senate minority leader said. “It shows a lack of character in my opinion.” Reid "
            "said both Rubio and Cruz are “non-entities in the Senate.”")
    got = quote_speakers(evidence_of(text), text)
    assert [m for m, _ in got][:2] == ["the Senate minority leader"] * 2


def test_a_cue_right_after_the_quote_is_its_cue(evidence_of):
    text = "“Who knows what the voters will decide this year?” Clinton asked. The crowd cheered."
    assert quote_speakers(evidence_of(text), text) == [("Clinton", "Clinton")]


def test_a_pronoun_after_someone_new_who_greets_a_named_person_is_that_someone(evidence_of):
    text = ("Jeremiah Mason sits at his desk in the library.\n\nAnother student walks in and "
            "greets Mason. “What up! How are you doing today?” he says.")
    assert quote_speakers(evidence_of(text), text) == [("he", "Another student")]


def test_a_pronoun_after_a_subject_with_a_name_beside_it_is_that_person(evidence_of):
    text = ("Her father, Brad, 39, worried that too many voters could not see the point of "
            "choosing Gary Johnson. “People are afraid of wasting their votes,” he said.")
    assert quote_speakers(evidence_of(text), text) == [("he", "Brad")]


@pytest.mark.parametrize("text, meant", [
    # the one asked answers
    ("A reporter asked Bernie Sanders how he was feeling on caucus day. He replied: “The "
     "bigger the turnout, the better I feel.”", "Bernie Sanders"),
    # a definite title is someone named before
    ("Bernie Sanders spoke in Ohio. The senator thanked Jane O'Meara for her work. “We will "
     "win this state and the next one,” he said.", "Bernie Sanders"),
    # "he" is not the woman of the subject
    ("A woman confronted Donald Trump at the rally on Monday. “You will never be my "
     "president,” he said.", "Donald Trump"),
    # nor the woman named beside it
    ("Bernie Sanders spoke in Michigan. His opponent, Hillary Clinton, won Georgia and "
     "Virginia. He told the crowd that “the people who know me best” gave him a victory.",
     "Bernie Sanders"),
])
def test_a_pronoun_keeps_the_named_person_otherwise(evidence_of, text, meant):
    (_, name), = quote_speakers(evidence_of(text), text)
    assert name == meant


@pytest.mark.parametrize("text, speaker", [
    # the parser hangs the name on a later word of its appositive
    ('"What\'s shaping up is a battle for the ages," said David Brock, a Clinton confidant '
     'who heads the pro-Clinton super PAC Correct the Record.', "David Brock"),
    # any verb after a quotation closing on a comma
    ('"Our political revolution has already forced a former senator to change her mind," '
     'read the email.', "the email"),
    ("“Editorial pages are full of nothing but the convention this week,” opined Cleveland's "
     "Plain Dealer.", "Cleveland's Plain Dealer"),
])
def test_the_phrase_after_an_inverted_cue_is_the_speaker(evidence_of, text, speaker):
    (mention, _), = quote_speakers(evidence_of(text), text)
    assert mention == speaker


def test_a_subject_right_after_a_question_goes_on_with_any_verb(evidence_of):
    text = ("Kelly responded pointedly, with a smile: “Can happen when you are 45.” She is 45."
            "\n\n“You know, it happens, right?” Trump went on, as if he did not hear her.")
    assert [m for m, _ in quote_speakers(evidence_of(text), text)] == ["Kelly", "Trump"]


def test_a_quote_that_continues_takes_the_latest_mention_of_its_speaker(evidence_of):
    text = ("“The plan is on the table,” Alvarez said. “We will not move on it.”\n\n"
            "Alvarez was quick to add that talks would go on.\n\n"
            "“Dropping it? Never.”")
    got = quote_speakers(evidence_of(text), text)
    assert [name for _, name in got] == ["Alvarez"] * 3
    last = [r for r in evidence_of(text) if r["kind"] == "quote"][-1]
    assert last["speaker_start"] == text.index("Alvarez was quick")


def test_a_relative_pronoun_is_no_later_mention_of_the_speaker(evidence_of):
    text = ("“The plan is on the table,” read the statement, which was signed by Alvarez. "
            "“We will not move on it.”")
    got = quote_speakers(evidence_of(text), text)
    assert got[1][0] != "which"


def test_the_one_who_acts_by_saying_speaks_the_quote_after(evidence_of):
    text = ("“We have no plan,” Gorka said. “None at all.”\n\n"
            "Bolton distanced himself from the movement by saying he would help if asked. "
            "“I will support him because I think he can do the job.”")
    got = quote_speakers(evidence_of(text), text)
    assert got[-1] == ("Bolton", "Bolton")
