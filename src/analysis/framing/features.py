"""Per-article features taken from the parse, kept small so runs can stream.

:func:`doc_features` runs once per article on the hot path (inside
``pipeline.process_chunk``): one pass over the tokens' attributes, read as arrays
(:mod:`analysis.framing.tokens`), one scan of the body for all the lexicons
(:func:`lexicon_matches`) and a few compiled regular expressions, nothing kept of the ``Doc``.
It returns plain lists and counts:

- ``body_words``, ``quoted_words``, ``writer_words``: word tokens of the body, inside direct
  quotes, and outside them (the writer's own words);
- ``sentence_lengths``: words per sentence of the body, in order;
- ``vocab``: counts of lower-cased lemmas of content words (for distinctive vocabulary);
- ``actors``: people, states and groups put as grammatical subject or agent, with their verb;
- ``style``: measures of writing style for the machine-written look
  (:func:`analysis.framing.style.style_measures`: word commonness, pairs, nominalisations,
  tense, sentence openings, specific sentences), with spans of their triggers;
- ``signals``: framing signals as evidence-like records (``kind``, ``start``, ``end``,
  ``text``, ``cue``, ``in_quote``) of kinds :data:`SIGNAL_KINDS`, so that every signal can be
  shown and highlighted by its character offsets into the article text.
"""
from __future__ import annotations

import re
import string
from bisect import bisect_right
from functools import cache

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc

from ..extract.syntax import SUBJECT_DEPS
from ..records import QUOTE_KINDS, SIGNAL_KINDS  # noqa: F401 (SIGNAL_KINDS: re-exported)
from ..spans import SpanSet
from ..lexicons import lexicon_set, load_lexicon
from .style import style_measures
from .tokens import Entity, entities, token_table

#: Entity types that can be actors (people, organisations, countries, nationalities).
ACTOR_ENTITIES = {"PERSON", "ORG", "GPE", "NORP"}
NUMBER_ENTITIES = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "CARDINAL"}
#: Words that make a date, time or amount specific ("Monday", "April", "two hours").
SPECIFIC_WORD = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b|"
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight)\b|"
    r"\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens)\b",
    re.IGNORECASE,
)
#: A bare count is specific only with digits or a large round number ("hundreds"): "the two
#: allies" is not a figure.
SPECIFIC_COUNT = re.compile(r"\d|\b(hundred|thousand|million|billion|dozen)s?\b", re.IGNORECASE)
#: Capitalised forms of the pronoun lists that are something else ("US" is a country).
NOT_PRONOUN = {"US"}
DIGIT = re.compile(r"\d")
#: What :func:`canonical_actor` takes off a name: a possessive, a leading "the".
POSSESSIVE = re.compile(r"'s$")
LEADING_THE = re.compile(r"^the ")
#: Parts of speech (ids) of verbs, and of the nouns and names an actor noun can be.
VERB_POS = frozenset({POS_IDS["VERB"], POS_IDS["AUX"]})
NAME_POS = frozenset({POS_IDS["NOUN"], POS_IDS["PROPN"]})
#: String ids of the dependency labels of subjects and agents, and of "according" (lower case),
#: as :func:`analysis.framing.tokens.token_table` holds them.
SUBJECT_DEP_KEYS = frozenset(get_string_id(d) for d in SUBJECT_DEPS)
NSUBJPASS, POBJ, AGENT = (get_string_id(d) for d in ("nsubjpass", "pobj", "agent"))
ACCORDING = get_string_id("according")


@cache
def phrase_pattern(name: str, sentence_start: bool = False) -> re.Pattern:
    """Compiled regex of the entries of lexicon ``name`` as whole words, longest first.

    With ``sentence_start`` the entry must be followed by a comma, a colon or "that" (it is
    used with ``match`` at a sentence start: "Overall, …" but not "Overall spending …").
    Without, the pattern searched is :func:`first_letter_pattern`'s, which finds the same.
    """
    entries = sorted(load_lexicon(name), key=len, reverse=True)
    if not sentence_start and all(_plain_entry(e) for e in entries):
        return first_letter_pattern(entries)
    body = "|".join(re.escape(e).replace(r"\ ", r"\s+").replace("'", "['’]") for e in entries)
    tail = r"(?=\s*[,:]|\s+that\b)" if sentence_start else r"(?![\w-])"
    return re.compile(rf"(?<![\w-])(?:{body}){tail}", re.IGNORECASE)


#: The letters other than A-Z that ``re.IGNORECASE`` matches to one of a-z (dotted and
#: dotless i, long s, Kelvin sign); a test checks that there are no others.
CASE_VARIANTS = "\u0130\u0131\u017f\u212a"


