"""People on any outlet: who a pronoun, an honorific with one name and a role description
stand for, and which words the parser tags a person that name no one (round 8)."""
from __future__ import annotations

import pytest
from spacy.tokens import Span

from analysis.extract import extract_doc
from analysis.extract.coref import placed_words, sole_openers, strip_role, surname_first
from analysis.extract.syntax import ends_with_name


def sources(records: list[dict]) -> list[tuple[str, str, str]]:
    """``(mention, type, name)`` of each source record, in order."""
    return [(r["text"], r["source_type"], r["name"]) for r in records if r["kind"] == "source"]


def with_ents(nlp, text: str, spans: dict[str, str]):
    """The parse of ``text`` with its entities set by hand: ``{words: label}``, each words
    found at their first place in the text (so the test does not hang on the tagger)."""
    doc = nlp(text)
    ents = []
    for words, label in spans.items():
        start = text.index(words)
        ents.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


# --- 1. a pronoun stands for a person, never a platform or a place -----------------------

def test_she_after_a_platform_tagged_a_person_is_no_platform(nlp):
    text = ("The singer posted a long message on Zorbly late on Sunday. "
            "She said she was tired of the attention.")
    doc = with_ents(nlp, text, {"Zorbly": "PERSON"})
    got = sources(extract_doc(doc, text, "t"))
    assert got and all(name != "Zorbly" for _, _, name in got)
    assert ("She", "unresolved", "She") in got


def test_she_after_a_county_tagged_a_person_is_no_county(nlp):
    text = ("A school in Varnshire wrote to parents about uniforms. "
            "She said the rule would stay.")
    doc = with_ents(nlp, text, {"Varnshire": "PERSON"})
    assert all(name != "Varnshire" for _, _, name in sources(extract_doc(doc, text, "t")))


def test_a_surname_after_on_is_still_a_person(nlp):
    text = ("Mara Zorbly chairs the board. Members put pressure on Zorbly this week. "
            "She said the vote would wait.")
    doc = with_ents(nlp, text, {"Mara Zorbly": "PERSON", "Zorbly this": "PERSON"})
    doc.ents = [e if e.text != "Zorbly this" else Span(doc, e.start, e.start + 1, "PERSON")
                for e in doc.ents]
    assert ("She", "named", "Mara Zorbly") in sources(extract_doc(doc, text, "t"))


def test_placed_words_need_every_mention_placed_and_no_person_evidence(nlp):
    text = "He wrote on Zorbly. Plivo said no. Later Mr. Quarn spoke at Quarn."
    doc = with_ents(nlp, text, {"Zorbly": "PERSON", "Plivo": "PERSON"})
    quarn = [t.i for t in doc if t.text == "Quarn"]
    ents = list(doc.ents) + [Span(doc, i, i + 1, "PERSON") for i in quarn]
    found = placed_words(sorted(ents, key=lambda e: e.start))
    assert "zorbly" in found  # only ever "on Zorbly"
    assert "plivo" not in found  # the subject of a verb
    assert "quarn" not in found  # an honorific before one mention


# --- 2. a pronoun outside quotations and the people named only inside them ---------------

def test_a_pronoun_outside_quotes_skips_a_person_named_only_inside_them(evidence_of):
    text = ("The judges gave the prize to Tom Baker from Leeds. In his story he "
            "\u201cended up meeting Peter Varga in an underwater hotel\u201d, he said.")
    quotes = [r for r in evidence_of(text) if r["kind"] == "quote"]
    assert [q["speaker"] for q in quotes] == ["Tom Baker"]


def test_a_person_named_inside_quotes_is_meant_when_no_one_else_is(evidence_of):
    text = "\u201cI met Peter Varga at the hotel and we talked for an hour,\u201d he said."
    quotes = [r for r in evidence_of(text) if r["kind"] == "quote"]
    assert [q["speaker"] for q in quotes] == ["Peter Varga"]


# --- 3. names written surname first ---------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("Lee Ju-ho", ("Lee Ju-ho", "")),  # WordNet's "lee" is a general, not a job
    ("Kelly Ayotte", ("Kelly Ayotte", "")),
    ("Grahame Smith", ("Grahame Smith", "")),
    ("Lee C. Bollinger", ("Lee C. Bollinger", "")),  # an initial follows a first name
    ("Superintendent Imee Almazan", ("Imee Almazan", "superintendent")),
    ("Filmmaker Jack Marino", ("Jack Marino", "filmmaker")),
])
def test_strip_role_keeps_a_first_name_that_wordnet_files_as_a_person(name, expected):
    assert strip_role(name) == expected


