"""Reading the parse: noun-phrase spans, the subject of a verb, and "according to".

Shared by the speaker and the source finders. Every function reads a masked
:class:`~analysis.extract.docindex.DocIndex` (:meth:`DocIndex.with_quotes`): words inside a
quotation are the quoted speaker's, never a subject found for the article's own verbs.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cache

from spacy.tokens import Token

from .. import wordnet
from ..lexicons import lexicon_set
from ..names import known_first_name
from .cues import quote_cues
from .docindex import PROPN_ID, VERB_ID, DocIndex

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Dependencies of a clause on the verb whose content it is ("said that ...", "wants to").
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
#: Links climbed from a verb without a subject to the verb whose subject it shares.
CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "acl", "pcomp", "ccomp"})
#: Left dependents kept in a mention span ("the former U.S. official").
LEFT_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "quantmod", "case",
                       "punct", "advmod", "predet"})
#: Adverbs that focus a noun phrase without being part of the mention ("*Even* China
#: said", "*Only* the White House said"): the source is China, the White House.
FOCUS_ADVERBS = frozenset({"even", "only", "also", "just", "especially", "particularly",
                           "notably", "mainly", "mostly", "chiefly", "too", "alone"})
#: WordNet classes of a noun's first sense that name someone ("adviser", "party").
PERSON_OR_GROUP = frozenset({"person", "group"})
#: Entity types of a place or a time, which say nothing themselves ("WASHINGTON --").
PLACE_OR_TIME = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
#: Parts of speech of a noun phrase's head that can be a speaker.
SPEAKER_POS = ("PROPN", "NOUN", "PRON")
#: Nouns that, with "of", count things ("a large body of research", "a chain of events",
#: "a series of reports"): the "of" phrase is part of the mention and says what it is.
COLLECTION_NOUNS = frozenset({"body", "bodies", "chain", "series", "set", "batch", "raft",
                              "slew", "spate", "string", "trove"})
#: Most tokens between a quotation and its cue verb read as a stranded speaker
#: (:func:`_stranded_subject`: a name and an appositive of a few words).
STRANDED_MAX_TOKENS = 12


@cache
def _described_by_org() -> frozenset[str]:
    """Nouns whose "for/of/at X" phrase belongs to the mention ("a spokesperson for X")."""
    return lexicon_set("spokesperson_nouns") | lexicon_set("anonymous_sources")


@cache
def _authored_nouns() -> frozenset[str]:
    """Document and outlet nouns whose "by X" phrase names the author ("a report by The New
    York Times"): the span keeps it, so the mention is typed by its author."""
    return lexicon_set("media_nouns") | lexicon_set("institution_nouns")


def mention_span(tok: Token, fixed: Mapping[int, tuple[int, int]] | None = None) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``tok``, without appositives or
    relative clauses ("Maj. Gen. Aharon Zeevi Farkash", "a U.S. official",
    "some of his aides"). ``fixed`` maps a token to the span a rule found where it knows the
    mention better than the parse ("Said Ellis:", which the parser reads as one name)."""
    i = tok.i
    if fixed and i in fixed:
        return fixed[i]
    doc = tok.doc
    left = i
    for child in tok.lefts:
        if child.dep_ in LEFT_DEPS and not ((child.dep_ == "advmod" or child.ent_type)
                                            and _outside_mention(child, tok)):
            edge = child.left_edge.i
            if i - edge <= 8 and edge < left and not _clause(child):
                left = edge
    # the mention's own words only: doc.text would join the whole article on every call
    if left < i:
        words = doc[left:i].text_with_ws
        cut = max(words.rfind("\n"), words.rfind("|"), _closing_mark(words))
        cut = doc[left].idx + cut if cut >= 0 else -1
        while left < i:  # a mention never reaches back over a line break, a "|" (page
            first = doc[left]  # furniture) or the end of a quotation
            if not (first.is_punct or first.is_space or first.idx <= cut):
                break
            left += 1
    right = i
    for child in tok.rights:
        if child.dep_ in ("compound", "flat", "nummod") and child.i == right + 1:
            right = child.i
        elif child.dep_ == "prep" and (_inside_organisation_name(tok, child)
                                       or _title_of_named(tok, child)
                                       or _holder_in_organisation(tok, child)):
            # "the state's Department of Highway Safety", "Minister for Europe Stephen Doughty"
            right = phrase_end(child)
        elif (child.dep_ == "prep" and child.right_edge.i - i <= 8 and (
                (child.lower_ == "of" and (tok.lower_ in lexicon_set("quantifiers")
                                           or tok.lower_ in COLLECTION_NOUNS))
                or (child.lower_ in ("for", "of", "at", "from", "with") and tok.pos != PROPN_ID
                    and tok.lemma_.lower() in _described_by_org())
                or (child.lower_ == "by" and tok.pos != PROPN_ID
                    and tok.lemma_.lower() in _authored_nouns()))):
            right = child.right_edge.i
        else:
            break
    last = doc[right]
    return doc[left].idx, last.idx + len(last.text)


def counted_things(tok: Token) -> Token | None:
    """What a noun of :data:`COLLECTION_NOUNS` counts: the object of its "of" phrase ("a
    series of *reports*"); None when ``tok`` is no such noun or has none ("the industry
    body said")."""
    if tok.lower_ not in COLLECTION_NOUNS:
        return None
    return next((o for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                 for o in c.children if o.dep_ == "pobj"), None)


def _outside_mention(child: Token, tok: Token) -> bool:
    """A left dependent of ``tok`` that is no part of its mention: an adverb that focuses
    it (:data:`FOCUS_ADVERBS`) or a date the parser hung on a person's name ("On *Friday* Ms
    Murray said")."""
    return (child.dep_ == "advmod" and child.lower_ in FOCUS_ADVERBS) or \
        (child.ent_type_ in ("DATE", "TIME") and child.pos == PROPN_ID and
         tok.ent_type_ == "PERSON")  # not an age: "81-year-old Parker Eaton"


def _inside_organisation_name(tok: Token, prep: Token) -> bool:
    """The "of"/"for" phrase ``prep`` of a proper noun is part of the organisation's name the
    parser tagged ("the Department *of Highway Safety and Motor Vehicles*", "the Center *for
    Justice*", "The Institute *of Public Policy Research* (IPPR)"): the head and every word
    of the phrase before a parenthesis (:func:`phrase_end`) lie in one ORG entity."""
    if prep.lower_ not in ("of", "for") or tok.pos != PROPN_ID or tok.ent_type_ != "ORG" \
            or prep.right_edge.i - tok.i > 8:
        return False
    doc = tok.doc
    return all(doc[j].ent_iob_ == "I" and doc[j].ent_type_ == "ORG"
               for j in range(tok.i + 1, phrase_end(prep) + 1))


def phrase_end(prep: Token, stop: str = "(") -> int:
    """Index of the last word of the phrase ``prep`` opens, before the first ``stop`` in it:
    a parenthesis (an acronym the parser hung on the phrase's last word: "of Public Policy
    Research (IPPR)") or a comma (a name it hung there: "at … High School in Newport,
    Wilburn")."""
    doc = prep.doc
    end = prep.right_edge.i
    return next((j - 1 for j in range(prep.i + 1, end + 1) if doc[j].text == stop), end)


#: Words a title's "of"/"for" phrase may hold besides capitalised ones ("Minister for the
#: Armed Forces", "Secretary of Housing and Urban Development").
TITLE_PHRASE_WORDS = frozenset({"the", "of", "for", "and", "&"})
#: WordNet classes of the commonest sense of a word that ends the name of a group or a
#: work, not a person's ("the Sierra Club", "The Truman Show").
NOT_SURNAME_CLASSES = frozenset({"group", "act", "artifact", "communication"})
NOT_SURNAME_SENSES = frozenset((c,) for c in NOT_SURNAME_CLASSES)


def _title_of_named(tok: Token, prep: Token) -> bool:
    """The "of"/"for" phrase ``prep`` of a title (:func:`title_noun`) ends with the name of
    the person holding it, which the parser hung inside the phrase ("Minister *for the Armed
    Forces Penny Mordaunt* said", "Chief Executive *of the NHS Amanda Pritchard*", "Mayor *of
    London Sadiq Khan*", "Director *of National Intelligence Tulsi Gabbard*"): the phrase's
    words are capitalised but for :data:`TITLE_PHRASE_WORDS`, and it ends with a person's
    name (:func:`ends_with_name`)."""
    if prep.lower_ not in ("of", "for") or prep.right_edge.i - tok.i > 10 or \
            not title_noun(tok):
        return False
    words = tok.doc[prep.i + 1:prep.right_edge.i + 1]
    return len(words) >= 3 and all(w.is_title or w.is_upper or w.lower_ in TITLE_PHRASE_WORDS
                                   for w in words) and ends_with_name(words)


def _holder_in_organisation(tok: Token, prep: Token) -> bool:
    """The "of"/"for" phrase ``prep`` of an organisation's capitalised name ends with a job
    in lower case and the name of the person holding it, which the parser hung inside the
    phrase ("City *of Memphis Division of Public Works director Robert Knecht*",
    "University *of Texas professor Jane Doe*"): the words before the job are capitalised
    but for :data:`TITLE_PHRASE_WORDS`, the job's commonest WordNet sense is a person, and a
    person's name ends the phrase (:func:`ends_with_name`)."""
    if prep.lower_ not in ("of", "for") or prep.right_edge.i - tok.i > 12 or \
            tok.pos != PROPN_ID or not tok.is_title:
        return False
    words = tok.doc[prep.i + 1:prep.right_edge.i + 1]
    if len(words) < 4:
        return False
    job = words[-3]
    return job.is_lower and wordnet.names_person(job.lower_) and \
        all(w.is_title or w.is_upper or w.lower_ in TITLE_PHRASE_WORDS for w in words[:-3]) \
        and ends_with_name(words)


def title_noun(tok: Token) -> bool:
    """A capitalised noun that says what a person is, written as a title ("Director",
    "Minister", "Secretary"): a proper noun of no entity that is a :func:`person_word` or a
    title of ``person_titles`` ("Chair", whose commonest sense is a seat), or such a common
    noun opening its sentence ("*Chair* of the Federal Reserve Jerome Powell said", where
    the tagger reads "Chair" as a common noun)."""
    return (tok.tag_ == "NNP" or (tok.tag_ == "NN" and tok.is_sent_start)) and \
        tok.is_title and tok.ent_type_ == "" and (
            person_word(tok) or tok.lower_ in lexicon_set("person_titles"))


def person_word(tok: Token) -> bool:
    """A word for what someone is ("Speaker", "director"): its commonest WordNet sense is a
    person, and it is no first name one sex carries far more often (one of either sex,
    "Tory", stays a word for someone)."""
    return not known_first_name(tok.text, either=False) and \
        wordnet.names_person(tok.lower_)


def ends_with_name(words) -> bool:
    """The last two of ``words`` (a span) are a person's name: two capitalised words, the
    last no word of :data:`NOT_SURNAME_CLASSES`, and either the last tagged PERSON and the
    first no other entity, the first a known first name
    (:func:`analysis.names.known_first_name`), or both words no noun WordNet knows (a name
    the first-name table lacks: "Intelligence *Zorvan Gabbard*", where organisations' names
    end with words of the dictionary, "Intelligence", "Agency", "FBI")."""
    first, last = words[-2], words[-1]
    if not (first.is_title and last.is_title) or \
            wordnet.classes(last.lower_, "noun")[:1] in NOT_SURNAME_SENSES:
        return False
    return (last.ent_type_ == "PERSON" and first.ent_type_ in ("", "PERSON")) or \
        known_first_name(first.text) or (_unknown_word(first) and _unknown_word(last))


def _unknown_word(tok: Token) -> bool:
    """A word of letters, written in lower case after a capital, that is no noun of
    WordNet: no word of the dictionary, and no acronym ("Tulsi", "Gabbard"; not "Agency",
    not "NSA")."""
    return tok.is_alpha and tok.is_title and not wordnet.classes(tok.lower_, "noun")


def _closing_mark(words: str) -> int:
    """Offset in ``words`` of a quotation mark that closes a quotation opened before them
    (“…anti-Christian” J. Mason said: the parser took the quotation's last word into the
    name), or -1; a nickname's marks inside a name ("Kevin “Coach” Christie") are a pair."""
    curly = words.rfind("”")
    if curly >= 0 and words.rfind("“", 0, curly) < 0:
        return curly
    straight = words.rfind('"')
    return straight if words.count('"') % 2 else -1


def _clause(tok: Token) -> bool:
    """A verb the parser hung on a noun as a modifier that is a clause, no part of the noun
    phrase ("Jeremiah has since graduated and J. Mason said": "graduated" read as a modifier
    of "Mason"): it has a subject or an auxiliary of its own, or an "and" joining it to no
    other modifier ("the elected and appointed members" stays one phrase)."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    deps = {c.dep_ for c in tok.children}
    return bool(deps & SUBJECT_DEPS) or "aux" in deps or ("cc" in deps and "conj" not in deps)


#: Relative pronouns that can stand for a thing ("a bill *that* defines…").
RELATIVE_THINGS = frozenset({"that", "which"})


def document_noun(tok: Token) -> bool:
    """``tok`` heads a common noun of ``document_nouns`` ("a bill", "the lawsuit", "an
    email"), not a name."""
    return tok.pos != PROPN_ID and tok.ent_type_ != "PERSON" and (
        tok.lemma_.lower() in lexicon_set("document_nouns")
        or tok.lower_ in lexicon_set("document_nouns"))


def antecedent(tok: Token) -> Token:
    """The noun the relative pronoun ``tok`` stands for: the noun its clause hangs from, or
    for "that"/"which" the document that noun stands after (:func:`extraposed_from`:
    "signed a bill into law *that* defines…", "triggered an email to Peyton from the
    Justice Department *that* stated…": the bill, the email)."""
    ante = tok.head.head
    return extraposed_from(ante) if tok.lower_ in RELATIVE_THINGS else ante


def extraposed_from(noun: Token) -> Token:
    """The document a clause hung on ``noun`` describes when the clause was put after the
    verb's phrases: ``noun`` is no person and the object of a preposition of a verb whose
    direct object, before it, is a document ("sent a letter to the commission *describing*
    the plan as…": the letter); else ``noun``."""
    if noun.dep_ != "pobj" or noun.ent_type_ == "PERSON" or \
            noun.head.dep_ not in ("prep", "dative"):
        return noun
    verb = noun.head.head
    if verb.pos != VERB_ID:
        return noun
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < noun.i), None)
    return obj if obj is not None and document_noun(obj) else noun


def document_clause(tok: Token) -> Token | None:
    """The relative pronoun subject of ``tok`` when ``tok`` is a relative clause's verb
    describing a document ("a lawsuit *that accuses*…", "a bill … that *defines* sex as
    “…”"): what the clause says is the document's; else None."""
    if tok.dep_ != "relcl":
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ in RELATIVE_THINGS),
                None)
    return subj if subj is not None and document_noun(antecedent(subj)) else None


