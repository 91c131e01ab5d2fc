"""Sources: one record each time the article attributes information to someone.

A source is the mention (the noun phrase, not its appositives) that is

- the speaker of a direct quote (see :mod:`analysis.extract.speakers`);
- the object of "according to";
- a *candidate* that a learned table accepts. Candidates are the mentions that stand in one
  of these constructions with a predicate, outside quotations:

  - ``subj``: the subject of a verb ("officials said", "the poll shows", "Trump believes");
  - ``lent``: the subject a verb without its own borrows from the verb it hangs from ("went
    on to say", "..., saying", "contends that ... and has stated that ...");
  - ``agent``: the agent of a passive verb ("was criticized by X");
  - ``be``: the subject of "be" + an adjective or noun ("Republicans are worried", "he was
    an early backer");
  - ``poss``: the possessor of a noun ("his claim", "Trump's view");
  - ``by``: the "by" object of a noun ("the claim by X", "a report by The Times");
  - ``colon``: a name opening its line before a colon, headline style ("Lynch: No outside
    influence on FBI probe", "Poll: ...").

  Each candidate gets features (the construction, the predicate's lemma, the kind of
  mention: pronoun, named entity type, noun head, its dependency and the word it hangs from,
  whether it has a conjunct or an appositive, whether it opens its line; the predicate's
  clause, object lemma, prepositions, auxiliaries, whether it sits in the content of another
  attribution, the WordNet classes of a common-noun head and of the verb...).
  ``lexicons/source_cues.tsv`` holds one logistic-regression weight per feature and the
  probability threshold, both learned on PolNeAR train by
  ``python -m analysis learn-sources`` (:mod:`analysis.evaluate.learn_sources`; the
  threshold is the F1 optimum of cross-validation for the one-to-one overlap metric). So
  "the report concluded" is a source while "this offer highlights" is not: the table learned
  which predicates and which subject heads go with attributions.

Three checks stay rules, for what a reader sees: a predicate inside another attribution's
content is part of that content unless it is a plain speech verb ("the report claimed that
Netanyahu ordered..." does not make Netanyahu a source); a thought verb of
``cue_verbs_clausal`` needs a clause ("they know the senator" is no attribution); a common
noun that names no known kind of agent, nor a person in WordNet, is a source only if the
table learned its head as one (:func:`learned_agent`). A mention inside another source's
span ("The New York Times" in "a report by The New York Times") is the same source, kept
once; so is a mention in the words that describe another source (:func:`described`: "Brian
Fallon, the campaign's press secretary", "Victor Cha, who served as...", "research conducted
by the Center"), which is how the article introduces that source, not a second one.

Verbs inside quotations are the quoted speaker's words, not the article's attributions. Each
record is typed (named / institutional / anonymous / media) and named by
:func:`analysis.extract.source_types.describe`, which resolves pronouns to the person meant.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from itertools import repeat

from spacy import symbols
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Token

from .. import wordnet
from ..lexicons import lexicon_set
from ..paths import LEXICON_DIR
from .coref import PERSON_PRONOUNS, Persons
from .cues import addressee_verbs, attribution_cues, plain_speech, quote_cues, thought_only
from .docindex import PROPN_ID, VERB_ID, DocIndex, lemma_key, lexicon_keys
from .source_ids import assign_source_ids
from .source_types import (GROUP_PRONOUNS, RELATIVE, SELF_PRONOUNS, cited_poll, describe,
                           media_outlet_phrases, poll_word)
from .speakers import FINITE_TAGS, OBJECT_DEPS, Speakers, document_quoted
from .syntax import (CLAUSE_DEPS, SUBJECT_DEPS, according_objects, antecedent, direct_subject,
                     document_clause, document_noun, extraposed_from, is_according,
                     mention_span, prep_objects, subject_of, takes_clause)

AUX_ID, NOUN_ID, PRON_ID = POS_IDS["AUX"], POS_IDS["NOUN"], POS_IDS["PRON"]
PUNCT_ID = POS_IDS["PUNCT"]
#: Parts of speech of the words a candidate hangs from (see :func:`candidates`).
CANDIDATE_POS = frozenset({VERB_ID, AUX_ID, PUNCT_ID, NOUN_ID})
BE = lemma_key("be")
ACCORDING = frozenset({lemma_key("accord"), lemma_key("according")})
REPORT, CONTRIBUTE = lemma_key("report"), lemma_key("contribute")
LET = lemma_key("let")
#: Verbs by which their subject receives information rather than gives it: without a
#: clause of their own ("learned of this from reporting in The Standard", "gathered to
#: learn about their rights"), the subject is told, not telling.
RECEIVING_VERBS = frozenset({lemma_key("learn"), lemma_key("hear")})
#: A verb without a subject of its own borrows its head's ("went on to say", "...,
#: saying", "stood up and said").
LENT_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl"})
#: Links from a clause up to the verb whose content it is.
EMBED_DEPS = frozenset({"ccomp", "xcomp"})
TABLE = "source_cues"
#: Row of the table holding the probability from which a candidate is kept.
THRESHOLD_ROW = "@threshold"
#: Least learned weight of a common-noun head for the noun to name a source (see
#: :func:`learned_agent`), set where cross-validation gives the best precision at the same
#: F1 (docs/accuracy.md): a reader trusts a listed source more than a complete list.
HEAD_MIN = 0.15
#: Mention classes of common nouns that name no known kind of person, group or institution.
UNKNOWN_KINDS = frozenset({"m=noun", "m=other", "m=list:actor_nouns"})
#: Features of a common noun that names a person in WordNet (its most frequent sense:
#: "the bartender", "a woman"): it can be a source whatever its learned weight.
AGENT_CLASSES = frozenset({"wn=person"})
#: Features of a noun with a sense WordNet files under person, group, communication or
#: cognition ("the crowd", "the email", "the poll"): it can be a source when its predicate
#: takes a clause ("the poll found that..."). Without the clause condition "This offer
#: highlights..." and "Both nations find themselves..." would be sources, for a gain in
#: recall too small to be worth them (docs/accuracy.md).
STATING_CLASSES = frozenset(f"wn{k}={c}" for k in ("", "any")
                            for c in ("person", "group", "communication", "cognition"))
#: Dependents of a predicate that carry an attribution's content.
CONTENT_DEPS = frozenset({"ccomp", "xcomp", "dobj", "dative", "advcl", "parataxis"})
CONTENT_PREPS = frozenset({"about", "on", "that", "for", "against", "with", "to"})


def read_table(path) -> dict[str, float]:
    """``feature -> weight`` of a table of ``feature<TAB>weight`` lines (``#`` comments)."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("feature\t"):
            continue
        cells = line.split("\t")
        if len(cells) >= 2:
            try:
                out[cells[0]] = float(cells[1])
            except ValueError:
                continue
    return out


@cache
def weights() -> dict[str, float]:
    """Feature weights of ``lexicons/source_cues.tsv`` (its threshold row included)."""
    return read_table(LEXICON_DIR / f"{TABLE}.tsv")


def table_threshold() -> float:
    """Probability from which a candidate is a source (the table's ``@threshold`` row)."""
    return weights().get(THRESHOLD_ROW, 0.5)


def _embedded(index: DocIndex, tok: Token, cues: frozenset[int] | None = None) -> bool:
    """``tok`` sits in the content of a cue verb ("he said Trump thinks..."), with no
    quotation between them: "Obama called for…, “and I agree,” said Holtz-Eakin" is the
    parser hanging a sentence on the cue of a later quotation, not that quotation's content.
    ``cues``: the verbs that count (default :func:`attribution_cues`)."""
    cues = attribution_cues() if cues is None else cues
    node = tok
    for _ in range(4):
        if node.dep_ not in EMBED_DEPS or node.head.i == node.i:
            return False
        node = node.head
        if index.pos[node.i] == VERB_ID and index.lemma[node.i] in cues:
            lo, hi = sorted((tok.i, node.i))
            return not any(index.quoted[lo:hi])
    return False


def mention_class(tok: Token) -> str:
    """Coarse kind of a mention head: a pronoun, a named-entity type, a listed noun, a noun."""
    low = tok.lower_
    if tok.pos == PRON_ID or low in RELATIVE:
        if low in PERSON_PRONOUNS:
            return "pron:person"
        if low in GROUP_PRONOUNS:
            return "pron:group"
        if low in RELATIVE:
            return "pron:who"
        if low in SELF_PRONOUNS:
            return f"pron:{low}"
        return "pron:other"
    if tok.ent_type_:
        return f"ent:{tok.ent_type_}"
    if tok.pos == PROPN_ID:
        return "propn"
    lemma = tok.lemma_.lower()
    for name in ("spokesperson_nouns", "media_nouns", "anonymous_sources", "person_titles",
                 "institution_nouns", "actor_nouns"):
        if lemma in lexicon_set(name) or low in lexicon_set(name):
            return f"list:{name}"
    return "noun" if tok.pos == NOUN_ID else "other"


def named_before(persons: Persons, tok: Token) -> bool:
    """``tok`` is a capitalised word that is the surname of a person the article named in
    full before it ("Mark Wines … Wines believes that…"): :func:`features` reads a common
    noun so ("Wines" tagged the plural of "wine") as the person, whatever the tagger read."""
    return tok.text[:1].isupper() and persons.named_in_full_before(tok.lower_, tok.idx)


def wordnet_features(lemma: str, pos: str, cons: str) -> list[str]:
    """WordNet classes of a noun head or a verb predicate (:mod:`analysis.wordnet`): the
    class of its most frequent sense, alone and with the construction, and (nouns) the
    classes of its other senses. "bartender" is a person, "argue" communication, though
    the table may never have seen either."""
    found = wordnet.classes(lemma, pos)
    if not found:
        return []
    key = "wn" if pos == "noun" else "vwn"
    first, *rest = found
    return [f"{key}={first}", f"{key}c={cons}:{first}", *(f"{key}any={c}" for c in rest)]


def features(index: DocIndex, persons: Persons, pred: Token, mention: Token,
             cons: str) -> list[str]:
    """Features of one candidate: ``mention`` standing in construction ``cons`` with the
    predicate ``pred`` (a verb, an adjective or noun after "be", or a noun); ``persons``
    are the article's people."""
    lemma = pred.lemma_.lower()
    cls = mention_class(mention)
    if cls in ("noun", "other") and named_before(persons, mention):
        cls = "ent:PERSON"  # "Wines believes", "Wines" tagged a plural noun
    # a noun with a subject is a verb the tagger misread (:func:`misread_verb`)
    verbal = pred.pos == VERB_ID or (pred.pos == NOUN_ID and cons == "subj")
    mention_dep = mention.dep_
    feats = [f"c={cons}", f"v={cons}:{lemma}", f"m={cls}", f"cm={cons}:{cls}",
             f"md={mention_dep}"]
    if cls in ("noun", "other") or cls.startswith("list:"):
        head = mention.lemma_.lower()
        feats.append(f"h={head}")
        feats.extend(wordnet_features(head, "noun", cons))
    for dep in (child.dep_ for child in mention.children):
        if dep in ("conj", "appos"):
            feats.append(f"m_{dep}")
    # the predicate's dependents, read once: (dependency, lower-cased word, token)
    children = [(child.dep_, child.lower_, child) for child in pred.children]
    clause = any(dep in CLAUSE_DEPS for dep, _, _ in children)  # :func:`takes_clause`
    if verbal:
        feats.extend(wordnet_features(lemma, "verb", cons))
        if index.lemma[pred.i] in attribution_cues():
            feats.append("lex")
        if clause:
            feats.append(f"clause:{cons}")
        elif index.lemma[pred.i] in thought_only():
            feats.append("thought_without_clause")
        if _embedded(index, pred):
            feats.append("embedded")
        if any(dep == "neg" for dep, _, _ in children):
            feats.append("neg")
    elif cons == "be":
        if lemma in lexicon_set("cue_adjectives"):
            feats.append("lex:be")
        if clause or takes_clause(pred.head) or any(dep == "prep" for dep, _, _ in children):
            feats.append("clause:be")
    if mention_dep == "nsubj" and mention.head.dep_ == "relcl":
        feats.append("relcl")
    coarse = cls.split(":")[0] if cls.startswith(("pron", "list")) else cls
    feats.append(f"vm={cons}:{lemma}:{coarse}")
    feats.append(f"dep={cons}:{pred.dep_}")
    if verbal:
        feats.append(f"tag={pred.tag_}")
        for dep, lower, _ in children:
            if dep in CONTENT_DEPS:
                feats.append(f"arg={dep}")
            elif dep == "prep" and lower in CONTENT_PREPS:
                feats.append(f"arg=prep:{lower}")
            if dep == "aux":
                feats.append(f"aux={lower}")
    for dep, lower, child in children:
        if dep in ("dobj", "attr", "acomp"):
            feats.append(f"obj={lemma}:{child.lemma_.lower()}")
        elif dep == "prep":
            feats.append(f"vp={lemma}:{lower}")
    if index.quote_near(pred.i):
        feats.append("quote_in_sentence")
    feats.extend(context_features(index, mention, cls))
    return feats


def context_features(index: DocIndex, mention: Token, cls: str) -> list[str]:
    """Where the mention hangs: the word it depends on (for a prepositional object, the
    preposition and what it attaches to), whether it opens its line, what follows it."""
    dep, head = mention.dep_, mention.head
    feats = [f"mh={dep}:{head.lemma_.lower()}", f"mhp={dep}:{head.pos_}", f"mdc={dep}:{cls}"]
    up = head.head
    if dep == "pobj":
        feats += [f"pp={head.lower_}:{up.pos_}", f"ppl={head.lower_}:{up.lemma_.lower()}"]
        if up.head.i != up.i:
            feats.append(f"ppu={head.lower_}:{up.dep_}:{up.head.lemma_.lower()}")
    else:
        feats.append(f"hd={dep}:{head.dep_}")
        if up.i != head.i:
            feats.append(f"hu={dep}:{head.dep_}:{up.lemma_.lower()}")
    start, end = mention_span(mention, index.mention_spans)
    line = index.text.rfind("\n", 0, start) + 1
    if not index.text[line:start].strip():
        feats.append("line_start")
    after = index.text[end:end + 2].strip()[:1]
    if after:
        feats.append(f"next={after}")
    return feats


def probability(feats: list[str], table: dict[str, float] | None = None) -> float:
    """Probability that a candidate with features ``feats`` is a source, by ``table``
    (default: the shipped one, :func:`weights`)."""
    w = weights() if table is None else table
    # each feature once; fsum, exact whatever the order, so that a candidate right at the
    # threshold does not come and go with the string-hash seed of the process
    z = math.fsum([w.get("bias", 0.0), *map(w.get, set(feats), repeat(0.0))])
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def _lent_subject(index: DocIndex, tok: Token) -> Token | None:
    """The subject a verb without its own borrows. A coordinated verb whose head is the
    content of another verb ("Netanyahu contends that Rafah is ... and has stated that ...")
    when it takes a clause itself is parallel to that verb: it borrows that verb's subject."""
    head = tok.head
    if (tok.dep_ == "conj" and takes_clause(tok) and head.dep_ == "ccomp"
            and head.head.i != head.i and not index.quoted[head.head.i]):
        subj = direct_subject(index, head.head)
        if subj is not None:
            return subj
    return subject_of(index, tok)


#: Named-entity types and nouns that can open a headline-style attribution ("Lynch: No
#: outside influence on FBI probe", "Poll: Trump ties Clinton").
HEADLINE_ENTS = frozenset({"PERSON", "ORG", "NORP"})
HEADLINE_NOUNS = frozenset({"poll", "report", "survey", "study"})
#: What follows a page label's colon rather than a headline's claim: a date, a time, a link.
LABEL_TAIL = re.compile(r":\s*(?:https?://|www\.|\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
                        r"nov|dec)[a-z]*\.?\s+\d)", re.IGNORECASE)


def _headline_speaker(index: DocIndex, tok: Token) -> Token | None:
    """``tok`` ends a name that opens its line and is followed by a colon ("Sanders: ...");
    not a page label in capitals, a label before a date, a time or a link ("UPDATED:
    September 3", "AP NBA: https://…") nor the label of a page's field (``page_labels``:
    "Subtitle:", "Caption:")."""
    if index.quoted[tok.i] or not (tok.pos == PROPN_ID or tok.ent_type_ in HEADLINE_ENTS
                                   or tok.lower_ in HEADLINE_NOUNS):
        return None
    start, end = mention_span(tok, index.mention_spans)
    line = index.text.rfind("\n", 0, start) + 1
    if index.text[line:start].strip():
        return None
    label = index.text[start:end]
    after = index.text[end:index.text.find("\n", end) if "\n" in index.text[end:] else None]
    if (label.isupper() and len(label) > 1 and tok.ent_type_ != "PERSON") or \
            LABEL_TAIL.match(after) or \
            label.lower().replace("’", "'") in lexicon_set("page_labels"):
        return None
    return tok


def candidates(index: DocIndex):
    """``(mention head, predicate, construction)`` of every candidate outside quotations."""
    doc, quoted, lemma, cues = index.doc, index.quoted, index.lemma, attribution_cues()
    for i, pos in enumerate(index.pos):
        if quoted[i] or pos not in CANDIDATE_POS:
            continue
        tok = doc[i]
        if pos == VERB_ID:
            subj = direct_subject(index, tok)
            if subj is not None:
                yield subj, tok, "subj"
            elif tok.dep_ in LENT_SUBJECT_DEPS:
                subj = _lent_subject(index, tok)
                if subj is not None and subj.i != i:
                    yield subj, tok, "lent"
            for obj in prep_objects(tok):
                yield obj, tok, "agent"
        elif pos == AUX_ID and lemma[i] == BE:
            subj = pred = None
            for child in tok.children:
                if child.dep_ == "nsubj":
                    subj = child
                elif child.dep_ in ("acomp", "attr"):
                    pred = child
            if subj is not None and pred is not None and not quoted[subj.i]:
                yield subj, pred, "be"
        elif pos == PUNCT_ID and i and tok.text == ":":
            head = _headline_speaker(index, doc[i - 1])
            if head is not None:
                yield head, tok, "colon"
        elif pos == NOUN_ID:
            if lemma[i] in cues and misread_verb(tok):
                subj = direct_subject(index, tok)
                if subj is not None:
                    yield subj, tok, "subj"
            for child in tok.children:
                if child.dep_ == "poss" and not quoted[child.i]:
                    yield child, tok, "poss"
                elif child.dep_ == "prep" and child.lower_ == "by":
                    for obj in child.children:
                        if obj.dep_ == "pobj" and not quoted[obj.i]:
                            yield obj, tok, "by"


def misread_verb(tok: Token) -> bool:
    """A word tagged a noun with a subject before it and a clause after it is a verb the
    tagger misread ("new data obtained by the paper show that…", "show" tagged a noun): no
    noun takes both. :func:`candidates` asks it of attribution verbs only (``cue_verbs``,
    ``cue_verbs_clausal``)."""
    return any(c.dep_ == "ccomp" and c.i > tok.i for c in tok.children) and \
        any(c.dep_ in SUBJECT_DEPS and c.i < tok.i for c in tok.children)


CONSTRUCTION_RULES = {
    "subj": "subject of", "lent": "subject (borrowed) of", "agent": "agent of passive",
    "be": "subject of be +", "poss": "possessor of", "by": "by-object of",
    "colon": "headline speaker before",
}


def blocked(index: DocIndex, pred: Token, cons: str, feats: list[str]) -> bool:
    """The two rules of the module docstring: a non-speech predicate inside another
    attribution's content, a thought verb without a clause (unless passive: "was believed
    by"); and two constructions whose noun is no source: the subject of a judging passive
    (:func:`judged`: "Haynes was found to be competent") and the agent of an act that
    describes a noun (:func:`describing_agent`: "an ordinance approved by voters"), and a
    reporter's credit line (:func:`credit_line`: "Samantha Lachman contributed reporting",
    "Costa reported from Washington."), and a supposition (:func:`supposed`: "Let's say
    the plan fails")."""
    return (("embedded" in feats and index.lemma[pred.i] not in plain_speech())
            or ("thought_without_clause" in feats and cons != "agent")
            or judged(index, pred, cons) or describing_agent(index, pred, cons)
            or credit_line(index, pred) or supposed(index, pred))


#: What "let" takes for "us" when it proposes something ("let's say", "let us assume").
FIRST_PLURAL_OBJECTS = frozenset({"'s", "’s", "us"})


def supposed(index: DocIndex, pred: Token) -> bool:
    """``pred`` is what "let's" or "let us" proposes ("*Let's say* the plan fails", "let us
    assume…"): a supposition of the writer's or the speaker's, which nobody is said to
    have said."""
    head = index.heads[pred.i]
    return index.lemma[head] == LET and head != pred.i and \
        pred.dep_ in ("ccomp", "xcomp") and \
        any(c.dep_ in ("nsubj", "dobj") and c.lower_ in FIRST_PLURAL_OBJECTS
            for c in list(pred.children) + list(pred.head.children))


def credit_line(index: DocIndex, pred: Token) -> bool:
    """``pred`` is the verb of the line that credits a reporter at the end of a story, "X
    contributed reporting (from Y)" or "X reported from Y.": the reporter wrote the story,
    no source said anything (a report's content, "reported from Kabul that…", is none)."""
    if index.lemma[pred.i] != REPORT:
        return False
    if pred.dep_ == "xcomp":
        return index.lemma[pred.head.i] == CONTRIBUTE
    deps = [(c.dep_, c.lower_) for c in pred.children]
    return ("prep", "from") in deps and \
        all(dep in ("nsubj", "prep", "punct", "cc", "conj") for dep, _ in deps)


def judged(index: DocIndex, pred: Token, cons: str) -> bool:
    """The predicate is a passive of a judging verb (``judging_verbs``) with a to-infinitive
    of "be" or "have" ("was found to be competent", "was determined to be fit", "is said to
    have left"): its subject is what was judged, not a source. The "be" construction covers
    the participle the tagger read as an adjective ("was determined to be")."""
    if cons not in ("subj", "be") or index.lemma[pred.i] not in _judging_participles():
        return False
    if cons == "subj" and not any(c.dep_ == "auxpass" for c in pred.children):
        return False
    if cons == "be" and not pred.lower_.endswith(("ed", "en", "wn", "ght", "id", "nd")):
        return False
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in ("be", "have") and _infinitive(c)
               for c in pred.children)


