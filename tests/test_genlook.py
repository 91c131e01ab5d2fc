"""Machine-written look (issue 19): word commonness, style measures, signals, learned table,
learning and evaluation commands."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analysis.boilerplate import clean_article
from analysis.evaluate import genlook as G
from analysis.evaluate.genlook_data import LabelledDataError, load_labelled
from analysis.extract import extract_doc
from analysis.framing import look
from analysis.framing.commonness import RARE_ZIPF, frequency_buckets, spelling_key, zipf
from analysis.framing.features import doc_features
from analysis.framing.signals import combine, look_signals
from analysis.framing.tokens import entities
from analysis.framing.style import (CONTENT_POS, DETERMINER_OPENERS, EXAMPLES_KEPT, NOMINAL,
                                    PAIR_GAP, PAIRED_POS, PAST_TAGS, PRESENT_TAGS, _anchoring,
                                    _rarest)
from analysis.pipeline import parse_input

REPORT = ("Police arrested two men in Leeds on Tuesday after a break-in at a pharmacy on "
          "Kirkgate. Officers were called to the shop at about 03:00 BST. A spokesperson for "
          "West Yorkshire Police said the men, aged 24 and 31, were held at the scene. "
          "\"We recovered most of the stolen goods,\" Inspector Sarah Khan told reporters. "
          "The pharmacy reopened at noon. Its owner, Raj Patel, said he had run the shop for "
          "eleven years and had never seen anything like it. Both men are due before Leeds "
          "magistrates on Thursday.")
GENERATED = ("The incident has raised serious concerns about safety and security in the local "
             "community. The authorities are working diligently to ensure the well-being and "
             "protection of residents. This situation underscores the importance of vigilance "
             "and cooperation between the public and the police. Furthermore, the investigation "
             "is ongoing, and officials are committed to transparency and accountability. The "
             "community is resilient and determined to move forward. Overall, the response "
             "highlights the significance of collaboration and communication in difficult "
             "times. Residents are encouraged to remain calm and vigilant.")


@pytest.fixture(scope="module")
def features_of(nlp):
    def run(text: str) -> dict:
        cleaned = clean_article(text)
        doc = nlp(parse_input(text, cleaned.body_spans))
        return doc_features(doc, text, extract_doc(doc, text, "t"))
    return run


def _rows(features: dict) -> dict[str, dict]:
    return {r["signal"]: r for r in look_signals("t", features)}


# ------------------------------------------------------------------------ word commonness

def test_wordlist_read_directly_equals_wordfreqs_own():
    wordfreq = pytest.importorskip("wordfreq")
    assert frequency_buckets() == wordfreq.get_frequency_list("en", wordlist="small")


@pytest.mark.parametrize("uk, us", [("colour", "color"), ("organise", "organize"),
                                    ("organisation", "organization"), ("centre", "center"),
                                    ("travelled", "traveled"), ("analyse", "analyze"),
                                    ("defence", "defense"), ("catalogue", "catalog"),
                                    ("paediatric", "pediatric"), ("grey", "gray"),
                                    ("programme", "program"), ("behaviour", "behavior"),
                                    ("anaemia", "anemia"), ("oestrogen", "estrogen")])
def test_british_and_us_spellings_are_equally_common(uk, us):
    assert zipf(uk) == zipf(us) > RARE_ZIPF


def test_commonness_orders_words_and_ignores_case():
    assert zipf("the") > zipf("police") > zipf("tapestry") > RARE_ZIPF
    assert zipf("Police") == zipf("police")
    assert zipf("qzxvbnm") == RARE_ZIPF


def test_spellings_of_both_varieties_share_a_key_and_plain_words_keep_theirs():
    assert spelling_key("colour") == spelling_key("color") == "color"
    assert spelling_key("anaemia") == spelling_key("anemia")
    assert spelling_key("the") == "the" and spelling_key("police") == "police"
    assert spelling_key("filled") != spelling_key("filed")


# ------------------------------------------------------------------------ style measures

def test_style_measures_find_their_triggers(features_of):
    text = ("The plan is ambitious and costly. The minister said the reform was needed. "
            "The decision reflects a commitment to safety and security. Officials will meet "
            "again. Critics called the move reckless and unnecessary.")
    style = features_of(text)["style"]
    for key in ("paired", "nominal", "determiner_openings", "unanchored", "rare"):
        for s, e, t in style[key]:
            assert text[s:e] == t
    pairs = {t for _, _, t in style["paired"]}
    assert "safety and security" in pairs and "ambitious and costly" in pairs
    assert {"decision", "commitment"} <= {t.lower() for _, _, t in style["nominal"]}
    assert len(style["determiner_openings"]) == 3 and style["sentences"] == 5
    assert style["finite_verbs"] == 6 and style["present"] == 3  # is, reflects, will
    # a sentence with a reporting verb is anchored (specific), one with none of it is not
    assert "The minister said the reform was needed." not in {t for _, _, t in style["unanchored"]}


def _token_by_token(doc, quotes, sentences, body):
    """:func:`style_measures` written plainly over ``Token`` objects (the reference)."""
    starts = {s for s, _, _ in sentences}
    writer = content = adjectives = finite = present = 0
    zsum = zsq = 0.0
    rare, paired, nominal, present_spans, openings, adjective_spans = [], [], [], [], [], []
    writer_sentences = 0
    for tok in doc:
        if tok.is_punct or tok.is_space or tok.idx in quotes:
            continue
        idx = tok.idx; writer += 1; end = idx + len(tok)
        if idx in starts:
            writer_sentences += 1
            if tok.lower_ in DETERMINER_OPENERS: openings.append((idx, end, tok.text))
        pos = tok.pos_
        if not tok.is_alpha: continue
        if pos in CONTENT_POS:
            z = zipf(tok.lower_); content += 1; zsum += z; zsq += z * z; rare.append((z, idx, end))
            if pos == "NOUN" and NOMINAL.search(tok.lower_) and len(tok) > 5: nominal.append((idx, end, tok.text))
            elif pos == "ADJ":
                adjectives += 1
                if len(adjective_spans) < EXAMPLES_KEPT: adjective_spans.append((idx, end, tok.text))
            if pos in PAIRED_POS and tok.dep_ == "conj" and tok.head.pos_ == pos and 0 < tok.i - tok.head.i <= PAIR_GAP:
                s = tok.head.idx; paired.append((s, end, body[s:end]))
        tag = tok.tag_
        if tag in PAST_TAGS: finite += 1
        elif tag in PRESENT_TAGS:
            finite += 1; present += 1
            if len(present_spans) < EXAMPLES_KEPT: present_spans.append((idx, end, tok.text))
    mean = zsum / content if content else 0.0
    var = max(0.0, zsq / content - mean * mean) if content else 0.0
    anchored, unanchored = _anchoring(entities(doc), body, quotes, sentences)
    return {"writer_words": writer, "content_words": content, "zipf_mean": round(mean, 4), "zipf_std": round(var ** 0.5, 4),
            "rare": _rarest(rare, body), "paired": paired, "nominal": nominal, "adjectives": adjectives,
            "adjective_spans": adjective_spans, "finite_verbs": finite, "present": present, "present_spans": present_spans,
            "sentences": writer_sentences, "determiner_openings": openings, "anchored": anchored, "unanchored": unanchored}


def test_array_pass_equals_token_by_token_pass(nlp):
    from analysis.framing import features as F

    texts = [REPORT, GENERATED, "Rescuers, firefighters and paramedics worked quickly and calmly. "
             "The fire is out, officials say, and the road will reopen."]
    for text in texts:
        doc = nlp(parse_input(text, clean_article(text).body_spans))
        seen = {}
        real = F.style_measures

        def spy(doc, quotes, sentences, body=None, *shared):
            seen["args"] = (doc, quotes, sentences, body)
            return real(doc, quotes, sentences, body, *shared)

        F.style_measures = spy
        try:
            fast = doc_features(doc, text, extract_doc(doc, text, "t"))["style"]
        finally:
            F.style_measures = real
        assert fast == _token_by_token(*seen["args"])


def test_quoted_words_are_not_the_writers(features_of):
    style = features_of('"Safety and security matter," Sarah Khan said on Monday.')["style"]
    assert style["paired"] == [] and style["writer_words"] < 6


def test_a_report_and_a_generated_text_part_on_most_signals(features_of):
    report, generated = _rows(features_of(REPORT)), _rows(features_of(GENERATED))
    higher = [n for n in look.LOOK_SIGNALS if generated[n]["value"] > report[n]["value"]]
    assert len(higher) >= 7, higher
    assert combine(list(generated.values()))["generated_look_score"] > \
        combine(list(report.values()))["generated_look_score"] + 0.2
    assert "safety and security" in generated["paired_phrases"]["triggers"]
    assert report["few_specifics"]["value"] < generated["few_specifics"]["value"]


@pytest.mark.parametrize("name", list(look.LOOK_SIGNALS))
def test_each_signal_points_from_the_report_to_the_generated_text(features_of, name):
    """Every raw measure lies further toward "machine-like" (its orientation) for the
    generated paragraph than for the news report, and so does its 0–1 value."""
    report, generated = features_of(REPORT), features_of(GENERATED)
    a, b = look.raw_measures(report)[name], look.raw_measures(generated)[name]
    assert (b - a) * look.LOOK_SIGNALS[name].direction > 0, (a, b)
    assert _rows(generated)[name]["value"] >= _rows(report)[name]["value"]


def test_signal_spans_index_the_text(features_of):
    for text in (REPORT, GENERATED):
        for row in _rows(features_of(text)).values():
            for s, e in row["spans"]:
                assert 0 <= s < e <= len(text)
            if row["spans"] and row["signal"] != "few_specifics":
                first = text[row["spans"][0][0]:row["spans"][0][1]]
                assert first.lower() in row["triggers"].lower()


def test_short_text_is_not_measured_and_never_raises_the_score(features_of):
    short = features_of("The plan is bold. It may work.")
    raw = look.raw_measures(short)
    assert all(math.isnan(v) for v in raw.values())
    assert combine(look_signals("t", short))["generated_look_score"] == 0.0


def test_repeating_a_text_leaves_its_look_unchanged(features_of):
    once = combine(look_signals("t", features_of(GENERATED)))["generated_look_score"]
    twice = combine(look_signals("t", features_of(GENERATED + "\n\n" + GENERATED)))
    assert twice["generated_look_score"] == pytest.approx(once, abs=0.05)


def test_spelling_variety_does_not_change_the_look(features_of):
    uk = ("The council will organise a programme to analyse the behaviour of drivers near the "
          "town centre. Its neighbours favour the plan, and the colour of the new signs was "
          "chosen with care. The defence of the scheme rests on the organisation's figures. "
          "Supporters say the centre has travelled a long way. Critics say the programme is "
          "costly. The council will publish its catalogue of measures next year.")
    us = (uk.replace("organise", "organize").replace("programme", "program")
          .replace("analyse", "analyze").replace("behaviour", "behavior")
          .replace("centre", "center").replace("neighbours", "neighbors")
          .replace("favour", "favor").replace("colour", "color").replace("defence", "defense")
          .replace("organisation", "organization").replace("travelled", "traveled")
          .replace("catalogue", "catalog"))
    a, b = look.raw_measures(features_of(uk)), look.raw_measures(features_of(us))
    for name in ("uncommon_vocabulary", "uniform_vocabulary"):
        assert a[name] == pytest.approx(b[name], abs=1e-9), name


def test_quote_marks_and_dashes_do_not_change_the_look(features_of):
    curly = REPORT.replace(' "We', " “We").replace('goods,"', "goods,”").replace(
        "a pharmacy on Kirkgate", "a pharmacy – on Kirkgate")
    a, b = look.raw_measures(features_of(REPORT)), look.raw_measures(features_of(curly))
    assert a == pytest.approx(b, nan_ok=True)


# ------------------------------------------------------------------------ learned table

def test_table_says_how_it_was_made_and_covers_every_signal():
    text = look.table_path().read_text(encoding="utf-8")
    assert "python -m analysis learn-genlook" in text and "cross-validation" in text
    table = look.look_table()
    assert list(table) == list(look.LOOK_SIGNALS)
    assert all(s.weight >= 0 for s in table.values())
    assert sum(s.weight for s in table.values()) == pytest.approx(1.0, abs=1e-3)
    for name, sig in look.LOOK_SIGNALS.items():  # human-like end at 0, as oriented
        s = table[name]
        assert (s.one_at - s.zero_at) * sig.direction > 0, name


def test_scale_maps_and_clips():
    s = look.Scale(1.0, zero_at=5.0, one_at=4.0)  # an inverted measure
    assert s.value(5.5) == 0.0 and s.value(4.5) == pytest.approx(0.5) and s.value(3.0) == 1.0
    assert s.value(float("nan")) == 0.0


def test_score_is_the_weighted_mean_of_the_signals():
    table = {"uncommon_vocabulary": look.Scale(0.75, 0, 1), "stock_vocabulary": look.Scale(0.25, 0, 1)}
    values = look.look_values({"uncommon_vocabulary": 0.4, "stock_vocabulary": 2.0}, table)
    assert values["stock_vocabulary"] == 1.0 and values["paired_phrases"] == 0.0
    assert look.look_score(values, table) == pytest.approx(0.75 * 0.4 + 0.25 * 1.0)


def test_reading_a_table_refuses_unknown_signals(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("# header\nsignal\tweight\tzero_at\tone_at\nno_such\t1\t0\t1\n")
    with pytest.raises(ValueError, match="no_such"):
        look.read_table(path)


# ------------------------------------------------------------------------ learning

def test_fit_weights_keeps_weights_non_negative():
    rng = np.random.default_rng(0)
    y = rng.random(400) < 0.5
    good = np.clip(y * 0.6 + rng.random(400) * 0.5, 0, 1)
    wrong = np.clip((~y) * 0.6 + rng.random(400) * 0.5, 0, 1)  # points the other way
    w, _ = G.fit_weights(np.column_stack([good, wrong]), y)
    assert w[0] > 0.5 and w[1] == 0.0


def test_scales_run_from_the_human_like_end():
    raw = pd.DataFrame({name: np.linspace(0, 1, 101) for name in look.LOOK_SIGNALS})
    scales = G.fit_scales(raw)
    assert scales["paired_phrases"] == pytest.approx((0.05, 0.95))
    assert scales["uncommon_vocabulary"] == pytest.approx((0.95, 0.05))


def test_auc_by_hand_and_per_generator():
    assert G.auc([0, 0, 1, 1], [0.1, 0.2, 0.3, 0.4]) == 1.0
    assert G.auc([0, 1], [0.5, 0.5]) == 0.5
    assert G.auc([0, 0, 1, 1], [0.1, 0.4, 0.3, 0.05]) == 0.25
    data = pd.DataFrame({"dataset": "d", "machine": [False] * 10 + [True] * 20,
                         "generator": ["human"] * 10 + ["a"] * 10 + ["b"] * 10})
    scores = [0.1] * 10 + [0.9] * 10 + [0.0] * 10
    table = G.auc_table(data, scores).set_index("generator")["auc"]
    assert table["a"] == 1.0 and table["b"] == 0.0 and table["all machine"] == 0.5


def test_folds_keep_groups_together():
    groups = pd.Series(["g1", "g1", "g2", "g3", "g3", "g4", "g5", "g5"])
    fold = G.folds_of(groups, 2)
    for g in groups.unique():
        assert len(set(fold[groups == g])) == 1
    assert set(fold) == {0, 1}


# ------------------------------------------------------------------------ labelled files

def test_load_labelled_long_and_wide(tmp_path):
    long = tmp_path / "long.csv"
    pd.DataFrame({"text": ["a b c", "d e f"], "label": ["human", "machine"],
                  "generator": ["human", "gpt-x"], "article_id": ["x", "x"]}).to_csv(long, index=False)
    data = load_labelled(long)
    assert data["machine"].tolist() == [False, True] and data["group"].tolist() == ["x", "x"]
    assert data["generator"].tolist() == ["human", "gpt-x"]
    wide = tmp_path / "essays.csv"
    pd.DataFrame({"Topic": ["t1"], "Student": ["s"], "ChatGPT-3": ["c3"], "ChatGPT-4": ["c4"]}).to_csv(
        wide, sep=";", index=False)
    essays = load_labelled(wide)
    assert essays["machine"].tolist() == [False, True, True] and set(essays["group"]) == {"t1"}


def test_load_labelled_refuses_unknown_labels(tmp_path):
    path = tmp_path / "bad.csv"
    pd.DataFrame({"text": ["a", "b"], "label": ["human", "maybe"]}).to_csv(path, index=False)
    with pytest.raises(LabelledDataError, match="maybe"):
        load_labelled(path)


def test_evaluate_genlook_command_prints_aucs(tmp_path, capsys):
    from analysis.cli import main

    path = tmp_path / "texts.csv"
    pd.DataFrame({"body": [REPORT, GENERATED, REPORT.replace("Leeds", "York"),
                           GENERATED.replace("community", "town")],
                  "is_ai": [0, 1, 0, 1], "generator": ["", "gen-a", "", "gen-a"]}).to_csv(path, index=False)
    assert main(["evaluate", "genlook", str(path), "--text-column", "body",
                 "--label-column", "is_ai", "--quiet", "--json"]) == 0
    import json

    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    by_gen = {r["generator"]: r for r in rows}
    assert set(by_gen) == {"all machine", "gen-a"}
    assert by_gen["all machine"]["machine_texts"] == 2 and by_gen["all machine"]["human_texts"] == 2
    assert main(["evaluate", "genlook", str(tmp_path / "none.csv"), "--quiet"]) == 2


def test_learn_genlook_writes_a_table_it_can_read(tmp_path):
    essays = tmp_path / "essays.csv"
    pd.DataFrame({"Topic": ["t1", "t2"], "Student": [REPORT, REPORT.replace("Leeds", "Hull")],
                  "ChatGPT-3": [GENERATED, GENERATED.replace("community", "city")]}).to_csv(
        essays, sep=";", index=False)
    news = tmp_path / "news.csv"
    pd.DataFrame({"text": [REPORT.replace("Leeds", "York"), GENERATED.replace("public", "people")],
                  "label": ["human", "machine"], "article_id": ["a1", "a2"]}).to_csv(news, index=False)
    out = tmp_path / "table.tsv"
    summary, aucs, single = G.learn_genlook(essays, news, out, folds=2, progress=False)
    table = look.read_table(out)
    assert list(table) == list(look.LOOK_SIGNALS) and summary["texts"] == 6
    assert sum(s.weight for s in table.values()) == pytest.approx(1.0, abs=1e-3)
    assert "learn-genlook essays.csv news.csv" in out.read_text()
    assert set(aucs["dataset"]) == {"essays", "news"}
    assert list(single.index) == list(look.LOOK_SIGNALS)


def test_crlf_copy_measures_the_same_and_spans_point_into_it(tmp_path):
    from analysis.framing.style import SPAN_KEYS
    from helpers import analysed

    lf = GENERATED.replace(". The community", ".\n\nThe community")
    (tmp_path / "lf.txt").write_text(lf, newline="")
    (tmp_path / "crlf.txt").write_text(lf.replace("\n", "\r\n"), newline="")
    results = {r["article_id"]: r for r in analysed(tmp_path, progress=False, cache=False)}
    crlf_text = (tmp_path / "crlf.txt").read_bytes().decode("utf-8")
    a, b = results["lf"]["features"], results["crlf"]["features"]
    assert look.raw_measures(a) == pytest.approx(look.raw_measures(b), nan_ok=True)
    for key in SPAN_KEYS:
        for s, e, t in b["style"][key]:
            assert crlf_text[s:e].replace("\r", "") == t.replace("\r", "")
