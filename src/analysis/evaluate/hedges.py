"""Hedge cues measured against the Szeged Uncertainty Corpus (inline ``<ccue>`` XML).

Definitions (the same as the reference scorer ``shared/tools/hedge_score.py``):

- each ``<Document>`` becomes one text: its sentences in order, each followed by ``\\n``;
  a cue's span is the text of its ``<ccue>`` element;
- gold cues are the epistemic ones, types ``speculation_modal_probable``,
  ``speculation_modal_possible`` and ``speculation_hypo_doxastic`` (conditional "if" and
  investigation "whether" are not hedges here);
- predicted cues are the ``hedge`` records of the project's evidence, deduplicated;
- cue P/R/F1: predictions in span order each take the first still unmatched gold cue they
  overlap by at least one character (one-to-one);
- sentence P/R/F1: a sentence is uncertain when a cue overlaps it.

Figures are rounded to three decimals.
"""
from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from . import load_texts

Span = tuple[int, int]

#: ``<ccue type=...>`` values (trailing spaces and underscores stripped) counted as hedges.
HEDGE_TYPES = frozenset({"speculation_modal_probable", "speculation_modal_possible",
                         "speculation_hypo_doxastic"})


@dataclass(frozen=True)
class GoldDocument:
    """One annotated document: its text, gold hedge cue spans and sentence spans."""

    doc_id: str
    text: str
    cues: tuple[Span, ...]
    sentences: tuple[Span, ...]


def document_id(filename: str) -> str:
    """File stem used for a document (``DocID`` without extension, ``/`` made ``_``)."""
    return os.path.splitext(filename)[0].replace("/", "_")


def is_hedge_type(cue_type: str | None) -> bool:
    """Whether a ``<ccue>`` type attribute names an epistemic (hedge) cue."""
    return (cue_type or "").strip(" _") in HEDGE_TYPES


def _build_document(element: ET.Element) -> GoldDocument:
    parts: list[str] = []
    length = 0
    cues: list[Span] = []
    sentences: list[Span] = []

    def add(piece: str | None) -> None:
        nonlocal length
        if piece:
            parts.append(piece)
            length += len(piece)

    for sentence in element.iter("Sentence"):
        first = length
        add(sentence.text)
        for child in sentence:
            cue_start = length
            add(child.text)
            if is_hedge_type(child.get("type")):
                cues.append((cue_start, length))
            add(child.tail)
        sentences.append((first, length))
        add("\n")
    return GoldDocument(document_id(element.findtext("DocID") or ""), "".join(parts),
                        tuple(cues), tuple(sentences))


def read_szeged(xml_path: str | Path) -> dict[str, GoldDocument]:
    """Documents of a Szeged Uncertainty Corpus XML file, keyed by id (a later duplicate
    id replaces an earlier one)."""
    root = ET.parse(xml_path).getroot()
    docs = (_build_document(el) for el in root.iter("Document"))
    return {doc.doc_id: doc for doc in docs}


def _overlap(a: Span, b: Span) -> bool:
    return min(a[1], b[1]) > max(a[0], b[0])


def matched_cues(predicted: list[Span], gold: tuple[Span, ...] | list[Span]) -> int:
    """Predictions (deduplicated, in span order) matched one-to-one to overlapping gold cues."""
    taken: set[int] = set()
    for pred in sorted(set(predicted)):
        for j, cue in enumerate(gold):
            if j not in taken and _overlap(pred, cue):
                taken.add(j)
                break
    return len(taken)


def precision_recall_f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Rounded precision, recall and F1 (0.0 where undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def score_predictions(docs: dict[str, GoldDocument], predicted: dict[str, list[Span]]) -> dict:
    """Cue- and sentence-level figures of ``predicted`` hedge spans (by document id)."""
    cue_tp = cue_pred = cue_gold = sent_tp = sent_pred = sent_gold = 0
    for doc_id, doc in docs.items():
        spans = sorted(set(predicted.get(doc_id, [])))
        cue_tp += matched_cues(spans, doc.cues)
        cue_pred += len(spans)
        cue_gold += len(doc.cues)
        for sentence in doc.sentences:
            gold_hit = any(_overlap(c, sentence) for c in doc.cues)
            pred_hit = any(_overlap(c, sentence) for c in spans)
            sent_tp += gold_hit and pred_hit
            sent_pred += pred_hit
            sent_gold += gold_hit
    cue_p, cue_r, cue_f = precision_recall_f1(cue_tp, cue_pred, cue_gold)
    sent_p, sent_r, sent_f = precision_recall_f1(sent_tp, sent_pred, sent_gold)
    return {"documents": len(docs), "cue_P": cue_p, "cue_R": cue_r, "cue_F1": cue_f,
            "gold_cues": cue_gold, "sentence_P": sent_p, "sentence_R": sent_r,
            "sentence_F1": sent_f, "gold_uncertain": sent_gold}


def predict_hedges(docs: dict[str, GoldDocument], *, jobs: int = 1, cache: bool = True,
                   progress: bool = True) -> dict[str, list[Span]]:
    """Hedge spans the project finds in each document, run in-process on files written to a
    temporary folder (so loading and boilerplate stripping are those of any article)."""
    from ..pipeline import run

    predicted: dict[str, list[Span]] = {doc_id: [] for doc_id in docs}
    articles = load_texts({doc.doc_id: doc.text for doc in docs.values()})
    with run(articles, jobs=jobs, cache=cache, progress=progress) as (_, results):
        for result in results:
            spans = predicted.setdefault(result["article_id"], [])
            spans.extend((r["start"], r["end"]) for r in result["evidence"]
                         if r["kind"] == "hedge")
    return predicted


def evaluate_hedges(xml_path: str | Path, jobs: int = 1, cache: bool = True,
                    progress: bool = True) -> dict:
    """Score the project's hedge records against the gold cues of ``xml_path``.

    Returns ``documents``, ``cue_P``/``cue_R``/``cue_F1``, ``gold_cues``,
    ``sentence_P``/``sentence_R``/``sentence_F1`` and ``gold_uncertain``.
    """
    docs = read_szeged(xml_path)
    return score_predictions(docs, predict_hedges(docs, jobs=jobs, cache=cache,
                                                  progress=progress))