def test_surname_first_maps_an_honorific_name_to_the_one_full_name_it_opens():
    full = {"ju-ho": {"Lee Ju-ho": 1}, "yi": {"Wang Yi": 1}, "wang": {"Li Wang": 1},
            "chen": {"Kim Chen": 1, "Kim Sun": 0}, "sun": {"Kim Sun": 1}}
    got = surname_first({"lee", "wang", "kim", "park"}, sole_openers(full))
    assert got == {"lee": "Lee Ju-ho"}  # "wang" ends a name; two names open with "Kim"


def test_mr_and_the_first_word_of_a_surname_first_name_are_one_source(evidence_of):
    text = ("Science Minister Lee Ju-ho said the satellite was in orbit. Engineers "
            "cheered. \u201cThe rocket did its job,\u201d Mr Lee told reporters.")
    got = [r for r in evidence_of(text) if r["kind"] == "source"]
    assert [(r["text"], r["name"]) for r in got] == [
        ("Science Minister Lee Ju-ho", "Lee Ju-ho"), ("Mr Lee", "Lee Ju-ho")]
    assert len({r["source_id"] for r in got}) == 1


def test_sole_openers_map_a_first_word_to_the_one_full_name_it_opens():
    full = {"clinton": {"Hillary Clinton": 2, "Bill Clinton": 1}, "blasio": {"Bill Blasio": 1},
            "james": {"LeBron James": 1}, "murdoch": {"James Murdoch": 1},
            "bush": {"George (W. Bush": 1}}
    # two names open with "Bill"; "James" ends a name; a name misread with a bracket
    assert sole_openers(full) == {"hillary": "Hillary Clinton", "lebron": "LeBron James"}


def test_a_first_name_alone_is_the_person_it_opens(evidence_of):
    text = ("Hillary Clinton said on Monday that the vote would be close. Hours later, "
            "Hillary said the plan would work.")
    got = [r for r in evidence_of(text) if r["kind"] == "source"]
    assert [(r["text"], r["name"]) for r in got] == [
        ("Hillary Clinton", "Hillary Clinton"), ("Hillary", "Hillary Clinton")]
    assert len({r["source_id"] for r in got}) == 1


def test_british_honorifics_without_a_full_stop_are_titles(evidence_of):
    text = ("Dr Ana Varga, who leads the study, spoke on Monday. "
            "\u201cWe were surprised,\u201d Dr Varga said.")
    speakers = [r["speaker"] for r in evidence_of(text) if r["kind"] == "quote"]
    assert speakers == ["Ana Varga"]


# --- 4. a definite role description and the person given that title ----------------------

def test_the_role_with_its_modifiers_is_the_person_given_that_title(evidence_of):
    text = ("Union general secretary Mara Quist will warn ministers on Monday. "
            "The general secretary of the union said the plan was weak.")
    got = sources(evidence_of(text))
    assert ("The general secretary", "named", "Mara Quist") in got


@pytest.mark.parametrize("text, word, holder", [
    ("Union general secretary Mara Quist will warn ministers on Monday. "
     "The deputy secretary of the union said the plan was weak.", "deputy", "Mara Quist"),
    # an epithet of a title word (section 6) holds the same condition
    ("President Tom Harlan met Luc Moreau in Paris. "
     "The French president said the talks had gone well.", "French", "Tom Harlan"),
], ids=["description", "epithet"])
def test_a_modifier_missing_from_the_title_names_no_one(evidence_of, text, word, holder):
    got = sources(evidence_of(text))
    assert all(name != holder for mention, _, name in got if word in mention)


def test_a_title_given_to_two_people_names_neither(evidence_of):
    text = ("Union general secretary Mara Quist met party general secretary Ian Dorn. "
            "The general secretary of the union said the plan was weak.")
    got = sources(evidence_of(text))
    assert all(name not in ("Mara Quist", "Ian Dorn")
               for mention, _, name in got if mention.startswith("The general"))


# --- 5. an organisation or a thing tagged a person ----------------------------------------

def test_an_organisation_after_a_job_word_tagged_a_person_is_institutional(nlp):
    text = ("Publisher Zorbo Learning is reprinting the book. "
            "Zorbo Learning apologised for the mistakes.")
    doc = with_ents(nlp, text, {"Zorbo Learning is": "PERSON"})
    first = doc.ents[0]
    doc.ents = [Span(doc, first.start, first.start + 2, "PERSON"),
                doc.char_span(text.rindex("Zorbo"), text.rindex("Zorbo") + 14, "ORG")]
    got = sources(extract_doc(doc, text, "t"))
    assert got and all(kind == "institutional" for _, kind, _ in got)
    assert {name for _, _, name in got} == {"Zorbo Learning"}


