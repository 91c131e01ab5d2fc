"""Speakers of quotes: the subject of the cue verb next to a quotation, or its continuation.

A transcript line's label ("\"PENCE: Well, look…", left out of the quotation by
:func:`analysis.extract.quotes.pair_marks`) is its speaker. Otherwise, for each quote, in
order, the first rule that finds a speaker wins:

1. a cue verb in the quote's own sentence(s), outside any quotation ("according to" before
   lexicon verbs before other verbs, then verbs tied to the quote in the parse, then the
   main verb: "X said …, according to Y" is Y's account, as PolNeAR has it; lexicon
   verbs only for a quoted phrase of fewer than :data:`SHORT_QUOTE_WORDS` words): its
   subject ("Cotton claimed", "said Kirby", the name before an appositive), the subject of
   the verb it hangs from ("..., saying “…”"), the object of "according to", or the noun
   the parser made the object of an inverted cue ("“…,” added a South Carolina Democrat");
2. a dash after the quote, on its line ("“…” — John Smith", "“…”\u00a0― John Smith");
3. a cue right after the quote in the next sentence ("“Who knows?” Clinton asked.");
4. a cue in the previous sentence of the same or the previous paragraph ("Cruz continued:");
5. the speaker of the previous quote, when this one continues it (same or next paragraph);
6. a cue in the next sentence of the same paragraph.

Pronoun speakers ("he added") are resolved to the person meant by
:meth:`DocIndex.describe`.
"""
from __future__ import annotations

import re
from functools import cache

from spacy.tokens import Token

from .. import wordnet
from ..lexicons import lemma_candidates
from .mentions import SUBJECT_DEPS, VERB_ID, DocIndex, lemma_key, lexicon_keys

CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "pcomp", "ccomp"})
DASHES = ("—", "–", "-", "―")
#: Farthest a fallback (non-lexicon) verb may be from the quote, in characters.
NEAR = 40
#: Most characters between a quote's end and an inverted cue verb ("“…,” added X").
INVERTED_GAP = 3
#: Finite verb tags: an inverted cue is finite ("added X"), a participle is not
#: ("…, referencing the number of…").
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
#: Dependencies the parser gives a speaker it misreads as the object of an inverted cue.
OBJECT_DEPS = frozenset({"dobj", "attr", "dative", "npadvmod", "oprd"})
#: Quotes of fewer words (a phrase taken over: "a separate “liquidating trust”") take their
#: speaker from a lexicon cue only, never from whatever verb stands next to them.
SHORT_QUOTE_WORDS = 4
#: WordNet classes of a noun's first sense that name someone ("adviser", "party").
PERSON_OR_GROUP = frozenset({"person", "group"})
#: A cue verb opening a sentence, then a name, then a colon or comma right before a quote
#: ("Said Ellis: “", "Stated Stone:\n\n“").
FRONTED_CUE = re.compile(r"(?:^|(?<=[.!?”\"’]\s))(?P<verb>[A-Z][a-z]+)\s+"
                         r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s*[:,]\s*\Z",
                         re.MULTILINE)
#: Entity types of a place or a time, which say nothing themselves ("WASHINGTON --").
PLACE_OR_TIME = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
#: Parts of speech of a noun phrase's head that can be a speaker.
SPEAKER_POS = ("PROPN", "NOUN", "PRON")
#: Most tokens between a quotation and its cue verb read as a stranded speaker
#: (:func:`_stranded_subject`: a name and an appositive of a few words).
STRANDED_MAX_TOKENS = 12


@cache
def cue_lemmas() -> frozenset[int]:
    """Hashes of every verb lemma that can introduce a quote."""
    return frozenset().union(*(lexicon_keys(name) for name in
                               ("cue_verbs", "cue_verbs_clausal", "quote_cue_verbs")))


def subject_of(index: DocIndex, tok: Token) -> Token | None:
    """The source-bearing subject of cue ``tok``, climbing participles and conjuncts."""
    if tok.lower_ == "according":
        for child in tok.children:
            if child.lower_ == "to":
                for obj in child.children:
                    if obj.dep_ == "pobj":
                        return obj
        return None
    head = tok
    para = index.paragraph(tok.idx)
    for _ in range(4):
        subj = direct_subject(index, head, para)
        if subj is not None:
            return subj
        if head is tok:
            for child in head.children:
                if child.dep_ == "agent":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            return obj
        if head.head.i != head.i and index.paragraph(head.head.idx) != para:
            return _orphan_subject(index, tok, para)
        if head.dep_ not in CLIMB_DEPS or head.head.i == head.i or index.quoted[head.head.i]:
            return None
        head = head.head
    return None