@cache
def _judging_participles() -> frozenset[int]:
    """Lemma keys of ``judging_verbs``, and of the participles the tagger may leave as their
    own lemma when it reads them as adjectives (``judging_participles``: "determined")."""
    return lexicon_keys("judging_verbs") | lexicon_keys("judging_participles")


def describing_agent(index: DocIndex, pred: Token, cons: str) -> bool:
    """The agent of a participle that describes a noun ("Measure FF, an ordinance approved
    by Oakland voters", "a compromise rebuffed by Republicans", "the first woman nominated by
    a major party"), when the participle is an act (``action_verbs``, or no verb of the cue
    lexicons): it says who made the thing, not who told the article anything. "A report
    released by the agency" and "claims made by X" stay: "release" is a cue verb."""
    if cons != "agent" or pred.dep_ != "acl" or pred.tag_ != "VBN":
        return False
    lemma = index.lemma[pred.i]
    return lemma in lexicon_keys("action_verbs") or lemma not in quote_cues()


def learned_agent(feats: list[str], table: dict[str, float] | None = None) -> bool:
    """A common noun that names no known kind of person, group, institution or document,
    nor a person in WordNet (:data:`AGENT_CLASSES`), nor a group, message or study stating a
    clause (:data:`STATING_CLASSES`), nor a noun the article uses for an organisation
    (``organisation_nouns``: "the airport", "the club") saying a clause with a plain speech
    verb, is a source only when the table (default: the shipped one) learned that its head
    can be one (its ``h=`` weight is at least :data:`HEAD_MIN`): "the report concluded", not
    "this offer highlights"."""
    if UNKNOWN_KINDS.isdisjoint(feats) or not AGENT_CLASSES.isdisjoint(feats):
        return True
    clause = any(f.startswith("clause:") for f in feats)
    if not STATING_CLASSES.isdisjoint(feats) and clause:
        return True
    head = next((f for f in feats if f.startswith("h=")), None)
    if head is not None and clause and head[2:] in lexicon_set("organisation_nouns") and \
            _plain_speech_feature(feats):
        return True  # "…, the airport said": a place that speaks as an organisation
    table = weights() if table is None else table
    return head is not None and table.get(head, -1.0) >= HEAD_MIN


