"""The sourcing profile (issue 16): typed sources, names beside a mention, one id per source.

Short sentences of our own, each pinning one construction; the scorecard's counts at the end.
"""
from __future__ import annotations

import pytest

from analysis.extract.coref import strip_role
from analysis.pipeline import reading_text
from analysis.scoring import score_row


def sources(records: list[dict]) -> list[tuple[str, str, str, str]]:
    """``(mention, type, name, source_id)`` of each source record."""
    return [(r["text"], r["source_type"], r["name"], r["source_id"]) for r in records
            if r["kind"] == "source"]


def typed(records: list[dict]) -> list[tuple[str, str, str]]:
    return [(m, t, n) for m, t, n, _ in sources(records)]


# ------------------------------------------------------------------ documents

@pytest.mark.parametrize("text, expected", [
    ("According to the charges, the man fled the scene before the police arrived.",
     ("the charges", "document", "the charges")),
    ("According to a tally by the Movement Advancement Project, nine states passed such laws.",
     ("a tally", "document", "Movement Advancement Project")),
    ("Humboldt's letter said that the county had not been consulted.",
     ("Humboldt's letter", "document", "Humboldt")),
    ("Court filings show that the company knew about the defect.",
     ("Court filings", "document", "Court filings")),
    ("Estimates from Bernstein Research show that the company spent $3 billion.",
     ("Estimates", "document", "Bernstein Research")),
])
def test_a_document_relied_on_is_a_document_named_after_its_author(evidence_of, text, expected):
    assert expected in typed(evidence_of(text))


def test_an_outlet_s_report_stays_a_media_citation(evidence_of):
    got = typed(evidence_of("A report by The New York Times said the deal was off."))
    assert [t for _, t, _ in got] == ["media"]


# ------------------------------------------------------------------ unresolved pronouns

@pytest.mark.parametrize("text, mention", [
    ("She said the plan would pass.", "She"),
    ("I reported last year that the plan would fail.", "I"),
    ("They said the vote would be close.", "They"),
])
def test_a_pronoun_with_no_referent_is_unresolved_never_anonymous(evidence_of, text, mention):
    assert (mention, "unresolved", mention) in typed(evidence_of(text))


def test_it_stands_for_the_organisation_named_before_and_shares_its_id(evidence_of):
    got = sources(evidence_of("Acme Corp. said on Monday that prices would rise. "
                              "It said the rise would be small."))
    assert [(m, t, n) for m, t, n, _ in got] == [("Acme Corp.", "institutional", "Acme Corp."),
                                                 ("It", "institutional", "Acme Corp.")]
    assert got[0][3] == got[1][3]


# ------------------------------------------------------------------ names beside a mention

@pytest.mark.parametrize("text, expected", [
    ("Another board member, Ana Ruiz, said the vote was rushed.",
     ("Another board member", "named", "Ana Ruiz")),
    ("The bill's author, state Sen. Justin Wayne, said he had waited years for the change.",
     ("The bill's author", "named", "Justin Wayne")),
    ("City Attorney Barbara Parker filed the lawsuit on Monday. "
     "The city attorney said the company broke the law.",
     ("The city attorney", "named", "Barbara Parker")),
    ("A senior at North Country Union High School in Newport, Wilburn, 17, recalls being "
     "in line for the bathroom when the girl in front turned around.",
     ("A senior", "named", "Wilburn")),
    ("Tenants have complained for months. Several tenants, including Maria Lopez, said the "
     "heat was off again.",
     ("Several tenants", "named", "Maria Lopez")),
], ids=["a name after a comma", "a name with a title after a comma", "a title named before",
        "a name with an age after a phrase with a place", "one member named by including"])
def test_a_name_in_or_beside_the_mention_makes_it_named(evidence_of, text, expected):
    assert expected in typed(evidence_of(text))


def test_a_group_including_several_people_or_of_companies_stays_the_group(evidence_of):
    got = typed(evidence_of("Several tenants, including Maria Lopez and Tom Hale, said the "
                            "heat was off again."))
    assert ("Several tenants", "anonymous", "Several tenants") in got
    got = typed(evidence_of("Lena Patriot runs a mine. Mining companies, including Patriot, "
                            "said the rules were too strict."))
    assert not any(t == "named" and m.startswith("Mining") for m, t, _ in got)  # not people


def test_a_job_the_tagger_took_into_an_organisations_name_leaves_the_person(evidence_of):
    # "Spokeswoman Haley Morris" is tagged an organisation whole
    got = sources(evidence_of("Spokeswoman Haley Morris said the campaign would respond. "
                              "Morris added that it was late."))
    assert [(t, n) for _, t, n, _ in got] == [("named", "Haley Morris")] * 2
    assert got[0][3] == got[1][3]


@pytest.mark.parametrize("text, name", [
    ("“It will have an impact on his coverage,” Commentary’s Noah Rothman tweeted Friday.",
     "Noah Rothman"),  # an outlet's possessive, tagged one organisation with the name
    ("At CPAC, Fox News Sean Hannity asked Kasich to lay out his plan.", "Sean Hannity"),
])
def test_a_person_the_tagger_took_into_an_outlets_name_is_named(evidence_of, text, name):
    assert any(t == "named" and n == name for _, t, n in typed(evidence_of(text)))


