"""What kind of source a mention is, and its name.

:func:`describe` types one mention (the noun phrase a speaker or source finder found) and
names it: a person's full name (pronouns resolved to the person meant by
:class:`~analysis.extract.coref.Persons`), an outlet, a document's author, or the phrase as
written. The types (:data:`SOURCE_TYPES`):

- ``named``: a person the article names ("Sen. Tom Cotton said", "Cotton said", "he said"
  after Cotton);
- ``institutional``: an organisation or office, or someone speaking for one ("the White
  House said", "a spokesperson for the agency");
- ``anonymous``: an unnamed person or group the article relies on ("officials said",
  "three people familiar with the talks");
- ``media``: another outlet or a journalist ("The Times reported"), and what an outlet
  publishes: a report or a poll of its own ("a Fox poll", "a Reuters/Ipsos poll", named by
  its pollster);
- ``document``: a report, study, filing, court record, poll, data release, e-mail, post or
  written statement relied on as such ("the report found", "according to the charges");
  its ``name`` is its author when the article gives one ("a tally by MAP", "Humboldt's
  letter"), else the phrase;
- ``unresolved``: a pronoun whose referent the article does not make clear ("she said"
  with no woman named before, "I", "you", "this"): never counted as anonymous.

The word lists it reads are ``person_titles``, ``spokesperson_nouns``, ``media_nouns``,
``media_outlets``, ``document_nouns``, ``institution_nouns`` and ``anonymous_sources``
(``lexicons/``).
"""
from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from functools import cache

from spacy.tokens import Token

from .. import wordnet
from ..lexicons import lexicon_set, load_lexicon
from .coref import (INDEFINITE, NOT_PERSON_ENTS, ORG_WORDS, PERSON_PRONOUNS, POSSESSIVE,
                    PRONOUN_GENDER, TITLE_DEPS, Persons, after_first_name, alone_in_entity,
                    first_name_gender, misread_outlet, one_word_titles, strip_role, strip_titles)
from .docindex import PROPN_ID, lemma_key
from .syntax import (SUBJECT_DEPS, antecedent, counted_things, is_according, mention_span,
                     person_word, phrase_end, title_noun)

GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
SELF_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
RELATIVE = frozenset({"who", "whom", "whose"})
#: Entity types of organisations and places: a state as a source is institutional at most.
PLACE_OR_ORG = frozenset({"ORG", "GPE", "FAC", "LOC"})
SOURCE_TYPES = ("named", "institutional", "anonymous", "media", "document", "unresolved")
#: Pronouns that stand for a thing, an organisation or a document, never for a person.
THING_PRONOUNS = frozenset({"it", "its", "itself"})
#: Demonstratives and other pronouns that name nothing on their own ("this shows").
EMPTY_PRONOUNS = frozenset({"this", "that", "these", "those", "which", "what", "there",
                            "here"})
#: Types a pronoun for a thing ("it") can stand for.
THING_TYPES = frozenset({"institutional", "media", "document"})
AUTHOR_PREPS = frozenset({"by", "from"})
#: Entity types of proper nouns that say when, never who ("a March poll"); the months
#: (``months``) too, which the tagger leaves untagged before a pollster's name ("a late July
#: Reuters poll").
WHEN_ENTS = frozenset({"DATE", "TIME", "EVENT"})
#: Words of a government's name: its officials speaking unnamed are anonymous sources.
GOVERNMENT = frozenset({"administration", "government", "white", "pentagon", "kremlin",
                        "department", "ministry", "agency", "embassy", "military", "army",
                        "police", "congress", "senate", "house", "parliament", "cabinet",
                        "commission", "committee", "council", "court", "fbi", "cia", "nsa",
                        "dhs", "doj", "us", "u.s", "un", "nato", "eu"})
#: Plural person nouns that say the people's gender ("Both women").
PLURAL_GENDER = {"woman": "female", "women": "female", "man": "male", "men": "male",
                 "sister": "female", "brother": "male", "mother": "female", "father": "male"}
#: Representatives who speak for an organisation only, never for a person.
ORGANISATION_STAFF = frozenset({"official", "officials", "executive", "executives"})
#: A word with a digit or two capitals inside reads as a brand ("SoCalGas", "MLK50"), not a
#: surname ("McDonald", "LaMont" have one), and so does one ending in a capital after a
#: small letter, an acronym with a small word in it ("TfL", "DfE", "PwC").
BRAND = re.compile(r"\d|^.[^A-Z]*[A-Z][^A-Z]*[A-Z]|[a-z][A-Z]$")
#: Heads of a share of people counted, as a poll or a study reports them ("a majority of
#: voters", "nearly half", "two-thirds of respondents").
SHARE_WORDS = frozenset({"half", "majority", "plurality", "minority", "third", "thirds",
                         "quarter", "quarters", "fifth", "fifths", "percent", "%"})


@cache
def media_outlet_phrases() -> tuple[str, ...]:
    """The names of ``media_outlets``, each between spaces, to find in a lower-cased phrase
    written between spaces."""
    return tuple(f" {o} " for o in load_lexicon("media_outlets"))


#: A slash or hyphen joining two names ("Reuters/Ipsos", "Washington Post-ABC News"), not
#: a hyphenated word ("post-debate").
JOINED_NAMES = re.compile(r"(?<=\w)[/-](?=[A-Z])")
#: Poll nouns that stay a poll when capitalised in its name and tagged a proper noun ("an
#: ABC News/Washington Post Poll"); a capitalised "Survey" is often an agency's ("the U.S.
#: Geological Survey").
POLL_NAME_WORDS = frozenset({"poll", "polls"})
#: Prepositions before a poll whose figures the sentence reports ("in a poll", "across four
#: polls").
POLL_PREPS = frozenset({"in", "across"})
#: Determiners that make a singular poll one poll ("a poll", "the survey", "that poll").
POLL_DETS = frozenset({"a", "an", "the", "this", "that", "its", "their", "his", "her"})