def direct_subject(index: DocIndex, verb: Token, para: int | None = None) -> Token | None:
    """The subject child of ``verb`` outside quotes, in the verb's own paragraph; when the
    parser gave the verb two subjects ("9:30 p.m.\n\nDonald Trump says", "LONDON (Reuters) -
    Donald Trump said"), the one nearest the verb. A subject the parser attached from
    another paragraph only is replaced by the orphaned noun of the verb's own paragraph."""
    para = index.paragraph(verb.idx) if para is None else para
    subjects = [child for child in verb.children
                if child.dep_ in SUBJECT_DEPS and not index.quoted[child.i]
                and not (child.i > verb.i and index.titled[child.i])]
    if not subjects:
        return _stranded_subject(index, verb)
    own = [child for child in subjects if index.paragraph(child.idx) == para]
    if own:
        return _person_in_apposition(min(own, key=lambda child: abs(child.i - verb.i)), verb)
    return _orphan_subject(index, verb, para)


def _person_in_apposition(subj: Token, verb: Token) -> Token:
    """The person the parser put in apposition to a subject that names no agent, as when it
    reads a fronted phrase or a dateline as the subject ("With 50 days until the election,
    Minyon Moore, a senior adviser…, called": Moore, not "the election"; "WASHINGTON --
    President Obama, dedicating…, said": Obama); else ``subj``."""
    person = next((child for child in subj.children
                   if child.dep_ == "appos" and child.ent_type_ == "PERSON"), None)
    if person is None:
        return subj
    if subj.ent_type_ in PLACE_OR_TIME:
        return person
    if subj.ent_type_ == "PERSON" and all(
            t.is_punct for t in subj.doc[person.right_edge.i + 1:verb.i]) and person.i < verb.i:
        return person  # two people in apposition, the second right before the verb: the
        # first was fronted ("To understand the real Dred Scott, Chief Justice Roberts said")
    if subj.pos_ == "NOUN" and not subj.ent_type_:
        found = wordnet.classes(subj.lemma_.lower(), "noun")
        if found and found[0] not in PERSON_OR_GROUP:
            return person
    return subj


def _stranded_subject(index: DocIndex, verb: Token) -> Token | None:
    """The speaker between a quotation's closing mark and its cue verb that the parser hung
    on a word of the quotation ("“…,” Flynn, a top Trump surrogate, said"; "“…,” Tulsa
    police Chief Chuck Jordan said"): the first person named there, else the noun or pronoun
    phrase's root (its word whose head lies outside it), when the verb is a cue and nothing
    but that phrase stands between the quotation and the verb."""
    if verb.pos != VERB_ID or index.lemma[verb.i] not in cue_lemmas():
        return None
    span = []
    for i in range(verb.i - 1, max(-1, verb.i - STRANDED_MAX_TOKENS - 1), -1):
        if index.quoted[i]:
            break
        tok = index.doc[i]
        if "\n" in tok.text or tok.is_sent_end and tok.is_punct:
            return None
        span.append(tok)
    else:
        return None
    span.reverse()
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words or not words[0].text[:1].isupper() and words[0].pos_ not in ("DET", "PRON"):
        return None
    for tok in words:
        if tok.ent_type_ == "PERSON":
            while (tok.dep_ == "compound" and tok.head.i < verb.i
                   and tok.head.ent_type_ == "PERSON"):
                tok = tok.head
            return tok
    inside = {t.i for t in span}
    for tok in words:
        if tok.pos_ in SPEAKER_POS and tok.head.i not in inside:
            return tok
    return None


def _orphan_subject(index: DocIndex, tok: Token, para: int) -> Token | None:
    """A subject the parser attached across a line break: the nearest noun before ``tok``
    in its paragraph whose head lies in another paragraph ("...”\nMichael Oren, the former
    ambassador, had written that...")."""
    for i in range(tok.i - 1, max(-1, tok.i - 16), -1):
        if index.quoted[i] or index.paragraph(index.starts[i]) != para:
            return None
        cand = index.doc[i]
        if cand.pos_ in ("PROPN", "NOUN", "PRON") and index.paragraph(cand.head.idx) != para:
            return cand
    return None


@cache
def _addressee_verbs() -> frozenset[int]:
    """Cue verbs whose object is the one spoken to ("told reporters", "asked him"):
    ``lexicons/addressee_verbs.txt``."""
    return lexicon_keys("addressee_verbs")


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
    lemmas = cue_lemmas()
    doc, heads = index.doc, index.heads
    linked = _linked(index, toks) if toks is not None else set()
    found = []
    for i in range(lo, hi):
        if index.quoted[i]:
            continue
        according = doc[i].lower_ == "according"  # the parser tags it a verb or not
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
        if subj is None and not not_lexical:
            subj = _inverted_object(index, doc[i], qe)
        if subj is not None:
            return doc[i], subj
    return None


