"""The attribution lexicons: each list's header, contents and the behaviour it drives."""
from __future__ import annotations

import pytest

from analysis.lexicons import lexicon_set, load_lexicon
from analysis.paths import LEXICON_DIR

ATTRIBUTION_LEXICONS = ["cue_verbs", "cue_verbs_clausal", "cue_adjectives", "anonymous_sources",
                        "media_outlets", "media_nouns", "institution_nouns",
                        "spokesperson_nouns", "person_titles", "addressee_verbs", "work_nouns",
                        "title_case_small_words", "female_nouns", "male_nouns", "months",
                        "judging_verbs", "judging_participles"]


@pytest.mark.parametrize("name", ATTRIBUTION_LEXICONS)
def test_each_list_says_where_it_comes_from_and_is_not_empty(name):
    first = (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# ")
    entries = load_lexicon(name)
    assert len(entries) >= 10
    assert all(e == e.strip().lower() and e for e in entries)


def test_gendered_nouns_are_of_one_gender_each():
    female, male = lexicon_set("female_nouns"), lexicon_set("male_nouns")
    assert {"woman", "mother", "wife"} <= female and {"man", "father", "husband"} <= male
    assert not female & male and not {"student", "person", "parent"} & (female | male)


def test_months_hold_the_twelve_names_and_their_abbreviations():
    from analysis.compare.text import MONTHS

    names = [m for m in load_lexicon("months") if not m.endswith(".")]
    assert names[0] == "january" and names[-1] == "december" and len(names) == 12
    assert {"sept.", "dec."} <= lexicon_set("months")
    assert MONTHS == set(names) - {"may"}  # the dates of compare: "may" is mostly the verb


def test_cue_verbs_hold_speech_verbs_not_ordinary_ones():
    verbs = lexicon_set("cue_verbs")
    assert {"say", "tell", "claim", "argue", "deny", "tweet", "report"} <= verbs
    assert not {"go", "make", "be", "have", "win"} & verbs


@pytest.mark.parametrize("name", ["cue_verbs", "cue_verbs_clausal", "quote_cue_verbs",
                                  "action_verbs", "plain_speech_verbs"])
def test_every_ize_verb_has_its_british_spelling(name):
    verbs = lexicon_set(name)
    assert {v[:-3] + "ise" for v in verbs if v.endswith("ize")} <= verbs


def test_a_british_spelling_introduces_a_quote(evidence_of):
    records = evidence_of("The singer apologised “on behalf of my whole country” last week.")
    quote = next(r for r in records if r["kind"] == "quote")
    assert quote["speaker"] == "The singer"


def test_clausal_verbs_are_thought_verbs_apart_from_speech_verbs():
    clausal = lexicon_set("cue_verbs_clausal")
    assert {"think", "believe", "want", "know"} <= clausal
    assert not clausal & {"say", "tell"}


def test_thought_verb_counts_only_with_a_clause(evidence_of):
    def srcs(text):
        return [r["text"] for r in evidence_of(text) if r["kind"] == "source"]
    assert srcs("Republicans believe that the race is rigged.") == ["Republicans"]
    assert srcs("Republicans know the senator from Ohio.") == []


def test_stance_adjective_makes_a_source(evidence_of):
    got = [r["text"] for r in evidence_of("Democrats are worried that turnout will drop.")
           if r["kind"] == "source"]
    assert got == ["Democrats"]


def test_media_outlets_type_media_and_spokespeople_type_institutional(evidence_of):
    assert {"washington post", "new york times", "cnn", "axios"} <= lexicon_set("media_outlets")
    assert {"spokesperson", "spokesman", "rep"} <= lexicon_set("spokesperson_nouns")
    recs = evidence_of("CNN reported the strike. A Pentagon spokesman denied the claim.")
    types = {r["text"]: r["source_type"] for r in recs if r["kind"] == "source"}
    assert types == {"CNN": "media", "A Pentagon spokesman": "institutional"}


def test_anonymous_sources_cover_unnamed_people():
    assert {"official", "officials", "sources", "critics", "people"} <= lexicon_set(
        "anonymous_sources")


def test_person_titles_strip_honorifics():
    from analysis.extract.coref import strip_titles

    assert {"sen.", "mr.", "president"} <= lexicon_set("person_titles")
    assert strip_titles("Sen. Tom Cotton") == "Tom Cotton"
    assert strip_titles("Maj. Gen. Aharon Zeevi Farkash") == "Aharon Zeevi Farkash"


def test_an_addressee_after_an_inverted_cue_is_not_the_speaker(evidence_of):
    text = "“We will win this state,” told the volunteers."
    quotes = [r for r in evidence_of(text) if r["kind"] == "quote"]
    assert quotes[0]["speaker"] != "the volunteers"
    assert "tell" in lexicon_set("addressee_verbs")


def test_work_nouns_name_works_not_words_that_introduce_quotations():
    works = lexicon_set("work_nouns")
    assert {"column", "book", "song", "titled"} <= works
    assert not {"speech", "statement", "report", "called", "said"} & works


def test_lemma_candidates_reach_the_lemma_of_inflected_and_irregular_forms():
    from analysis.lexicons import lemma_candidates

    assert "break" in lemma_candidates("Breaks")
    assert "state" in lemma_candidates("Stated")
    assert "continue" in lemma_candidates("Continued")
    assert "say" in lemma_candidates("Said") and "write" in lemma_candidates("wrote")
    assert lemma_candidates("Ellis") & {"say", "tell", "write"} == set()


def test_a_quantifier_keeps_its_of_phrase_in_the_source(evidence_of):
    # "some" is in lexicons/quantifiers.txt: the source is "some of his aides", not "some"
    assert "some" in lexicon_set("quantifiers")
    ev = evidence_of("Some of his aides said the plan would fail.")
    assert [r["text"] for r in ev if r["kind"] == "source"] == ["Some of his aides"]
