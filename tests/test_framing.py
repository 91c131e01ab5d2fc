"""Framing (issue 4): lexicons, doc features, Fightin' Words, actors, look/advocacy signals."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from analysis.boilerplate import clean_article, mask_outside
from analysis.extract import extract_doc
from analysis.framing.actors import actor_table, display_name
from analysis.framing.features import canonical_actor, doc_features, phrase_pattern
from analysis.framing.signals import combine, signal_rows
from analysis.framing.vocabulary import distinctive_words, fightin_words
from analysis.lexicons import load_lexicon

FRAMING_LEXICONS = ["transitions", "stock_phrases", "loaded_terms", "evaluative_terms",
                    "calls_to_action", "first_person_plural", "reader_address", "claim_markers",
                    "reporting_verbs", "actor_nouns", "actor_aliases"]

NEWS_BRIEF = ("Police arrested two men in Leeds on Tuesday after a break-in at a pharmacy, "
              "a spokesperson for West Yorkshire Police said. “We recovered most of the stolen "
              "goods,” Inspector Sarah Khan told reporters. The men, aged 24 and 31, remain in custody.")
ESSAY = ("The issue of security cooperation has become increasingly important in the modern world. "
         "On one hand, sharing intelligence can strengthen alliances and foster trust between nations. "
         "On the other hand, it raises intricate questions about sovereignty and accountability. "
         "Furthermore, governments must navigate a complex landscape of competing interests. "
         "Moreover, the public expects transparency while also demanding effective protection. "
         "Overall, this delicate balance underscores the need for careful and responsible policy. "
         "Moving forward, leaders will need to weigh these factors with care and foresight.")


@pytest.fixture(scope="module")
def features_of(nlp):
    def run(text: str, evidence: list[dict] | None = None) -> tuple[dict, list[dict]]:
        cleaned = clean_article(text)
        doc = nlp(mask_outside(text, cleaned.body_spans))
        ev = extract_doc(doc, text, "t") if evidence is None else evidence
        return doc_features(doc, text, ev), ev
    return run


@pytest.mark.parametrize("name", FRAMING_LEXICONS)
def test_framing_lexicons_say_where_they_come_from(name):
    from analysis.paths import LEXICON_DIR

    first = (LEXICON_DIR / f"{name}.txt").read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("#") and load_lexicon(name)


@pytest.mark.parametrize("text, hit", [
    ("On the other hand, the plan failed.", "On the other hand"),
    ("Overall, the plan failed.", "Overall"),
    ("Moving forward, talks resume.", "Moving forward"),
    ("Overall spending rose.", None),  # "overall" as an adjective is not a transition
    ("However, the plan failed.", None),  # plain news connectives are not stock transitions
])
def test_transitions_lexicon_at_sentence_start(text, hit):
    m = phrase_pattern("transitions", sentence_start=True).match(text, 0)
    assert (m.group() if m else None) == hit


@pytest.mark.parametrize("name, text, hit", [
    ("loaded_terms", "the regime's propaganda", "regime"),
    ("loaded_terms", "a terrorist attack", "terrorist"),
    ("stock_phrases", "this underscores the intricate ties", "underscores"),
    ("calls_to_action", "We must act now.", "We must"),
    ("first_person_plural", "our common enemies", "our"),
    ("claim_markers", "Israel must be held accountable", "must"),
    ("evaluative_terms", "a significant turn", "significant"),
])
def test_lexicon_matches_whole_words(name, text, hit):
    m = phrase_pattern(name).search(text)
    assert m and m.group() == hit


def test_stock_phrases_do_not_match_inside_words():
    assert phrase_pattern("first_person_plural").search("the usual route") is None
    assert phrase_pattern("loaded_terms").search("terrorism-free evilness") is None


def test_case_variants_are_every_letter_ignorecase_folds_to_a_to_z():
    import re
    import string

    from analysis.framing.features import CASE_VARIANTS

    ascii_fold = re.compile("[a-z]", re.IGNORECASE)
    found = {chr(c) for c in range(0x110000) if ascii_fold.fullmatch(chr(c))}
    assert found == set(string.ascii_letters + CASE_VARIANTS)


@pytest.mark.parametrize("name", [n for n in FRAMING_LEXICONS[:8]])
def test_first_letter_pattern_finds_what_the_plain_pattern_finds(name):
    """The fast pattern of each lexicon finds the same matches as the plain one, on news
    text and on random text made of entries, odd letters and separators."""
    import random
    import re

    entries = sorted(load_lexicon(name), key=len, reverse=True)
    body = "|".join(re.escape(e).replace(r"\ ", r"\s+").replace("'", "['’]") for e in entries)
    plain = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    fast = phrase_pattern(name)
    assert fast.pattern != plain.pattern
    rnd = random.Random(name)
    odd = list("abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ-'’\n._0")
    odd += ["ſ", "\u212a", "İ", "ı", "é", "\u00a0"]
    texts = [NEWS_BRIEF, ESSAY, ESSAY.upper()]
    for _ in range(3000):
        parts = [rnd.choice(entries) if rnd.random() < 0.5 else
                 "".join(rnd.choice(odd) for _ in range(rnd.randint(0, 4)))
                 for _ in range(rnd.randint(1, 6))]
        text = "".join(p + rnd.choice([" ", "", "-", "'", "\n", "  ", "’", "_"]) for p in parts)
        texts.append(text.upper() if rnd.random() < 0.3 else text)
    for text in texts:
        assert ([(m.span(), m.group()) for m in fast.finditer(text)]
                == [(m.span(), m.group()) for m in plain.finditer(text)]), text


def test_one_scan_finds_what_each_lexicon_pattern_finds():
    """:func:`lexicon_matches` (one scan for the plain lexicons) gives each lexicon the
    matches of its own pattern, overlapping entries of different lexicons included; a
    lexicon with an entry that is not a word ("-" in month_words) is matched on its own."""
    import random

    from analysis.framing.features import BODY_LEXICONS, lexicon_matches

    names = BODY_LEXICONS + ("month_words",)
    entries = [e for name in names for e in load_lexicon(name)]
    rnd = random.Random(7)
    # "now is the time" starts inside "act now": finditer does not overlap its matches
    texts = [NEWS_BRIEF, ESSAY, ESSAY.upper(), "", "- we-must", "Act now is the time",
             "do not let us go"]
    for _ in range(1500):
        parts = [rnd.choice(entries).replace(" ", rnd.choice([" ", "\n", " \t "]))
                 if rnd.random() < 0.6 else rnd.choice(["x", "-", "ſ", "9", "a", "i"])
                 for _ in range(rnd.randint(1, 8))]
        texts.append("".join(p + rnd.choice([" ", "", "-", "'", "\n", ", "]) for p in parts))
    assert any(lexicon_matches(ESSAY, names)[name] for name in names)
    for text in texts:
        found = lexicon_matches(text, names)
        assert list(found) == list(names)
        for name in names:
            assert ([m.span() for m in found[name]]
                     == [m.span() for m in phrase_pattern(name).finditer(text)]), (name, text)


def test_span_set_tests_many_offsets_as_one_by_one():
    from analysis.spans import SpanSet

    spans = SpanSet([(10, 20), (15, 30), (40, 41), (60, 70)])
    offsets = [0, 9, 10, 25, 29, 30, 39, 40, 41, 65, 70, 1000]
    assert spans.contains_each(offsets) == [o in spans for o in offsets] == [
        False, False, True, True, True, False, False, True, False, True, False, False]
    assert SpanSet([]).contains_each(offsets) == [False] * len(offsets)
    assert spans.contains_each([]) == []


def test_actor_aliases_merge_names():
    assert canonical_actor("the U.S.") == canonical_actor("Washington") == "united states"
    assert canonical_actor("Biden's") == "biden"
    assert display_name("united states") == "United States"


def test_doc_features_are_small_and_traceable(features_of):
    text = NEWS_BRIEF
    f, ev = features_of(text)
    assert f["body_words"] == f["quoted_words"] + f["writer_words"]
    assert f["quoted_words"] > 0 and len(f["sentence_lengths"]) == 3
    for r in f["signals"]:
        assert text[r["start"]:r["end"]] == r["text"]
    numbers = {r["text"] for r in f["signals"] if r["kind"] == "number"}
    assert "Tuesday" in numbers and any("24" in n for n in numbers)
    # the spokesperson's "We" inside the quote is not the writer's
    assert not [r for r in f["signals"] if r["kind"] == "we"]
    actors = {a["actor"] for a in f["actors"]}
    assert "police" in actors or "sarah khan" in actors
    assert all(isinstance(v, int) for v in f["vocab"].values())


def test_unattributed_claim_needs_no_source_and_no_reporting_verb(features_of):
    f, _ = features_of("Israel must stop the offensive. Officials said Israel must stop the offensive.")
    claims = [r for r in f["signals"] if r["kind"] == "unattributed_claim"]
    assert [c["text"] for c in claims] == ["Israel must stop the offensive."]
    assert claims[0]["cue"] == "must"


def _look(features_of, text, evidence=None):
    f, ev = features_of(text, evidence)
    return combine(signal_rows("t", f, ev))["generated_look_score"]


def test_machine_look_separates_news_brief_from_essay(features_of):
    assert _look(features_of, ESSAY) > 0.6
    assert _look(features_of, NEWS_BRIEF) < 0.35  # short, but sourced, quoted and dated


def test_length_does_not_decide_the_look(features_of):
    """Repeating a text measures the same look; a text too short to measure scores no higher
    than its longer copy (a short article is never pushed up)."""
    short = _look(features_of, NEWS_BRIEF)
    longer = _look(features_of, "\n\n".join([NEWS_BRIEF] * 4))
    assert short <= longer
    essay = _look(features_of, ESSAY)
    assert abs(_look(features_of, "\n\n".join([ESSAY] * 3)) - essay) < 0.1
    essay_half = _look(features_of, ESSAY.split(" Moreover")[0])
    assert essay_half <= essay + 0.1


def test_signals_record_their_trigger_spans(features_of):
    f, ev = features_of(ESSAY)
    rows = {r["signal"]: r for r in signal_rows("t", f, ev)}
    assert "On one hand" in rows["stock_transitions"]["triggers"]
    assert rows["stock_transitions"]["spans"]
    for s, e in rows["stock_vocabulary"]["spans"]:
        assert ESSAY[s:e].lower() in {"intricate", "foster", "navigate", "landscape",
                                      "delicate balance", "underscores"}


def test_advocacy_from_hand_made_records():
    feats = {"writer_words": 200, "body_words": 200, "sentence_lengths": [10] * 10,
             "signals": [{"kind": "we", "start": 0, "end": 2, "text": "we", "in_quote": False},
                         {"kind": "we", "start": 5, "end": 7, "text": "We", "in_quote": True},
                         {"kind": "loaded", "start": 9, "end": 14, "text": "brave", "in_quote": False},
                         {"kind": "unattributed_claim", "start": 20, "end": 60, "cue": "must",
                          "text": "We must defend our allies.", "in_quote": False}]}
    appeals = [{"kind": "appeal", "start": 100, "end": 130, "text": "Support Israel today.",
                "in_quote": False}]
    rows = {r["signal"]: r for r in signal_rows("a", feats, [], appeals)}
    assert rows["calls_to_action"]["value"] == 1.0
    assert rows["calls_to_action"]["triggers"] == "Support Israel today."
    assert rows["first_person_plural"]["value"] == 1.0  # 5 per 1,000 writer's words saturates
    assert rows["unattributed_claims"]["value"] == 0.5  # 1 of 10 sentences / 0.2
    advocacy = combine(list(rows.values()))["advocacy_score"]
    assert advocacy == pytest.approx((1 + 1 + 0.5 + 1) / 4, abs=1e-3)


def test_fightin_words_by_hand():
    counts = pd.DataFrame({"news": [10, 0, 5], "opinion": [0, 10, 5]}, index=["said", "we", "the"])
    z = fightin_words(counts, prior_weight=30).set_index(["genre", "word"])["z"]
    assert z[("news", "said")] > 1.96 and z[("opinion", "we")] > 1.96
    assert z[("news", "said")] == pytest.approx(-z[("opinion", "said")])
    assert abs(z[("news", "the")]) < 1e-9
    # the formula of Monroe et al. (2008), computed by hand for "said" in news
    alpha = 30 * 10 / 30
    yi, yj, ni, nj, a0 = 10, 0, 15, 15, 30
    delta = (math.log((yi + alpha) / (ni + a0 - yi - alpha))
             - math.log((yj + alpha) / (nj + a0 - yj - alpha)))
    assert z[("news", "said")] == pytest.approx(delta / math.sqrt(1 / (yi + alpha) + 1 / (yj + alpha)))


def test_distinctive_words_need_two_genres():
    assert distinctive_words({"a": {"x": 3}}, {"a": "news"}).empty
    table = distinctive_words({"a": {"said": 9, "the": 5}, "b": {"we": 9, "the": 5}},
                              {"a": "news", "b": "opinion"})
    assert set(table["genre"]) == {"news", "opinion"}
    assert table.loc[table["genre"] == "news", "word"].iloc[0] == "said"


def test_actor_table_counts_and_verbs():
    actors = pd.DataFrame([
        {"article_id": "a", "start": 0, "end": 2, "actor": "united states", "verb": "deny",
         "role": "agent", "in_quote": False},
        {"article_id": "a", "start": 5, "end": 7, "actor": "united states", "verb": "deny",
         "role": "agent", "in_quote": False},
        {"article_id": "b", "start": 0, "end": 5, "actor": "hamas", "verb": "attack",
         "role": "agent", "in_quote": False},
    ])
    table = actor_table(actors, {"a": "news", "b": "opinion"})
    row = table.loc[table["actor"] == "United States"].iloc[0]
    assert row["mentions"] == 2 and row["verbs"] == "deny ×2" and row["genre"] == "news"
    assert actor_table(actors.iloc[0:0], {}).empty
