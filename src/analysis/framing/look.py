"""The machine-written look: eleven signals of writing style and their learned weighted mean.

Each signal is a number from 0 to 1 with the words or figures that produced it; the score,
``generated_look_score``, is their weighted mean. It is **a signal, never a verdict**: a
careful reporter can write in the plain, even way these signals pick up, and edited machine
text need not show it (``docs/generated-look.md`` says what it is, what it is not, and how
well it separates human and machine writing on the development data).

A signal starts as a *raw measure* of the text (:func:`raw_measures`), oriented by
:data:`LOOK_SIGNALS` (``+1``: the higher, the more machine-like; ``-1``: the lower), and is
mapped to 0–1 by the learned table ``lexicons/genlook_weights.tsv``: 0 at its ``zero_at``
value, 1 at its ``one_at`` value, linear between, clipped. The table also holds each
signal's weight (weights are ≥ 0 and sum to 1), so the score is
``sum(weight × signal)``. ``python -m analysis learn-genlook ESSAYS NEWS`` rebuilds it
(:mod:`analysis.evaluate.genlook`).

A raw measure that needs more text than the article has (fewer than
:data:`MIN_CONTENT_WORDS` content words, :data:`MIN_SENTENCES` sentences or
:data:`MIN_FINITE_VERBS` finite verbs) is not measured and its signal is 0, so being short
never raises the score.

The signals (raw measure; orientation):

- ``uncommon_vocabulary``: mean Zipf frequency of the writer's content words (-1: the
  rarer the words, the higher);
- ``uniform_vocabulary``: standard deviation of that frequency (-1: words all of middling
  frequency, neither very common nor rare);
- ``even_sentence_lengths``: coefficient of variation of words per sentence (-1);
- ``determiner_openings``: share of the writer's sentences opening with a determiner
  ("The …", "This …", "A …") (+1);
- ``paired_phrases``: coordinated pairs of nouns, adjectives or adverbs ("safety and
  security") per 1,000 writer's words (+1);
- ``nominal_style``: nominalisations (-tion, -ment, -ness, -ity …) per 1,000 writer's
  words (+1);
- ``adjective_density``: adjectives per 1,000 writer's words (+1);
- ``present_tense``: share of the writer's finite verbs not in the past tense (+1);
- ``few_specifics``: share of sentences with no name, number, date, direct quote or
  reporting verb (+1) — specificity, one signal among the others;
- ``stock_transitions``: sentences opening with a stock transition ("Moreover,",
  "Overall,") per sentence (+1);
- ``stock_vocabulary``: words over-used in generated text ("delve", "underscores") per
  1,000 writer's words (+1).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..paths import LEXICON_DIR

#: The learned table's name under ``lexicons/``.
TABLE = "genlook_weights"
MIN_CONTENT_WORDS = 20
MIN_SENTENCES = 3
MIN_SENTENCES_FOR_EVENNESS = 5
MIN_FINITE_VERBS = 5
MIN_WRITER_WORDS = 50


@dataclass(frozen=True)
class LookSignal:
    """One signal: what it means (shown in charts) and how its raw measure is oriented."""

    meaning: str
    direction: int


#: signal -> meaning and orientation, in display order.
LOOK_SIGNALS: dict[str, LookSignal] = {
    "uncommon_vocabulary": LookSignal("content words less common than usual", -1),
    "uniform_vocabulary": LookSignal("content words all of middling frequency", -1),
    "even_sentence_lengths": LookSignal("sentences of even length", -1),
    "determiner_openings": LookSignal("sentences opening with 'The', 'This', 'A'", +1),
    "paired_phrases": LookSignal("paired words ('safety and security')", +1),
    "nominal_style": LookSignal("nominalisations (-tion, -ment, -ity)", +1),
    "adjective_density": LookSignal("many adjectives", +1),
    "present_tense": LookSignal("verbs in the present tense", +1),
    "few_specifics": LookSignal("sentences with no name, figure, quote or source", +1),
    "stock_transitions": LookSignal("sentences opening with a stock transition", +1),
    "stock_vocabulary": LookSignal("words over-used in generated text", +1),
}


@dataclass(frozen=True)
class Scale:
    """A signal's row of the learned table."""

    weight: float
    zero_at: float
    one_at: float

    def value(self, raw: float) -> float:
        """The raw measure mapped to 0–1 (0 when it could not be measured)."""
        if raw is None or math.isnan(raw) or self.one_at == self.zero_at:
            return 0.0
        return float(min(1.0, max(0.0, (raw - self.zero_at) / (self.one_at - self.zero_at))))


