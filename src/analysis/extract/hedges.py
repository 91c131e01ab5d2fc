"""Hedges and boosters: epistemic cues found by lexicon lookup plus context rules.

The lexicons are data (``lexicons/hedges.txt``, ``lexicons/boosters.txt``). A token is a
candidate when its lower-cased form or its lemma is an entry; multi-word entries are tried
first, keyed by their first word. Ambiguous entries then go through a context rule that
reads the parse already made (``tag_``, ``pos_``, ``dep_``, ``head``, children) and either
keeps the cue, naming the rule, or drops it:

- ``may``: the modal (tag ``MD``), not the month ("on May 6", "in May") or a name
  ("Theresa May");
- ``could``: a modal of possibility, not negated ability ("could not say", "couldn't be
  reached") nor inside an ``if``/``whether`` clause (a condition, not a hedge);
- ``appear``/``look``: "appears to", "it appears that", "looks like", not "appeared in court";
- ``believe``/``think``/``feel``/``estimate``/``assume``…: with a clausal complement
  ("believe that…", "is believed to…"), not "believe in", "think about", "estimated at $5m";
- ``expect``: "expected to…", "expects a loss", not "as expected", "than expected";
- ``claim``: an assertion ("claims that…", "claims of abuse"), not a claim of record
  ("insurance claims", "the claims were filed");
- ``potential``/``possible``: "a potential strike", not "potential buyers" (a role) nor
  "as soon as possible";
- boosters: not after a negation ("not clear" is a hedge), not attributive ("certain
  assets", "a clear day"), not "make sure".

Every record says whether the cue sits inside a direct quote (``in_quote``): a hedge in a
quote is the speaker's, not the writer's.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER
from spacy.tokens import Doc, Token

from ..lexicons import lexicon_set, load_lexicon
from ..spans import SpanSet
from .docindex import token_columns

HEDGE = "hedge"
BOOSTER = "booster"
NEGATIONS = frozenset({"not", "n't", "never", "no", "nt"})
#: Entity types under which "May" is a month or a name, never the modal.
MAY_ENTITIES = frozenset({"DATE", "PERSON", "ORG", "GPE", "FAC", "WORK_OF_ART", "EVENT"})
CLAUSAL = frozenset({"ccomp", "xcomp", "oprd"})
CONDITION_MARKS = frozenset({"if", "unless", "whether"})
#: Clause openers under which "could" is past ability ("so that they could travel").
ABILITY_MARKS = frozenset({"so", "that", "where", "when", "until", "once", "before"})

Rule = Callable[[Token], "str | None"]


@dataclass(frozen=True)
class CueLexicon:
    """A lexicon split for lookup: single words, and multi-word entries by first word."""

    single: frozenset[str]
    multi: dict[str, tuple[tuple[str, ...], ...]]


@cache
def cue_lexicon(name: str) -> CueLexicon:
    """The entries of ``lexicons/<name>.txt`` ready for one-pass lookup (longest first)."""
    single: set[str] = set()
    multi: dict[str, list[tuple[str, ...]]] = {}
    for entry in load_lexicon(name):
        words = tuple(_norm(w) for w in entry.split())
        if len(words) == 1:
            single.add(words[0])
        else:
            multi.setdefault(words[0], []).append(words)
    return CueLexicon(frozenset(single),
                      {k: tuple(sorted(v, key=len, reverse=True)) for k, v in multi.items()})


def _norm(word: str) -> str:
    return "not" if word in ("n't", "nt") else word


# ---------------------------------------------------------------- context helpers

def _deps(tok: Token) -> set[str]:
    return {c.dep_ for c in tok.children}


def _has_clause(tok: Token) -> bool:
    """A clausal complement: "believe that…", "expected to…", "appears to…"."""
    return any(c.dep_ in CLAUSAL or (c.dep_ == "mark" and c.lower_ == "that")
               for c in tok.children)


def _passive(tok: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass", "csubjpass") for c in tok.children)


def _parenthetical(tok: Token) -> bool:
    """", he believes." / ", a spokesman estimated." — the cue governs the clause before."""
    return tok.dep_ == "parataxis" or (tok.dep_ == "ROOT" and any(
        c.dep_ in ("ccomp", "parataxis") and c.i < tok.i for c in tok.children))


def _negated(tok: Token) -> bool:
    """``tok`` or the verb it modifies carries a negation ("could not", "couldn't")."""
    nxt = _next(tok)
    if nxt is not None and _norm(nxt.lower_) in NEGATIONS:
        return True
    return any(c.dep_ == "neg" for c in tok.head.children) if tok.dep_ == "aux" else False


def _in_condition(tok: Token) -> bool:
    """Inside an ``if``/``unless``/``whether`` clause (walking up to the clause head)."""
    node = tok.head if tok.dep_ in ("aux", "auxpass") else tok
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return True
        if node.dep_ not in ("conj", "xcomp") or node.head is node:
            break
        node = node.head
    return False


def _prev(tok: Token, skip: str = "") -> Token | None:
    """The token before ``tok``, skipping whitespace tokens and any of ``skip``."""
    i = tok.i - 1
    while i >= 0 and (tok.doc[i].is_space or tok.doc[i].text in skip):
        i -= 1
    return tok.doc[i] if i >= 0 else None


def _next(tok: Token, skip: str = "") -> Token | None:
    """The token after ``tok``, skipping whitespace tokens and any of ``skip``."""
    i, n = tok.i + 1, len(tok.doc)
    while i < n and (tok.doc[i].is_space or tok.doc[i].text in skip):
        i += 1
    return tok.doc[i] if i < n else None


def _attributive(tok: Token) -> bool:
    """An adjective before its noun ("certain assets", "an estimated 20,000")."""
    return tok.dep_ in ("amod", "det", "nummod", "quantmod") and tok.i < tok.head.i


# ---------------------------------------------------------------- hedge rules

def rule_may(tok: Token) -> str | None:
    """Modal "may", not the month ("on May 6", "in May") nor a name ("Theresa May")."""
    if tok.text[:1] == "M" and tok.text != "MAY":
        nxt, prev = _next(tok), _prev(tok)
        if nxt is not None and nxt.like_num:
            return None
        if prev is not None and prev.lower_ in lexicon_set("month_words"):
            return None
        if tok.ent_type_ in MAY_ENTITIES or (tok.pos_ == "PROPN" and tok.tag_ != "MD"):
            return None
        if not tok.is_sent_start and (tok.tag_ != "MD" or (prev is not None and prev.is_title
                                                             and not prev.is_sent_start)):
            return None
    return "modal may" if tok.tag_ == "MD" or tok.pos_ in ("AUX", "VERB") else None


def rule_might(tok: Token) -> str | None:
    """Modal "might", not the noun ("with all his might")."""
    return "modal" if tok.tag_ == "MD" else None


def rule_could(tok: Token) -> str | None:
    """Modal of possibility: not negated ability, not "could be reached", not in a condition."""
    if tok.tag_ != "MD" or _negated(tok):
        return None
    if tok.head.lemma_ == "reach" or _in_condition(tok):
        return None
    if tok.head.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ABILITY_MARKS
                                        for c in tok.head.children):
        return None
    return "modal could"


def rule_possible(tok: Token) -> str | None:
    """"a possible strike", "it is possible that"; not "as soon as possible", "best possible",
    "made possible", "all means possible"."""
    prev = _prev(tok)
    if prev is not None and (prev.tag_ in ("JJS", "RBS") or prev.lower_ in
                             ("as", "if", "where", "wherever", "whenever", "whatever")):
        return None
    if tok.head.lemma_ in ("make", "render") and tok.dep_ in ("oprd", "ccomp", "acomp", "xcomp"):
        return None
    if tok.dep_ == "amod" and tok.i > tok.head.i:
        return None
    if tok.dep_ not in ("amod", "acomp") or any(c.dep_ in ("xcomp", "prep", "advcl")
                                                 for c in tok.children):
        return None  # "it is possible to bend the pins", "possible through service": feasible
    return "possibility"


def rule_potential(tok: Token) -> str | None:
    """"potential fallout", "the potential for"; not "potential buyers" (a role) nor "has
    great potential" (a capacity)."""
    if tok.dep_ in ("amod", "compound") and tok.head.lemma_.lower() in lexicon_set("role_nouns"):
        return None
    if tok.pos_ in ("NOUN", "PROPN") and not any(
            c.dep_ == "prep" and c.lower_ == "for" for c in tok.children):
        return None
    return "possibility"