def test_a_surname_that_is_a_common_word_is_the_person(evidence_of):
    got = sources(evidence_of("Tonya Love, a candidate for the council, said she would appeal. "
                              "Love said the ruling was unfair."))
    assert [(m, t, n) for m, t, n, _ in got] == [("Tonya Love", "named", "Tonya Love"),
                                                 ("Love", "named", "Tonya Love")]
    assert got[0][3] == got[1][3]


def test_a_surname_the_tagger_reads_as_a_plural_noun_is_the_person(evidence_of):
    # "Wines" tagged the plural of "wine": a thing that believes nothing, unless the article
    # named Mark Wines before
    text = ("Mark Wines, the caucus president, spoke on Monday. "
            "Wines believes that the campaign took black voters for granted.")
    assert typed(evidence_of(text)) == [("Wines", "named", "Mark Wines")]
    assert typed(evidence_of("Wines believes that the campaign took voters for granted.")) == []


def test_a_one_word_company_name_is_no_person(evidence_of):
    got = sources(evidence_of("A Southwest spokesperson said the airline follows the law. "
                              "Southwest denied that workers were forced to work."))
    assert [t for _, t, _, _ in got] == ["institutional", "institutional"]
    assert got[0][3] == got[1][3]


def test_job_words_before_a_name_are_no_part_of_it():
    assert strip_role("City Attorney Barbara Parker") == ("Barbara Parker", "city attorney")
    assert strip_role("Superintendent Imee Almazan") == ("Imee Almazan", "superintendent")
    assert strip_role("Dean Smith") == ("Dean Smith", "")  # a first name, not a dean


# ------------------------------------------------------------------ one source, one id

@pytest.mark.parametrize("text", [
    "An officer told him that he had to leave. The officer said he had no choice.",
    "Three people familiar with the talks said the deal was close. "
    "The three people said a vote could come soon.",
    "Superintendent Ana Ruiz said the schools would open. Ruiz said the buses were ready.",
    "Luis Martínez said the vote was fair. Later, Martinez said he would appeal anyway.",
    "The International Coral Reef Initiative announced that the event had spread. "
    "The ICRI said 84 percent of reefs were hit.",
    # a shorter name with the same head noun
    "Donald Trump's campaign said the ad was false. The Trump campaign said it would sue.",
    "The United Nations Security Council said the vote would wait. The Security Council "
    "said it would meet on Monday.",
])
def test_the_mentions_of_one_source_share_one_id(evidence_of, text):
    got = sources(evidence_of(text))
    assert len(got) == 2 and got[0][3] == got[1][3]


@pytest.mark.parametrize("text", [
    "An officer said the road was closed. A teacher said the school would open late.",
    # a definite mention that names its own referent does not point back by its head noun
    "The Clinton campaign said the ad was false. The Trump campaign said it was accurate.",
    "A federal appeals court said the law was void. The Supreme Court said it would hear it.",
])
def test_two_sources_of_one_kind_keep_two_ids(evidence_of, text):
    got = sources(evidence_of(text))
    assert len(got) == 2 and got[0][3] != got[1][3]


def test_a_quote_carries_its_speaker_s_source_id(evidence_of):
    records = evidence_of("“We will not wait,” said Mayor Ana Ruiz. Ruiz said the plan was ready.")
    quote = next(r for r in records if r["kind"] == "quote")
    ids = {r["source_id"] for r in records if r["kind"] == "source"}
    assert ids == {quote["source_id"]}


# ------------------------------------------------------------------ the scorecard

def test_the_scorecard_counts_distinct_sources_and_documents_not_pronouns(evidence_of):
    text = ("An officer told him that he had to leave. The officer said he had no choice. "
            "According to the charges, he fled. She said the plan would pass.")
    row = score_row(evidence_of(text), {})
    assert (row["anonymous_sources"], row["document_sources"]) == (1, 1)
    assert row["named_sources"] == 0 and row["sources"] == 2
    assert row["anonymous_share"] == 0.5


def test_offsets_and_texts_still_index_the_text(evidence_of):
    text = "According to the charges, the man fled. Acme Corp. said it would appeal."
    for rec in evidence_of(text):
        assert rec["text"] == text[rec["start"]:rec["end"]]
    assert reading_text(text)[0] == text


# ------------------------------------------------------------------ institutions, polls

@pytest.mark.parametrize("text, expected", [
    ("According to the state, 10 percent of students live in shelters.",
     ("the state", "institutional", "the state")),
    ("Lawyers for the county said the law was clear.",
     ("Lawyers for the county", "institutional", "county")),
    ("A U.S. official said the talks had stalled.",
     ("A U.S. official", "anonymous", "A U.S. official")),
    # bodies of members, named before: the Hawk and Owl Trust, the Police Federation
    ("The webcam had a million hits last year, said the trust.",
     ("the trust", "institutional", "the trust")),
    ("The force has lost 153 officers since 2010, the federation said.",
     ("the federation", "institutional", "the federation")),
    ("The man was found unresponsive. The force said he had been found at a house.",
     ("The force", "institutional", "The force")),
    ("Fees rose again. The watchdog said competition was strong.",
     ("The watchdog", "institutional", "The watchdog")),
])
def test_institutions_and_those_speaking_for_them(evidence_of, text, expected):
    assert expected in typed(evidence_of(text))