def test_a_name_with_a_digit_is_no_person(nlp):
    text = "The launcher KX-1 lifted off. He said the flight went well."
    doc = with_ents(nlp, text, {"KX-1": "PERSON"})
    assert all(name != "KX-1" for _, _, name in sources(extract_doc(doc, text, "t")))


def test_a_title_and_first_name_run_on_to_the_surname_the_tagger_left_out(nlp):
    text = "\u201cThere is a lot we do not know,\u201d said Prof Jonah Varga from the museum."
    doc = with_ents(nlp, text, {"Prof Jonah": "PERSON"})
    quotes = [r for r in extract_doc(doc, text, "t") if r["kind"] == "quote"]
    assert [q["speaker"] for q in quotes] == ["Jonah Varga"]


# --- 6. an epithet for someone named before ------------------------------------------------

@pytest.mark.parametrize("text, mention, name", [
    ("Maria Delgado toured the flooded county on Monday. The veteran lawmaker said the state "
     "would pay for the repairs.", "The veteran lawmaker", "Maria Delgado"),
    # a noun of a man skips the woman named last
    ("Donald Brenner met Susan Okafor on Tuesday. The billionaire businessman said the deal "
     "was close.", "The billionaire businessman", "Donald Brenner"),
    # in a person's own words, the epithet is someone else
    ("Donald Brenner held a rally on Monday. His campaign manager, Ken Pruitt, told "
     "reporters that the candidate says he will win.", "the candidate", "Donald Brenner"),
], ids=["after a name", "of a man", "in another's words"])
def test_an_epithet_after_a_name_is_that_person(evidence_of, text, mention, name):
    assert (mention, "named", name) in sources(evidence_of(text))


def test_an_epithet_of_an_abbreviated_title_is_its_holder(evidence_of):
    records = evidence_of("Vermont Sen. Tom Harlan said the bill was dead. "
                          "The Vermont senator added that he would vote against it.")
    got = {r["text"]: r for r in records if r["kind"] == "source"}
    assert got["The Vermont senator"]["name"] == "Tom Harlan"
    assert got["The Vermont senator"]["source_id"] == got["Vermont Sen. Tom Harlan"]["source_id"]


def test_someone_brought_in_unnamed_stays_unnamed(evidence_of):
    for text, mention in [
        ("A woman in the crowd shouted at Tom Harlan. The woman said she was angry.",
         "The woman"),
        ("A senior official met Tom Harlan. The official said the talks had failed.",
         "The official"),
    ]:
        got = [(m, kind) for m, kind, _ in sources(evidence_of(text)) if m == mention]
        assert got == [(mention, "anonymous")], text


def test_an_epithet_by_another_person_or_an_office_is_no_epithet(evidence_of):
    text = ("Tom Harlan spoke in Concord. The Harlan supporter said he would vote twice. "
            "The registrar said only 47 signatures were valid.")
    got = sources(evidence_of(text))
    assert all(name != "Tom Harlan" for mention, _, name in got if mention != "Tom Harlan")


@pytest.mark.parametrize("second", [
    "The 28-year-old said she was happy with her form.",
    "\u201cIt was hard,\u201d said the Russian.",
])
def test_an_age_or_a_nationality_after_a_name_is_that_person(evidence_of, second):
    got = sources(evidence_of("Maria Sharapova won in Manila on Monday. " + second))
    assert [name for mention, _, name in got if mention.lower().startswith("the ")] == \
        ["Maria Sharapova"]


# --- 7. a title with its portfolio before a name; an outlet tagged a person ----------------

@pytest.mark.parametrize("text, mention, name", [
    ("Minister for the Armed Forces Penny Holcroft said the deployment would go ahead.",
     "Minister for the Armed Forces Penny Holcroft", "Penny Holcroft"),
    ("Chief Executive of the Water Board Amanda Pelling said the pipes would be replaced.",
     "Chief Executive of the Water Board Amanda Pelling", "Amanda Pelling"),
    ("Commissioner for Children Anne Strickley warned that the cuts would hurt.",
     "Commissioner for Children Anne Strickley", "Anne Strickley"),
    ("Chair of the Federal Reserve Jerome Powell said rates would stay high.",
     "Chair of the Federal Reserve Jerome Powell", "Jerome Powell"),  # "Chair" read a noun
], ids=["minister for", "chief executive of", "commissioner for", "chair of"])
def test_a_title_with_its_portfolio_before_a_name_is_that_person(evidence_of, text, mention,
                                                                 name):
    assert sources(evidence_of(text)) == [(mention, "named", name)]