def _plain_speech_feature(feats: list[str]) -> bool:
    """The candidate's predicate (its ``v=`` feature) is a plain speech verb
    (``plain_speech_verbs``: say, tell, write…)."""
    verb = next((f for f in feats if f.startswith("v=")), None)
    return verb is not None and verb.rsplit(":", 1)[-1] in lexicon_set("plain_speech_verbs")


def ruled_sources(index: DocIndex, speakers: Speakers):
    """``(mention, rule, cue)`` of the sources no table decides: quote speakers (found by
    :func:`analysis.extract.speakers.find_speakers`), "according to" objects and inverted
    subjects."""
    for subj, cue in speakers.heads:
        yield subj, "speaker of a quote", cue or None
    for obj in _according(index):
        yield obj, "according to", "according to"
    for subj, verb in inverted_subjects(index):
        yield subj, f"inverted subject of {verb.lemma_.lower()}", verb.text
    for origin, verb in informants(index):
        yield origin, f"informant of {verb.lemma_.lower()}", verb.text


def document_sources(index: DocIndex):
    """``(mention, rule, cue, only acting)`` of the documents a clause credits
    (:func:`document_clauses`), "only acting" when the document is a speaker's medium
    (:func:`_issued_by_speaker`)."""
    for doc_tok, verb, document in document_clauses(index):
        yield doc_tok, f"document clause of {verb.lemma_.lower()}", verb.text, \
            _issued_by_speaker(index, document)