def test_a_named_party_s_lawyers_are_one_institutional_source(evidence_of):
    got = sources(evidence_of(
        "Tonya Love said she would appeal. Love's lawyers argued that the signatures were "
        "valid. Her attorneys said the clerk was closed. The lawyers asked the court to rule."))
    lawyers = got[1:]
    assert {(t, n) for _, t, n, _ in lawyers} == {("institutional", "Tonya Love")}
    assert len({sid for *_, sid in lawyers}) == 1 and lawyers[0][3] != got[0][3]


@pytest.mark.parametrize("poll, kind, name", [
    ("A new Gallup/Knight poll", "document", "Gallup/Knight"),
    # a news outlet's poll is the outlet's, as its reports are ("Reuters/Ipsos", "CBS News")
    ("A new Reuters/Ipsos poll", "media", "Reuters/Ipsos"),
    ("A new New York Times/CBS News poll", "media", "New York Times/CBS News"),
])
def test_poll_respondents_are_the_poll(evidence_of, poll, kind, name):
    got = sources(evidence_of(f"{poll} showed Harris ahead. Some 73% of "
                              "registered voters said they were excited. Nearly half said the "
                              "economy was their main worry."))
    assert [(m, t, n) for m, t, n, _ in got] == [
        (poll, kind, name), ("Some 73%", kind, name), ("Nearly half", kind, name)]
    assert len({sid for *_, sid in got}) == 1


def test_a_definite_poll_is_the_latest_poll_cited(evidence_of):
    got = sources(evidence_of(
        "A Gallup poll showed Harris ahead. A separate Bloomberg News/Morning Consult poll "
        "published later showed a tie. That poll showed Trump ahead among men."))
    assert [(m, t, n) for m, t, n, _ in got][1:] == [
        ("A separate Bloomberg News/Morning Consult poll", "media",
         "Bloomberg News/Morning Consult"),
        ("That poll", "media", "Bloomberg News/Morning Consult")]
    assert got[1][3] == got[2][3] != got[0][3]


def test_a_hyphenated_word_is_no_outlet_s_name(evidence_of):
    # "post-debate" is no "Post"
    got = typed(evidence_of("The post-debate analysis found that turnout rose."))
    assert [t for _, t, _ in got] == ["document"]


# ------------------------------------------------------------------ pronoun speakers

def test_she_is_the_woman_who_spoke_not_the_boy_named_since(evidence_of):
    records = evidence_of("Juanita Campa said her son Sergio will start school soon, but she "
                          "does not know when. “I want him to learn,” she said.")
    quote = next(r for r in records if r["kind"] == "quote")
    assert quote["speaker"] == "Juanita Campa"


def test_a_speaker_paragraphs_back_gives_way_to_the_person_just_named(evidence_of):
    records = evidence_of("Josie Caballero said the survey mattered. “It shows our "
                          "resilience,” she said.\n\nHazel Krebs, who plans to vote in November, "
                          "is worried about the crowds.\n\n“Nothing will stop me,” she said.")
    speakers = [r["speaker"] for r in records if r["kind"] == "quote"]
    assert speakers == ["Josie Caballero", "Hazel Krebs"]


# ------------------------------------------------------------------ what is counted

@pytest.mark.parametrize("text, counted", [
    ("Several property owners sought a permit for the site.", False),  # an act
    ("Governor Bill Lee signed the bill on Friday.", False),  # an act of office
    ("The ACLU sued the agency, claiming the rule was adopted illegally.", True),  # a claim
    ("Landowners said the railroad would split their land.", True),
])
def test_a_source_only_shown_acting_is_a_record_but_not_counted(evidence_of, text, counted):
    records = [r for r in evidence_of(text) if r["kind"] == "source"]
    assert len(records) == 1 and records[0]["counted"] is counted
    assert score_row(evidence_of(text), {})["sources"] == int(counted)


@pytest.mark.parametrize("text, counted", [
    ("The mayor's office did not respond to requests for comment.", False),
    ("Police declined to comment on the investigation.", False),
    ("Acme Corp. would not say how many workers it had laid off.", False),
    ("Acme Corp. said it had laid off 40 workers.", True),
    ("Neither company would comment on those reports.", False),  # nobody
    ("Neither Cruz nor Kasich said they would quit the race.", False),
    ("Both Cruz and Kasich said they would stay in the race.", True),
])
def test_a_source_that_says_nothing_is_not_counted(evidence_of, text, counted):
    records = [r for r in evidence_of(text) if r["kind"] == "source"]
    assert len(records) == 1 and records[0]["counted"] is counted


@pytest.mark.parametrize("text, sources", [
    ("Let's say the plan fails.", []),  # the writer supposes
    ("Let us assume the budget holds.", []),
    ("Let's say the plan fails, the mayor told reporters.", ["the mayor"]),
    ("Residents say the plan fails.", ["Residents"]),
])
def test_what_lets_proposes_is_nobodys_word(evidence_of, text, sources):
    assert [r["text"] for r in evidence_of(text) if r["kind"] == "source"] == sources


