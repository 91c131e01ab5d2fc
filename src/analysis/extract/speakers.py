"""Speakers of quotes: the subject of the cue verb next to a quotation, or its continuation.

A transcript line's label ("\"PENCE: Well, look…", left out of the quotation by
:func:`analysis.extract.quotes.pair_marks`) is its speaker, and so is a name standing as a
label before a colon right before the quote ("Rep. Trey Gowdy (R-S.C.): “…”"). Otherwise,
for each quote, in order, the first rule that finds a speaker wins:

1. a cue verb in the quote's own sentence(s), outside any quotation ("according to" before
   lexicon verbs before other verbs, then verbs tied to the quote in the parse, then the
   main verb: "X said …, according to Y" is Y's account, as PolNeAR has it; lexicon
   verbs only for a quoted phrase of fewer than :data:`SHORT_QUOTE_WORDS` words): its
   subject ("Cotton claimed", "said Kirby", the name before an appositive), the subject of
   the verb it hangs from ("..., saying “…”"), the object of "according to", the agent of
   a passive cue ("was asked by moderator Gerard Baker"), or the noun the parser made the
   object of an inverted cue or hung elsewhere ("“…,” added a South Carolina Democrat",
   "“…,” said David Brock, a Clinton confidant who heads…"; any verb in that place after a
   quote closing on a comma, "?" or "!": "“…,” read the email");
2. a dash after the quote, on its line ("“…” — John Smith", "“…”\u00a0― John Smith"), or
   opening the line under a quote that ends its line ("“…”\n\n- Sanders.");
3. a cue right after the quote in the next sentence ("“Who knows?” Clinton asked."; any
   verb whose subject follows a quote closing on a comma, "?" or "!"), unless that cue
   reports words of its own (a clause, a later quotation);
4. a cue in the previous sentence of the same or the previous paragraph ("Cruz continued:");
5. the speaker of the previous quote, when this one continues it (same or next paragraph),
   at the latest mention of that person as a subject between the two quotes ("Trump was
   quick to add that… “…”": that "Trump");
6. a cue in the next sentence of the same paragraph.

Pronoun speakers ("he added") are resolved to the person meant by
:func:`analysis.extract.source_types.describe`.
"""
from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from spacy import symbols
from spacy.tokens import Token

from ..lexicons import lemma_candidates
from .coref import Persons
from .cues import addressee_verbs, quote_cues, thought_only
from .docindex import VERB_ID, DocIndex, lemma_key
from .quotes import TRANSCRIPT_LABEL
from .source_types import describe
from .syntax import document_clause, is_according, mention_span, prep_objects, subject_of

DASHES = ("—", "–", "-", "―")
#: A label before a quote: a boundary (line start, dash, sentence end, closing mark), then
#: up to eight words, the first and the last capitalised, a party in parentheses, a colon
#: (the text up to the quote's opening mark).
NAME_LABEL = re.compile(r"(?:^|(?<=[—–―-] )|(?<=[.!?”\"] ))(?P<name>[A-Z][\w.'’-]*\s+"
                        r"(?:[\w.'’-]+\s+){0,6}[A-Z][\w.'’-]*|[A-Z][\w.'’-]*)"
                        r"(?:\s*\([A-Z][\w.-]*\))?\s*:\s*\Z", re.MULTILINE)
#: The end of a quotation's line and the dash opening the next line that is not blank.
DASH_LINE = re.compile(r"[ .\t\u00a0]*\n\s*(?=[—–―-] ?[A-Z])")
#: Farthest a fallback (non-lexicon) verb may be from the quote, in characters.
NEAR = 40
#: Most characters between a quote's end and an inverted cue verb ("“…,” added X").
INVERTED_GAP = 3
#: Finite verb tags: an inverted cue is finite ("added X"), a participle is not
#: ("…, referencing the number of…").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: The end of a quotation that closes on a comma, a question or an exclamation ("“…,”"):
#: words someone said, whatever verb follows ("“…,” read the email", "“…,” opined X").
SPEECH_CLOSE = re.compile(r"[,?!][”\"’']")
#: Dependencies the parser gives a speaker it misreads as the object of an inverted cue.
OBJECT_DEPS = frozenset({"dobj", "attr", "dative", "npadvmod", "oprd"})
#: Quotes of fewer words (a phrase taken over: "a separate “liquidating trust”") take their
#: speaker from a lexicon cue only, never from whatever verb stands next to them.
SHORT_QUOTE_WORDS = 4
#: A cue verb opening a sentence, then a name, then a colon or comma right before a quote
#: ("Said Ellis: “", "Stated Stone:\n\n“").
FRONTED_CUE = re.compile(r"(?:^|(?<=[.!?”\"’]\s))(?P<verb>[A-Z][a-z]+)\s+"
                         r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*[:,]\s*\Z",
                         re.MULTILINE)