def rule_appear(tok: Token) -> str | None:
    """"appears to", "it appears that", "appeared tired", ", it appears"; not "appeared in
    court" (literal)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    deps = _deps(tok)
    if _has_clause(tok) or deps & {"acomp", "attr"} or _parenthetical(tok):
        return "appearance"
    if any(c.lower_ in ("like", "though") for c in tok.subtree if c.i > tok.i and c.i <= tok.i + 3):
        return "appearance"
    return None


def rule_look(tok: Token) -> str | None:
    """"looks like", "looks as though/as if", "looks likely"; not "look at"."""
    if tok.pos_ != "VERB":
        return None
    nxt = _next(tok)
    after = _next(nxt) if nxt is not None else None
    if nxt is not None and nxt.lower_ == "like":
        return "appearance"
    if nxt is not None and nxt.lower_ == "as" and after is not None and after.lower_ in ("if", "though"):
        return "appearance"
    if any(c.dep_ == "acomp" and c.lemma_.lower() in ("likely", "unlikely", "set", "certain")
           for c in tok.children):
        return "appearance"
    return None


def rule_belief(tok: Token) -> str | None:
    """Doxastic verb with a clause ("believe that…", "is believed to…", ", I think"); not
    "believe in God", "think about it", "think so", nor the noun "thought"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    if _has_clause(tok) or _parenthetical(tok):
        return "doxastic"
    if _passive(tok) and any(c.dep_ in ("xcomp", "ccomp") for c in tok.children):
        return "doxastic"
    return None