@pytest.mark.parametrize("text, counted", [
    ("Senator Tom Ridley wants to cut the housing budget.", False),
    ("Some residents plan to rebuild their homes this summer.", False),
    ("Some residents said they plan to rebuild their homes.", True),
    ("Senator Tom Ridley wants the public to know that the budget is balanced.", True),
    ("Senator Tom Ridley wants to say that the budget is balanced.", True),
    ("Senator Tom Ridley is determined to cut the housing budget.", False),
    ("Senator Tom Ridley was quick to point out that the budget is balanced.", True),
    ("Several property owners refused to sell their land.", False),  # a refused act
    ("Several property owners refused to accept that the plan had failed.", True),
    ("County supervisors learned of the plan at a hearing last week.", False),  # told
    ("Officials learned that the dam had failed.", True),
])
def test_a_source_only_meaning_to_act_is_not_counted(evidence_of, text, counted):
    records = [r for r in evidence_of(text) if r["kind"] == "source"]
    assert records and any(r["counted"] for r in records) is counted


@pytest.mark.parametrize("text, expected", [
    ("County supervisors learned of the plan from reporting in The Standard.",
     ("The Standard", True)),
    ("The mayor heard about the closure from a report by the Tribune.",
     ("a report by the Tribune", True)),
    ("She learned from the Times that the plant would close.", ("the Times", True)),
])
def test_the_published_origin_of_what_someone_learned_is_a_source(evidence_of, text, expected):
    got = [(r["text"], r["counted"]) for r in evidence_of(text) if r["kind"] == "source"]
    assert expected in got and not any(c for m, c in got if m != expected[0])


@pytest.mark.parametrize("text", [
    "Israel learned about the meetings from its own sources.",  # the subject's sources
    "The senator said she had heard from constituents.",
    "He learned a lot from experience.",
])
def test_people_someone_learned_from_are_not_the_article_s_sources(evidence_of, text):
    assert not [r for r in evidence_of(text) if r["kind"] == "source"
                and r["rule"].startswith("informant")]


@pytest.mark.parametrize("text, counted", [
    ("When Governor Ana Ruiz announced new tolls on Monday, drivers crowded the old bridge.",
     False),  # her act dates the news
    ("Governor Ana Ruiz announced new tolls on Monday.", True),
    ("When Governor Ana Ruiz said the tolls would pay for the bridge, drivers protested.",
     True),  # what she said
])
def test_an_act_that_only_dates_the_news_is_not_counted(evidence_of, text, counted):
    got = [r for r in evidence_of(text) if r["kind"] == "source" and r["name"] == "Ana Ruiz"]
    assert len(got) == 1 and got[0]["counted"] is counted


@pytest.mark.parametrize("text, counted", [
    ("A mother filed a lawsuit over the taunts, including the word “snitch.”", False),
    ("A mother filed a lawsuit over the taunts, including the words “go back where you came "
     "from.”", True),  # someone's words, quoted
])
def test_a_quoted_word_does_not_make_an_act_an_attribution(evidence_of, text, counted):
    got = [r for r in evidence_of(text) if r["kind"] == "source" and r["text"] == "A mother"]
    assert got and any(r["counted"] for r in got) is counted


@pytest.mark.parametrize("text, counted", [
    ("The district serves parents who didn't want their children to attend the new schools.",
     False),
    ("The district hired parents who said their children had been bullied.", True),
])
def test_a_relative_clause_wishing_for_an_act_is_not_counted(evidence_of, text, counted):
    got = [r for r in evidence_of(text) if r["kind"] == "source" and r["name"] == "parents"]
    assert len(got) == 1 and got[0]["counted"] is counted


@pytest.mark.parametrize("text, counted", [
    ("Ellis said he has heard from drivers who tell him the road is unsafe.", False),
    ("The mayor met drivers who told him the road is unsafe.", True),
])
def test_people_described_inside_another_source_s_account_are_not_counted(evidence_of, text,
                                                                          counted):
    drivers = [r for r in evidence_of(text) if r["kind"] == "source" and r["name"] == "drivers"]
    assert len(drivers) == 1 and drivers[0]["counted"] is counted


@pytest.mark.parametrize("text, counted", [
    ("According to the agency’s website, caseworkers confirm that applicants live in the "
     "county.", False),
    ("Caseworkers confirm that applicants live in the county.", True),
])
def test_a_subject_inside_an_according_to_account_is_not_counted(evidence_of, text, counted):
    got = [r for r in evidence_of(text) if r["kind"] == "source"
           and r["name"].lower() == "caseworkers"]
    assert len(got) == 1 and got[0]["counted"] is counted


def test_speech_relayed_by_an_according_to_source_is_still_counted(evidence_of):
    got = [(r["name"], r["counted"]) for r in evidence_of(
        "According to the Daily Ledger, campaign spokesman Ron Pell said that the senator "
        "would sign the bill.") if r["kind"] == "source"]
    assert ("Ron Pell", True) in got


@pytest.mark.parametrize("text, name", [
    ("Senior officials refuted claims of a secret deal on Monday.", "Senior officials"),
    ("Ann Ruiz, a former adviser, underscored the importance of the treaty.", "Ann Ruiz"),
])
def test_denying_and_stressing_are_attribution_without_a_clause(evidence_of, text, name):
    got = [(r["name"], r["counted"]) for r in evidence_of(text) if r["kind"] == "source"]
    assert got == [(name, True)]


def test_a_source_that_also_says_something_is_counted_once(evidence_of):
    records = evidence_of("Governor Bill Lee signed the bill on Friday. "
                          "Lee said the law would protect children.")
    got = [(r["source_id"], r["counted"]) for r in records if r["kind"] == "source"]
    assert len(got) == 2 and got[0] == got[1] == (got[0][0], True)
    assert score_row(records, {})["named_sources"] == 1