class Speakers(NamedTuple):
    """What :func:`find_speakers` found: the quote records with their speakers, each
    speaker's head token with its cue (for the source finder), and the mention spans rules
    fixed where the parse misreads them (token index -> character span)."""

    quotes: list[dict]
    heads: list[tuple[Token, str | None]]
    mention_spans: Mapping[int, tuple[int, int]]


def document_quoted(index: DocIndex, start: int, end: int) -> tuple[Token, Token] | None:
    """``(verb, relative pronoun)`` of the relative clause describing a document that the
    quotation ``[start, end)`` is the content of ("a bill into law that *defines* sex as
    “…”", "an email … that *stated* judges “…”"): a word of the quotation hangs, at most
    four heads up outside it and through no other verb, from that clause's verb; else None.
    The quotation is the document's words, not those of the person who signed or sent it.
    Not through another verb: in "policies that will attempt to *tackle* “…”" the quoted
    words are what the policies are to tackle, no words of theirs."""
    toks = index.tokens_in(start, end)
    heads, doc, pos, dep = index.heads, index.doc, index.pos, index.dep
    for i in toks:
        h = heads[i]
        if h in toks:
            continue
        for _ in range(4):
            if index.quoted[h]:
                break
            subj = document_clause(doc[h]) if dep[h] == symbols.relcl else None
            if subj is not None:
                return doc[h], subj
            if heads[h] == h or pos[h] == VERB_ID:
                break
            h = heads[h]
    return None


def _depth(index: DocIndex, i: int) -> int:
    """Number of heads between token ``i`` and the root of its sentence."""
    heads, depth = index.heads, 0
    while heads[i] != i and depth < 20:
        i, depth = heads[i], depth + 1
    return depth


def _linked(index: DocIndex, toks: range) -> set[int]:
    """Tokens outside the quote that govern it (up to three heads up) or that hang from it
    ("“…,” he said" parsed either way)."""
    heads, quoted = index.heads, index.quoted
    linked: set[int] = set()
    for i in toks:
        h = heads[i]
        if h in toks:
            continue
        for _ in range(3):
            if quoted[h]:
                break
            linked.add(h)
            if heads[h] == h:
                break
            h = heads[h]
    return linked


def _cue_in(index: DocIndex, lo: int, hi: int, qs: int, qe: int,
            toks: range | None = None, lexical_only: bool = False, near_only: bool = False,
            by_depth: bool = False) -> tuple[Token, Token] | None:
    """Best cue verb in tokens ``[lo, hi)`` outside quotes that has a subject: "according
    to", then lexicon verbs, then verbs linked to the quote in the parse, then
    (``by_depth``) the verb nearest the root of its sentence, then the nearest to the
    quote."""
    lemmas = quote_cues()
    doc, heads = index.doc, index.heads
    linked = _linked(index, toks) if toks is not None else set()
    found = []
    for i in range(lo, hi):
        if index.quoted[i]:
            continue
        according = is_according(doc[i])
        is_verb = index.pos[i] == VERB_ID and not according
        if not (is_verb or according):
            continue
        start = index.starts[i]
        dist = qs - start if start < qs else start - qe
        lexical = according or index.lemma[i] in lemmas
        tied = i in linked or (toks is not None and heads[i] in toks)
        if not lexical and (lexical_only or (not tied and dist > NEAR)):
            continue
        if near_only and dist > NEAR:
            continue
        depth = _depth(index, i) if by_depth else 0
        found.append((not lexical, not according, not tied, depth, abs(dist), i))
    for not_lexical, *_, i in sorted(found):
        subj = subject_of(index, doc[i])
        if subj is not None and subj.dep_ == "nsubjpass" and subj.head.i == i:
            agent = _speaking_agent(doc[i])
            if agent is None and index.lemma[i] in thought_only():
                continue  # "the suspect was seen carrying…": no one's thought, no speaker
            subj = agent or subj
        if subj is None and (not not_lexical or _speech_closed(index, qe)):
            subj = _inverted_object(index, doc[i], qe)
        if subj is not None:
            return doc[i], subj
    return None


def _speaking_agent(verb: Token) -> Token | None:
    """The agent of a passive cue, who does the speaking ("Rubio was asked by moderator
    Gerard Baker whether…": Baker, not the one asked); None when it names no agent."""
    return next(prep_objects(verb), None)


