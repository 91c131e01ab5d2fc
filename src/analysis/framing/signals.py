"""Signals of a machine-written look and of advocacy, each with the words that triggered it.

These are **signals, never verdicts**: each is a number from 0 to 1 with the spans that
produced it, and the two scores are plain averages of them, so a reader can see why an
article scored as it did and disagree. None depends on length: rates are per sentence or per
1,000 of the writer's words, and a signal that needs enough text to be measured (evenness of
sentence lengths) is 0 when there is too little of it, so being short never raises a score.

``generated_look_score`` = mean of the six signals of :data:`LOOK_SIGNALS`:

- ``no_named_source``: 1 − (named-source mentions per 1,000 words / 3), clipped to [0, 1]:
  1 when no source is named, 0 from 3 mentions per 1,000 words;
- ``no_direct_quote``: 1 − (share of words inside direct quotes / 0.05), clipped: 1 without
  quotes, 0 once one word in 20 is quoted;
- ``no_number_or_date``: 1 − (specific numbers and dates per 1,000 words / 5), clipped: 1
  without any, 0 from 5 per 1,000 words;
- ``stock_transitions``: sentences opening with a stock transition ("On the other hand",
  "Overall", "Moving forward"), per sentence, divided by 0.2 and capped at 1 (one sentence
  in five saturates it);
- ``stock_vocabulary``: words over-used in generated text ("intricate", "underscores"), per
  1,000 writer's words, divided by 5, capped at 1;
- ``even_sentence_lengths``: (0.45 − CV) / 0.20 clipped to [0, 1], CV being the coefficient
  of variation of words per sentence (0 with fewer than 5 sentences).

``advocacy_score`` = mean of the four signals of :data:`ADVOCACY_SIGNALS`:

- ``calls_to_action``: 1 when the page urges the reader to act (an appeal set apart from the
  body, or a phrase such as "we must", "take action" in the writer's words), else 0;
- ``first_person_plural``: "we / us / our" in the writer's words per 1,000, / 5, capped at 1;
- ``unattributed_claims``: share of the writer's sentences that state obligation or
  certainty ("must", "clearly", "more important than ever") with no quote, source or
  reporting verb, / 0.2, capped at 1;
- ``loaded_language``: loaded words in the writer's words per 1,000, / 5, capped at 1.

The three "no …" signals are rates rather than yes/no so that a long text is not let off by a
single figure and a short one is not blamed for having room for few. The thresholds are round
numbers read off the interquartile ranges of student and ChatGPT
essays on the same topics (Herbold et al. 2023) and of the seed articles; none involves length.
"""
from __future__ import annotations

import math

import pandas as pd

from ..records import QUOTE_KINDS

#: signal -> (score it belongs to, what it means)
LOOK_SIGNALS = {
    "no_named_source": "few or no named sources",
    "no_direct_quote": "little or no direct quotation",
    "no_number_or_date": "few or no specific numbers or dates",
    "stock_transitions": "sentences opening with a stock transition",
    "stock_vocabulary": "words over-used in generated text",
    "even_sentence_lengths": "sentences of even length",
}
ADVOCACY_SIGNALS = {
    "calls_to_action": "urges the reader to act",
    "first_person_plural": "writer speaks as 'we'",
    "unattributed_claims": "claims of obligation or certainty with no source",
    "loaded_language": "loaded, value-laden words",
}
TRANSITIONS_SATURATE = 0.2  # per sentence
STOCK_PER_1K_SATURATE = 5.0
WE_PER_1K_SATURATE = 5.0
LOADED_PER_1K_SATURATE = 5.0
CLAIM_SHARE_SATURATE = 0.2
NAMED_PER_1K_SATURATE = 3.0
QUOTED_SHARE_SATURATE = 0.05
NUMBERS_PER_1K_SATURATE = 5.0
CV_EVEN, CV_VARIED = 0.25, 0.45
MIN_SENTENCES_FOR_EVENNESS = 5
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