@pytest.mark.parametrize("text, mention, name", [
    ("City of Brockton Division of Public Works director Robert Kessel endorsed the plan.",
     "City of Brockton Division of Public Works director Robert Kessel", "Robert Kessel"),
    ("University of Leeds professor Joan Hartwell said the figures were wrong.",
     "University of Leeds professor Joan Hartwell", "Joan Hartwell"),
], ids=["a director of a city division", "a professor of a university"])
def test_a_job_and_a_name_after_an_organisation_s_portfolio_is_that_person(evidence_of, text,
                                                                          mention, name):
    assert sources(evidence_of(text)) == [(mention, "named", name)]


def test_a_name_the_tagger_took_into_the_portfolio_is_a_person(nlp):
    text = "Secretary of Defense Lloyd Bramwell said the aid would arrive soon."
    doc = with_ents(nlp, text, {"Defense Lloyd Bramwell": "ORG"})
    got = sources(extract_doc(doc, text, "t"))
    assert [(kind, name) for _, kind, name in got] == [("named", "Lloyd Bramwell")]


@pytest.mark.parametrize("text, mention", [
    ("Mr. Morgan of the Sierra Club said the plan was weak.", "Mr. Morgan"),
    ("The Director of the Federal Bureau of Investigation said the case was closed.",
     "The Director"),
], ids=["a person of a club", "no name after the portfolio"])
def test_a_phrase_after_a_title_that_ends_with_no_name_stays_out(evidence_of, text, mention):
    got = sources(evidence_of(text))
    assert [m for m, _, _ in got] == [mention]
    assert all(kind != "named" or name == "Morgan" for _, kind, name in got)


def test_a_news_outlet_tagged_a_person_is_media(nlp):
    text = "The deal was close, according to Politico. Politico said talks would resume."
    doc = with_ents(nlp, text, {"Politico.": "PERSON"})
    doc.ents = [Span(doc, e.start, e.end - 1, "PERSON") if e.text.endswith(".") else e
                for e in doc.ents]
    assert [(m, kind) for m, kind, _ in sources(extract_doc(doc, text, "t"))][:1] == \
        [("Politico", "media")]


def test_an_outlet_s_name_written_after_a_first_name_is_a_person(nlp):
    text = "Michael Bloomberg said the plan was sound. Bloomberg added that he would fund it."
    doc = with_ents(nlp, text, {"Michael Bloomberg": "PERSON"})
    second = text.rindex("Bloomberg")
    doc.ents = [*doc.ents, doc.char_span(second, second + 9, "PERSON")]
    assert [kind for _, kind, _ in sources(extract_doc(doc, text, "t"))] == ["named", "named"]


def test_a_study_by_an_outlet_is_named_after_the_outlet_alone(evidence_of):
    got = sources(evidence_of("An analysis by Politifact of presidential elections found "
                              "that turnout rose."))
    assert got == [("An analysis by Politifact of presidential elections", "media",
                    "Politifact")]


def test_a_verb_tagged_a_person_with_a_title_is_no_one_s_name(nlp):
    text = ("The Chinese finance minister jabbed back on Monday at complaints.\n\n"
            "The finance minister, Lou Jiwei, suggested that officials curb their complaints.")
    doc = with_ents(nlp, text, {"finance minister jabbed": "PERSON", "Lou Jiwei": "PERSON"})
    assert [name for _, _, name in sources(extract_doc(doc, text, "t"))] == ["Lou Jiwei"]


@pytest.mark.parametrize("text, first, name", [
    ("Director of National Intelligence Sadiq Gabbard said the review would take a month. "
     "Gabbard added that nothing had been decided.", "Director of National Intelligence "
     "Sadiq Gabbard", "Sadiq Gabbard"),
    ("Ivanka Trump said the plan would help mothers. She added that fathers would benefit "
     "too.", "Ivanka Trump", "Ivanka Trump"),
    ("Director of National Intelligence Tulsi Gabbard said the review would take a month. "
     "Gabbard added that nothing had been decided.", "Director of National Intelligence "
     "Tulsi Gabbard", "Tulsi Gabbard"),
], ids=["a name after a portfolio", "a first name the Census lacks",
        "a first name no table knows, after a portfolio"])
def test_a_first_name_from_outside_the_us_census_makes_a_person(evidence_of, text, first, name):
    got = sources(evidence_of(text))
    assert got[0] == (first, "named", name)
    assert [(kind, n) for _, kind, n in got[1:]] == [("named", name)]