def rule_expect(tok: Token) -> str | None:
    """"expected to…", "expects a loss", "expected that"; not "as expected", "than expected"
    ("lower-than-anticipated"), "expected redemptions", "the approval had been expected"."""
    prev = _prev(tok, skip="-")
    if prev is not None and prev.lower_ in ("as", "than"):
        return None
    if any(c.dep_ == "mark" and c.lower_ in ("as", "than") for c in tok.children):
        return None
    if tok.pos_ == "NOUN":
        return "expectation"
    if _attributive(tok):
        return None
    if _has_clause(tok) or _parenthetical(tok):
        return "expectation"
    if _passive(tok):
        return "expectation" if "prep" in _deps(tok) and tok.dep_ != "ROOT" else None
    return "expectation" if "dobj" in _deps(tok) else None


def rule_estimate(tok: Token) -> str | None:
    """"estimated that…", "is estimated to…", ", he estimated"; not "an estimated 20,000",
    "estimated at $5m", "estimated the value"."""
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    if _has_clause(tok) or _parenthetical(tok):
        return "estimate"
    return None


def rule_clausal_verb(tok: Token) -> str | None:
    """A verb of inference with a clause ("indicated that…", "projected to…")."""
    if tok.pos_ != "VERB":
        return None
    return "inference" if _has_clause(tok) or _parenthetical(tok) else None


def rule_claim(tok: Token) -> str | None:
    """An assertion ("claims that…", "claimed to be", "claims of abuse"); not a claim of
    record ("insurance claims", "the claims were filed") nor "claimed many lives"."""
    if tok.pos_ == "VERB":
        return "reported claim" if _has_clause(tok) or _parenthetical(tok) else None
    if tok.pos_ == "NOUN":
        for c in tok.children:
            if c.dep_ in ("acl", "ccomp", "relcl") and any(
                    g.dep_ == "mark" and g.lower_ == "that" for g in c.children):
                return "reported claim"
            if c.dep_ == "prep" and c.lower_ in ("of", "that"):
                return "reported claim"
        return None
    return None


def rule_suspect(tok: Token) -> str | None:
    """"suspected of…", "I suspect that…"; not the noun "suspects"."""
    return "doxastic" if tok.pos_ in ("VERB", "ADJ") and tok.tag_ != "NN" else None


def rule_passive_opinion(tok: Token) -> str | None:
    """"is considered (to be)…", "widely regarded as…", "was seen as…", "see X as Y"."""
    if tok.pos_ != "VERB":
        return None
    if tok.lemma_ == "see":  # "seen as", "seen to be"; not "can be seen in Wales"
        if any((c.dep_ == "prep" and c.lower_ == "as") or c.dep_ == "xcomp" for c in tok.children):
            return "attributed opinion"
        return None
    if _passive(tok) or (tok.dep_ == "acl" and tok.tag_ == "VBN"):
        return "attributed opinion"
    return None


