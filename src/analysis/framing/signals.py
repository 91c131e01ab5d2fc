"""Signals of a machine-written look and of advocacy, each with the words that triggered it.

These are **signals, never verdicts**: each is a number from 0 to 1 with the spans that
produced it, so a reader can see why an article scored as it did and disagree. None depends
on length: rates are per sentence or per 1,000 of the writer's words, and a signal that
needs enough text to be measured is 0 when there is too little of it, so being short never
raises a score.

``generated_look_score`` = the weighted mean of the eleven signals of :data:`LOOK_SIGNALS`,
writing style measured from the parse: word commonness and its spread, sentence lengths and
openings, paired phrases, nominalisations, adjectives, tense, specificity, stock transitions
and stock vocabulary. Their definitions are in :mod:`analysis.framing.look`; the 0–1
scales and the weights are the learned table ``lexicons/genlook_weights.tsv``.

``advocacy_score`` = mean of the four signals of :data:`ADVOCACY_SIGNALS`:

- ``calls_to_action``: 1 when the page urges the reader to act (an appeal set apart from the
  body, or a phrase such as "we must", "take action" in the writer's words), else 0;
- ``first_person_plural``: "we / us / our" in the writer's words per 1,000, / 5, capped at 1;
- ``unattributed_claims``: share of the writer's sentences that state obligation or
  certainty ("must", "clearly", "more important than ever") with no quote, source or
  reporting verb, / 0.2, capped at 1;
- ``loaded_language``: loaded words in the writer's words per 1,000, / 5, capped at 1.

The advocacy thresholds are round numbers read off the interquartile ranges of student and
ChatGPT essays on the same topics (Herbold et al. 2023) and of the seed articles; none
involves length.
"""
from __future__ import annotations

import math

import pandas as pd

from ..records import QUOTE_KINDS
from . import look

#: look signal -> what it means (in display order)
LOOK_SIGNALS = {name: sig.meaning for name, sig in look.LOOK_SIGNALS.items()}
ADVOCACY_SIGNALS = {
    "calls_to_action": "urges the reader to act",
    "first_person_plural": "writer speaks as 'we'",
    "unattributed_claims": "claims of obligation or certainty with no source",
    "loaded_language": "loaded, value-laden words",
}
WE_PER_1K_SATURATE = 5.0
LOADED_PER_1K_SATURATE = 5.0
CLAIM_SHARE_SATURATE = 0.2
SIGNAL_COLUMNS = ["article_id", "score", "signal", "meaning", "value", "measure", "triggers",
                  "spans"]


def _cap(x: float) -> float:
    return float(min(1.0, max(0.0, x))) if not math.isnan(x) else 0.0


def _per_1k(n: int, words: int) -> float:
    return 1000 * n / words if words else 0.0


def _triggers(records: list[dict], limit: int = 6) -> str:
    """The distinct words that triggered a signal, in order of appearance, for display."""
    seen = list(dict.fromkeys(_display(r) for r in records))
    more = f" … (+{len(seen) - limit})" if len(seen) > limit else ""
    return "; ".join(seen[:limit]) + more


def _display(record: dict, width: int = 48) -> str:
    """A record's words for display; a long span (a sentence) shows its cue and its start."""
    text = " ".join(str(record["text"]).split())
    if len(text) <= width:
        return text
    cue = record.get("cue")
    lead = f"“{cue}” in: " if cue and record.get("kind") == "unattributed_claim" else ""
    return f"{lead}{text[:width].rstrip()}…"


def _row(aid: str, score: str, signal: str, value: float, measure: str,
         records: list[dict], absent: str = "") -> dict:
    meaning = (LOOK_SIGNALS if score == "generated_look" else ADVOCACY_SIGNALS)[signal]
    return {"article_id": aid, "score": score, "signal": signal, "meaning": meaning,
            "value": round(_cap(value), 3), "measure": measure,
            "triggers": _triggers(records) if records else absent,
            "spans": [(r["start"], r["end"]) for r in records]}


def _spans(triples) -> list[dict]:
    """Style spans ``(start, end, text)`` as records for :func:`_row`."""
    return [{"start": s, "end": e, "text": t} for s, e, t in triples]