def _per_1k(n: float, words: int) -> float:
    return 1000 * n / words if words else float("nan")


def sentence_cv(lengths: list[int]) -> float:
    """Coefficient of variation (std / mean) of sentence lengths; NaN under
    :data:`MIN_SENTENCES_FOR_EVENNESS` sentences."""
    if len(lengths) < MIN_SENTENCES_FOR_EVENNESS:
        return float("nan")
    mean = sum(lengths) / len(lengths)
    var = sum((x - mean) ** 2 for x in lengths) / len(lengths)
    return math.sqrt(var) / mean if mean else float("nan")


def raw_measures(features: dict) -> dict[str, float]:
    """Each signal's raw measure (NaN when there is too little text to measure it)."""
    nan = float("nan")
    style = features.get("style") or {}
    kinds = [r["kind"] for r in features.get("signals", []) if not r.get("in_quote")]
    lengths = features.get("sentence_lengths", [])
    writer = style.get("writer_words", features.get("writer_words", 0))
    content = style.get("content_words", 0)
    enough_words = writer >= MIN_WRITER_WORDS
    n_sent = len(lengths)
    own_sentences = style.get("sentences", 0)
    finite = style.get("finite_verbs", 0)
    anchored, unanchored = style.get("anchored", 0), len(style.get("unanchored", []))
    return {
        "uncommon_vocabulary": style.get("zipf_mean", nan) if content >= MIN_CONTENT_WORDS else nan,
        "uniform_vocabulary": style.get("zipf_std", nan) if content >= MIN_CONTENT_WORDS else nan,
        "even_sentence_lengths": sentence_cv(lengths),
        "determiner_openings": (len(style.get("determiner_openings", [])) / own_sentences
                                if own_sentences >= MIN_SENTENCES else nan),
        "paired_phrases": _per_1k(len(style.get("paired", [])), writer) if enough_words else nan,
        "nominal_style": _per_1k(len(style.get("nominal", [])), writer) if enough_words else nan,
        "adjective_density": _per_1k(style.get("adjectives", 0), writer) if enough_words else nan,
        "present_tense": style.get("present", 0) / finite if finite >= MIN_FINITE_VERBS else nan,
        "few_specifics": (unanchored / (anchored + unanchored)
                          if anchored + unanchored >= MIN_SENTENCES else nan),
        "stock_transitions": kinds.count("transition") / n_sent if n_sent >= MIN_SENTENCES else nan,
        "stock_vocabulary": (_per_1k(kinds.count("stock_phrase"), writer)
                             if enough_words else nan),
    }


def table_path() -> Path:
    """Where the shipped table is."""
    return LEXICON_DIR / f"{TABLE}.tsv"


def read_table(path: Path | str) -> dict[str, Scale]:
    """``signal -> Scale`` from a table file (``#`` lines are its header)."""
    scales: dict[str, Scale] = {}
    lines = [ln for ln in Path(path).read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    for line in lines[1:]:  # the first is the column names
        name, weight, zero_at, one_at = line.split("\t")[:4]
        scales[name] = Scale(float(weight), float(zero_at), float(one_at))
    unknown = set(scales) - set(LOOK_SIGNALS)
    if unknown:
        raise ValueError(f"{path}: unknown signals {sorted(unknown)}; relearn the table "
                         "(python -m analysis learn-genlook ESSAYS NEWS)")
    return scales


@cache
def look_table() -> dict[str, Scale]:
    """The shipped table (read once)."""
    return read_table(table_path())


def look_values(raw: dict[str, float], table: dict[str, Scale] | None = None) -> dict[str, float]:
    """Each signal's 0–1 value from its raw measure under ``table`` (the shipped one by
    default); a signal missing from the table is 0."""
    table = look_table() if table is None else table
    return {name: table[name].value(raw.get(name, float("nan"))) if name in table else 0.0
            for name in LOOK_SIGNALS}


def look_score(values: dict[str, float], table: dict[str, Scale] | None = None) -> float:
    """``generated_look_score``: the weighted mean of the signals' values (weights of the
    table, ≥ 0); NaN when no signal has weight."""
    table = look_table() if table is None else table
    total = sum(s.weight for s in table.values())
    if total <= 0:
        return float("nan")
    return sum(table[n].weight * values.get(n, 0.0) for n in table) / total