def poll_word(tok: Token) -> bool:
    """Whether ``tok`` is a poll: a noun of ``poll_nouns``, singular or plural, or a proper
    noun of :data:`POLL_NAME_WORDS`."""
    if tok.pos == PROPN_ID:
        return tok.lower_ in POLL_NAME_WORDS
    word, polls = tok.lower_, lexicon_set("poll_nouns")
    return word in polls or (word.endswith("s") and word[:-1] in polls)


def cited_poll(tok: Token) -> bool:
    """``tok`` heads one poll or survey (:func:`poll_word`) whose figures its sentence
    reports "in" or "across" it: one poll ("in a Reuters/Ipsos poll", "in the latest
    survey", "among voters in the poll") or polls by a named pollster ("across four
    Reuters/Ipsos polls"), not polling at large ("slid in the polls", "leads in national
    polls")."""
    if not poll_word(tok) or tok.dep_ != "pobj" or tok.head.lower_ not in POLL_PREPS:
        return False
    named = any(c.dep_ == "compound" and c.pos == PROPN_ID for c in tok.lefts)
    if tok.tag_ in ("NNS", "NNPS"):
        return named
    return named or any(c.dep_ in ("det", "poss") and c.lower_ in POLL_DETS for c in tok.lefts)


def describe(tok: Token, start: int, end: int, persons: Persons,
             fixed: Mapping[int, tuple[int, int]] | None = None,
             previous: list[dict] | None = None,
             previous_heads: Sequence[Token] | None = None) -> tuple[str, str]:
    """``(source_type, name)`` of the mention headed by ``tok`` spanning ``[start, end)``.

    Pronouns resolve to the person (or group) meant; ``fixed`` holds the mention spans a
    rule set (:func:`analysis.extract.syntax.mention_span`); ``previous`` are the source
    records found so far, in text order, and ``previous_heads`` their head tokens (a
    plural pronoun never stands for one thing: :func:`one_thing`).
    """
    low = tok.lower_
    if low in PERSON_PRONOUNS:
        actor = persons.actor_before(tok) if low in ("he", "she") and \
            tok.dep_ in SUBJECT_DEPS else None
        if actor is not None:
            return describe(actor, *mention_span(actor, fixed), persons, fixed, previous,
                            previous_heads)
        name = persons.person_before(start, gender=PRONOUN_GENDER[low])
        return ("named", name) if name else ("unresolved", tok.text)
    if (low in RELATIVE or low in ("that", "which")) and tok.head.dep_ == "relcl":
        ante = antecedent(tok)
        a_start, a_end = mention_span(ante, fixed)
        return describe(ante, a_start, a_end, persons, fixed, previous, previous_heads)
    if low in GROUP_PRONOUNS or low in THING_PRONOUNS:
        wanted = THING_TYPES if low in THING_PRONOUNS else set(SOURCE_TYPES) - {"named", "unresolved"}
        previous = previous or []
        group = low in GROUP_PRONOUNS and bool(previous_heads)
        for k in range(len(previous) - 1, -1, -1):
            rec = previous[k]
            if rec["start"] >= start:
                continue
            if (rec["source_type"] in wanted and not (
                    group and one_thing(previous_heads[k], rec["source_type"]))) or (
                    rec["source_type"] == "named" and group and
                    several_people(previous_heads[k])):
                return rec["source_type"], rec["name"]
        return "unresolved", tok.text
    if (low in SELF_PRONOUNS or low in RELATIVE or low in EMPTY_PRONOUNS) and \
            not (tok.text.isupper() and len(tok.text) > 1):
        return "unresolved", tok.text
    aged = name_with_age(tok)
    if aged is not None:  # "Little, 25, said", "Clarke, 41, told": a person, whatever the tags
        first = aged
        while first.i > 0 and first.nbor(-1).pos == PROPN_ID and \
                first.nbor(-1).text[:1].isupper():
            first = first.nbor(-1)  # "Andrea Little, 25,"
        written = persons.text[first.idx:aged.idx + len(aged.text)]
        return "named", (persons.person_in(first.idx, aged.idx + len(aged.text)) or
                         persons.surnames.get(aged.lower_) or persons.full_name(written))
    counted = counted_things(tok)
    if counted is not None:  # "a series of reports by Prof Jones-Evans": the reports
        return describe(counted, start, end, persons, fixed, previous, previous_heads)
    phrase = persons.text[start:end]
    poll_here = poll_in_sentence(tok) if is_share(tok) or respondents(tok) else None
    if poll_here is not None:
        # "In a Gallup poll released Sunday, 75 percent of Americans said": its respondents;
        # "Some 41% of voters in the poll", after "a Reuters/Ipsos poll": that poll's
        # (typed as the poll is: an outlet's poll is the outlet's, media)
        author = document_author(poll_here, persons)
        before = poll_before(previous, start, persons.text) if author is None and any(
            c.lower_ in DEFINITE for c in poll_here.lefts) else None
        if before:
            return before["source_type"], before["name"]
        return describe(poll_here, *mention_span(poll_here, fixed), persons, fixed, previous,
                        previous_heads)
    poll = next((r for r in reversed(previous or []) if r["start"] < start and (
        r["source_type"] == "document" or is_poll_record(r, persons.text))), None) \
        if is_share(tok) else None
    if poll or (is_share(tok) and tok.lower_ not in SHARE_WORDS):
        # "Some 73% of registered voters said": the respondents of the poll before
        return (poll["source_type"], poll["name"]) if poll else ("document", phrase)
    polled = poll_before(previous, start, persons.text) if respondents(tok) else None
    if polled:
        # "Voters picked Trump …, 45% to 36%", after "a Reuters/Ipsos poll"
        return polled["source_type"], polled["name"]
    if tok.i in persons.misread:
        # tagged a person, but no person's name: "Publisher Hodder Education is reprinting",
        # "according to Politico"
        name = strip_role(persons.misread[tok.i])[0]
        return ("media" if misread_outlet(tok, persons.text) else "institutional"), name
    group = people_noun(tok)  # "MPs", tagged a person
    if fixed and tok.i in fixed and tok.ent_type_ == "PERSON" and not group:
        return "named", persons.full_name(phrase)  # not the parse's "Stated Stone"
    norm = " " + " ".join(POSSESSIVE.sub("", w) for w in phrase.lower().split()) + " "
    person = persons.person_in(start, end)
    words = norm.split()
    head = tok.lemma_.lower()
    spokes = lexicon_set("spokesperson_nouns")
    if tok.pos != PROPN_ID and tok.ent_type_ in ("", "ORG") and words[:1] == ["the"] \
            and (" ".join(words[1:]) in persons.roles or (
                tok.tag_ == "NN" and words == ["the", head] and head in persons.roles)):
        holder = persons.role_holder(" ".join(words[1:]), start) or \
            persons.role_holder(head, start)
        if holder:
            return "named", holder  # "the city attorney" after "City Attorney Barbara Parker"
    # "The general secretary of the STUC said", after its title; "The Vermont senator
    # added", after Vermont Sen. Bernie Sanders
    holder = description_holder(tok, persons, start) or epithet_holder(tok, persons, start)
    if holder:
        return "named", holder
    family = family_of(tok, persons)
    if family:
        return "named", family  # "the Currys announced", after Stephen and Ayesha Curry
    pair = named_pair(tok, persons, start)
    if pair:
        return "named", pair  # "Both women spoke", after Jennifer Peyton and Carla Espinoza
    named_beside = person_in_apposition(tok, persons) or person_included(tok, persons) or \
        named_before_dash(phrase, start, persons)
    if named_beside and tok.ent_type_ != "PERSON":
        return "named", named_beside  # "The bill's author, Sen. Justin Wayne, said"
    if tok.pos == PROPN_ID and tok.ent_type_ != "PERSON" and opens_with_honorific(phrase):
        return "named", persons.full_name(phrase)  # "Mr Ó Muilleoir", "Prof Jones-Evans"
    if named_as_organisation(tok):
        return "institutional", organisation_name(tok)  # "law firm Slaughter"
    # a name before an organisation's noun that ends the mention is no person's: "the main
    # pro-Clinton super PAC", "the Clinton Foundation", "George Best Belfast City Airport"
    owned = head in _organisation_descriptors() and tok.idx + len(tok.text) == end
    if (tok.ent_type_ == "PERSON" and not group) or (
            tok.pos == PROPN_ID and person and tok.ent_type_ == "" and not owned):
        name = persons.person_in(tok.idx, tok.idx + len(tok.text)) or person
        if name is None and len(phrase.split()) == 1 and tok.lower_ in persons.organisations \
                and not after_first_name(tok.text, persons.text):
            # tagged a person, but no person of the article: "Meta did not respond" after
            # "a Meta spokesperson", Meta's one mention tagged PERSON
            return "institutional", phrase
        return "named", name or persons.full_name(phrase)
    if tok.lower_ in persons.surnames and tok.text[:1].isupper() and alone_in_entity(tok) \
            and tok.ent_type_ not in NOT_PERSON_ENTS and (tok.pos_ in ("PROPN", "NOUN") or (
                tok.pos_ == "VERB" and tok.dep_ in SUBJECT_DEPS)):
        # "Love said", "Trump" tagged ORG, or a verb ("Trump this week also said")
        return "named", persons.surnames[tok.lower_]
    if person and tok.pos == PROPN_ID and tok.ent_type_ not in NOT_PERSON_ENTS and not owned:
        return "named", person  # a name the parser misread ("Tonya Love", "Maryam Adalat")
    if person and title_noun(tok):
        return "named", person  # "Chair of the Federal Reserve Jerome Powell", "Chair" a noun
    joined = " " + " ".join(POSSESSIVE.sub("", w) for w in JOINED_NAMES.sub(
        " / ", phrase).lower().split()) + " "  # "a Washington Post-ABC News poll"
    outlet = next((o for o in media_outlet_phrases() if o in norm or o in joined), None)
    if outlet is not None:
        _, by, author = phrase.rpartition(" by ")
        at = (" " + author.lower() + " ").find(outlet)
        if by and at >= 0:  # "a report by The New York Times"
            cut = at + len(outlet.strip())
            rest = author[cut:].strip()  # "an analysis by Politifact of elections": Politifact
            return "media", (author[:cut] if rest[:1].islower() else author).strip()
        if poll_word(tok):  # "a Fox poll", "a Reuters/Ipsos poll": the outlet's, by its pollster
            return "media", document_author(tok, persons) or strip_titles(phrase)
        return "media", strip_titles(phrase)
    if (head in lexicon_set("document_nouns") or low in lexicon_set("document_nouns") or any(
            " " + n + " " in norm for n in lexicon_set("document_nouns") if " " in n)
            or data_figures(tok)) and (tok.pos != PROPN_ID or poll_word(tok)):
        author = document_author(tok, persons)
        if not person or author:
            return "document", author or phrase  # "a study by Ana Ruiz": hers
    principal = principal_of(tok, persons)
    if principal:
        return "institutional", principal  # "Love's lawyers", "a spokesperson for the county"
    if (head in spokes or any(w in spokes for w in words)) and not speaks_for_people(tok):
        return "institutional", phrase
    if head in lexicon_set("media_nouns") and not person:
        return "media", organisation_in_apposition(tok, persons) or phrase
    if tok.ent_type_ in PLACE_OR_ORG or head in lexicon_set("institution_nouns") or \
            any(" " + n + " " in norm for n in lexicon_set("institution_nouns") if " " in n):
        if head in lexicon_set("anonymous_sources"):
            return "anonymous", phrase
        return "institutional", organisation_in_apposition(tok, persons) or phrase
    if tok.pos != PROPN_ID and not tok.ent_type_ and head in lexicon_set("organisation_nouns") \
            and not person and counted_things(tok) is None:
        # "the state", "the city", "the utility"
        return "institutional", organisation_in_apposition(tok, persons) or phrase
    if (tok.pos == PROPN_ID or misread_name(tok)) and tok.ent_type_ == "" and \
            tok.text[:1].isupper():
        if len(phrase.split()) == 1 and tok.lower_ in lexicon_set("anonymous_sources"):
            return "anonymous", phrase  # "Aides said", tagged a proper noun at its start
        if looks_like_person(phrase) and not misread_name(tok) and not owned and not (
                len(phrase.split()) == 1 and tok.lower_ in persons.organisations):
            return "named", persons.full_name(phrase)
        return "institutional", phrase
    return "anonymous", phrase