def _look_measures(features: dict, raw: dict[str, float]) -> dict[str, tuple[str, list[dict]]]:
    """Each look signal's measure, in words, and its trigger records."""
    style = features.get("style") or {}
    kinds = lambda k: [r for r in features.get("signals", [])  # noqa: E731
                       if r["kind"] == k and not r.get("in_quote")]
    writer = style.get("writer_words", 0)
    content = style.get("content_words", 0)
    lengths = features.get("sentence_lengths", [])
    n_sent, own = len(lengths), style.get("sentences", 0)
    anchored, unanchored = style.get("anchored", 0), style.get("unanchored", [])
    per_1k = lambda n: f"{_per_1k(n, writer):.1f} per 1,000 writer's words"  # noqa: E731
    openings, paired = style.get("determiner_openings", []), style.get("paired", [])
    nominal, transitions, stock = style.get("nominal", []), kinds("transition"), kinds("stock_phrase")
    cv = raw["even_sentence_lengths"]
    return {
        "uncommon_vocabulary": (f"mean word frequency Zipf {style.get('zipf_mean', 0):.2f} over "
                                f"{content} content words (least common first)",
                                _spans(style.get("rare", []))),
        "uniform_vocabulary": (f"spread of word frequency {style.get('zipf_std', 0):.2f} Zipf "
                               f"over {content} content words", []),
        "even_sentence_lengths": ((f"CV {cv:.2f} over {n_sent} sentences" if not math.isnan(cv)
                                   else f"{n_sent} sentences: too few to measure"), []),
        "determiner_openings": (f"{len(openings)} of {own} writer's sentences", _spans(openings)),
        "paired_phrases": (f"{len(paired)} pair(s), {per_1k(len(paired))}", _spans(paired)),
        "nominal_style": (f"{len(nominal)}, {per_1k(len(nominal))}", _spans(nominal)),
        "adjective_density": (f"{style.get('adjectives', 0)}, {per_1k(style.get('adjectives', 0))}",
                              _spans(style.get("adjective_spans", []))),
        "present_tense": (f"{style.get('present', 0)} of {style.get('finite_verbs', 0)} finite "
                          "verbs not in the past tense", _spans(style.get("present_spans", []))),
        "few_specifics": (f"{len(unanchored)} of {anchored + len(unanchored)} sentences with no "
                          "name, figure, quote or source", _spans(unanchored)),
        "stock_transitions": (f"{len(transitions)} in {n_sent} sentences", transitions),
        "stock_vocabulary": (f"{len(stock)}, {per_1k(len(stock))}", stock),
    }


def look_signals(aid: str, features: dict, evidence: list[dict] | None = None,
                 table: dict | None = None) -> list[dict]:
    """The machine-look signals of one article (:mod:`analysis.framing.look`), with the
    words or figures that triggered each; ``table``: the learned scales and weights (the
    shipped table by default). ``evidence`` is accepted for symmetry and not read: the
    signals come from the features alone."""
    raw = look.raw_measures(features)
    values = look.look_values(raw, table)
    measures = _look_measures(features, raw)
    return [_row(aid, "generated_look", name, values[name], *measures[name],
                 "" if name in NO_WORDS else "(none found)") for name in LOOK_SIGNALS]


#: Look signals measured as figures, with no trigger words of their own.
NO_WORDS = {"uniform_vocabulary", "even_sentence_lengths"}


def advocacy_signals(aid: str, features: dict, appeals: list[dict] | None = None) -> list[dict]:
    """The four advocacy signals of one article; ``appeals`` are appeal records (kind
    ``appeal``) set apart from the body by the boilerplate step."""
    signals = features.get("signals", [])
    kinds = lambda k, writer=True: [r for r in signals if r["kind"] == k  # noqa: E731
                                    and not (writer and r.get("in_quote"))]
    writer = features.get("writer_words", 0)
    calls = sorted([*(appeals or []), *kinds("call_to_action")], key=lambda r: r["start"])
    we = kinds("we")
    claims = kinds("unattributed_claim")
    loaded = kinds("loaded")
    n_sent = len(features.get("sentence_lengths", []))
    claim_share = len(claims) / n_sent if n_sent else 0.0
    return [
        _row(aid, "advocacy", "calls_to_action", float(bool(calls)),
             f"{len(calls)} call(s) to action", calls, "(none found)"),
        _row(aid, "advocacy", "first_person_plural", _per_1k(len(we), writer) / WE_PER_1K_SATURATE,
             f"{_per_1k(len(we), writer):.1f} per 1,000 writer's words", we),
        _row(aid, "advocacy", "unattributed_claims", claim_share / CLAIM_SHARE_SATURATE,
             f"{len(claims)} of {n_sent} sentences", claims),
        _row(aid, "advocacy", "loaded_language", _per_1k(len(loaded), writer) / LOADED_PER_1K_SATURATE,
             f"{_per_1k(len(loaded), writer):.1f} per 1,000 writer's words", loaded),
    ]


def signal_rows(aid: str, features: dict, evidence: list[dict],
                appeals: list[dict] | None = None) -> list[dict]:
    """All signals of one article (look, then advocacy)."""
    return [*look_signals(aid, features, evidence), *advocacy_signals(aid, features, appeals)]


def combine(rows: list[dict], table: dict | None = None) -> dict[str, float]:
    """``generated_look_score``, the weighted mean of the look signals (weights of the
    learned table, :func:`analysis.framing.look.look_score`), and ``advocacy_score``, the
    plain mean of the advocacy signals."""
    look_values = {r["signal"]: r["value"] for r in rows if r["score"] == "generated_look"}
    advocacy = [r["value"] for r in rows if r["score"] == "advocacy"]
    return {"generated_look_score": (round(look.look_score(look_values, table), 3)
                                     if look_values else float("nan")),
            "advocacy_score": (round(sum(advocacy) / len(ADVOCACY_SIGNALS), 3)
                               if advocacy else float("nan"))}


def signal_frame(rows: list[dict]) -> pd.DataFrame:
    """Signal rows as a DataFrame with columns :data:`SIGNAL_COLUMNS`."""
    return pd.DataFrame(rows).reindex(columns=SIGNAL_COLUMNS)