def _speech_closed(index: DocIndex, qe: int) -> bool:
    """The quotation ending at ``qe`` closes on a comma, a question or an exclamation."""
    return SPEECH_CLOSE.match(index.text, max(0, qe - 2), qe) is not None


def _any_verb_right_after(index: DocIndex, sentence: tuple[int, int], qs: int,
                          qe: int) -> tuple[Token, Token] | None:
    """The verb and subject of the sentence after a quotation closing on a comma, a question
    or an exclamation, when that subject comes right after the closing mark, whatever the
    verb ("“You know, it happens, right?” Trump went on"): the words of the one who goes on.
    """
    if not _speech_closed(index, qe):
        return None
    hit = _cue_in(index, *sentence, qs, qe, near_only=True)
    if hit is None or not 0 <= index.starts[hit[1].left_edge.i] - qe <= INVERTED_GAP:
        return None
    return hit


def _has_own_content(index: DocIndex, verb: Token, end: int) -> bool:
    """The cue ``verb`` (in the sentence after a quote, up to token ``end``) reports words of
    its own: a clause ("“…” Reid said both Rubio and Cruz are non-entities") or a quotation
    after it in its sentence ("South Carolina, he said, was “where…”"), so it is not the
    cue of the quote before it."""
    if any(c.dep_ == "ccomp" for c in verb.children):
        return True
    return any(index.quoted[i] for i in range(verb.i + 1, end))


def _inverted_object(index: DocIndex, verb: Token, qe: int) -> Token | None:
    """The speaker the parser took for an object of a finite cue verb right after the quote
    ("“…,” added a South Carolina Democrat", "“…,” says Myra Gutin"; a base form after a
    comma closing the quotation: "“…,” read the email"): the noun after the verb, unless
    the verb names its addressee there ("told reporters")."""
    gap = index.starts[verb.i] - qe
    finite = verb.tag_ in FINITE_TAGS or (verb.tag_ == "VB" and _speech_closed(index, qe))
    if not 0 <= gap <= INVERTED_GAP or index.text[qe:qe + gap].strip(" ,\u00a0") \
            or not finite or lemma_key(verb.lemma_) in addressee_verbs():
        return None
    for child in verb.rights:
        if child.dep_ in OBJECT_DEPS and not index.quoted[child.i] and \
                child.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "NUM"):
            return child
    return _phrase_after(index, verb)


def _phrase_after(index: DocIndex, verb: Token) -> Token | None:
    """The head of the noun phrase right after an inverted cue, where the parser hung it on
    some later word ("“…,” said David Brock, a Clinton confidant who heads…", with "Brock"
    read as the subject of "Correct"): its last noun or name before anything else."""
    doc, head = index.doc, None
    for i in range(verb.i + 1, min(len(doc), verb.i + 8)):
        tok = doc[i]
        if index.quoted[i] or tok.is_space:
            break
        if tok.pos_ in ("PROPN", "NOUN"):
            head = tok
        elif tok.pos_ == "PRON" and head is None and tok.dep_ != "poss":
            return tok
        elif not (head is None and tok.pos_ in ("DET", "ADJ", "NUM")) and tok.dep_ != "case":
            break
    return head


def _dash_speaker(index: DocIndex, qe: int) -> Token | None:
    """The name after a dash that follows the quote ("“…” — Mary Jones", "“…”\u00a0― Jones"),
    on the quote's line, or opening the line after it when the quote ends its line (a
    quotation set apart, its speaker on a line of its own: "“…”\n\n- Sanders.")."""
    tail = index.text[qe:qe + 8]
    stripped = tail.lstrip(" ,\u00a0\u2009\u202f")  # no-break and thin spaces too
    start = qe
    if not stripped.startswith(DASHES):
        below = DASH_LINE.match(index.text, qe)
        if below is None:
            return None
        start = below.end()
    for i in index.tokens_in(start, min(len(index.text), start + 60)):
        tok = index.doc[i]
        if "\n" in tok.text:
            return None
        if not tok.is_alpha:  # the dash itself is sometimes tagged a proper noun
            continue
        if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ == "PERSON":
            return tok.head if tok.dep_ == "compound" else tok
        if tok.is_lower and tok.pos_ != "DET":
            return None
    return None


