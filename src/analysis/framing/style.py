"""Measures of writing style for the machine-written look, taken from the parse in one pass.

:func:`style_measures` runs inside :func:`analysis.framing.features.doc_features` (the hot
path) and returns plain numbers and a few spans, nothing of the ``Doc``. Every measure is a
rate or a mean, so length does not decide it, and none reads spelling variety (word
commonness merges British and US spellings, :mod:`analysis.framing.commonness`), typography
(quote marks, dashes and line breaks are never looked at: only the parser's words) or length.
Words are the writer's own (outside direct quotes) unless said otherwise.

- ``content_words``: nouns, verbs, adjectives and adverbs (not names), with the mean and
  the standard deviation of their Zipf frequency (``zipf_mean``, ``zipf_std``) and the
  least common ones (``rare``);
- ``writer_words``: word tokens outside quotes;
- ``paired``: spans of coordinated pairs of nouns, adjectives or adverbs, the second at
  most :data:`PAIR_GAP` tokens after the first ("safety and security", "quickly and
  decisively");
- ``nominal``: spans of nominalisations (nouns in -tion, -sion, -ment, -ness, -ity, -ance,
  -ence, -ship, -ism);
- ``adjectives``: adjectives, with the spans of the first ones (``adjective_spans``);
- ``finite_verbs``, ``present``: finite verbs and those not in the past tense (present
  forms and modals: "is", "says", "will"), with spans of the latter (``present_spans``);
- ``sentences``: the writer's sentences (those that do not start inside a quote), and
  ``determiner_openings``: spans of the first word of those that open with a determiner
  ("The", "This", "A", "These");
- ``anchored``, ``unanchored``: of all sentences, those with something specific (a name, a
  number or date, a direct quote, a reporting verb or "according to") and the spans of
  those without.

Spans are ``(start, end, text)`` triples, offsets into the article's text.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc

from ..spans import SpanSet
from .commonness import zipf
from .tokens import Entity, TokenTable, entities, token_table

CONTENT_POS = {"NOUN", "VERB", "ADJ", "ADV"}
PAIRED_POS = {"NOUN", "ADJ", "ADV"}
NOMINAL = re.compile(r"(?:tion|sion|ment|ness|ity|ance|ence|ship|ism)s?$")
PAST_TAGS = {"VBD"}
PRESENT_TAGS = {"VBZ", "VBP", "MD"}
DETERMINER_OPENERS = {"the", "this", "these", "that", "those", "a", "an", "such"}
#: Entity labels that make a sentence specific: names, places, groups, figures, dates.
ANCHOR_ENTITIES = {"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT", "LAW",
                   "WORK_OF_ART", "DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL"}
#: Most tokens from the first word of a pair to the second ("safety and the security").
PAIR_GAP = 3
#: How many of the least common content words are kept as triggers.
RARE_KEPT = 8
#: Spans kept as examples of a dense measure (adjectives, present-tense verbs).
EXAMPLES_KEPT = 12


@cache
def _codes(strings) -> dict[str, object]:
    """The integer codes of the part-of-speech, tag and dependency labels used (per vocab)."""
    return {"content": {POS_IDS[p] for p in CONTENT_POS}, "paired": {POS_IDS[p] for p in PAIRED_POS},
            "noun": POS_IDS["NOUN"], "adj": POS_IDS["ADJ"], "conj": strings.add("conj"),
            "past": {strings.add(t) for t in PAST_TAGS},
            "present": {strings.add(t) for t in PRESENT_TAGS}}


def style_measures(doc: Doc, quotes: SpanSet, sentences: list[tuple[int, int, bool]],
                   body: str | None = None, tokens: TokenTable | None = None,
                   ents: list[Entity] | None = None) -> dict:
    """Style measures of one parsed body (see the module docstring).

    ``quotes``: spans of direct quotes; ``sentences``: ``(start, end, reported)`` of each
    sentence with words, in order, as :func:`~analysis.framing.features.doc_features`
    finds them (``reported``: it has a reporting verb or "according to"); ``body``:
    ``doc.text``, ``tokens`` and ``ents``: :func:`~analysis.framing.tokens.token_table`
    (with ``quotes``) and :func:`~analysis.framing.tokens.entities` of ``doc``, if the caller
    has them already (reading the attributes as arrays is several times faster than reading
    each ``Token``).
    """
    body = doc.text if body is None else body
    tokens = token_table(doc, quotes) if tokens is None else tokens
    ents = entities(doc) if ents is None else ents
    strings = doc.vocab.strings
    codes = _codes(strings)
    content_pos, paired_pos, noun, adj = codes["content"], codes["paired"], codes["noun"], codes["adj"]
    conj, past_tags, present_tags = codes["conj"], codes["past"], codes["present"]
    starts = {s for s, _, _ in sentences}
    writer = content = adjectives = finite = present = 0
    zsum = zsq = 0.0
    rare: list[tuple[float, int, int]] = []
    paired: list[tuple[int, int, str]] = []
    nominal: list[tuple[int, int, str]] = []
    present_spans: list[tuple[int, int, str]] = []
    openings: list[tuple[int, int, str]] = []
    adjective_spans: list[tuple[int, int, str]] = []
    writer_sentences = 0
    pos_of, idx_of = tokens.pos, tokens.idx
    for i, (punct, space, alpha, pos, tag, dep, idx, length, lower, head, quoted) in enumerate(
            zip(tokens.punct, tokens.space, tokens.alpha, tokens.pos, tokens.tag, tokens.dep,
                tokens.idx, tokens.length, tokens.lower, tokens.head, tokens.quoted)):
        if punct or space or quoted:
            continue
        writer += 1
        end = idx + length
        if idx in starts:
            writer_sentences += 1
            if strings[lower] in DETERMINER_OPENERS:
                openings.append((idx, end, body[idx:end]))
        if not alpha:
            continue
        if pos in content_pos:
            word = strings[lower]
            z = zipf(word)
            content += 1
            zsum += z
            zsq += z * z
            rare.append((z, idx, end))
            if pos == noun and length > 5 and NOMINAL.search(word):
                nominal.append((idx, end, body[idx:end]))
            elif pos == adj:
                adjectives += 1
                if len(adjective_spans) < EXAMPLES_KEPT:
                    adjective_spans.append((idx, end, body[idx:end]))
            # a pair's second word points back to the first
            if (pos in paired_pos and dep == conj and i - PAIR_GAP <= head < i
                    and pos_of[head] == pos):
                start = idx_of[head]
                paired.append((start, end, body[start:end]))
        if tag in past_tags:
            finite += 1
        elif tag in present_tags:
            finite += 1
            present += 1
            if len(present_spans) < EXAMPLES_KEPT:
                present_spans.append((idx, end, body[idx:end]))
    mean = zsum / content if content else 0.0
    var = max(0.0, zsq / content - mean * mean) if content else 0.0
    anchored, unanchored = _anchoring(ents, body, quotes, sentences)
    return {
        "writer_words": writer,
        "content_words": content,
        "zipf_mean": round(mean, 4),
        "zipf_std": round(var ** 0.5, 4),
        "rare": _rarest(rare, body),
        "paired": paired,
        "nominal": nominal,
        "adjectives": adjectives,
        "adjective_spans": adjective_spans,
        "finite_verbs": finite,
        "present": present,
        "present_spans": present_spans,
        "sentences": writer_sentences,
        "determiner_openings": openings,
        "anchored": anchored,
        "unanchored": unanchored,
    }


def _rarest(words: list[tuple[float, int, int]], body: str) -> list[tuple[int, int, str]]:
    """The :data:`RARE_KEPT` least common distinct words, least common first."""
    out, seen = [], set()
    for _, s, e in sorted(words):
        key = body[s:e].lower()
        if key not in seen:
            seen.add(key)
            out.append((s, e, body[s:e]))
            if len(out) == RARE_KEPT:
                break
    return out


def _anchoring(ents: list[Entity], body: str, quotes: SpanSet,
               sentences: list[tuple[int, int, bool]]) -> tuple[int, list[tuple[int, int, str]]]:
    """How many sentences have something specific, and the spans of those that do not."""
    marks = sorted(ent.start_char for ent in ents if ent.label in ANCHOR_ENTITIES)
    anchored, unanchored = 0, []
    for start, end, reported in sentences:
        i = bisect_right(marks, start - 1)
        has_entity = i < len(marks) and marks[i] < end
        if reported or has_entity or quotes.overlaps(start, end):
            anchored += 1
        else:
            unanchored.append((start, end, body[start:end]))
    return anchored, unanchored


#: Keys of :func:`style_measures`' result that hold lists of ``(start, end, text)`` spans.
SPAN_KEYS = ("rare", "paired", "nominal", "adjective_spans", "present_spans", "determiner_openings", "unanchored")


def map_style_offsets(style: dict, to_original) -> dict:
    """``style`` with every span's offsets passed through ``to_original`` (an LF copy's
    offsets back to the original text's, see :func:`analysis.textio.lf_text`)."""
    return {k: [(to_original(s), to_original(e), t) for s, e, t in v] if k in SPAN_KEYS else v
            for k, v in style.items()}