def document_clauses(index: DocIndex):
    """``(mention, verb, document)`` of each document a clause of its own attributes
    something to: the relative pronoun of a cue verb's relative clause describing a document
    ("filed a lawsuit *that accuses* the airline of…", "an email from the department *that
    stated*…"), which :func:`~analysis.extract.source_types.describe` resolves to the
    document, and a document a cue verb's participle describes ("sent a letter *describing*
    the plan as…"). The person who filed, sent or signed it acted; the document says it.
    Outside quotations; the cue verbs are those of :func:`attribution_cues`."""
    doc, cues = index.doc, attribution_cues()
    for i, (pos, dep, lemma, quoted) in enumerate(zip(index.pos, index.dep, index.lemma,
                                                      index.quoted)):
        if pos != VERB_ID or dep not in CLAUSE_OF_NOUN or quoted or lemma not in cues:
            continue
        verb = doc[i]
        subj = document_clause(verb)
        if subj is not None and not index.quoted[subj.i]:
            if _states(index, verb):
                yield subj, verb, antecedent(subj)
        elif verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.i < i:
            described = extraposed_from(verb.head)
            if document_noun(described) and not index.quoted[described.i] and \
                    _states(index, verb):
                yield described, verb, described


#: Dependency ids of a verb whose clause describes a noun (a relative clause, a participle).
CLAUSE_OF_NOUN = frozenset({symbols.relcl, symbols.acl})
#: WordNet classes of the commonest sense of a verb by which a document states something
#: ("accuse", "describe", "confirm", "show"), not one of an act ("seek", "attempt").
STATING_VERB_CLASSES = frozenset({"communication", "cognition", "perception"})