# ------------------------------------------------------------------ more people and speakers

def test_he_quoted_his_source_as_saying_gives_the_quote_to_the_source(evidence_of):
    records = evidence_of("Axios reporter Barack Ravid wrote about the talks. He quoted his "
                          "source as saying “We have robust intelligence sharing with Israel.”")
    quote = next(r for r in records if r["kind"] == "quote")
    assert (quote["speaker"], quote["text"][:8]) == ("his source", "“We have")
    assert ("his source", "anonymous", "his source") in typed(records)


def test_a_nickname_in_quotation_marks_is_part_of_the_name(evidence_of):
    got = typed(evidence_of("Taxes are too high, said one of the plan’s critics, Rep. Kevin "
                            "“Skip” Dalton, a Republican. “We will fight it,” Dalton said."))
    assert ("one of the plan’s critics", "named", "Kevin Dalton") in got
    assert ("Dalton", "named", "Kevin Dalton") in got


def test_a_company_the_parser_tags_a_person_once_is_an_organisation(nlp):
    from spacy.tokens import Span

    from analysis.extract import extract_doc

    text = ("A Zorvex spokesperson spoke on Monday. Zorvex Bank, Zorvex Fund and Zorvex "
            "each grew. Zorvex said sales fell.")
    doc = nlp(text)
    last = [t.i for t in doc if t.text == "Zorvex"][-1]
    doc.ents = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc
                if t.text == "Zorvex" and t.i != last] + [Span(doc, last, last + 1, "PERSON")]
    got = [(r["text"], r["source_type"]) for r in extract_doc(doc, text, "t")
           if r["kind"] == "source" and r["start"] == doc[last].idx]
    assert got == [("Zorvex", "institutional")]
    # a word the article also writes after a first name is a surname: "Peter Zorvex"
    text = "Peter Zorvex, an heir, spoke. " + text
    doc = nlp(text)
    last = [t.i for t in doc if t.text == "Zorvex"][-1]
    doc.ents = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc
                if t.text == "Zorvex" and t.i != last] + [Span(doc, last, last + 1, "PERSON")]
    assert [r["source_type"] for r in extract_doc(doc, text, "t")
            if r["kind"] == "source" and r["start"] == doc[last].idx] == ["named"]


@pytest.mark.parametrize("text, mention", [
    ("The boy has since graduated and J. Mason said he wants the school to be safe for "
     "students.", "J. Mason"),
    ("The elected and appointed members said the plan was sound.",
     "The elected and appointed members"),
])
def test_a_mention_never_takes_in_a_clause_the_parser_hung_on_it(evidence_of, text, mention):
    assert [r["text"] for r in evidence_of(text) if r["kind"] == "source"] == [mention]


@pytest.mark.parametrize("text, mention", [
    ("Parents were angry. “This is simply unacceptable” Ana Ruiz told reporters.", "Ana Ruiz"),
    ('Parents were angry. "This is simply unacceptable" Ana Ruiz told reporters.', "Ana Ruiz"),
    ("Kevin “Coach” Christie said the team would win.", "Kevin “Coach” Christie"),
])
def test_a_speaker_never_reaches_back_into_the_quotation_before_it(evidence_of, text, mention):
    assert [r["text"] for r in evidence_of(text) if r["kind"] == "source"] == [mention]


def test_both_women_are_the_two_women_just_named(evidence_of):
    got = typed(evidence_of("Jennifer Peyton was fired in April. Carla Espinoza was fired in "
                            "May by Attorney General James Miller. Both women said they had "
                            "no warning."))
    assert ("Both women", "named", "Jennifer Peyton and Carla Espinoza") in got


@pytest.mark.parametrize("text, mention, kind, name", [
    ("Sen. Jeff Sessions met Sen. Ted Cruz on Monday. Donald Trump joined them later. The two "
     "senators said the bill would pass.", "The two senators", "named",
     "Jeff Sessions and Ted Cruz"),  # the two the article called senators, not the last two
    ("Sen. Jeff Sessions met Sen. Ted Cruz on Monday. Two senators who asked not to be named "
     "said the bill would pass.", "Two senators", "anonymous", "Two senators"),  # two more
])
def test_the_two_are_the_two_of_that_title_and_two_alone_are_new(evidence_of, text, mention,
                                                                   kind, name):
    assert (mention, kind, name) in typed(evidence_of(text))


def test_officials_of_a_company_speak_for_it_officials_of_a_country_do_not(evidence_of):
    assert ("Acme Corp. officials", "institutional", "Acme Corp.") in typed(
        evidence_of("Acme Corp. officials said the plant would reopen."))
    assert ("U.S. officials", "anonymous", "U.S. officials") in typed(
        evidence_of("U.S. officials said the plant would reopen."))


def test_a_plural_family_name_is_the_people_of_that_surname(evidence_of):
    got = typed(evidence_of("Maria Lopez and her husband Daniel Lopez run the bakery. "
                            "Last week the Lopezes announced that it would close."))
    assert ("the Lopezes", "named", "Maria Lopez and Daniel Lopez") in got