def _fronted_cue(index: DocIndex, qs: int) -> tuple[Token, tuple[int, int]] | None:
    """The name after a cue verb that opens the sentence before the quote, up to a colon or
    a comma ("Said Ellis: “…”", "Stated Stone:\n\n“…”"), with the name's character span:
    inverted order the parser reads as one name ("Said Ellis"). The verb is any form of a
    cue (:func:`analysis.extract.cues.quote_cues`)."""
    text = index.text
    this_line = text.rfind("\n", 0, qs)  # the search starts one line up ("Stated Stone:\n“")
    m = FRONTED_CUE.search(text, text.rfind("\n", 0, max(0, this_line - 1)) + 1, qs)
    if m is None or not any(lemma_key(w) in quote_cues() for w in lemma_candidates(m["verb"])):
        return None
    toks = index.tokens_in(*m.span("name"))
    if not len(toks):
        return None
    return index.doc[toks.stop - 1], m.span("name")


#: Dependencies of a later mention of a speaker: a clause's subject, or the head of a
#: verbless line ("Trump from his desk.").
MENTION_DEPS = frozenset({"nsubj", "nsubjpass", "ROOT"})


def _latest_mention(index: DocIndex, persons: Persons, fixed: Mapping[int, tuple[int, int]],
                    speaker: Token, previous: dict, qs: int) -> Token:
    """The last subject between the ``previous`` quote and a quote starting at ``qs`` that
    names the same person as that quote's ``speaker`` ("“…,” Trump said. Trump was quick to
    add that… “…”": the second "Trump"; "He then had a question. “…”": "He"; not the
    subject of a relative clause), or ``speaker`` itself when no later subject names them."""
    name = previous.get("speaker")
    if not name:
        return speaker
    for i in reversed(index.tokens_in(previous["end"], qs)):
        tok = index.doc[i]
        if index.quoted[i] or tok.dep_ not in MENTION_DEPS or i == speaker.i or \
                tok.pos_ not in ("PROPN", "PRON", "NOUN") or tok.head.dep_ == "relcl":
            continue
        start, end = mention_span(tok, fixed)
        if describe(tok, start, end, persons, fixed)[1] == name:
            return tok
    return speaker


def _previous_sentence(index: DocIndex, first: int) -> tuple[int, int] | None:
    """Token range of the sentence before token ``first`` (skipping blank tokens), cut at
    its paragraph's bounds (the parser may run a sentence over a line break)."""
    j = first - 1
    while j >= 0 and index.doc[j].is_space:
        j -= 1
    if j < 0:
        return None
    s0, s1 = index.sentence_bounds(j)
    p0, p1 = index.paragraph_tokens(index.starts[j], index.starts[j])
    return max(s0, p0), min(s1, p1, first)


def _next_sentence(index: DocIndex, s1: int, qs: int) -> tuple[int, int] | None:
    """Token range of the sentence after the quote's, when it is in the same paragraph."""
    if s1 >= len(index.doc) or index.paragraph(index.starts[s1]) != index.paragraph(qs):
        return None
    _, s2 = index.sentence_bounds(s1)
    return s1, min(s2, index.paragraph_tokens(qs, qs)[1])


def _name_label(index: DocIndex, qs: int) -> tuple[Token, tuple[int, int]] | None:
    """A name followed by a colon right before the quote, that stands alone where it starts
    (at the start of a line, after a dash, after a sentence or another quotation): "Rep.
    Trey Gowdy (R-S.C.): “…”", "IOWA POLLS NOT WRONG - Mark Blumenthal: “…”", "Clinton:
    “…” Bush: “…”" — a label naming who speaks, with the label's span. The label holds a
    person's name and no verb ("He told Hillary Clinton:" is none)."""
    text, doc = index.text, index.doc
    pos = max(0, text.rfind("\n", 0, qs) + 1, qs - 80)
    while (m := NAME_LABEL.search(text, pos, qs)) is not None:
        pos = m.start("name") + 1  # the next try starts at a later boundary
        toks = index.tokens_in(*m.span("name"))
        if not len(toks) or index.quoted[toks.start] or \
                any(doc[i].pos_ in ("VERB", "AUX") for i in toks):
            continue
        people = [i for i in toks if doc[i].ent_type_ == "PERSON"]
        if not people:
            continue
        names = [i for i in toks if doc[i].ent_type_ == "PERSON" or doc[i].pos_ == "PROPN"]
        root = next((i for i in names if index.heads[i] not in toks), names[-1])
        start = m.start("name")
        if any(doc[i].is_lower for i in toks):  # "Former secretary of state Hillary Clinton"
            start = index.starts[people[0]]
        return doc[root], (start, m.end("name"))
    return None