def rule_assume(tok: Token) -> str | None:
    """"assumed that…", "is assumed to…"; not "assumed office"."""
    if tok.pos_ == "NOUN":
        return "doxastic"
    return "doxastic" if _has_clause(tok) or _parenthetical(tok) else None


def rule_fear(tok: Token) -> str | None:
    """"fear that…", "fearing the forces may…", "feared dead"; not "fear of heights"."""
    if tok.pos_ == "VERB":
        if _has_clause(tok) or _passive(tok) or _parenthetical(tok):
            return "fear"
        return None
    if tok.pos_ == "NOUN":
        return "fear" if any(c.dep_ in ("acl", "ccomp") for c in tok.children) else None
    return None


def rule_verb_only(tok: Token) -> str | None:
    """Only the verb ("questioned whether", "doubt that"), not the noun nor a gerund object
    ("wanted for questioning")."""
    return "doxastic" if tok.pos_ == "VERB" and tok.dep_ not in ("pobj", "pcomp") else None


def rule_belief_noun(tok: Token) -> str | None:
    """"the belief that…", "in the belief"; not "religious beliefs"."""
    if tok.tag_ == "NNS":
        return None
    if any(c.dep_ in ("acl", "ccomp") for c in tok.children) or tok.head.lower_ == "in":
        return "doxastic"
    return None


def rule_unknown(tok: Token) -> str | None:
    """"it is unknown whether", "locations unknown to"; not "an unknown target", "the Unknown
    Soldier"."""
    if tok.pos_ == "PROPN" or _attributive(tok):
        return None
    return "uncertainty"


HEDGE_RULES: dict[str, Rule] = {
    "may": rule_may, "might": rule_might, "could": rule_could,
    "possible": rule_possible, "potential": rule_potential,
    "appear": rule_appear, "look": rule_look,
    "believe": rule_belief, "think": rule_belief, "feel": rule_belief,
    "expect": rule_expect, "anticipate": rule_expect, "estimate": rule_estimate,
    "project": rule_clausal_verb, "guess": rule_clausal_verb,
    "claim": rule_claim, "suspect": rule_suspect,
    "consider": rule_passive_opinion, "regard": rule_passive_opinion,
    "view": rule_passive_opinion, "see": rule_passive_opinion,
    "assume": rule_assume, "fear": rule_fear,
    "question": rule_verb_only, "doubt": rule_verb_only, "forecast": rule_verb_only,
    "unknown": rule_unknown, "belief": rule_belief_noun,
}


# ---------------------------------------------------------------- booster rules

def rule_booster(tok: Token) -> str | None:
    """Any booster: not negated ("not certain"), not attributive ("certain assets"), not
    "make sure"."""
    prev = _prev(tok)
    if prev is not None and _norm(prev.lower_) in NEGATIONS:
        return None
    if any(c.dep_ == "neg" for c in tok.head.children) and tok.dep_ in ("acomp", "advmod"):
        return None
    if tok.pos_ == "ADJ" and _attributive(tok):
        return None
    if tok.lower_ in ("sure", "certain") and tok.head.lemma_ == "make":
        return None
    if tok.lower_ == "clear" and tok.pos_ != "ADJ":
        return None
    return "certainty"


# ---------------------------------------------------------------- the finder

def _match_multi(i: int, lexicon: CueLexicon, lowers: list[str],
                 lemmas: list[str]) -> tuple[str, ...]:
    """Words of the longest multi-word entry starting at token ``i`` (empty: none);
    ``lowers`` and ``lemmas`` are every token's forms (see :func:`_token_forms`)."""
    n = len(lowers)
    for key in (lowers[i], lemmas[i]):
        for words in lexicon.multi.get(key, ()):
            end = i + len(words)
            if end <= n and all(w == lowers[j] or w == lemmas[j]
                                for w, j in zip(words[1:], range(i + 1, end))):
                return words
    return ()


def _record(kind: str, doc: Doc, first: int, last: int, cue: str, rule: str,
            quotes: SpanSet) -> dict:
    start = doc[first].idx
    end = doc[last].idx + len(doc[last].text)
    return {"kind": kind, "start": start, "end": end, "cue": cue,
            "in_quote": start in quotes, "rule": rule}