@pytest.mark.parametrize("text, mention", [
    ("But new data obtained by the Ledger from the county's own housing office show that "
     "rents rose sharply.", "new data"),
    ("New records obtained by the Herald from the city's transit office show that buses ran "
     "late.", "New records"),
])
def test_an_attribution_verb_the_tagger_read_as_a_noun_still_attributes(evidence_of, text,
                                                                         mention):
    assert [(r["text"], r["source_type"], r["counted"]) for r in evidence_of(text)
            if r["kind"] == "source"] == [(mention, "document", True)]


def test_data_are_a_document_whatever_the_lemma(evidence_of):
    records = evidence_of("Data from the 2014 census show that rents rose. Officials said "
                          "the federal data were sound, and the federal data show the same.")
    assert {r["source_type"] for r in records if r["kind"] == "source"
            and "data" in r["text"].lower()} == {"document"}


# ------------------------------------------------------------------ round 4

@pytest.mark.parametrize("text, expected", [
    ("Most of the new flats were left empty for a year, reported the Tribune.",
     ("the Tribune", "inverted subject of report")),
    ("Two of the city's bus lines will close next month, reports Axios.",
     ("Axios", "inverted subject of report")),
])
def test_a_cue_after_its_content_names_its_source_after_it(evidence_of, text, expected):
    assert [(r["text"], r["rule"]) for r in evidence_of(text) if r["kind"] == "source"] == \
        [expected]


@pytest.mark.parametrize("text", [
    "She called the police, reported the theft and went home.",
    "Most of the flats were empty, he reported to the Council.",
])
def test_an_object_after_a_cue_is_no_inverted_source(evidence_of, text):
    assert not any(r["rule"].startswith("inverted") for r in evidence_of(text)
                   if r["kind"] == "source")


def test_a_capitalised_word_read_as_an_adverb_is_an_organisation_not_a_person(nlp):
    from analysis.extract.source_types import misread_name
    doc = nlp("Most subsidized housing units are losing money, reports BisNow.")
    word = next(t for t in doc if t.text == "BisNow")
    assert misread_name(word) == (word.pos_ in ("ADV", "X"))
    assert not misread_name(doc[0])


def test_an_outlet_s_short_name_is_the_outlet_named_before(evidence_of):
    got = sources(evidence_of("A detailed Los Angeles Times investigation found that the "
                              "hotels were unsafe. The homes were often hit with complaints, "
                              "reported the Times."))
    assert [(m, t) for m, t, _, _ in got] == [
        ("A detailed Los Angeles Times investigation", "media"), ("the Times", "media")]
    assert got[0][3] == got[1][3]


def test_the_outlet_is_the_outlet_named_before(evidence_of):
    got = sources(evidence_of("The Washington Post reported that the talks had stalled. The "
                              "outlet noted that no date was set. Reuters said the envoy left. "
                              "The news agency's editor declined to comment, the paper added."))
    post, outlet, reuters, paper = got
    assert outlet[1:] == ("media", "The Washington Post", post[3])
    assert paper[1:] == ("media", "Reuters", reuters[3]) and reuters[3] != post[3]


def test_an_outlet_noun_with_no_outlet_named_before_is_a_source_of_its_own(evidence_of):
    got = sources(evidence_of("The newspaper reported that the talks had stalled. Officials "
                              "said the envoy left."))
    assert got[0][:3] == ("The newspaper", "media", "The newspaper")


def test_the_report_after_an_outlet_s_report_is_that_outlet(evidence_of):
    got = sources(evidence_of("The talks stalled, according to a report by The New York Times. "
                              "The envoy left early, according to the report."))
    assert [g[1:] for g in got] == [("media", "The New York Times", got[0][3])] * 2


def test_the_report_after_a_document_s_report_stays_that_document(evidence_of):
    got = sources(evidence_of("The Washington Post reported that talks stalled. The bridge is "
                              "unsafe, according to a report by the city auditor. Repairs were "
                              "delayed, according to the report."))
    post, audit, again = got
    assert audit[1] == "document"
    assert again[1] == "document" and again[3] == audit[3] != post[3]


def test_the_representative_is_the_spokesperson_before(evidence_of):
    got = sources(evidence_of("A Pentagon rep said the review was over. Senator Ann Ruiz said "
                              "she was not told. The representative said the report would be "
                              "published in May."))
    rep, ruiz, again = got
    assert again[1:] == rep[1:] and again[3] != ruiz[3]


@pytest.mark.parametrize("text", [
    "In May the driver was found to be at fault.",
    "Two months later Ruiz was determined to be competent.",
    "The senator is said to have left the party.",
])
def test_the_subject_of_a_judging_passive_is_no_source(evidence_of, text):
    assert [r for r in evidence_of(text) if r["kind"] == "source"] == []


def test_meaning_to_act_after_be_is_still_a_record(evidence_of):
    got = typed(evidence_of("Senator Ana Ruiz is determined to warn her voters."))
    assert [m for m, _, _ in got] == ["Senator Ana Ruiz"]


@pytest.mark.parametrize("text, kept", [
    ("The city has one such rule, an ordinance approved by Oakland voters.", []),
    ("A report released by the state agency found that rents rose.", ["A report"]),
    ("The registration issue was first reported by The Ledger.", ["The Ledger"]),
])
def test_the_agent_of_an_act_describing_a_noun_is_no_source(evidence_of, text, kept):
    assert [r["text"] for r in evidence_of(text) if r["kind"] == "source"] == kept