def _states(index: DocIndex, verb: Token) -> bool:
    """The cue verb ``verb`` states something: no act of ``action_verbs``, and a clause of
    its own ("a study that found 66% … report…") or a commonest WordNet sense of
    :data:`STATING_VERB_CLASSES` ("a lawsuit that accuses…"; not "a suit seeking damages",
    "tweets attempting to…")."""
    if index.lemma[verb.i] in lexicon_keys("action_verbs"):
        return False
    if any(c.dep_ in ("ccomp", "parataxis") for c in verb.children):
        return True
    found = wordnet.classes(verb.lemma_.lower(), "verb")
    return bool(found) and found[0] in STATING_VERB_CLASSES


def _issued_by_speaker(index: DocIndex, document: Token) -> bool:
    """The document is the object of a verb of speaking, citing or publishing whose subject
    is named ("She cited a study that found…", "the landowners issued a statement
    vowing…", "researchers published a study confirming…"): that subject is the source the
    article relies on, the document how it speaks, so the scorecard does not count the
    document a second time. A document filed, sent or signed (an act: "Parker filed a
    lawsuit that accuses…") is the source itself."""
    verb = document.head
    if document.dep_ != "dobj" or verb.pos != VERB_ID or subject_of(index, verb) is None:
        return False
    return index.lemma[verb.i] in quote_cues() and \
        index.lemma[verb.i] not in lexicon_keys("action_verbs")


def scored_candidates(index: DocIndex, persons: Persons):
    """``(mention, predicate, construction, features)`` of the candidates the table scores:
    those outside quotations that no rule blocks (``persons``: the article's people)."""
    for mention, pred, cons in candidates(index):
        if index.quoted[mention.i]:
            continue
        feats = features(index, persons, pred, mention, cons)
        if not blocked(index, pred, cons, feats):
            yield mention, pred, cons, feats


def _according(index: DocIndex):
    """Objects of every "according to" outside quotations."""
    doc = index.doc
    for i, lemma in enumerate(index.lemma):
        if lemma in ACCORDING and not index.quoted[i] and is_according(doc[i]):
            yield from according_objects(doc[i])


#: Nouns of a news account that pass the credit on to the outlet it appeared in
#: ("reporting in The Standard", "coverage by the Times").
ACCOUNT_NOUNS = frozenset({"reporting", "coverage"})


def informants(index: DocIndex):
    """``(source, verb)`` of the published origin a verb of receiving information
    (:data:`RECEIVING_VERBS`) names for what its subject learned, outside quotations: the
    object of its "from" when that is a document or a news outlet ("heard about the
    closure from a report by the Tribune", "learned from the Times"), and through a news
    account to whoever published it ("learned of this from *reporting in The Standard*").
    People named there ("learned about the meetings from its own sources", "heard from
    constituents") are the subject's sources, not the article's. The subject, told rather
    than telling, is no source the scorecard counts (:func:`acting`)."""
    doc = index.doc
    for i, lemma in enumerate(index.lemma):
        if lemma not in RECEIVING_VERBS or index.pos[i] != VERB_ID or index.quoted[i]:
            continue
        for obj in (o for p in _from_phrases(doc[i]) for o in p.children
                    if o.dep_ in ("pobj", "pcomp")):
            if obj.lower_ in ACCOUNT_NOUNS or obj.lemma_.lower() in ACCOUNT_NOUNS:
                obj = next((o for p in obj.children if p.dep_ == "prep" and
                            p.lower_ in ("in", "by", "from") for o in p.children
                            if o.dep_ == "pobj" and (o.pos == PROPN_ID or o.ent_type_)),
                           None)
            elif not (document_noun(obj) or _names_outlet(obj)):
                obj = None
            if obj is not None and not index.quoted[obj.i]:
                yield obj, doc[i]


def _from_phrases(verb: Token) -> list[Token]:
    """The "from" phrases of a verb of receiving, its own or its topic's ("heard about the
    closure from a report", which the parser hangs on "closure")."""
    topics = [o for p in verb.children if p.dep_ == "prep" and p.lower_ in ("about", "of")
              for o in p.children if o.dep_ == "pobj"]
    return [p for h in (verb, *topics) for p in h.children
            if p.dep_ == "prep" and p.lower_ == "from"]


def _names_outlet(tok: Token) -> bool:
    """The phrase ``tok`` heads is a news outlet's (``media_outlets``: "the Times", "the
    Chicago Tribune") or a medium's (``media_nouns``: "a newspaper")."""
    phrase = " " + " ".join(t.lower_ for t in tok.subtree) + " "
    return tok.lemma_.lower() in lexicon_set("media_nouns") or \
        any(o in phrase for o in media_outlet_phrases())


#: Parts of speech a source named after an inverted cue may be tagged with ("reports
#: BisNow": the tagger reads an unknown outlet as an adverb).
INVERTED_POS = frozenset({"PROPN", "NOUN", "ADV", "X"})


