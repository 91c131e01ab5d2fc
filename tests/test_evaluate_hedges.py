"""The hedge metric: document text, gold cue types, one-to-one matching, sentence figures."""
from __future__ import annotations

import pytest

from analysis.evaluate.hedges import (evaluate_hedges, matched_cues, precision_recall_f1,
                                      read_szeged, score_predictions)

XML = """<?xml version='1.0' encoding='UTF-8'?>
<Annotation><DocumentSet>
<Document type="unknown"><DocID type="FILENAME">news/a1.txt</DocID>
<DocumentPart type="unknown"><Sentence id="S1.1">The plan <ccue type="speculation_modal_probable_">may</ccue> fail.</Sentence>
<Sentence id="S1.2">Ask <ccue type="speculation_hypo_investigation _">whether</ccue> it works.</Sentence></DocumentPart>
<DocumentPart type="unknown"><Sentence id="S1.3">Officials <ccue type="speculation_hypo_doxastic _">believe</ccue> it <ccue type="speculation_modal_possible_">could</ccue> work <ccue type="speculation_hypo_condition _">if</ccue> funded.</Sentence>
<Sentence id="S1.4">Shares fell on May 6.</Sentence></DocumentPart></Document>
<Document type="unknown"><DocID type="FILENAME">b2.txt</DocID>
<DocumentPart type="unknown"><Sentence id="S1.1">Nothing here.</Sentence></DocumentPart></Document>
</DocumentSet></Annotation>
"""


@pytest.fixture()
def xml_file(tmp_path):
    path = tmp_path / "tiny.xml"
    path.write_text(XML, encoding="utf-8")
    return path


def test_documents_text_and_gold(xml_file):
    docs = read_szeged(xml_file)
    assert list(docs) == ["news_a1", "b2"]
    doc = docs["news_a1"]
    assert doc.text.splitlines()[0] == "The plan may fail."
    assert doc.text.endswith("Shares fell on May 6.\n")
    # condition ("if") and investigation ("whether") cues are not gold hedges
    assert [doc.text[a:b] for a, b in doc.cues] == ["may", "believe", "could"]
    assert [doc.text[a:b] for a, b in doc.sentences][1] == "Ask whether it works."
    assert docs["b2"].cues == ()


def test_one_to_one_matching():
    gold = ((0, 3), (10, 15))
    assert matched_cues([(0, 3), (1, 2)], gold) == 1       # two predictions, one gold cue
    assert matched_cues([(0, 12)], gold) == 1              # one prediction over two cues
    assert matched_cues([(3, 10)], gold) == 0              # touching is not overlapping
    assert matched_cues([(0, 3), (0, 3), (11, 12)], gold) == 2  # duplicates counted once


def test_precision_recall_f1_rounding_and_zero():
    assert precision_recall_f1(2, 3, 4) == (0.667, 0.5, 0.571)
    assert precision_recall_f1(0, 0, 5) == (0.0, 0.0, 0.0)


def test_score_predictions(xml_file):
    docs = read_szeged(xml_file)
    text = docs["news_a1"].text
    may = text.index("may")
    month = text.index("May")
    preds = {"news_a1": [(may, may + 3), (month, month + 3), (may, may + 3)]}
    got = score_predictions(docs, preds)
    assert got["documents"] == 2 and got["gold_cues"] == 3 and got["gold_uncertain"] == 2
    assert (got["cue_P"], got["cue_R"]) == (0.5, 0.333)
    assert (got["sentence_P"], got["sentence_R"], got["sentence_F1"]) == (0.5, 0.5, 0.5)


def test_evaluate_hedges_runs_the_project(xml_file):
    got = evaluate_hedges(xml_file, progress=False)
    assert got["documents"] == 2 and got["gold_cues"] == 3
    # the extractor finds may, believe and could, and not "May 6" nor "if"
    assert got["cue_P"] == 1.0 and got["cue_R"] == 1.0
    assert got["sentence_F1"] == 1.0