@pytest.mark.parametrize("text, expected", [
    ("Ruiz leads Smith 45% to 41% in a Gallup poll published on Thursday.",
     [("a Gallup poll", "document", "Gallup")]),
    ("Across four Gallup polls conducted in July, Ruiz had a lead among women.",
     [("four Gallup polls", "document", "Gallup")]),
    ("Smith had the support of 6% of voters in the survey.",
     [("the survey", "document", "the survey")]),
    # "Poll" capitalised in a poll's name, tagged a proper noun
    ("In a Gallup Poll released Sunday, Ruiz led by four points.",
     [("a Gallup Poll", "document", "Gallup")]),
    # a month's possessive says when, not who
    ("In May's Gallup poll, Ruiz led by four points.",
     [("May's Gallup poll", "document", "Gallup")]),
])
def test_a_poll_the_figures_are_reported_in_is_the_source(evidence_of, text, expected):
    assert typed(evidence_of(text)) == expected


@pytest.mark.parametrize("text", [
    "He slid in the polls behind his rivals.",
    "She leads in national polls by three points.",
])
def test_polling_at_large_is_no_source(evidence_of, text):
    assert typed(evidence_of(text)) == []


@pytest.mark.parametrize("text, share", [
    ("In a Gallup poll released Sunday, 75 percent of Americans said they disapproved.",
     "75 percent"),
    ("In a Gallup Poll released Sunday, a third of voters said they had made up their minds.",
     "a third"),
])
def test_the_share_a_poll_of_its_sentence_counts_is_the_poll(evidence_of, text, share):
    # the poll is named in the sentence, not before it: its respondents are still the poll
    assert typed(evidence_of(text)) == [(share, "document", "Gallup")]


def test_a_capitalised_survey_of_an_agency_is_no_poll(evidence_of):
    got = typed(evidence_of("The U.S. Geological Survey said the quake struck at noon."))
    assert got == [("The U.S. Geological Survey", "institutional", "The U.S. Geological Survey")]


def test_a_poll_is_no_second_source_where_the_sentence_credits_one(evidence_of):
    got = typed(evidence_of("Some 73% of voters in the Gallup poll said they were excited."))
    assert [m for m, _, _ in got] == ["Some 73%"]


def test_polls_of_one_pollster_are_one_source_whatever_the_month(evidence_of):
    got = sources(evidence_of("Ruiz leads Smith 45% to 41% in a Gallup poll published on "
                              "Thursday. Her lead was wider than the lead she had in a late "
                              "July Gallup poll. Smith led among men by 7 points in the latest "
                              "survey."))
    assert [(t, n) for _, t, n, _ in got][:2] == [("document", "Gallup")] * 2
    assert len({sid for *_, sid in got}) == 1


@pytest.mark.parametrize("place", ["airport", "museum", "club"])
def test_a_place_that_speaks_is_an_institution(evidence_of, place):
    got = typed(evidence_of(f"Two flights were delayed by the storm, the {place} said."))
    assert got == [(f"the {place}", "institutional", f"the {place}")]


def test_a_place_that_acts_is_no_source(evidence_of):
    assert typed(evidence_of("The museum plans to open a new wing next spring.")) == []


# ------------------------------------------------------------------ round 7 (types)

def test_a_quote_in_a_document_s_relative_clause_is_the_document_s_words(evidence_of):
    records = evidence_of("The governor signed a bill into law that defines a school day as "
                          "“six hours of instruction for every pupil in the state.”")
    quote = next(r for r in records if r["kind"] == "quote")
    assert quote["speaker"] == "a bill"
    got = {r["text"]: (r["source_type"], r["counted"]) for r in records if r["kind"] == "source"}
    assert got == {"that": ("document", True), "The governor": ("anonymous", False)}


def test_a_quote_an_act_of_the_clause_takes_is_no_words_of_the_document(evidence_of):
    records = evidence_of("Mr Ruiz wants leaders to back policies that will attempt to tackle "
                          "some of the “deep and lasting problems of the regional economy.”")
    quote = next(r for r in records if r["kind"] == "quote")
    assert quote["speaker"] != "policies"


def test_an_email_s_clause_put_after_the_verb_s_phrases_is_the_email_s(evidence_of):
    records = evidence_of("The visit triggered an email to the clerk from the court that "
                          "stated judges “must not speak to reporters about open cases.”")
    assert ("that", "document", "an email") in typed(records)


@pytest.mark.parametrize("text, expected", [
    ("The city filed a lawsuit in federal court that accuses the company of fraud.",
     ("that", "document", "a lawsuit")),
    ("The agency sent a letter to the mayor describing the plan as a failure.",
     ("a letter", "document", "a letter")),
])
def test_a_document_a_clause_credits_is_its_source_not_who_filed_it(evidence_of, text,
                                                                     expected):
    records = evidence_of(text)
    assert expected in typed(records)
    assert [r["counted"] for r in records if r["kind"] == "source" and
            r["source_type"] == "document"] == [True]


def test_a_suit_seeking_damages_states_nothing(evidence_of):
    got = typed(evidence_of("The union filed a suit seeking damages from the city."))
    assert all(t != "document" for _, t, _ in got)


def test_a_document_a_speaker_cites_is_not_counted_twice(evidence_of):
    records = evidence_of("Rep. Ana Ruiz cited a study that found rents rose by a third.")
    got = {r["name"]: r["counted"] for r in records if r["kind"] == "source"}
    assert got == {"Ana Ruiz": True}


