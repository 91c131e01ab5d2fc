"""Sources: one record each time the article attributes information to someone.

A source is the mention (the noun phrase, not its appositives) that is

- the speaker of a direct quote (see :mod:`analysis.extract.speakers`);
- the subject of a cue verb outside quotations and not itself inside another attribution's
  content clause (plain speech verbs excepted): any verb of ``cue_verbs.txt`` ("officials
  said", "the poll shows"), or a verb of ``cue_verbs_clausal.txt`` taking a clause ("Trump
  believes that..."); a verb without a subject borrows the one of the verb it hangs from
  ("went on to say", "..., saying");
- the subject of "be" + a stance adjective of ``cue_adjectives.txt`` ("Republicans are
  worried", "she was critical of");
- the object of "according to", or the agent of a passive cue verb ("was criticized by X").

The possessor of a speech noun ("his statement") is not taken: in PolNeAR train it was an
annotated source about one time in seven.

Verbs inside quotations are the quoted speaker's words, not the article's attributions. Each
record is typed (named / institutional / anonymous / media) and named by
:meth:`DocIndex.describe`, which resolves pronouns to the person meant.
"""
from __future__ import annotations

from functools import cache

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from ..lexicons import lexicon_set, load_lexicon
from .mentions import NOT_SOURCES, VERB_ID, DocIndex, lemma_key
from .quotes import QUOTE_KINDS
from .speakers import attribute_quotes, direct_subject, subject_of

AUX_ID = POS_IDS["AUX"]
#: Plain speech verbs stay attributions inside another one's content ("he said Trump told
#: aides..."); other cue verbs there are part of the content (PolNeAR annotates one level).
SPEECH = frozenset(lemma_key(w) for w in ("say", "tell", "add", "write", "note", "report"))
ACCORDING = frozenset({lemma_key("accord"), lemma_key("according")})
#: A cue verb without a subject of its own borrows its head's ("went on to say", "...,
#: saying", "stood up and said").
LENT_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
EMBED_DEPS = frozenset({"ccomp", "xcomp"})


@cache
def _hashes(name: str) -> frozenset[int]:
    return frozenset(lemma_key(w) for w in load_lexicon(name))


def _takes_clause(tok: Token) -> bool:
    return any(c.dep_ in CLAUSE_DEPS for c in tok.children)


def _embedded(index: DocIndex, tok: Token) -> bool:
    """``tok`` sits in the content of another cue verb ("he said Trump thinks...")."""
    cues = _hashes("cue_verbs") | _hashes("cue_verbs_clausal")
    node = tok
    for _ in range(4):
        if node.dep_ not in EMBED_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if index.pos[node.i] == VERB_ID and index.lemma[node.i] in cues:
            return True
    return False


def _verb_source(index: DocIndex, tok: Token) -> tuple[Token, str] | None:
    """``(mention head, rule)`` when verb ``tok`` attributes content to its subject."""
    lemma = index.lemma[tok.i]
    if lemma in _hashes("cue_verbs") and (lemma in SPEECH or not _embedded(index, tok)):
        rule = "subject of cue verb"
    elif lemma in _hashes("cue_verbs_clausal") and _takes_clause(tok) and not _embedded(index, tok):
        rule = "subject of thought verb with a clause"
    else:
        return None
    subject = direct_subject(index, tok)
    if subject is None and tok.dep_ in LENT_SUBJECT_DEPS:
        subject = subject_of(index, tok)
        rule = f"{rule} (subject of the verb it hangs from)"
    if subject is not None:
        return (subject, rule) if subject.lower_ not in NOT_SOURCES else None
    for child in tok.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj, "agent of passive cue verb"
    return None


def _candidates(index: DocIndex) -> list[tuple[Token, str, str]]:
    """``(mention head, rule, cue)`` for every attribution outside quotations."""
    doc, out = index.doc, []
    for i, pos in enumerate(index.pos):
        if index.quoted[i]:
            continue
        if index.lemma[i] in ACCORDING and doc[i].lower_ == "according":
            for child in doc[i].children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            out.append((obj, "according to", "according to"))
        elif pos == VERB_ID:
            found = _verb_source(index, doc[i])
            if found:
                out.append((found[0], found[1], doc[i].text))
        elif pos == AUX_ID:
            found = _stance_source(doc[i])
            if found:
                out.append(found)
    return out


def _stance_source(tok: Token) -> tuple[Token, str, str] | None:
    """``(subject, rule, cue)`` for "X is worried/critical/confident..." (``cue_adjectives``)."""
    subject, adjective = None, None
    for child in tok.children:
        if child.dep_ == "nsubj":
            subject = child
        elif child.dep_ == "acomp" and child.lower_ in lexicon_set("cue_adjectives"):
            adjective = child
    if subject is None or adjective is None or subject.lower_ in NOT_SOURCES:
        return None
    return subject, "subject of stance adjective", f"{tok.text} {adjective.text}"


def find_sources(doc: Doc, text: str, quotes: list[dict],
                 index: DocIndex | None = None) -> list[dict]:
    """Source records: one each time information is attributed to someone."""
    if index is None:
        index = DocIndex(doc, text)
        quoted = [q for q in quotes if q["kind"] in QUOTE_KINDS]
        index.set_quotes([(q["start"], q["end"]) for q in quoted])
        attribute_quotes(index, [dict(q) for q in quoted])
    found = [(subj, "speaker of a quote", cue or None) for _, subj, cue in index.quote_speakers]
    found += _candidates(index)
    spans = []
    for tok, rule, cue in found:
        if index.quoted[tok.i]:
            continue
        start, end = index.mention(tok)
        spans.append((start, end, tok, rule, cue))
    spans.sort(key=lambda s: (s[0], s[1]))
    records: list[dict] = []
    seen: set[tuple[int, int]] = set()
    for start, end, tok, rule, cue in spans:
        if (start, end) in seen or end <= start:
            continue
        seen.add((start, end))
        source_type, name = index.describe(tok, start, end, records)
        records.append({"kind": "source", "start": start, "end": end, "source_type": source_type,
                        "name": name, "cue": cue, "rule": rule})
    return records