def find_hedges_and_boosters(doc: Doc, quotes: Iterable[tuple[int, int]]) -> list[dict]:
    """Hedge and booster cues of one parsed article, each marked ``in_quote``.

    ``doc`` is the parse of the article's text with boilerplate blanked (same length), so
    token offsets are offsets into the text; ``quotes`` are the ``(start, end)`` spans of its
    quotations (:func:`analysis.extract.quotes.quote_spans`).
    Records: ``kind`` (``hedge``/``booster``), ``start``, ``end``, ``cue`` (lexicon entry),
    ``in_quote``, ``rule`` (which lexicon and context rule fired).
    """
    hedges, boosters = cue_lexicon("hedges"), cue_lexicon("boosters")
    first_words = _first_words("hedges", "boosters")
    inside = SpanSet((s, e) for s, e in quotes if e > s)
    skip, lowers, lemmas = _token_forms(doc)
    records: list[dict] = []
    after = 0  # first token after the last cue found
    for i in [i for i, (s, lower, lemma) in enumerate(zip(skip, lowers, lemmas))
              if not s and (lower in first_words or lemma in first_words)]:
        if i < after:
            continue  # inside a multi-word cue
        found = _find_at(doc, i, lowers, lemmas, hedges, boosters)
        if found is not None:
            kind, length, cue, rule = found
            records.append(_record(kind, doc, i, i + length - 1, cue, rule, inside))
            after = i + length
    return records


@cache
def _first_words(*names: str) -> frozenset[str]:
    """Every word an entry of the cue lexicons ``names`` starts with (single words and the
    first words of multi-word entries)."""
    return frozenset().union(*(cue_lexicon(n).single | cue_lexicon(n).multi.keys()
                               for n in names))


#: The look-up forms of the words seen, by hash (a word's hash is the same in every
#: vocabulary): kept across articles, since most words recur, up to FORMS_KEPT words each.
_LOWER_FORMS: dict[int, str] = {}
_LEMMA_FORMS: dict[int, str] = {}
FORMS_KEPT = 100_000


def _forms(hashes: list[int], strings, known: dict[int, str],
           form: Callable[[str], str]) -> list[str]:
    """``form`` of the string of each hash in ``hashes``, through the memo ``known``."""
    if len(known) > FORMS_KEPT:  # a long run's rare words: start again
        known.clear()
    for h in set(hashes).difference(known):
        known[h] = form(strings[h])
    return list(map(known.__getitem__, hashes))


def _token_forms(doc: Doc) -> tuple[list[int], list[str], list[str]]:
    """For every token: whether it is whitespace or punctuation (never a cue), and the two
    forms a cue is looked up by (the lower-cased word, "n't" read as "not", and the
    lower-cased lemma), read from the doc's arrays rather than token by token."""
    space, punct, lower, lemma = token_columns(doc, [IS_SPACE, IS_PUNCT, LOWER, LEMMA])
    strings = doc.vocab.strings
    return ([a or b for a, b in zip(space, punct)], _forms(lower, strings, _LOWER_FORMS, _norm),
            _forms(lemma, strings, _LEMMA_FORMS, str.lower))


def _find_at(doc: Doc, i: int, lowers: list[str], lemmas: list[str], hedges: CueLexicon,
             boosters: CueLexicon) -> tuple[str, int, str, str] | None:
    """``(kind, length, cue, rule)`` of the cue starting at token ``i``, or None."""
    for kind, lexicon, name in ((HEDGE, hedges, "hedges"), (BOOSTER, boosters, "boosters")):
        words = _match_multi(i, lexicon, lowers, lemmas)
        if words:
            return kind, len(words), " ".join(words), f"{name}.txt multi-word"
    lower, lemma = lowers[i], lemmas[i]
    for kind, lexicon, name in ((HEDGE, hedges, "hedges"), (BOOSTER, boosters, "boosters")):
        entry = lower if lower in lexicon.single else lemma if lemma in lexicon.single else None
        if entry is None:
            continue
        if kind == HEDGE:
            rule = HEDGE_RULES.get(entry) or HEDGE_RULES.get(lemma)
        else:
            rule = rule_booster
        fired = rule(doc[i]) if rule else "lexicon"
        if fired:
            return kind, 1, entry, f"{name}.txt: {fired}"
    return None