def inverted_subjects(index: DocIndex):
    """``(source, verb)`` of a cue verb written after its content, its source after it
    ("Most units lose money, reports BisNow.", "…, reported the Times."), which the parser
    reads as the verb's object: a finite verb of the cue lexicons, outside quotations, with
    no subject, right after a comma or a dash, whose content stands before it (it hangs
    from that content or the content from it) and nothing after its object but the end of
    the sentence. The object must be capitalised (a name, an outlet), so that "…, reported
    the incident" stays no source, and the verb no verb of the one spoken to ("told
    reporters"). A quotation's inverted speaker ("“…,” added X") is the speaker finder's."""
    doc, cues, addressees = index.doc, quote_cues(), addressee_verbs()
    text, starts = index.text, index.starts
    for i, lemma in enumerate(index.lemma):
        if lemma not in cues or not i or index.pos[i] != VERB_ID or lemma in addressees or \
                index.quoted[i] or text[starts[i - 1]] not in ",—–":
            continue
        verb = doc[i]
        if verb.tag_ not in FINITE_TAGS or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
            continue
        content_before = (verb.dep_ in ("conj", "parataxis", "ccomp", "dep") and verb.head.i < i) or \
            any(c.dep_ in ("ccomp", "parataxis") and c.i < i for c in verb.children)
        if not content_before:
            continue
        obj = next((c for c in verb.rights if c.dep_ not in ("punct",)), None)
        if obj is None or obj.dep_ not in OBJECT_DEPS | {"advmod"} or \
                obj.pos_ not in INVERTED_POS or not obj.text[:1].isupper() or \
                index.quoted[obj.i]:
            continue
        _, end = index.sentence_bounds(i)
        tail = doc[obj.right_edge.i + 1:end]
        if all(t.is_punct or t.is_space for t in tail):
            yield obj, verb


#: Links by which a word belongs to the description of the noun it hangs from: "Victor Cha,
#: *who* served as...", "Brian Fallon, *the campaign*'s press secretary", "research conducted
#: by *the Center*...", "Roy Cooper, *McCrory*'s opponent".
DESCRIPTION_DEPS = frozenset({"appos", "poss", "compound", "pobj", "prep", "agent", "acl",
                              "relcl", "amod", "nmod"})
#: Relative pronouns that stand for the noun their clause describes.
RELATIVE_SUBJECTS = RELATIVE | {"that", "which"}


def describers(tok: Token, steps: int = 6) -> list[int]:
    """Indices of the words ``tok`` hangs from as part of their description, nearest first
    (a source among them is the one ``tok`` describes).

    Climbs from ``tok`` through the links of :data:`DESCRIPTION_DEPS`; a subject is climbed
    only when it is a relative pronoun of a verb that is no attribution cue (the antecedent is
    the same person: "Victor Cha, who served as..."), so "Trump, whom Clinton criticised" and
    "Smith, who said..." stay sources of their own."""
    out: list[int] = []
    node = tok
    for _ in range(steps):
        head = node.head
        if head.i == node.i:
            break
        if node.dep_ in SUBJECT_DEPS:
            if node.lower_ not in RELATIVE_SUBJECTS or lemma_key(head.lemma_) in attribution_cues():
                break
        elif node.dep_ not in DESCRIPTION_DEPS:
            break
        out.append(head.i)
        node = head
    return out


def described(tok: Token, heads: set[int]) -> bool:
    """``tok`` sits in the description of another source (a token of ``heads``): it is part
    of how the article introduces that source, not a source of its own."""
    return any(i in heads for i in describers(tok))


def outermost(spans: Iterable[tuple]) -> list[tuple]:
    """The ``(start, end, ...)`` items whose span is not the same as, or inside, another's,
    in text order: a source is kept once, under its widest mention."""
    kept: list[tuple] = []
    reach = -1  # end of the furthest-reaching span kept so far
    for item in sorted(spans, key=lambda s: (s[0], -s[1])):
        start, end = item[0], item[1]
        if end <= reach or end <= start:
            continue
        reach = end
        kept.append(item)
    return kept


def find_sources(index: DocIndex, persons: Persons, speakers: Speakers,
                 threshold: float | None = None) -> list[dict]:
    """Source records: one each time information is attributed to someone (quote speakers,
    "according to" objects, documents a clause credits where no one else in the sentence
    speaks, and learned candidates from probability ``threshold``, default the table's,
    :func:`table_threshold`), typed and named by
    :func:`analysis.extract.source_types.describe`.

    ``index`` is masked by the quotations and knows the speakers' fixed mention spans
    (:meth:`DocIndex.with_quotes`, :meth:`DocIndex.with_mention_spans`).
    """
    threshold = table_threshold() if threshold is None else threshold
    ruled = [(*r, False) for r in ruled_sources(index, speakers)]
    learned = []
    for mention, pred, cons, feats in scored_candidates(index, persons):
        p = probability(feats)
        if p >= threshold and learned_agent(feats):
            learned.append((mention, f"{CONSTRUCTION_RULES[cons]} {pred.lemma_.lower()} "
                            f"(learned, p={p:.2f})", pred.text,
                            not relied_on(index, mention, pred, cons, feats)))
        elif cons == "lent" and says_clause(index, pred) and learned_agent(feats):
            learned.append((mention, f"{CONSTRUCTION_RULES[cons]} {pred.lemma_.lower()} "
                            "(speech verb with a clause)", pred.text,
                            not relied_on(index, mention, pred, cons, feats)))
    documents = _where_no_one_speaks(index, document_sources(index), ruled + learned)
    found = ruled + documents + learned
    credited = {index.sentence_bounds(tok.i)[0] for tok, *_ in found}
    found += [(poll, "poll cited", prep.text, False) for poll, prep in polls_cited(index)
              if index.sentence_bounds(poll.i)[0] not in credited]
    heads = {tok.i for tok, *_ in found}
    spans = []
    for tok, rule, cue, act in found:
        if index.quoted[tok.i] or described(tok, heads):
            continue
        start, end = mention_span(tok, index.mention_spans)
        spans.append((start, end, tok, rule, cue, act))
    records: list[dict] = []
    heads = []
    acts = []
    for start, end, tok, rule, cue, act in outermost(spans):
        source_type, name = describe(tok, start, end, persons, index.mention_spans, records,
                                     heads)
        records.append({"kind": "source", "start": start, "end": end, "source_type": source_type,
                        "name": name, "cue": cue, "rule": rule})
        # a relative pronoun is compared as the noun it stands for ("a lawsuit that
        # accuses…", then "the complaint")
        heads.append(antecedent(tok) if tok.lower_ in RELATIVE_SUBJECTS and
                     tok.head.dep_ == "relcl" else tok)
        acts.append(act)
    assign_source_ids(records, heads, index.text)
    relied = {r["source_id"] for r, act, tok in zip(records, acts, heads)
              if not act and r["source_type"] != "unresolved" and not _names_no_one(tok, r)}
    for rec in records:
        rec["counted"] = rec["source_id"] in relied and rec["source_type"] != "unresolved"
    return records