@cache
def case_class(letter: str) -> str:
    """The characters ``re.IGNORECASE`` takes for ASCII ``letter``, as a character class."""
    chars = string.ascii_letters + CASE_VARIANTS
    return "[" + "".join(c for c in chars if re.fullmatch(letter, c, re.IGNORECASE)) + "]"


def _plain_entry(entry: str) -> bool:
    """Starts with an ASCII letter; its other characters are ASCII letters or have no case."""
    return (entry[:1].isascii() and entry[:1].isalpha()
            and all(c.isascii() or c.lower() == c.upper() for c in entry))


def _atom(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "'":
        return "['’]"
    return case_class(char) if char.isascii() and char.isalpha() else re.escape(char)


def first_letter_pattern(entries: list[str]) -> re.Pattern:
    """``(?<![\\w-])(?:entry|…)(?![\\w-])`` under ``re.IGNORECASE``, entries in order,
    written so that ``re`` skips to the letters an entry can start with.

    The pattern starts with the class of those letters (searching for it is fast), looks
    behind for the start of a word, and then tries, in order, the rest of the entries that
    begin with the letter just read: any other entry cannot match there. Case-insensitive
    letters are explicit classes (:func:`case_class`), so the matches are the same.
    """
    first, branches = _first_letter_parts(entries)
    return re.compile(rf"[{first}](?<![\w-].)(?:{branches})(?![\w-])")


def _first_letter_parts(entries: list[str]) -> tuple[str, str]:
    """The letters the entries start with (the inside of a character class), and the
    alternation of the rests of the entries, each behind a look-behind at its first letter."""
    groups: dict[str, list[str]] = {}
    for entry in entries:  # by first letter, each group in the entries' order
        groups.setdefault(case_class(entry[0]), []).append(entry)
    first = "".join(cls[1:-1] for cls in groups)
    branches = "|".join(rf"(?<={cls})(?:" + "|".join("".join(map(_atom, e[1:])) for e in group)
                        + ")" for cls, group in groups.items())
    return first, branches


@cache
def _plain_lexicon(name: str) -> bool:
    """Every entry of lexicon ``name`` is plain (:func:`phrase_pattern` is its
    :func:`first_letter_pattern`)."""
    return all(_plain_entry(e) for e in load_lexicon(name))


@cache
def entry_start_pattern(names: tuple[str, ...]) -> re.Pattern:
    """A pattern that matches the first letter of every place where an entry of one of the
    plain lexicons ``names`` matches as a whole word (the rest of the entry in a look-ahead,
    so no place hides another).

    Its alternation is grouped by the entries' second character, the one the pattern stands
    at once it has read a first letter: ``re`` passes over a group after one test of that
    character and, in a group it enters, looks behind at the first letter (two characters
    back: a space is read as one ``\\s``, the further spaces as ``\\s*``).
    """
    entries = list(dict.fromkeys(e for name in names for e in load_lexicon(name)))
    groups: dict[str, dict[str, list[str]]] = {}
    for entry in entries:  # second character -> first letter -> entries
        second = _one_char_atom(entry[1]) if len(entry) > 1 else ""
        groups.setdefault(second, {}).setdefault(case_class(entry[0]), []).append(entry)
    first = "".join(dict.fromkeys(case_class(e[0])[1:-1] for e in entries))
    branches = "|".join(
        second + "(?:" + "|".join(
            (rf"(?<={cls}.)(?:" if second else rf"(?<={cls})(?:")
            + "|".join(_rest_after_second(e) for e in group) + ")"
            for cls, group in by_first.items()) + ")"
        for second, by_first in groups.items())
    return re.compile(rf"[{first}](?<![\w-].)(?=(?:{branches})(?![\w-]))", re.DOTALL)


def _one_char_atom(char: str) -> str:
    """:func:`_atom` of ``char``, reading exactly one character (a space as ``\\s``)."""
    return r"\s" if char == " " else _atom(char)


def _rest_after_second(entry: str) -> str:
    """The atoms of ``entry`` after its second character (and, after a space, any further
    spaces)."""
    rest = "".join(map(_atom, entry[2:]))
    return r"\s*" + rest if entry[1:2] == " " else rest


def lexicon_matches(body: str, names: tuple[str, ...]) -> dict[str, list[re.Match]]:
    """``list(phrase_pattern(name).finditer(body))`` for every lexicon in ``names``.

    The plain lexicons are matched in one scan of ``body``: :func:`entry_start_pattern` finds
    where an entry of any of them starts, and there each lexicon's pattern is matched,
    unless its previous match reaches over that place (``finditer`` does not overlap).
    """
    plain = tuple(name for name in names if _plain_lexicon(name))
    found = {name: list(phrase_pattern(name).finditer(body)) for name in names
             if name not in plain}
    if plain:
        patterns = [(name, phrase_pattern(name)) for name in plain]
        ends = dict.fromkeys(plain, 0)
        for name in plain:
            found[name] = []
        for start in entry_start_pattern(plain).finditer(body):
            at = start.start()
            for name, pattern in patterns:
                if at >= ends[name]:
                    m = pattern.match(body, at)
                    if m:
                        found[name].append(m)
                        ends[name] = m.end()
    return {name: found[name] for name in names}


@cache
def actor_aliases() -> dict[str, str]:
    """``alias -> name`` from the ``actor_aliases`` lexicon."""
    pairs = (line.split("=", 1) for line in load_lexicon("actor_aliases") if "=" in line)
    return {a.strip(): n.strip() for a, n in pairs}


def canonical_actor(name: str) -> str:
    """One spelling per actor: lower case, no leading "the", no possessive, aliases merged."""
    key = " ".join(name.lower().replace("’", "'").split())
    key = POSSESSIVE.sub("", key)
    key = LEADING_THE.sub("", key)
    return actor_aliases().get(key, key)




def _record(kind: str, start: int, end: int, text: str, cue: str, in_quote: bool) -> dict:
    return {"kind": kind, "start": start, "end": end, "text": text[start:end], "cue": cue,
            "in_quote": in_quote}


#: Lexicons matched as framing signals: (signal kind, lexicon, counted outside quotes only).
LEXICON_SIGNALS = (("stock_phrase", "stock_phrases", True),
                   ("loaded", "loaded_terms", False),
                   ("evaluative", "evaluative_terms", False),
                   ("call_to_action", "calls_to_action", True),
                   ("we", "first_person_plural", True),
                   ("you", "reader_address", True))
#: The lexicons matched over the body: those of the signals, and the claim markers.
BODY_LEXICONS = tuple(name for _, name, _ in LEXICON_SIGNALS) + ("claim_markers",)


def _lexicon_signals(body: str, text: str, quotes: SpanSet, sentence_starts: list[int],
                     matches: dict[str, list[re.Match]]) -> list[dict]:
    """Lexicon matches over the body (``matches``, from :func:`lexicon_matches`); pronouns
    and calls to action count outside quotes only."""
    out = []
    for kind, name, writer_only in LEXICON_SIGNALS:
        for m in matches[name]:
            in_quote = m.start() in quotes
            if (writer_only and in_quote) or (kind in ("we", "you") and m.group() in NOT_PRONOUN):
                continue
            out.append(_record(kind, m.start(), m.end(), text, " ".join(m.group().lower().split()),
                               in_quote))
    pattern = phrase_pattern("transitions", sentence_start=True)
    for s in sentence_starts:
        m = pattern.match(body, s)
        if m and s not in quotes:
            out.append(_record("transition", m.start(), m.end(), text,
                               " ".join(m.group().lower().split()), False))
    return out


def _actor(i: int, pos: int, lemma: str, entity_of: dict[int, str]) -> str | None:
    """The actor named by subject/agent token ``i`` (part of speech id ``pos``, lemma
    ``lemma``; ``entity_of``: the text of the actor entity each token is in), or None when
    it is not a person/state/group."""
    name = entity_of.get(i)
    if name is not None:
        return canonical_actor(name)
    if pos in NAME_POS and lemma.lower() in lexicon_set("actor_nouns"):
        return canonical_actor(lemma)
    return None


def _number_signals(ents: list[Entity], body: str, text: str, quotes: SpanSet) -> list[dict]:
    """Dates, times and amounts that are specific (digits, a month or day, a large count)."""
    out = []
    for ent in ents:
        if ent.label not in NUMBER_ENTITIES:
            continue
        words = body[ent.start_char:ent.end_char]
        pattern = SPECIFIC_COUNT if ent.label == "CARDINAL" else SPECIFIC_WORD
        if DIGIT.search(words) or pattern.search(words):
            out.append(_record("number", ent.start_char, ent.end_char, text, ent.label.lower(),
                               ent.start_char in quotes))
    return out


def _unattributed_claims(markers: list[re.Match], text: str,
                         sentences: list[tuple[int, int, bool]], quotes: SpanSet,
                         sources: SpanSet, boosters: list[dict]) -> list[dict]:
    """Writer's sentences (no quote, no source, no reporting verb) with a claim marker
    (``markers``: the matches of the ``claim_markers`` lexicon over the body)."""
    triggers = [(m.start(), m.end(), " ".join(m.group().lower().split())) for m in markers]
    triggers += [(b["start"], b["end"], b.get("cue") or b["text"]) for b in boosters
                 if not b.get("in_quote")]
    triggers.sort()
    starts = [t[0] for t in triggers]
    out = []
    for s, e, reported in sentences:
        if reported or quotes.overlaps(s, e) or sources.overlaps(s, e):
            continue
        i = bisect_right(starts, s - 1)
        if i < len(triggers) and triggers[i][0] < e:
            out.append(_record("unattributed_claim", s, e, text, triggers[i][2], False))
    return out


def doc_features(doc: Doc, text: str, evidence: list[dict], parsed: str | None = None) -> dict:
    """Compact features of one parsed article for scores and framing charts (see module doc).

    ``doc`` is the parse of the body with everything else blanked (same length as ``text``);
    ``evidence`` the article's evidence records (quotes, sources, hedges, boosters);
    ``parsed``: that body as parsed (``doc.text``), when the caller has it.
    """
    quotes = SpanSet([(r["start"], r["end"]) for r in evidence if r["kind"] in QUOTE_KINDS])
    sources = SpanSet([(r["start"], r["end"]) for r in evidence if r["kind"] == "source"])
    boosters = [r for r in evidence if r["kind"] == "booster"]
    body = doc.text if parsed is None else parsed
    ents = entities(doc)
    entity_of = {t: body[ent.start_char:ent.end_char] for ent in ents
                 if ent.label in ACTOR_ENTITIES for t in range(ent.start, ent.end)}
    reporting = lexicon_set("reporting_verbs")
    tokens = token_table(doc, quotes)
    strings = doc.vocab.strings
    lemma_of = {h: strings[h] for h in set(tokens.lemma)}
    lower_lemma_of = {h: lemma.lower() for h, lemma in lemma_of.items()}
    deps, heads = tokens.dep, tokens.head
    vocab: dict[str, int] = {}
    actors: list[dict] = []
    sentences: list[list] = []  # [start, end, words, reported]
    body_words = quoted_words = 0
    for i, (punct, space, sent_start, alpha, stop, pos, dep, idx, length, lower, lemma_hash,
            head, in_quote) in enumerate(zip(
                tokens.punct, tokens.space, tokens.sent_start, tokens.alpha, tokens.stop,
                tokens.pos, deps, tokens.idx, tokens.length, tokens.lower, tokens.lemma, heads,
                tokens.quoted)):
        if space or punct:
            if sent_start and sentences and sentences[-1][2]:
                sentences.append([None, None, 0, False])
            elif punct and sentences and sentences[-1][2]:
                sentences[-1][1] = idx + length  # closing punctuation ends the sentence
            continue
        if sent_start or not sentences:
            if not sentences or sentences[-1][2]:
                sentences.append([None, None, 0, False])
        sent = sentences[-1]
        if sent[0] is None:
            sent[0] = idx
        sent[1] = idx + length
        sent[2] += 1
        body_words += 1
        quoted_words += in_quote
        lemma = lower_lemma_of[lemma_hash]
        if pos in VERB_POS and lemma in reporting:
            sent[3] = True
        elif lemma == "accord" or lower == ACCORDING:
            sent[3] = True
        if alpha and not stop and length > 1:
            vocab[lemma] = vocab.get(lemma, 0) + 1
        if dep in SUBJECT_DEP_KEYS or (dep == POBJ and deps[head] == AGENT):
            verb = head if dep in SUBJECT_DEP_KEYS else heads[head]
            name = _actor(i, pos, lemma_of[lemma_hash], entity_of)
            if name and tokens.pos[verb] in VERB_POS:
                actors.append({"start": idx, "end": idx + length, "actor": name,
                               "verb": lower_lemma_of[tokens.lemma[verb]],
                               "role": "patient" if dep == NSUBJPASS else "agent",
                               "in_quote": in_quote})
    sentences = [s for s in sentences if s[2]]
    style = style_measures(doc, quotes, [(s[0], s[1], s[3]) for s in sentences], body,
                           tokens, ents)
    matches = lexicon_matches(body, BODY_LEXICONS)
    signals = _lexicon_signals(body, text, quotes, [s[0] for s in sentences], matches)
    signals += _number_signals(ents, body, text, quotes)
    signals += _unattributed_claims(matches["claim_markers"], text,
                                    [(s[0], s[1], s[3]) for s in sentences], quotes, sources,
                                    boosters)
    signals.sort(key=lambda r: (r["start"], r["end"], r["kind"]))
    return {
        "body_words": body_words,
        "quoted_words": quoted_words,
        "writer_words": body_words - quoted_words,
        "sentence_lengths": [s[2] for s in sentences],
        "sentence_spans": [(s[0], s[1]) for s in sentences],
        "vocab": vocab,
        "actors": actors,
        "style": style,
        "signals": signals,
    }
