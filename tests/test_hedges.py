"""Hedges and boosters: lexicons, context rules, offsets, quotes, and the seed articles."""
from __future__ import annotations

import pytest

from analysis.extract.hedges import cue_lexicon, find_hedges_and_boosters
from analysis.extract.quotes import quote_spans
from analysis.spans import SpanSet
from analysis.lexicons import lexicon_set, load_lexicon
from analysis.paths import LEXICON_DIR


def cues(evidence: list[dict], kind: str = "hedge") -> list[str]:
    return [r["text"].lower() for r in evidence if r["kind"] == kind]


def seed(seed_dir, prefix: str) -> str:
    [path] = sorted(seed_dir.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


# ---------------------------------------------------------------- lexicons

def test_lexicons_load_with_documented_source():
    for name in ("hedges", "boosters"):
        assert len(load_lexicon(name)) > 20
        assert all(entry == entry.strip().lower() for entry in load_lexicon(name))
        first = (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#")
    assert {"may", "reportedly", "allegedly", "likely", "believe"} <= lexicon_set("hedges")
    assert {"firmly", "adamantly", "unequivocally", "undoubtedly"} <= lexicon_set("boosters")
    assert "would" not in lexicon_set("hedges") and "if" not in lexicon_set("hedges")


def test_multiword_entries_keyed_by_first_word():
    lex = cue_lexicon("hedges")
    assert ("may", "or", "may", "not") in lex.multi["may"]
    assert all(len(w) > 1 for words in lex.multi.values() for w in words)


def test_multiword_cue_is_one_record(evidence_of):
    ev = evidence_of("The drug may or may not help patients.\n")
    hedges = [r for r in ev if r["kind"] == "hedge"]
    assert [(h["text"], h["cue"]) for h in hedges] == [("may or may not", "may or may not")]


@pytest.mark.parametrize("word", ["reportedly", "allegedly", "apparently", "perhaps", "probably",
                                  "supposedly", "seemingly", "presumably"])
def test_hedge_adverbs(evidence_of, word):
    assert cues(evidence_of(f"The minister {word} left the country on Tuesday.\n")) == [word]


@pytest.mark.parametrize("sentence,word", [
    ("The senator firmly rejected the proposal.\n", "firmly"),
    ("She adamantly denied the report.\n", "adamantly"),
    ("The court unequivocally ruled against the company.\n", "unequivocally"),
    ("This is undoubtedly the largest fire in the state.\n", "undoubtedly"),
])
def test_boosters(evidence_of, sentence, word):
    ev = evidence_of(sentence)
    assert cues(ev, "booster") == [word] and cues(ev) == []


# ---------------------------------------------------------------- context rules

def test_may_the_month_is_not_a_hedge(evidence_of):
    assert cues(evidence_of("The law took effect on May 6, 2019.\n")) == []
    assert cues(evidence_of("The talks are supposed to end in May.\n")) == ["supposed"]
    assert cues(evidence_of("Prime Minister Theresa May met the king.\n")) == []


def test_modal_may_is_a_hedge(evidence_of):
    ev = evidence_of("The company may cut 300 jobs next year.\n")
    [hedge] = [r for r in ev if r["kind"] == "hedge"]
    assert (hedge["cue"], hedge["in_quote"]) == ("may", False)
    assert "modal" in hedge["rule"]


def test_claims_noun_of_record_vs_assertion(evidence_of):
    assert cues(evidence_of("Insurance claims rose sharply after the storm.\n")) == []
    assert cues(evidence_of("The claims were filed in March.\n")) == []
    assert cues(evidence_of("The company claims that the product is safe.\n")) == ["claims"]


def test_could_conditional_negated_and_modal(evidence_of):
    assert cues(evidence_of("The strike could delay the launch by a year.\n")) == ["could"]
    assert cues(evidence_of("He said he could not comment on the case.\n")) == []
    assert cues(evidence_of("They asked whether the firm could pay its debts.\n")) == []
    assert cues(evidence_of("If the bank could raise capital, it would survive.\n")) == []


def test_likely_and_unlikely(evidence_of):
    ev = evidence_of("A deal is likely this week, but a merger is unlikely.\n")
    assert [r["cue"] for r in ev if r["kind"] == "hedge"] == ["likely", "unlikely"]


def test_appears_literal_vs_epistemic(evidence_of):
    assert cues(evidence_of("The suspect appeared in court on Monday.\n")) == []
    assert cues(evidence_of("The suspect appears to have fled the country.\n")) == ["appears"]


def test_expected_only_with_a_prediction(evidence_of):
    assert cues(evidence_of("The bill is expected to pass next week.\n")) == ["expected"]
    assert cues(evidence_of("As expected, the bank raised its rates.\n")) == []
    assert cues(evidence_of("Profits were lower than expected.\n")) == []


def test_believe_needs_a_clause(evidence_of):
    assert cues(evidence_of("Officials believe the fire was set deliberately.\n")) == ["believe"]
    assert cues(evidence_of("Many people believe in ghosts.\n")) == []


def test_estimated_amount_vs_estimate(evidence_of):
    assert cues(evidence_of("An estimated 20,000 people marched.\n")) == []
    assert cues(evidence_of("Analysts estimated that sales would fall.\n")) == ["estimated"]


def test_potential_role_vs_possibility(evidence_of):
    assert cues(evidence_of("The firm is talking to potential buyers.\n")) == []
    assert cues(evidence_of("Investors fear potential losses.\n")) == ["potential"]


def test_negated_booster_is_not_a_booster(evidence_of):
    ev = evidence_of("It is not clear who fired first.\n")
    assert cues(ev, "booster") == [] and cues(ev) == ["not clear"]
    assert cues(evidence_of("It is clear that the plan failed.\n"), "booster") == ["clear"]
    assert cues(evidence_of("He acquired certain assets of the firm.\n"), "booster") == []


# ---------------------------------------------------------------- records, quotes, offsets

def test_hedge_inside_quote_is_the_speakers(evidence_of):
    text = 'The mayor said: "I think the bridge may collapse." Repairs might start soon.\n'
    ev = [r for r in evidence_of(text) if r["kind"] == "hedge"]
    flags = {r["text"]: r["in_quote"] for r in ev}
    assert flags == {"think": True, "may": True, "might": False}


def test_record_fields_and_offsets(evidence_of):
    text = "Title line\n\nOfficials reportedly   believe the deal could   collapse.\n"
    ev = [r for r in evidence_of(text) if r["kind"] in ("hedge", "booster")]
    assert ev, "expected hedges"
    for r in ev:
        assert set(r) >= {"kind", "start", "end", "cue", "in_quote", "rule"}
        assert text[r["start"]:r["end"]] == r["text"]
        assert r["text"].lower() == r["cue"] or r["text"].lower().startswith(r["cue"][:4])
    assert [r["text"] for r in ev] == ["reportedly", "believe", "could"]


def test_quote_spans_binary_search():
    spans = SpanSet(quote_spans([{"kind": "quote", "start": 10, "end": 20},
                                 {"kind": "quote", "start": 15, "end": 30},
                                 {"kind": "title", "start": 40, "end": 50},
                                 {"kind": "wire_quote", "start": 60, "end": 70}]))
    assert [o in spans for o in (9, 10, 25, 29, 30, 45, 65, 70)] == [
        False, True, True, True, False, False, True, False]


def test_no_quotes_and_empty_doc(nlp):
    doc = nlp("   ")
    assert find_hedges_and_boosters(doc, []) == []


# ---------------------------------------------------------------- seed articles

def _writer_hedges(ev):
    return {r["text"].lower() for r in ev if r["kind"] == "hedge" and not r["in_quote"]}


def test_seed_001_reportedly_and_adamantly(evidence_of, seed_dir):
    ev = evidence_of(seed(seed_dir, "001"), "001")
    assert "reportedly" in _writer_hedges(ev)
    assert "adamantly" in cues(ev, "booster")


def test_seed_000_boosters_and_hedges(evidence_of, seed_dir):
    ev = evidence_of(seed(seed_dir, "000"), "000")
    assert {"firmly", "unequivocally"} <= set(cues(ev, "booster"))
    assert {"supposed", "potentially"} <= set(cues(ev))


def test_seed_003_writer_modals(evidence_of, seed_dir):
    ev = evidence_of(seed(seed_dir, "003"), "003")
    assert {"may", "could"} <= _writer_hedges(ev)


def test_month_words_and_role_nouns_are_lexicons(evidence_of):
    # lexicons/month_words.txt: "since May" is the month; lexicons/role_nouns.txt: a
    # "potential" role is no hedge, a potential event is
    from analysis.lexicons import lexicon_set

    assert {"since", "early"} <= lexicon_set("month_words")
    assert {"buyer", "voter"} <= lexicon_set("role_nouns")
    assert cues(evidence_of("Prices have risen since May.\n")) == []
    assert cues(evidence_of("Analysts warned of a potential strike.\n")) == ["potential"]