#: The honorifics of ``person_titles.txt``: written before a name, they make it a person's
#: whatever entity the tagger gave it.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "dr", "dr.",
                        "prof", "prof.", "sir", "dame", "lord", "baroness", "baron"})


def opens_with_honorific(phrase: str) -> bool:
    """``phrase`` is an honorific and a name, capitalised words only ("Mr Ó Muilleoir",
    "Prof Jones-Evans", "Dr. Lee"), which the tagger may have read as an organisation; not
    a possessive ("Mr. Obama's Council of Economic Advisers")."""
    words = phrase.split()
    return len(words) >= 2 and words[0].lower() in HONORIFICS and \
        all(w[:1].isupper() and not POSSESSIVE.search(w) for w in words[1:])


#: Verbs by which data show something ("figures show", "the figures reveal").
SHOWING_VERBS = frozenset({"show", "reveal", "suggest", "indicate", "confirm"})


def data_figures(tok: Token) -> bool:
    """``tok`` is "figures" meaning data, a document: the subject of a showing verb
    (:data:`SHOWING_VERBS`: "Figures show", "ONS figures showed") or the object of
    "according to" ("according to Met Police figures"); not people ("some party figures
    said")."""
    if tok.lower_ != "figures":
        return False
    if tok.dep_ in SUBJECT_DEPS:
        return tok.head.lemma_.lower() in SHOWING_VERBS
    return tok.dep_ == "pobj" and is_according(tok.head.head)