@pytest.mark.parametrize("words, name", [
    ("National Intelligence Zorvan Gabbard", True),  # two words no dictionary has
    ("the National Security Agency", False),  # dictionary words end an organisation
    ("the NSA", False),  # an acronym
    ("Defense Lloyd Austin", True),  # a known first name
])
def test_the_end_of_a_portfolio_is_a_name_when_it_reads_as_one(nlp, words, name):
    assert ends_with_name(nlp(words)) is name


def test_a_surname_the_tagger_read_as_a_verb_is_the_person_named_before(evidence_of):
    got = sources(evidence_of("President Donald Trump met the leaders on Monday. "
                              "Trump this week also said the tariffs would stay."))
    assert got == [("Trump", "named", "Donald Trump")]


@pytest.mark.parametrize("text, name", [
    ('Juan "Chico" Manriquez of Oakland carried a photo. "I cried the whole parade," he '
     'said.', "Juan Manriquez"),  # the tagger took "of" into the name
    ("Kevin “Coach” Christie said the team would win.", "Kevin Christie"),  # cut in the marks
])
def test_a_name_ends_with_a_name_word_and_loses_its_nickname(evidence_of, text, name):
    assert {n for _, kind, n in sources(evidence_of(text)) if kind == "named"} == {name}


def test_a_name_opening_with_a_first_name_of_either_sex_stays_a_person(nlp):
    text = ("Bernie Sanders spoke in Iowa on Monday. Aides said Sanders would stay in the "
            "race, and donors gave Sanders more. He said the race was close.")
    doc = nlp(text)
    first = text.index("Sanders", 10)
    doc.ents = [doc.char_span(0, 14, label="PERSON"),  # "Sanders" an organisation twice
                doc.char_span(first, first + 7, label="ORG"),
                doc.char_span(text.index("Sanders", first + 1),
                              text.index("Sanders", first + 1) + 7, label="ORG")]
    assert ("He", "named", "Bernie Sanders") in sources(extract_doc(doc, text, "t"))


@pytest.mark.parametrize("text, mention, name", [
    ("Mayor Bill de Blasio spoke on Monday. De Blasio said the budget would pass.",
     "De Blasio", "Bill de Blasio"),  # a surname of two words ends one full name
    ("The novelist Mario Vargas Llosa spoke on Monday. Vargas Llosa said the book was done.",
     "Vargas Llosa", "Mario Vargas Llosa"),
    ("Team Trump met donors on Monday. Donald Trump spoke later. Trump said the race was "
     "close.", "Trump", "Donald Trump"),  # not the headline's "Team Trump", named first
])
def test_a_surname_stands_for_the_full_name_that_reads_as_one(evidence_of, text, mention, name):
    assert (mention, "named", name) in sources(evidence_of(text))


def test_a_party_word_after_a_place_is_no_surname(evidence_of):
    got = sources(evidence_of("A Nevada Democrat said the caucus was a mess. An Iowa Democrat "
                              "said the count was slow."))
    assert [kind for _, kind, _ in got] == ["anonymous", "anonymous"]


@pytest.mark.parametrize("text, name", [
    ("Det Ch Supt Gareth Blair said the search would go on.", "Gareth Blair"),  # UK ranks
    ("Cllr Ann Jones said the budget was tight.", "Ann Jones"),
    ("Japanese Defence Minister Gen Nakatani said the sea lanes must stay open.",
     "Gen Nakatani"),  # "Gen" without a full stop is a first name too
])
def test_ranks_written_without_a_full_stop_are_titles(evidence_of, text, name):
    assert [n for _, kind, n in sources(evidence_of(text)) if kind == "named"] == [name]


@pytest.mark.parametrize("text, name", [
    ("Michael Mansfield QC said the ruling was wrong. Mansfield added that he would appeal.",
     "Michael Mansfield"),
    ("Labour's Jess Phillips MP said the cuts were cruel. Phillips added that she would vote "
     "against them.", "Jess Phillips"),  # the parser tags neither a person
    ("Dame Jane Doe OBE said the plan failed. Doe added that it was late.", "Jane Doe"),
])
def test_letters_after_a_name_are_no_part_of_it(evidence_of, text, name):
    got = sources(evidence_of(text))
    assert [(kind, n) for _, kind, n in got] == [("named", name)] * 2


def test_a_chair_with_no_name_stays_unnamed(evidence_of):
    assert sources(evidence_of("Chair of the board said the school would close.")) == [
        ("Chair", "anonymous", "Chair")]