def sentence_cv(lengths: list[int]) -> float:
    """Coefficient of variation (std / mean) of sentence lengths; NaN under 5 sentences."""
    if len(lengths) < MIN_SENTENCES_FOR_EVENNESS:
        return float("nan")
    s = pd.Series(lengths, dtype=float)
    return float(s.std(ddof=0) / s.mean())


def _row(aid: str, score: str, signal: str, value: float, measure: str,
         records: list[dict], absent: str = "") -> dict:
    meaning = (LOOK_SIGNALS if score == "generated_look" else ADVOCACY_SIGNALS)[signal]
    return {"article_id": aid, "score": score, "signal": signal, "meaning": meaning,
            "value": round(_cap(value), 3), "measure": measure,
            "triggers": _triggers(records) if records else absent,
            "spans": [(r["start"], r["end"]) for r in records]}


def look_signals(aid: str, features: dict, evidence: list[dict]) -> list[dict]:
    """The six machine-look signals of one article, with their triggering spans."""
    signals = features.get("signals", [])
    kinds = lambda k: [r for r in signals if r["kind"] == k]  # noqa: E731
    named = [r for r in evidence if r["kind"] == "source" and r.get("source_type") == "named"]
    quotes = [r for r in evidence if r["kind"] in QUOTE_KINDS]
    numbers = kinds("number")
    transitions = kinds("transition")
    stock = kinds("stock_phrase")
    lengths = features.get("sentence_lengths", [])
    writer = features.get("writer_words", 0)
    words = features.get("body_words", 0)
    quoted_share = features.get("quoted_words", 0) / words if words else 0.0
    cv = sentence_cv(lengths)
    n_sent = len(lengths)
    return [
        _row(aid, "generated_look", "no_named_source",
             1 - _per_1k(len(named), words) / NAMED_PER_1K_SATURATE,
             f"{len(named)} named-source mention(s), {_per_1k(len(named), words):.1f} per 1,000 words",
             named, "(none found)"),
        _row(aid, "generated_look", "no_direct_quote", 1 - quoted_share / QUOTED_SHARE_SATURATE,
             f"{len(quotes)} quote(s), {quoted_share:.0%} of words quoted", quotes, "(none found)"),
        _row(aid, "generated_look", "no_number_or_date",
             1 - _per_1k(len(numbers), words) / NUMBERS_PER_1K_SATURATE,
             f"{len(numbers)} number(s) or date(s), {_per_1k(len(numbers), words):.1f} per 1,000 words",
             numbers, "(none found)"),
        _row(aid, "generated_look", "stock_transitions",
             (len(transitions) / n_sent / TRANSITIONS_SATURATE) if n_sent else 0.0,
             f"{len(transitions)} in {n_sent} sentences", transitions),
        _row(aid, "generated_look", "stock_vocabulary",
             _per_1k(len(stock), writer) / STOCK_PER_1K_SATURATE,
             f"{_per_1k(len(stock), writer):.1f} per 1,000 writer's words", stock),
        _row(aid, "generated_look", "even_sentence_lengths",
             (CV_VARIED - cv) / (CV_VARIED - CV_EVEN),
             (f"CV {cv:.2f} over {n_sent} sentences" if not math.isnan(cv)
              else f"{n_sent} sentences: too few to measure"),
             [], (f"sentence lengths {min(lengths)}–{max(lengths)} words" if lengths else "")),
    ]


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
    """All ten signals of one article (look, then advocacy)."""
    return [*look_signals(aid, features, evidence), *advocacy_signals(aid, features, appeals)]


def combine(rows: list[dict]) -> dict[str, float]:
    """``generated_look_score`` and ``advocacy_score``: the mean of each score's signals."""
    out = {}
    for score, names in (("generated_look", LOOK_SIGNALS), ("advocacy", ADVOCACY_SIGNALS)):
        values = [r["value"] for r in rows if r["score"] == score]
        out[f"{score}_score"] = round(sum(values) / len(names), 3) if values else float("nan")
    return out


def signal_frame(rows: list[dict]) -> pd.DataFrame:
    """Signal rows as a DataFrame with columns :data:`SIGNAL_COLUMNS`."""
    return pd.DataFrame(rows).reindex(columns=SIGNAL_COLUMNS)