@cache
def _organisation_descriptors() -> frozenset[str]:
    """Common nouns for an organisation that may describe a name before it ("law firm",
    "auction house", "retailer"): ``organisation_nouns`` and ``institution_nouns`` without
    the documents, polls and spokespeople of the latter."""
    return (lexicon_set("organisation_nouns") | lexicon_set("institution_nouns")) - \
        lexicon_set("spokesperson_nouns") - lexicon_set("document_nouns") - \
        lexicon_set("poll_nouns")


def _descriptor(tok: Token) -> Token | None:
    """The word right before the proper-noun words of ``tok``'s name that modifies it, when
    it is a common noun in lower case, or one opening the sentence, not a proper noun
    ("law *firm* Slaughter", "auction *house* Digard"; not "Senate Democrats"); None
    otherwise."""
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].pos == PROPN_ID and doc[j].head.i == tok.i and \
            not doc[j].is_sent_start and not person_word(doc[j]):  # "House *Speaker*"
        j -= 1
    if j < 0 or doc[j].head.i != tok.i or doc[j].dep_ != "compound":
        return None
    word = doc[j]
    return word if word.is_lower or (word.is_sent_start and word.pos_ == "NOUN") else None


def organisation_in_apposition(tok: Token, persons: Persons) -> str | None:
    """The name an organisation's or an outlet's common noun is given in apposition ("The
    Israeli newspaper, Haaretz,", "Law's advocacy group, One Nation,", "Monitoring group the
    Syrian Observatory for Human Rights"), or None: a proper noun that is no person's."""
    if tok.pos == PROPN_ID:
        return None
    for child in tok.rights:
        if child.dep_ == "appos" and child.pos == PROPN_ID and child.ent_type_ != "PERSON" \
                and child.lower_ not in persons.surnames:
            return _name_of(child, persons)
    return None


def named_as_organisation(tok: Token) -> bool:
    """The proper noun ``tok`` is described, in its own noun phrase, by a common noun for an
    organisation (:func:`_organisation_descriptors`: "auction house Digard said", "law firm
    Slaughter"): the name is that organisation's, though the tagger took it
    for a person's (a name tagged an organisation keeps its whole mention: "the state
    Division of Gaming Enforcement")."""
    if tok.pos != PROPN_ID or tok.ent_type_ not in ("PERSON", "") or not any(
            c.dep_ == "compound" and c.lower_ in _organisation_descriptors() for c in tok.lefts):
        return False
    word = _descriptor(tok)
    return word is not None and word.lower_ in _organisation_descriptors()


def organisation_name(tok: Token) -> str:
    """The proper-noun words of the name ``tok`` ends, after its descriptor ("Digard")."""
    word = _descriptor(tok)
    doc = tok.doc
    return doc[word.i + 1:tok.i + 1].text