def transcript_label(index: DocIndex, qs: int) -> Token | None:
    """The speaker label of a transcript line whose quotation starts at ``qs`` ("\"PENCE:
    Well, look…": Pence), as :func:`analysis.extract.quotes.pair_marks` leaves it out of the
    quotation; None for any other quotation."""
    text = index.text
    line = text.rfind("\n", 0, qs) + 1
    if text[line:line + 1] not in ("\"", "“"):
        return None
    m = TRANSCRIPT_LABEL.match(text, line + 1)
    if m is None or m.end() != qs:
        return None
    toks = index.tokens_in(*m.span(1))
    return index.doc[toks.stop - 1] if len(toks) else None


def find_speakers(index: DocIndex, persons: Persons, quotes: list[dict]) -> Speakers:
    """The speaker of each quote record of ``quotes`` (in text order), by the rules of the
    module docstring, on ``index`` masked by the quotations.

    Returns new quote records with ``speaker_start/_end``, ``speaker``, ``cue`` and ``rule``
    filled (the rule says which speaker rule fired, or that none did), and what the source
    finder needs of them (:class:`Speakers`)."""
    out: list[dict] = []
    heads: list[tuple[Token, str | None]] = []
    fixed: dict[int, tuple[int, int]] = {}
    previous: dict | None = None
    prev_token: Token | None = None
    for quote in quotes:
        q = dict(quote)
        out.append(q)
        toks = index.tokens_in(q["start"], q["end"])
        if not len(toks):
            continue
        qs, qe = q["start"], q["end"]
        s0, _ = index.sentence_bounds(toks.start)
        _, s1 = index.sentence_bounds(toks.stop - 1)
        p0, p1 = index.paragraph_tokens(qs, qe - 1)
        s0, s1 = max(s0, p0), min(s1, p1)
        cue, subj, rule = None, None, None
        short = len(index.text[qs:qe].split()) < SHORT_QUOTE_WORDS
        label = transcript_label(index, qs)
        named = _name_label(index, qs) if label is None else None
        hit = None if label is not None or named else _cue_in(index, s0, s1, qs, qe, toks,
                                                              lexical_only=short, by_depth=True)
        if label is not None:
            subj, rule = label, "speaker: transcript label"
        elif named is not None:
            subj, span = named
            fixed[subj.i] = span
            rule = "speaker: name before a colon"
        elif hit:
            (cue, subj), rule = hit, "speaker: subject of cue"
            in_document = document_quoted(index, qs, qe)
            if in_document is not None and in_document[1].i != subj.i:
                (cue, subj), rule = in_document, "speaker: document of its clause"
        if subj is None:
            fronted = _fronted_cue(index, qs)
            if fronted is not None:
                subj, span = fronted
                fixed[subj.i] = span
                rule = "speaker: after a fronted cue"
        if subj is None:
            subj = _dash_speaker(index, qe)
            rule = "speaker: after a dash" if subj is not None else None
        para = index.paragraph(qs)
        next_sentence = _next_sentence(index, s1, qs)
        if subj is None and next_sentence:
            hit = _cue_in(index, *next_sentence, qs, qe, lexical_only=True, near_only=True) \
                or _any_verb_right_after(index, next_sentence, qs, qe)
            if hit and not _has_own_content(index, hit[0], next_sentence[1]):
                (cue, subj), rule = hit, "speaker: cue right after the quote"
        prev = _previous_sentence(index, s0)
        if subj is None and prev and index.paragraph(index.starts[prev[0]]) >= para - 1:
            hit = _cue_in(index, prev[0], prev[1], qs, qe, lexical_only=True, by_depth=True)
            if hit:
                (cue, subj), rule = hit, "speaker: cue in previous sentence"
        if (subj is None and previous is not None and prev_token is not None
                and index.paragraph(previous["end"]) >= para - 1):
            subj = _latest_mention(index, persons, fixed, prev_token, previous, qs)
            cue, rule = None, "speaker: continues previous quote"
            q["cue"] = previous["cue"]
        if subj is None and next_sentence:
            hit = _cue_in(index, *next_sentence, qs, qe, lexical_only=True, by_depth=True)
            if hit:
                (cue, subj), rule = hit, "speaker: cue in next sentence"
        if subj is None:
            q["rule"] = f"{q['rule']}; no speaker found"
            continue
        start, end = mention_span(subj, fixed)
        _, name = describe(subj, start, end, persons, fixed)
        q.update(speaker_start=start, speaker_end=end, speaker=name, rule=f"{q['rule']}; {rule}")
        if cue is not None:
            q["cue"] = "according to" if is_according(cue) else cue.text
        heads.append((subj, q["cue"]))
        previous, prev_token = q, subj
    return Speakers(out, heads, fixed)