def _where_no_one_speaks(index: DocIndex, documents: Iterable[tuple],
                        others: list[tuple]) -> list[tuple]:
    """The ``documents`` (of :func:`document_sources`) whose sentence holds none of the
    ``others`` that says something (not only acting): "Ruiz said the city filed a lawsuit
    that accuses…" relies on Ruiz; "Parker filed a lawsuit that accuses…", where Parker only
    acts, relies on the lawsuit."""
    speaking = {index.sentence_bounds(tok.i)[0] for tok, _, _, act in others if not act}
    return [d for d in documents if index.sentence_bounds(d[0].i)[0] not in speaking]


def polls_cited(index: DocIndex):
    """``(poll, preposition)`` of each poll or survey (``poll_nouns``) a sentence reports
    figures "in", outside quotations (:func:`~analysis.extract.source_types.cited_poll`).
    :func:`find_sources` keeps those of sentences that credit no other source."""
    doc, nouns = index.doc, lexicon_keys("poll_nouns")
    for i, lemma in enumerate(index.lemma):
        if index.quoted[i] or not (index.pos[i] == NOUN_ID and lemma in nouns or
                                   index.pos[i] == PROPN_ID and poll_word(doc[i])):
            continue
        if cited_poll(doc[i]):
            yield doc[i], doc[i].head


#: Words that make a subject nobody ("no one questioned her", "no legislator objected",
#: "neither Cruz nor Kasich said they would quit": neither of them said it).
NOBODY = frozenset({"no one", "nobody", "none", "nothing", "no", "neither"})
#: WordNet classes of a common noun's senses that name someone (a person, a group).
SOMEONE_CLASSES = frozenset({"person", "group"})


def relied_on(index: DocIndex, mention: Token, pred: Token, cons: str, feats: list[str]) -> bool:
    """Whether the article relies on a learned candidate for information, so that the
    scorecard may count its source: not when its predicate is an action (:func:`acting`),
    when it stands inside another source's account ("Wilburn said a student said…": the
    article relies on Wilburn; "According to the website, staffers verify…": on the
    website, :func:`_within_according`), when it says nothing (:func:`says_nothing`: "did not
    respond to requests for comment"), when it is nobody ("no one questioned her", "neither
    Cruz nor Kasich said…"), nor when it is
    the relative pronoun of a clause that says nothing ("white parents who didn't want their
    children to attend…": a relative clause's verb must be a plain speech verb, take a clause
    other than a to-infinitive, stand by a quotation or issue a document that states
    something, :func:`_states_in_document`)."""
    if acting(index, pred, cons, feats) or _embedded(index, pred, quote_cues()) or \
            says_nothing(index, pred) or _told_of(index, mention, pred) or \
            _within_according(index, pred, feats):
        return False
    words = " ".join(t.lower_ for t in mention.lefts if t.dep_ == "det") + " " + mention.lower_
    if mention.lower_ in NOBODY or any(w in NOBODY for w in words.split()[:1]) or \
            " ".join(words.split()) in NOBODY:
        return False
    if mention.lower_ in ("who", "that", "which") and pred.dep_ in ("relcl", "conj") and \
            index.lemma[pred.i] not in plain_speech() and "quote_in_sentence" not in feats and \
            not any(c.dep_ in ("ccomp", "parataxis") and not _infinitive(c)
                    for c in pred.children) and not _states_in_document(index, pred):
        return False
    return True


def _states_in_document(index: DocIndex, pred: Token) -> bool:
    """``pred`` issues a document that states something, a cue verb's participle or
    relative clause describing its object ("the landowners, who … *issued a statement
    vowing* to keep fighting"): the subject speaks through the document."""
    cues = attribution_cues()
    return any(c.dep_ == "dobj" and document_noun(c) and any(
        g.dep_ in ("acl", "relcl") and index.lemma[g.i] in cues and _states(index, g)
        for g in c.children) for c in pred.children)


def says_clause(index: DocIndex, pred: Token) -> bool:
    """``pred`` is a plain speech verb (``plain_speech_verbs``: say, tell, write…) with a
    clause of its own, not negated: an attribution whatever the table learned of the
    subject it borrows ("He was neither detained nor cited, and *told* Gazetteer he had
    spoken to…", where the passive before it makes the learned probability low)."""
    return pred.pos == VERB_ID and index.lemma[pred.i] in plain_speech() and any(
        c.dep_ == "ccomp" and not _infinitive(c) for c in pred.children) and not any(
        c.dep_ == "neg" for c in pred.children)


def _infinitive(tok: Token) -> bool:
    """``tok`` heads a to-infinitive ("want their children *to attend*"): an act wished for,
    not a proposition."""
    return any(a.dep_ == "aux" and a.lower_ == "to" for a in tok.lefts)


def _within_according(index: DocIndex, pred: Token, feats: list[str]) -> bool:
    """The predicate stands in an "according to" account ("According to the website,
    staffers verify…": the article relies on the website), unless it reports speech itself
    (a plain speech verb or a quotation: "According to Yahoo News, a spokesman said…" relays
    the spokesman's words)."""
    return any(is_according(c) for c in pred.children) and \
        index.lemma[pred.i] not in plain_speech() and "quote_in_sentence" not in feats


def _told_of(index: DocIndex, mention: Token, pred: Token) -> bool:
    """The relative pronoun of a clause describing someone inside another source's account
    ("Thompson said he has heard from tenants who tell him…": the article relies on
    Thompson): the verb the clause's noun hangs from is in the content of a cue verb."""
    if mention.lower_ not in RELATIVE_SUBJECTS or pred.dep_ != "relcl":
        return False
    node = pred.head
    for _ in range(3):
        if node.head.i == node.i or node.dep_ not in ("pobj", "prep", "dobj", "dative"):
            return False
        node = node.head
        if node.pos == VERB_ID:
            return _embedded(index, node, quote_cues())
    return False


def _names_no_one(tok: Token, rec: dict) -> bool:
    """An unnamed source whose head noun names no person or group in any WordNet sense ("the
    failure … shows", "the rally … showed"): not someone the article relies on."""
    if rec["source_type"] != "anonymous" or tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if lemma in lexicon_set("anonymous_sources") or lemma in lexicon_set("quantifiers"):
        return False
    found = wordnet.classes(lemma, "noun")
    return bool(found) and SOMEONE_CLASSES.isdisjoint(found)