def description_holder(tok: Token, persons: Persons, start: int) -> str | None:
    """The person a definite description headed by ``tok`` stands for (the head noun and
    its modifiers after "the": "The general secretary of the union said", after "STUC
    general secretary Grahame Smith"): :meth:`Persons.described`; None when the phrase is
    no such description or no one person holds that title."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or tok.ent_type_ not in ("", "ORG") or \
            not wordnet.names_person(tok.lemma_.lower()):
        return None
    left = [c for c in tok.children if c.i < tok.i]
    if not left or left[0].dep_ != "det" or left[0].lower_ != "the" or \
            any(c.dep_ not in TITLE_DEPS for c in left[1:]):
        return None
    mods = [t.lower_ for t in tok.doc[left[0].i + 1:tok.i]]
    return persons.described([*mods, tok.lower_], start)


#: Dependencies of the words an epithet may have between "the" and its noun ("the Vermont
#: senator", "the billionaire businessman", "the 43-year-old former congressman").
EPITHET_DEPS = TITLE_DEPS | {"nummod", "npadvmod", "punct"}
#: What after its noun makes a definite description a new person, not an epithet ("the man
#: who…", "the head of the agency", "the senator and his wife").
NEW_PERSON_DEPS = frozenset({"prep", "relcl", "acl", "appos", "cc", "conj"})
#: Determiners that introduce someone new ("a woman", "some officials", "several aides").
INTRODUCING = INDEFINITE | {"some", "any", "several", "each"}


def epithet_holder(tok: Token, persons: Persons, start: int) -> str | None:
    """The person an epithet stands for, named before it: "the", modifiers only, and a
    singular noun for a person ("The Vermont senator added", "the billionaire businessman
    said", "the superstar instructed", "the Kentucky Republican", "the 28-year-old").

    A title word ("senator", "president") is the person last given that title with the
    epithet's modifiers written before it ("Vermont Sen. Bernie Sanders"; "the French
    president" is not "President Obama"), if anyone was. Any other noun is the person named
    last (:meth:`Persons.person_before`, of the noun's gender: "the woman"), but not the one
    whose words hold the epithet ("Lewandowski said that the candidate…"). None for an
    office the project types institutional ("the registrar"), a capitalised noun ("The
    Federalist", a magazine), a noun that describes someone by another person ("the
    Christie supporter"), and a noun the article used before to bring in someone unnamed
    ("A woman in the crowd yelled … The woman said"; "a senior official … the official").
    """
    left = list(tok.lefts)
    if not left or left[0].dep_ != "det" or left[0].lower_ != "the":
        return None
    head = tok.lemma_.lower()
    age = head == "old" and any(c.lower_ in ("year", "month") and c.dep_ == "npadvmod"
                                for c in tok.children)  # "the 28-year-old"
    if not age and (not ((tok.tag_ == "NN" and tok.ent_type_ in ("", "NORP") and tok.is_lower)
                         or (tok.tag_ == "NNP" and tok.ent_type_ == "NORP")) or
                    not wordnet.names_person(head) or
                    head in lexicon_set("institution_nouns") or
                    head in lexicon_set("organisation_nouns")):
        return None  # "the registrar approved only 47" is an office
    if any(c.dep_ not in EPITHET_DEPS or c.ent_type_ == "PERSON" or
           (c.pos == PROPN_ID and c.lower_ in persons.surnames) for c in left[1:]) or \
            any(c.dep_ in NEW_PERSON_DEPS for c in tok.rights) or introduced_unnamed(tok, persons):
        return None
    if head in one_word_titles():
        mods = [t.lower_ for t in tok.doc[left[0].i + 1:tok.i] if t.is_alpha]
        given = [name for at, name in persons.roles.get(head, ()) if at < start and
                 all(m in persons.text[max(0, at - 40):at].lower().split() for m in mods)]
        return given[-1] if given else None
    speakers = _speakers_around(tok, persons)
    gender = noun_gender(tok)
    found = persons.person_before(start, gender=gender)
    if found in speakers:
        found = next((p for p in persons.people_before(start, 3, gender=gender)
                      if p not in speakers), None)
    return found


def noun_gender(tok: Token) -> str | None:
    """"female" or "male" for a common noun of a woman or a man ("woman", "mother",
    "businessman", "congresswoman"), else None."""
    head = tok.lemma_.lower()
    if head in lexicon_set("female_nouns") or (tok.pos_ == "NOUN" and head.endswith("woman")):
        return "female"
    if head in lexicon_set("male_nouns") or (tok.pos_ == "NOUN" and head.endswith("man")
                                             and len(head) > 4):
        return "male"
    return None


def _speakers_around(tok: Token, persons: Persons) -> set[str]:
    """The people who are the subjects of the verbs whose clauses hold ``tok``."""
    found = set()
    for verb in tok.ancestors:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.i != tok.i and \
                    (name := persons.person_in(child.idx, child.idx + len(child.text))):
                found.add(name)
    return found


def introduced_unnamed(tok: Token, persons: Persons) -> bool:
    """Before ``tok``, the article brought in someone unnamed with ``tok``'s noun: with an
    indefinite determiner or in the plural without one ("A woman in the crowd…",
    "Officials said…"), not as a person's title, apposition or predicate ("Sanders, a
    senator from Vermont,", "Trump is a businessman")."""
    key, doc = lemma_key(tok.lemma_), tok.doc
    for i in (i for i, lemma in enumerate(persons.index.lemma[:tok.i]) if lemma == key):
        t = doc[i]
        if t.dep_ in ("appos", "attr", "compound") or t.ent_type_ == "PERSON" or \
                any(c.dep_ == "appos" for c in t.children):
            continue
        dets = [c.lower_ for c in t.lefts if c.dep_ in ("det", "nummod", "quantmod")]
        if (dets and dets[0] in INTRODUCING) or (dets and dets[0].isdigit()) or \
                (not dets and t.tag_ in ("NNS", "NNPS") and
                 not any(c.dep_ == "poss" for c in t.lefts)):
            return True
    return False


#: WordNet classes of a noun's commonest sense that name someone ("staff", "the crowd").
SOMEONE = frozenset({"person", "group"})


def one_thing(head: Token, source_type: str) -> bool:
    """The unnamed source headed by ``head`` is one thing, which "they" cannot stand for: a
    singular common noun of a document or of no person or group ("a new study", "the
    failure … showed"), unlike an organisation ("the utility … they said") or people."""
    if source_type not in ("anonymous", "document") or head.pos_ != "NOUN" or head.tag_ != "NN":
        return False
    found = wordnet.classes(head.lemma_.lower(), "noun")
    return source_type == "document" or bool(found) and found[0] not in SOMEONE


def several_people(head: Token) -> bool:
    """The named mention headed by ``head`` stands for more than one person, whom "they"
    can stand for: a plural noun ("researchers Jacob Krimmel and Betty Wang", "Both
    women") or a name joined to another's by "and" ("Mark Warner and Marco Rubio")."""
    return head.tag_ in ("NNS", "NNPS") or any(
        c.dep_ == "conj" and c.ent_type_ == "PERSON" for c in head.children)


def misread_name(tok: Token) -> bool:
    """A capitalised word inside a sentence that the tagger read as an adverb or a foreign
    word, no noun: a name it did not know ("…, reports BisNow."). Unless the article names
    a person so (:func:`describe` asks the person index first), it is an organisation's or
    an outlet's, since a person is introduced with a first name the tagger knows."""
    return tok.pos_ in ("ADV", "X") and tok.text[:1].isupper() and not tok.is_sent_start \
        and not tok.text.isupper()


def people_noun(tok: Token) -> bool:
    """``tok`` is a plural common noun for people that the tagger made a person's name, alone
    ("MPs said they had concerns"): an unnamed group, not a name. A surname the tagger read
    as a plural ("Sanders", lemma "sander") names no person in WordNet and stays a name."""
    return tok.ent_type_ == "PERSON" and tok.tag_ == "NNS" and tok.ent_iob_ == "B" and (
        tok.i + 1 >= len(tok.doc) or tok.doc[tok.i + 1].ent_iob_ != "I") and \
        wordnet.names_person(tok.lemma_.lower())


#: Words that end a company's name, not a person's ("Thames Water", "EDF Energy", "Rolls-Royce
#: Motors"): with one, capitalised words read as an organisation (:func:`looks_like_person`).
COMPANY_WORDS = frozenset({"water", "gas", "energy", "electric", "rail", "railways", "airways",
                           "motors", "foods", "holdings", "partners", "capital", "mining",
                           "oil", "petroleum", "pharmaceuticals", "telecom", "systems",
                           "technologies", "solutions", "insurance", "logistics",
                           "entertainment", "studios", "industries", "enterprises",
                           "ventures", "resources", "securities", "investments", "properties"})


def looks_like_person(phrase: str) -> bool:
    """Whether a proper-noun phrase the parser tagged no entity reads as a person's name
    rather than an organisation's: it opens with a known first name (``first_names.tsv``),
    or it has one to four capitalised words of which none is all capitals (an acronym) nor
    a word of an organisation's, a company's or a place's name ("Schools", "Department",
    "Water", "County"): "Annya Artigas", "Figueroa", not "the ICRI", "Fresno Christian
    Schools", "Thames Water"."""
    words = strip_titles(phrase).split()
    if words[:1] in (["the"], ["The"]):
        return False
    if not words:
        return False
    if first_name_gender(" ".join(words[:2])) is not None:
        return True
    org_words = ORG_WORDS | COMPANY_WORDS | lexicon_set("institution_nouns") | \
        lexicon_set("document_nouns")
    return len(words) <= 4 and all(
        w[:1].isupper() and not (w.isupper() and len(w) > 1) and not BRAND.search(w)
        and w.lower().strip(".,") not in org_words for w in words)


def document_author(tok: Token, persons: Persons) -> str | None:
    """Who wrote the document whose head is ``tok``, when the mention or the words beside it
    say: the object of "by" or "from" ("a tally by MAP", "estimates from Bernstein
    Research"), a possessor ("Humboldt's letter", "her notice": the person meant), or the
    proper-noun words before the head ("a Reuters/Ipsos poll", "the previous Washington
    Post/ABC News national poll"; "a March Reuters/Ipsos poll": a month is no author); else
    None."""
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in AUTHOR_PREPS:
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and (obj.pos == PROPN_ID or obj.ent_type_):
                return _name_of(obj, persons)
    for child in tok.lefts:
        if child.dep_ == "poss" and _names_someone(child) and not _says_when(child):
            return _possessor(child, persons)
    names = [c for c in tok.lefts if c.dep_ in ("compound", "nmod") and c.pos == PROPN_ID
             and not _says_when(c)]
    if names:
        left = names[0].left_edge.i
        while left < names[0].i and (_says_when(tok.doc[left]) or (
                tok.doc[left].pos != PROPN_ID and tok.doc[left].dep_ in ("det", "amod"))):
            left += 1  # "May's", "A new USA TODAY/Rock the Vote poll": no part of the name
        return tok.doc[left:names[-1].i + 1].text
    return None


def _says_when(tok: Token) -> bool:
    """A proper noun of a date or a month ("a March poll"), which says when, not who."""
    return tok.ent_type_ in WHEN_ENTS or tok.lower_ in lexicon_set("months")


def _names_someone(child: Token) -> bool:
    """A possessor that stands for someone: a person pronoun, a proper noun or an entity."""
    return child.lower_ in PERSON_PRONOUNS or child.pos == PROPN_ID or bool(child.ent_type_)


def _possessor(child: Token, persons: Persons) -> str | None:
    """Who a possessor of :func:`_names_someone` is ("her" report: the woman last named, or
    None when the article names none; "Love's" lawyers: Tonya Love)."""
    if child.lower_ in PERSON_PRONOUNS:
        return persons.person_before(child.idx, gender=PRONOUN_GENDER[child.lower_])
    return _name_of(child, persons)


def _name_of(tok: Token, persons: Persons) -> str:
    """The name a proper-noun mention gives: a person's full name, else its words."""
    start, end = mention_span(tok)
    phrase = POSSESSIVE.sub("", persons.text[start:end].strip())
    for det in ("the ", "The "):
        phrase = phrase.removeprefix(det)
    return persons.person_in(start, end) or phrase


def respondents(tok: Token) -> bool:
    """``tok`` is a plural noun for people ("voters", "Democrats", "respondents") in a
    sentence that gives a share of people as a percentage ("45% to 36%", "64 percent"):
    what the sentence reports are a poll's figures."""
    if tok.tag_ not in ("NNS", "NNPS") or \
            wordnet.classes(tok.lemma_.lower(), "noun")[:1] not in (("person",), ("group",)):
        return False
    return any(t.ent_type_ == "PERCENT" or t.text.endswith("%") or t.lower_ == "percent"
               for t in tok.sent)


def poll_in_sentence(tok: Token) -> Token | None:
    """The head of the one poll (:func:`cited_poll`) the sentence of ``tok`` reports figures
    in ("In a Gallup poll released Sunday, 75 percent…", "…of voters in the survey"), or
    None."""
    found = [t for t in tok.sent if t.i != tok.i and t.pos_ in ("NOUN", "PROPN") and
             cited_poll(t)]
    return found[0] if len(found) == 1 else None


def is_poll_record(rec: dict, text: str) -> bool:
    """The source record ``rec`` is a poll or a survey: a document or an outlet's (media)
    whose words in ``text`` hold one of ``poll_nouns``."""
    polls = lexicon_set("poll_nouns")
    return rec["source_type"] in ("document", "media") and any(
        w.rstrip("s") in polls for w in text[rec["start"]:rec["end"]].lower().split())


def poll_before(previous: list[dict] | None, start: int, text: str) -> dict | None:
    """The last source record before ``start`` that is a poll or a survey
    (:func:`is_poll_record`), or None."""
    return next((rec for rec in reversed(previous or [])
                 if rec["start"] < start and is_poll_record(rec, text)), None)


def is_share(tok: Token) -> bool:
    """The mention counts a share of people, as polls and studies do ("Some 73% of voters",
    "64%", "nearly half", "a majority of respondents"): the source is the poll or study
    cited before it (a percentage is a document's figure even without one)."""
    return tok.ent_type_ == "PERCENT" or tok.lower_ in SHARE_WORDS or tok.text.endswith("%")


#: Determiners that make "two" people two already named ("the two senators").
DEFINITE = frozenset({"the", "these", "those", "that", "this"})


def named_pair(tok: Token, persons: Persons, start: int) -> str | None:
    """The two people a plural "both"/"the two" mention stands for ("Both women", "the two
    senators"), as "A and B": the last two the article gave that title or job before it
    ("Sen. Jeff Sessions", "Sen. Ted Cruz"), else the last two named before it; None
    otherwise, and for "two" with no definite article (:data:`DEFINITE`), which brings in
    two more people."""
    if tok.tag_ != "NNS" or not wordnet.names_person(tok.lemma_.lower()):
        return None
    words = {c.lower_ for c in tok.lefts if c.dep_ in ("det", "predet", "nummod", "quantmod")}
    if "both" not in words and not ("two" in words and words & DEFINITE):
        return None  # "two senators present who requested anonymity" are two more people
    holders = _last_holders(persons, tok.lemma_.lower(), start)
    if len(holders) == 2:
        return " and ".join(holders)  # "the two senators", after two "Sen." names
    gender = PLURAL_GENDER.get(tok.lemma_.lower())
    people = persons.people_before(start, 2, gender=gender)
    return " and ".join(reversed(people)) if len(people) == 2 else None


def _last_holders(persons: Persons, role: str, char: int) -> list[str]:
    """The last two different people the article gave the title or job ``role`` before
    ``char``, in text order; fewer when fewer hold it."""
    out: list[str] = []
    for _, name in sorted((s, n) for s, n in persons.roles.get(role, ()) if s < char)[::-1]:
        if name not in out:
            out.append(name)
        if len(out) == 2:
            break
    return out[::-1]


def family_of(tok: Token, persons: Persons) -> str | None:
    """The people a plural family name stands for, "the Currys" after Stephen Curry and
    Ayesha Curry (:meth:`Persons.family`), as "A and B"; None for any other mention, and for
    a plural surname the article gives no first name with."""
    if tok.pos != PROPN_ID or not tok.text[:1].isupper() or \
            not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.lefts):
        return None
    people = persons.family(tok.text)
    return " and ".join(people) if people else None


def principal_of(tok: Token, persons: Persons) -> str | None:
    """Whom a lawyer, attorney, spokesperson or representative (``representative_nouns``)
    speaks for, when the article names them: an organisation's name before the noun ("the
    Acme spokesperson", "the county attorneys"), its possessor ("Love's lawyers", "her
    attorneys": the person meant) or the object of "for", "of" or "at" ("lawyers for the
    county"); None otherwise, and for a place ("U.S. lawyers")."""
    if tok.lemma_.lower() not in lexicon_set("representative_nouns") and \
            tok.lower_ not in lexicon_set("representative_nouns"):
        return None
    of_people = tok.lemma_.lower() not in ORGANISATION_STAFF  # "her lawyers", not "her officials"
    if not of_people:
        return _company_of_staff(tok, persons)
    for child in tok.lefts:
        if child.dep_ == "poss" and _names_someone(child):
            return _possessor(child, persons)
        if child.dep_ == "compound" and _names_organisation(child):
            return _name_of(child, persons) if child.pos == PROPN_ID else child.lower_
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None and (_names_organisation(obj) or obj.ent_type_ == "PERSON"):
                return _name_of(obj, persons) if obj.pos == PROPN_ID else obj.lower_
    return None


def speaks_for_people(tok: Token) -> bool:
    """``tok`` heads representatives of people, not of an organisation: a common noun
    WordNet calls a person first before it ("two landlord representatives", "parent
    representatives"), an unnamed group, where "a company representative" speaks for one."""
    return tok.lemma_.lower() in lexicon_set("representative_nouns") and any(
        c.dep_ == "compound" and c.pos_ == "NOUN" and
        wordnet.names_person(c.lemma_.lower()) for c in tok.lefts)


def _company_of_staff(tok: Token, persons: Persons) -> str | None:
    """The organisation whose officials or executives speak ("Southern California Edison
    officials said", "officials of Acme said"): a proper-noun organisation's name that is no
    government's ("administration officials", "White House officials", "Pentagon
    officials" are the classic anonymous sources)."""
    names = [c for c in tok.lefts if c.dep_ in ("compound", "poss") and c.pos == PROPN_ID]
    names += [o for c in tok.rights if c.dep_ == "prep" and c.lower_ in ("of", "at", "for")
              for o in c.children if o.dep_ == "pobj" and o.pos == PROPN_ID]
    for name in names:
        if name.ent_type_ == "ORG":
            found = _name_of(name, persons)
            if not GOVERNMENT.intersection(found.lower().replace(".", "").split()):
                return found
    return None


def _names_organisation(tok: Token) -> bool:
    """An organisation's name or noun ("Acme", "the county"), not a place's ("U.S.")."""
    if tok.ent_type_ in ("ORG",):
        return True
    if tok.ent_type_ in ("GPE", "LOC", "NORP", "FAC"):
        return False
    low = tok.lemma_.lower()
    return low in lexicon_set("organisation_nouns") or low in lexicon_set("institution_nouns")


def person_included(tok: Token, persons: Persons) -> str | None:
    """The one person a plural mention of people names as one of them ("Many unhoused
    people, including Robinson, say…": Antonio Robinson, as the article names him), or None:
    a name in the mention makes its source named."""
    lemma = tok.lemma_.lower()
    if tok.tag_ not in ("NNS", "NNPS") or lemma in lexicon_set("institution_nouns") or \
            wordnet.classes(lemma, "noun")[:1] not in (("person",), ("group",)):
        return None  # people, not "mining companies, including Patriot"
    for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ == "including"):
        named = [o for o in prep.children if o.dep_ == "pobj" and (
            o.ent_type_ == "PERSON" or o.lower_ in persons.surnames)]
        if len(named) == 1 and not any(c.dep_ == "conj" for c in named[0].children):
            o = named[0]
            return persons.person_in(o.idx, o.idx + len(o.text)) or persons.surnames.get(o.lower_)
    return None


def person_in_apposition(tok: Token, persons: Persons) -> str | None:
    """The person named in apposition to a mention ("Another board member, Ana Ruiz,",
    "the Sentencing Project's director of advocacy, Nicole Porter", "one of the bill's
    sponsors, Rep. Kevin Christie,"), as the article names them, or None: an appositive of
    the head or of the noun its "of" phrase counts, or a person's name right after the
    mention and a comma, itself followed by a comma or the end of the sentence. An
    organisation or an outlet has no person in apposition: in "According to South Korea's
    Yonhap news agency, Choi Gee-sung, a Samsung vice chairman, resigned" the source is the
    agency."""
    if (_names_organisation(tok) or tok.lemma_.lower() in lexicon_set("media_nouns")) and \
            not wordnet.names_person(tok.lemma_.lower()):
        return None  # not "A Twitter spokesman, Christopher Abboud", "columnist George Will"
    start, end = mention_span(tok)
    doc = tok.doc
    for child in tok.rights:  # "A senior at North Country Union High School, Wilburn, 17,"
        if child.dep_ == "prep" and child.right_edge.i - tok.i <= 12:
            last = doc[phrase_end(child, ",")]  # the parser may hang the name in the phrase
            end = max(end, last.idx + len(last.text))
    after = persons.text[end:end + 3]
    if after.startswith(", ") and tok.lower_ not in PERSON_PRONOUNS:
        nxt = first = None
        for t in doc[tok.i + 1:min(len(doc), tok.i + 30)]:
            if t.idx < end + 2 or t.is_punct:
                continue
            first = first or t
            if t.ent_type_ == "PERSON" or (t.pos == PROPN_ID and (
                    t.lower_ in persons.surnames or _aged(t))):
                nxt = t  # a surname the article gives a person, or a name with an age,
                break    # whatever its tag here
            if not (t.dep_ in ("compound", "nmod") and t.text[:1].isupper()):  # "Rep."
                break
        name = (persons.person_in(nxt.idx, nxt.idx + 1) or persons.surnames.get(nxt.lower_)
                or (persons.full_name(doc[first.i:nxt.i + 1].text) if _aged(nxt) else None)) \
            if nxt is not None else None
        if name:
            name_end = persons.person_end(nxt.idx)
            last = nxt
            while last.i + 1 < len(doc) and (doc[last.i + 1].ent_iob_ == "I" or
                                             doc[last.i + 1].idx < name_end):
                last = doc[last.i + 1]
            follow = doc[last.i + 1] if last.i + 1 < len(doc) else None
            if follow is None or follow.text in (",", ".") or follow.is_sent_start:
                return name
    counted = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"]
    for node in [tok, *(o for c in counted for o in c.children if o.dep_ == "pobj")]:
        found = _appositive_person(node, persons)
        if found:
            return found
    return None


#: A spaced dash that opens an appositive ("Carwyn Jones - Labour's most senior politician -").
DASH_APPOSITIVE = re.compile(r"\s[-–—]\s")


def named_before_dash(phrase: str, start: int, persons: Persons) -> str | None:
    """The person a mention names before a dash that opens its appositive ("Carwyn Jones -
    Labour's most senior elected politician - said", parsed with the politician as the
    head): two to four capitalised words the article tags a person's name, or that read as
    one (:func:`looks_like_person`); None otherwise."""
    dash = DASH_APPOSITIVE.search(phrase)
    if dash is None:
        return None
    before = phrase[:dash.start()].strip()
    words = before.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    name = persons.person_in(start, start + dash.start())
    if name and DASH_APPOSITIVE.search(name):  # an entity the tagger ran on over the dash
        name = persons.full_name(before)
    return name or (persons.full_name(before) if looks_like_person(before) else None)


def _aged(tok: Token) -> bool:
    """``tok``, a capitalised word, is followed by an age between commas, as only a person's
    name is ("Wilburn, 17, recalls")."""
    doc = tok.doc
    k = tok.i
    return tok.text[:1].isupper() and k + 3 < len(doc) and doc[k + 1].text == "," and \
        doc[k + 2].text.isdigit() and len(doc[k + 2].text) <= 3 and doc[k + 3].text == ","


def name_with_age(tok: Token) -> Token | None:
    """The last word of a name given with an age between commas ("Wilburn, 17,", "Little,
    25,"), whether the parser heads the mention with the name or with the age; else None."""
    if _aged(tok) and tok.pos_ in ("PROPN", "NOUN", "ADJ"):
        return tok
    doc = tok.doc
    if tok.text.isdigit() and len(tok.text) <= 3 and tok.i >= 2 and \
            doc[tok.i - 1].text == "," and _aged(doc[tok.i - 2]):
        return doc[tok.i - 2]
    return None


def _appositive_person(tok: Token, persons: Persons) -> str | None:
    for child in tok.children:
        if child.dep_ != "appos":
            continue
        start, end = mention_span(child)
        name = persons.person_in(child.idx, child.idx + len(child.text))
        if name and (child.ent_type_ == "PERSON" or child.pos == PROPN_ID):
            return name
        if child.pos == PROPN_ID and looks_like_person(persons.text[start:end]):
            return persons.full_name(persons.text[start:end])
    return None
