"""What kind of source a mention is, and its name: named, institutional, anonymous, media.

:func:`describe` types one mention (the noun phrase a speaker or source finder found) and
names it: a person's full name (pronouns resolved to the person meant by
:class:`~analysis.extract.coref.Persons`), an outlet, or the phrase as written. The word
lists it reads are ``person_titles``, ``spokesperson_nouns``, ``media_nouns``,
``media_outlets``, ``institution_nouns`` and ``anonymous_sources`` (``lexicons/``).
"""
from __future__ import annotations

from collections.abc import Mapping
from functools import cache

from spacy.tokens import Token

from ..lexicons import lexicon_set, load_lexicon
from .coref import PERSON_PRONOUNS, POSSESSIVE, PRONOUN_GENDER, Persons, strip_titles
from .docindex import PROPN_ID
from .syntax import mention_span

GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
SELF_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
RELATIVE = frozenset({"who", "whom", "whose"})
#: Entity types of organisations and places: a state as a source is institutional at most.
PLACE_OR_ORG = frozenset({"ORG", "GPE", "FAC", "LOC"})
SOURCE_TYPES = ("named", "institutional", "anonymous", "media")


@cache
def _media_outlets() -> tuple[str, ...]:
    return tuple(f" {o} " for o in load_lexicon("media_outlets"))


def describe(tok: Token, start: int, end: int, persons: Persons,
             fixed: Mapping[int, tuple[int, int]] | None = None,
             previous: list[dict] | None = None) -> tuple[str, str]:
    """``(source_type, name)`` of the mention headed by ``tok`` spanning ``[start, end)``.

    Pronouns resolve to the person (or group) meant; ``fixed`` holds the mention spans a
    rule set (:func:`analysis.extract.syntax.mention_span`); ``previous`` are the source
    records found so far, in text order.
    """
    low = tok.lower_
    if low in PERSON_PRONOUNS:
        name = persons.person_before(start, gender=PRONOUN_GENDER[low])
        return ("named", name) if name else ("anonymous", tok.text)
    if (low in RELATIVE or low in ("that", "which")) and tok.head.dep_ == "relcl":
        ante = tok.head.head
        a_start, a_end = mention_span(ante, fixed)
        return describe(ante, a_start, a_end, persons, fixed, previous)
    if low in GROUP_PRONOUNS:
        for rec in reversed(previous or []):
            if rec["source_type"] != "named" and rec["start"] < start:
                return rec["source_type"], rec["name"]
        return "anonymous", tok.text
    if low in SELF_PRONOUNS and not (tok.text.isupper() and len(tok.text) > 1):
        return "anonymous", tok.text
    phrase = persons.text[start:end]
    if fixed and tok.i in fixed and tok.ent_type_ == "PERSON":
        return "named", persons.full_name(phrase)  # not the parse's "Stated Stone"
    norm = " " + " ".join(POSSESSIVE.sub("", w) for w in phrase.lower().split()) + " "
    person = persons.person_in(start, end)
    words = norm.split()
    head = tok.lemma_.lower()
    spokes = lexicon_set("spokesperson_nouns")
    if (tok.pos != PROPN_ID and tok.ent_type_ == "" and tok.tag_ == "NN"
            and norm.split() == ["the", head] and head in lexicon_set("person_titles")):
        holder = persons.role_holder(head, start)
        if holder:
            return "named", holder
    if tok.ent_type_ == "PERSON" or (tok.pos == PROPN_ID and person and tok.ent_type_ == ""):
        return "named", persons.person_in(tok.idx, tok.idx + len(tok.text)) or person
    if tok.pos == PROPN_ID and tok.lower_ in persons.surnames:
        return "named", persons.surnames[tok.lower_]
    outlet = next((o for o in _media_outlets() if o in norm), None)
    if outlet is not None:
        _, by, author = phrase.rpartition(" by ")
        if by and outlet in " " + author.lower() + " ":
            return "media", author.strip()  # "a report by The New York Times"
        return "media", strip_titles(phrase)
    if head in spokes or any(w in spokes for w in words):
        return "institutional", phrase
    if head in lexicon_set("media_nouns") and not person:
        return "media", phrase
    if tok.ent_type_ in PLACE_OR_ORG or head in lexicon_set("institution_nouns") or \
            any(" " + n + " " in norm for n in lexicon_set("institution_nouns") if " " in n):
        if head in lexicon_set("anonymous_sources"):
            return "anonymous", phrase
        return "institutional", phrase
    if tok.pos == PROPN_ID and tok.ent_type_ == "" and tok.text[:1].isupper():
        return "named", persons.full_name(phrase)
    return "anonymous", phrase