#: WordNet classes of the commonest sense of a cue verb that say, think, perceive, feel or
#: take a stand ("announce", "decide", "see", "hope", "endorse"); a cue verb of another
#: class ("seek": possession, "continue": stative) is an act.
SAYING_CLASSES = frozenset({"communication", "cognition", "perception", "emotion", "social"})


def _speech_verb(index: DocIndex, tok: Token) -> bool:
    """A verb of the cue lexicons with a sense WordNet files under communication ("say",
    "comment", "respond")."""
    return index.lemma[tok.i] in quote_cues() and \
        "communication" in wordnet.classes(tok.lemma_.lower(), "verb")


def says_nothing(index: DocIndex, pred: Token) -> bool:
    """The predicate says its subject gave no information: a negated speech verb ("did not
    respond to requests for comment", "would not say") or a refusal to speak
    (``refusal_verbs`` with a speech verb's to-infinitive: "declined to comment")."""
    if pred.pos != VERB_ID:
        return False
    if any(c.dep_ == "neg" for c in pred.children) and _speech_verb(index, pred):
        return True
    return pred.lemma_.lower() in lexicon_set("refusal_verbs") and any(
        c.dep_ == "xcomp" and _speech_verb(index, c) for c in pred.children)


#: Fewest words of a quotation that makes it a statement rather than a quoted word, name or
#: phrase (a “monkey”, ‘Que-mala’); the reference scorers' quotes have 4 or more.
STATEMENT_WORDS = 4
#: Conjunctions that make an adverbial clause a time ("When Trump announced tariffs, …");
#: not "as" nor "while", which also compare and concede ("As the report shows, …").
TIME_MARKS = frozenset({"when", "whenever", "after", "before", "since", "until", "once"})


def statement_quoted(index: DocIndex, i: int) -> bool:
    """A quotation of :data:`STATEMENT_WORDS` words or more overlaps the sentence of token
    ``i``: someone's words, not a word or a name in quotation marks; not the words of a
    document a relative clause describes ("signed a bill that defines sex as “…”": the
    bill's words, :func:`~analysis.extract.speakers.document_quoted`)."""
    return any(len(index.text[start:end].split()) >= STATEMENT_WORDS
               and document_quoted(index, start, end) is None
               for start, end in index.quotes_near(i))


def _time_anchor(index: DocIndex, pred: Token) -> bool:
    """The predicate is a time clause of the sentence's news with no content of its own
    ("*When* President Trump *announced* sweeping tariffs, tech companies…", "*after* the
    council voted"): what the subject did dates the news; it tells the reader nothing on
    the subject's word. Not a plain speech verb, whose content the parser may have hung
    elsewhere ("When she said the plan had failed, …"), nor one that takes a clause."""
    return pred.dep_ == "advcl" and index.lemma[pred.i] not in plain_speech() and any(
        c.dep_ in ("mark", "advmod") and c.lower_ in TIME_MARKS and c.i < pred.i
        for c in pred.children) and not any(
        c.dep_ in ("ccomp", "parataxis", "xcomp") for c in pred.children)


def _means_to_act(index: DocIndex, pred: Token, adjective: bool = False) -> bool:
    """The predicate says what its subject wants or means to do, no more: a verb whose
    commonest WordNet sense is no communication ("want", "plan", "hope", "try"), or with
    ``adjective`` the adjective after "be" ("determined", "eager"), whose only content is a
    to-infinitive of the subject's own act that says nothing itself (no subject, no clause,
    no speech verb), with no object and no clause of its own ("Tim Scott wants to
    deregulate housing", "Others plan to rebuild", "She is determined to vote"; not "wants
    to say that…", "was quick to point out that…"). So does a refusal (``refusal_verbs``)
    of an act ("owners refused to sell"; refusing to speak says nothing instead:
    :func:`says_nothing`)."""
    if not adjective and pred.lemma_.lower() not in lexicon_set("refusal_verbs"):
        found = wordnet.classes(pred.lemma_.lower(), "verb")
        if not found or found[0] == "communication":
            return False
    infinitive = False
    for c in pred.children:
        if c.dep_ in ("ccomp", "parataxis", "dobj", "dative", "obj"):
            return False
        if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and any(
                a.dep_ == "aux" and a.lower_ == "to" for a in c.lefts):
            if _speech_verb(index, c) or any(a.dep_ in SUBJECT_DEPS or a.dep_ in (
                    "ccomp", "parataxis") for a in c.children):
                return False
            infinitive = True
    return infinitive


def acting(index: DocIndex, pred: Token, cons: str, feats: list[str]) -> bool:
    """Whether a learned candidate's predicate shows its subject acting rather than saying,
    thinking, finding or showing something: a verb of no cue lexicon (``cue_verbs``,
    ``cue_verbs_clausal``, ``quote_cue_verbs``), of ``action_verbs``, or a cue verb whose
    commonest WordNet sense is no :data:`SAYING_CLASSES` ("seek", "offer"), with no clause
    of its own, no speech verb hanging from it ("sued the agency, claiming…") and no
    quotation in its sentence ("Trump nominated three justices", "approved by Oakland
    voters"); or a predicate that only says what the subject means to do
    (:func:`_means_to_act`: "Tim Scott wants to deregulate housing"), or a verb with no
    content that only dates the sentence's news (:func:`_time_anchor`: "When Trump announced
    tariffs, …"), or a verb of receiving information (:data:`RECEIVING_VERBS`) with no clause
    ("learned of this from reporting in The Standard"). A quotation counts only when it is a
    statement (:func:`statement_quoted`), not a word or a name in quotation marks ("filed a
    lawsuit … after he was called a “monkey”"). PolNeAR annotates such subjects as sources
    (about three in four on its train split), so they stay source records; the scorecard
    counts a source only when some mention of it is no such action (:func:`find_sources`)."""
    quoted = "quote_in_sentence" in feats and statement_quoted(index, pred.i)
    if cons == "be" and not quoted:
        return _means_to_act(index, pred, adjective=True)
    if cons not in ("subj", "lent", "agent") or pred.pos != VERB_ID:
        return False
    if quoted:
        return False
    if _means_to_act(index, pred) or (cons == "subj" and _time_anchor(index, pred)):
        return True
    if index.lemma[pred.i] in RECEIVING_VERBS:
        return not any(c.dep_ in ("ccomp", "parataxis") for c in pred.children)
    if index.lemma[pred.i] in quote_cues() and index.lemma[pred.i] not in lexicon_keys("action_verbs"):
        found = wordnet.classes(pred.lemma_.lower(), "verb")
        if not found or found[0] in SAYING_CLASSES:
            return False
    return not any(c.dep_ in ("ccomp", "parataxis") or
                   (c.dep_ == "advcl" and index.lemma[c.i] in quote_cues())
                   for c in pred.children)