def takes_clause(tok: Token) -> bool:
    """``tok`` has a clause as its content ("said that ...", "wants to ...")."""
    return any(c.dep_ in CLAUSE_DEPS for c in tok.children)


def is_according(tok: Token) -> bool:
    """``tok`` is the "according" of "according to" (the parser tags it a verb or not)."""
    return tok.lower_ == "according"


def prep_objects(tok: Token, dep: str = "agent", word: str | None = None) -> Iterator[Token]:
    """Objects of the prepositions hanging from ``tok`` by ``dep`` (the agent of a passive:
    "criticized *by X*") or, with ``word``, of the preposition ``word`` ("according *to X*")."""
    for child in tok.children:
        if (child.lower_ == word) if word is not None else (child.dep_ == dep):
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield obj


def according_objects(tok: Token) -> Iterator[Token]:
    """The sources of "according to X" whose "according" is ``tok``."""
    return prep_objects(tok, word="to")


def subject_of(index: DocIndex, tok: Token) -> Token | None:
    """The source-bearing subject of cue ``tok``, climbing participles and conjuncts; for
    "X quoted his source as saying …" the one quoted (:func:`quoted_as_saying`)."""
    if is_according(tok):
        return next(according_objects(tok), None)
    relayed = quoted_as_saying(tok)
    if relayed is not None and not index.quoted[relayed.i]:
        return relayed
    head = tok
    para = index.paragraph(tok.idx)
    for _ in range(4):
        subj = direct_subject(index, head, para)
        if subj is not None:
            return subj
        if head is tok:
            agent = next(prep_objects(head), None)
            if agent is not None:
                return agent
        if head.head.i != head.i and index.paragraph(head.head.idx) != para:
            return _orphan_subject(index, tok, para)
        if head.dep_ == "pcomp" and head.head.dep_ == "prep" and head.head.head.i != head.head.i:
            head = head.head  # "distanced himself by saying…": the one who distanced
        elif head.dep_ not in CLIMB_DEPS or head.head.i == head.i or index.quoted[head.head.i]:
            return None
        head = head.head
    return None


#: Verbs that relay someone else's words: "quoted an official as saying", "cited aides as
#: saying".
RELAY_VERBS = frozenset({"quote", "cite"})


def quoted_as_saying(tok: Token) -> Token | None:
    """The object of "quote"/"cite" … "as saying" ("He quoted his source as saying “…”":
    his source), for the verb ``tok`` or the "saying" that hangs from it; else None."""
    verb = tok
    if tok.lemma_.lower() not in RELAY_VERBS:
        up = tok.head.head if tok.head.lower_ == "as" else None
        if up is None or up.lemma_.lower() not in RELAY_VERBS:
            return None
        verb = up
    if not any(c.dep_ == "prep" and c.lower_ == "as" and any(
            g.lemma_.lower() in ("say", "tell", "write") for g in c.children) for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


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
    if verb.pos != VERB_ID or index.lemma[verb.i] not in quote_cues():
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
        if cand.pos_ in SPEAKER_POS and index.paragraph(cand.head.idx) != para:
            return cand
    return None