def test_a_document_a_group_issues_is_how_it_speaks_not_a_second_source(evidence_of):
    records = evidence_of("The two families issued a statement vowing to keep fighting in "
                          "court.")
    docs = [r["counted"] for r in records if r["kind"] == "source" and
            r["source_type"] == "document"]
    assert docs == [False]


def test_a_speaker_s_sentence_keeps_no_document_of_its_own(evidence_of):
    got = typed(evidence_of("Mayor Ana Ruiz said the city filed a lawsuit that accuses the "
                            "company of fraud."))
    assert [t for _, t, _ in got] == ["named"]


def test_the_complaint_is_the_lawsuit_named_before(evidence_of):
    got = sources(evidence_of("The city filed a lawsuit that accuses the company of fraud. "
                              "According to the complaint, the company hid its losses."))
    assert [t for _, t, _, _ in got] == ["document", "document"]
    assert len({sid for *_, sid in got}) == 1


def test_a_plural_pronoun_never_stands_for_one_thing(evidence_of):
    got = typed(evidence_of("The failure of the bills showed that the tide is turning, "
                            "they argued."))
    assert ("they", "unresolved", "they") in got


def test_they_still_stands_for_an_organisation(evidence_of):
    got = typed(evidence_of("Acme Corp. said on Monday that prices would rise. "
                            "They said the rise would be small."))
    assert got[-1] == ("They", "institutional", "Acme Corp.")


@pytest.mark.parametrize("text", [
    "Mark Warner and Marco Rubio said the report was late. They added that it was wrong.",
    "Researchers Jacob Krimmel and Betty Wang said the rule failed. They added that it was "
    "wrong.",
])
def test_they_stands_for_two_people_named_together(evidence_of, text):
    got = sources(evidence_of(text))
    assert got[-1][:2] == ("They", "named") and got[-1][3] == got[0][3]


def test_a_named_person_is_no_antecedent_of_they(evidence_of):
    got = typed(evidence_of("Jane Smith said the plan failed. They added that it was wrong."))
    assert ("They", "unresolved", "They") in got


def test_a_group_noun_capitalised_at_a_sentence_start_is_anonymous(evidence_of):
    # the tagger reads "Aides" as a proper noun after this paragraph
    got = typed(evidence_of(
        "Asked on Monday whether Mr. Clinton would hold a cabinet position, Mrs. Clinton "
        "shook her head and said, \"No.\"\n\nAides said Mr. Clinton's role would be narrowly "
        "defined to focus on hard-hit areas of the country, such as the Rust Belt, and they "
        "rejected any implication that Mrs. Clinton would outsource a central part of her "
        "job."))
    assert ("Aides", "anonymous", "Aides") in got and ("they", "anonymous", "Aides") in got


@pytest.mark.parametrize("text, mention", [
    ("The California Department of Education said the number of homeless students rose.",
     "The California Department of Education"),
    ("A spokesman for the Brennan Center for Justice said the law was popular.",
     "A spokesman for the Brennan Center for Justice"),
])
def test_an_organisation_s_name_is_not_cut_at_of_or_for(evidence_of, text, mention):
    assert mention in [m for m, _, _ in typed(evidence_of(text))]


def test_a_speech_verb_with_a_clause_attributes_whatever_subject_it_borrows(evidence_of):
    got = typed(evidence_of("Tom Baker packed his bags. He was neither arrested nor fined, "
                            "and told reporters he had slept there for a week."))
    assert ("He", "named", "Tom Baker") in got


def test_who_issued_a_statement_that_says_something_is_counted(evidence_of):
    got = [r for r in evidence_of(
        "The decision disappointed the landowners, who were not allowed to speak at the "
        "meeting but issued a statement vowing to keep fighting in court.")
        if r["kind"] == "source" and r["name"] == "the landowners"]
    assert got and any(r["counted"] for r in got)


@pytest.mark.parametrize("second, kind, name", [
    ("Voters picked Trump as having a better approach to the economy, 45% to 36%.",
     "document", "Gallup"),  # the poll's respondents
    ("Voters said the economy mattered most.", "anonymous", "Voters"),  # no figure
])
def test_people_a_poll_counts_are_its_respondents(evidence_of, second, kind, name):
    first = ("Harris leads Trump 45% to 41% among registered voters, a Gallup poll "
             "showed on Thursday. ")
    got = [r for r in evidence_of(first + second) if r["kind"] == "source"
           and r["start"] >= len(first)]
    assert [(r["text"], r["source_type"], r["name"]) for r in got] == [("Voters", kind, name)]


@pytest.mark.parametrize("label", ["Subtitle", "Caption", "Summary", "Editor’s Note", "Exclusive"])
def test_the_label_of_a_page_field_is_no_headline_speaker(evidence_of, label):
    # "Subtitle:" opens a field of the page, not the words of someone named "Subtitle"
    text = ("Headline: Vermont House backs bill - VTDigger\n\n"
            f"{label}: The bill, approved 132-5, aims to prevent the erasure of people, "
            "Rep. Saudia LaMont said.\n\nThe House voted on Friday.")
    assert typed(evidence_of(text)) == [("Rep. Saudia LaMont", "named", "Saudia LaMont")]