def _inverted_object(index: DocIndex, verb: Token, qe: int) -> Token | None:
    """The speaker the parser took for an object of a finite cue verb right after the quote
    ("“…,” added a South Carolina Democrat", "“…,” says Myra Gutin"): the noun after the
    verb, unless the verb names its addressee there ("told reporters")."""
    gap = index.starts[verb.i] - qe
    if not 0 <= gap <= INVERTED_GAP or index.text[qe:qe + gap].strip(" ,\u00a0") \
            or verb.tag_ not in FINITE_TAGS or lemma_key(verb.lemma_) in _addressee_verbs():
        return None
    for child in verb.rights:
        if child.dep_ in OBJECT_DEPS and not index.quoted[child.i] and \
                child.pos_ in ("PROPN", "NOUN", "PRON", "ADJ", "NUM"):
            return child
    return None


def _dash_speaker(index: DocIndex, qe: int) -> Token | None:
    """The name after a dash that follows the quote ("“…” — Mary Jones", "“…”\u00a0― Jones"),
    on the quote's line."""
    tail = index.text[qe:qe + 8]
    stripped = tail.lstrip(" ,\u00a0\u2009\u202f")  # no-break and thin spaces too
    if not stripped.startswith(DASHES):
        return None
    for i in index.tokens_in(qe, min(len(index.text), qe + 60)):
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


def _fronted_cue(index: DocIndex, qs: int) -> Token | None:
    """The name after a cue verb that opens the sentence before the quote, up to a colon or
    a comma ("Said Ellis: “…”", "Stated Stone:\n\n“…”"): inverted order the parser reads as
    one name ("Said Ellis"). The verb is any form of a cue (:func:`cue_lemmas`)."""
    text = index.text
    this_line = text.rfind("\n", 0, qs)  # the search starts one line up ("Stated Stone:\n“")
    m = FRONTED_CUE.search(text, text.rfind("\n", 0, max(0, this_line - 1)) + 1, qs)
    if m is None or not any(lemma_key(w) in cue_lemmas() for w in lemma_candidates(m["verb"])):
        return None
    toks = index.tokens_in(*m.span("name"))
    if not len(toks):
        return None
    index.fixed_mentions[toks.stop - 1] = m.span("name")
    return index.doc[toks.stop - 1]


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


#: A transcript's speaker label after the mark that opens a paragraph ("\"WALLACE: Let's
#: start…"): :func:`analysis.extract.quotes.pair_marks` starts the quotation after it, and
#: :func:`transcript_label` makes it the speaker.
TRANSCRIPT_LABEL = re.compile(r"((?:[A-Z][A-Z.'’-]+ ){0,2}[A-Z][A-Z'’-]+):[ \t]+(?=\S)")


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


def attribute_quotes(index: DocIndex, quotes: list[dict]) -> None:
    """Fill ``speaker_start/_end``, ``speaker``, ``cue`` and ``rule`` of each quote in place,
    and keep ``(quote, speaker token, cue)`` in ``index.quote_speakers`` for the sources."""
    index.quote_speakers = []
    previous: dict | None = None
    prev_token: Token | None = None
    for q in quotes:
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
        hit = None if label is not None else _cue_in(index, s0, s1, qs, qe, toks,
                                                     lexical_only=short, by_depth=True)
        if label is not None:
            subj, rule = label, "speaker: transcript label"
        elif hit:
            (cue, subj), rule = hit, "speaker: subject of cue"
        if subj is None:
            subj = _fronted_cue(index, qs)
            rule = "speaker: after a fronted cue" if subj is not None else None
        if subj is None:
            subj = _dash_speaker(index, qe)
            rule = "speaker: after a dash" if subj is not None else None
        para = index.paragraph(qs)
        next_sentence = _next_sentence(index, s1, qs)
        if subj is None and next_sentence:
            hit = _cue_in(index, *next_sentence, qs, qe, lexical_only=True, near_only=True)
            if hit:
                (cue, subj), rule = hit, "speaker: cue right after the quote"
        prev = _previous_sentence(index, s0)
        if subj is None and prev and index.paragraph(index.starts[prev[0]]) >= para - 1:
            hit = _cue_in(index, prev[0], prev[1], qs, qe, lexical_only=True, by_depth=True)
            if hit:
                (cue, subj), rule = hit, "speaker: cue in previous sentence"
        if (subj is None and previous is not None and prev_token is not None
                and index.paragraph(previous["end"]) >= para - 1):
            subj, cue = prev_token, None
            rule = "speaker: continues previous quote"
            q["cue"] = previous["cue"]
        if subj is None and next_sentence:
            hit = _cue_in(index, *next_sentence, qs, qe, lexical_only=True, by_depth=True)
            if hit:
                (cue, subj), rule = hit, "speaker: cue in next sentence"
        if subj is None:
            q["rule"] = f"{q['rule']}; no speaker found"
            continue
        start, end = index.mention(subj)
        _, name = index.describe(subj, start, end)
        q.update(speaker_start=start, speaker_end=end, speaker=name, rule=f"{q['rule']}; {rule}")
        if cue is not None:
            q["cue"] = "according to" if cue.lower_ == "according" else cue.text
        index.quote_speakers.append((q, subj, q["cue"]))
        previous, prev_token = q, subj
