"""One source, one id: the mentions of one referent in an article share a ``source_id``.

A source is a referent, not a string. :func:`assign_source_ids` gives every source record of
one article a ``source_id`` (``"s1"``, ``"s2"``… in order of first mention), the same for
all the mentions of one source, so that the scorecard counts distinct sources:

- a person: the same name once titles, accents, possessives and punctuation are set aside
  ("Superintendent Imee Almazan", "Imee Almazan", "Martínez" / "Martinez"), a surname or a
  shorter name that ends a longer one ("Almazan"), and pronouns resolved to that person (they
  carry the full name);
- an unnamed person or group, an organisation, a document: the same words (determiners
  aside), or a later *definite* mention ("the officer", "the three people", "those
  lawyers", "the spokesperson") whose head noun, and number when there is one, repeat an
  earlier mention's of the same type ("an officer", "three people familiar with the talks",
  "a Southwest spokesperson"); a definite poll with no pollster of its own ("the survey",
  "That poll") is the latest poll cited, a document or an outlet's, and takes its type and
  name;
- an outlet: its short name ("the Times" after "a Los Angeles Times investigation"), or a
  definite common noun for an outlet (``outlet_anaphors``: "The Washington Post reported…
  The outlet noted…"), which points back to the outlet last named and takes its name; and a
  definite piece of an outlet's, which is that outlet's ("according to the report" after "a
  report by The New York Times": media, not a document);
- an organisation: its acronym ("ICRI" after "the International Coral Reef Initiative"), a
  spokesperson or representative standing for it ("a Southwest spokesperson" and
  "Southwest"), and a later definite spokesperson with no principal of their own ("the
  representative" after "a National Security Council rep"), a pronoun resolved to it ("it
  said", which carries its name);
- representatives named after whom they speak for ("Love's lawyers", institutional): a
  later "the lawyers" is them, and takes their type and name.

Apart from that case and an outlet's piece, sources of different types never share an id.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from spacy.tokens import Token

from ..lexicons import lexicon_set
from .coref import strip_titles
from .docindex import PROPN_ID

#: Determiners that make a mention point back to one already made.
DEFINITE = frozenset({"the", "this", "that", "these", "those", "such"})
POSSESSIVE_DETS = frozenset({"his", "her", "its", "their", "our", "my", "your"})
#: Determiners and quantifiers left out when two mentions' words are compared.
FUNCTION_WORDS = DEFINITE | POSSESSIVE_DETS | {"a", "an", "some", "another", "any"}
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")


def fold(text: str) -> str:
    """Lower case, accents dropped, curly apostrophes straight."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).replace("’", "'").lower()


def name_words(name: str) -> tuple[str, ...]:
    """A person's name as compared: titles, possessives, suffixes and punctuation off."""
    return tuple(w for w in WORD.findall(fold(strip_titles(name))) if w not in NAME_SUFFIXES)


def phrase_words(text: str) -> tuple[str, ...]:
    """Any other mention's words as compared: determiners and possessives off."""
    words = [re.sub(r"'s$", "", w) for w in WORD.findall(fold(text))]
    return tuple(w for w in words if w not in FUNCTION_WORDS)


def acronym(text: str) -> str:
    """Initials of the capitalised words of an organisation's name ("ICRI")."""
    text = re.sub(r"^(?:the|The)\s+", "", text.strip())
    return "".join(w[0] for w in re.findall(r"[A-Z][\w&'-]*", text)).lower()


def _number(tok: Token) -> str | None:
    """The number word or digits counting the mention ("three people": "three")."""
    for child in tok.lefts:
        if child.dep_ == "nummod":
            return child.lower_
    return None


#: The types a poll is given: a document, or an outlet's poll (media: "a Fox poll").
POLL_TYPES = frozenset({"document", "media"})


def _head_lemma(tok: Token) -> str:
    """The head noun as compared: its lemma, one word for the nouns of a poll
    (``poll_nouns``: "the survey" after "a Reuters/Ipsos poll") and for those of a lawsuit
    (``lawsuit_nouns``: "the complaint" after "a lawsuit")."""
    lemma = tok.lemma_.lower()
    if lemma in lexicon_set("poll_nouns"):
        return "poll"
    return "lawsuit" if lemma in lexicon_set("lawsuit_nouns") else lemma


def _named_apart(name: str, text: str) -> bool:
    """The record was given a name of its own, other than its words ("a report by the city
    auditor" named "the city auditor")."""
    return bool(name) and phrase_words(name) != phrase_words(text)


def _outlet_name(name: str) -> bool:
    """A media source's name names an outlet: a capitalised word after its first ("The
    Washington Post", "a report by The New York Times" named "The New York Times"), not a
    common noun ("The outlet")."""
    return any(w[:1].isupper() for w in name.split()[1:]) or \
        (len(name.split()) == 1 and name[:1].isupper())


def _definite(tok: Token) -> bool:
    """The mention points back with a determiner alone: "the officer", "those lawyers"."""
    return any(c.dep_ == "det" and c.lower_ in DEFINITE for c in tok.lefts)


#: Entity types of a place's name before a head, which names no referent of its own.
PLACES = frozenset({"GPE", "NORP", "LOC"})


def _points_back(tok: Token, words: tuple[str, ...], earlier: set[str]) -> bool:
    """A definite mention can be the earlier source of its head noun whose mentions had
    ``earlier`` words: a common noun that names no referent of its own ("the campaign"), or
    one that names it with words the earlier source's mentions all hold ("the Security
    Council" after "the United Nations Security Council", "The Trump campaign" after
    "Donald Trump's campaign"; not "The Trump campaign" after "The Clinton campaign", nor
    "the Supreme Court" after "a federal appeals court")."""
    if tok.pos == PROPN_ID or _own_name(tok):
        places = phrase_words(" ".join(t.text for t in tok.lefts if t.ent_type_ in PLACES))
        return set(words) - set(places) <= earlier  # "The U.S. administration"
    return True


def _own_name(tok: Token) -> bool:
    """The mention names its own referent with a proper noun before its head ("the USC
    Dornsife/Los Angeles Times poll", "the Gallup survey"): no definite pointer back."""
    return any(c.pos == PROPN_ID and c.dep_ in ("compound", "nmod", "poss") for c in tok.lefts)


def _principal(tok: Token) -> str | None:
    """Whom a representative noun (a spokesperson, a lawyer, officials…) speaks for: a
    possessor or proper-noun modifier ("a Southwest spokesperson", "Love's lawyers") or the
    object of "for", "of" or "at" ("a spokesperson for the agency"); None otherwise."""
    lemma = tok.lemma_.lower()
    if lemma not in lexicon_set("spokesperson_nouns") and \
            lemma not in lexicon_set("anonymous_sources"):
        return None
    names = [c for c in tok.lefts if c.dep_ == "poss" or (c.dep_ == "compound"
                                                          and c.pos == PROPN_ID)]
    if names:
        return tok.doc[names[0].left_edge.i:names[-1].i + 1].text
    for child in tok.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at"):
            obj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if obj is not None:
                return tok.doc[obj.left_edge.i:obj.i + 1].text
    return None


class _Clusters:
    """Sources found so far in one article, and the keys that lead to each."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.keys: dict[tuple, str] = {}
        self.people: list[tuple[tuple[str, ...], str]] = []  # (name words, id), longest first
        self.heads: dict[tuple, str] = {}  # (type, head lemma, number) -> latest id
        self.acronyms: dict[tuple[str, str], str] = {}  # (type, acronym) -> id
        #: (type, head lemma) of a representative with a principal -> (id, type, name)
        self.speakers_for: dict[tuple[str, str], tuple[str, str, str]] = {}
        #: the latest spokesperson with a principal, typed institutional: (id, type, name)
        self.spokesperson: tuple[str, str, str] | None = None
        #: the latest outlet named (a media source with a capitalised name): (id, type, name)
        self.outlet: tuple[str, str, str] | None = None
        #: head lemma of an outlet's piece ("a report by The New York Times") -> (id, type, name)
        self.pieces: dict[str, tuple[str, str, str]] = {}
        #: id of a source pointed back to by its head noun -> the words of its mentions
        self.head_words: dict[str, set[str]] = {}
        #: the latest poll cited, a document or an outlet's (media): (id, type, name)
        self.poll: tuple[str, str, str] | None = None
        #: (type, words) of a definite poll mention -> the poll it points back to
        self.polls_meant: dict[tuple, tuple[str, str, str]] = {}

    def new(self) -> str:
        self.ids.append(f"s{len(self.ids) + 1}")
        return self.ids[-1]

    def person(self, name: str) -> str:
        words = name_words(name)
        if not words:
            return self.new()
        for known, sid in self.people:
            if known[-len(words):] == words or words[-len(known):] == known:
                if len(words) > len(known):  # keep the longest form as the one compared
                    self.people.remove((known, sid))
                    self.people.append((words, sid))
                return sid
        sid = self.new()
        self.people.append((words, sid))
        return sid

    def other(self, kind: str, tok: Token | None, text: str,
              name: str) -> str | tuple[str, str, str]:
        """The id of a non-person source; or ``(id, type, name)`` when the mention turns out
        to be an earlier source of another type ("the lawyers" after "Love's lawyers")."""
        words = phrase_words(name or text)
        principal = _principal(tok) if tok is not None else None
        head = (kind, _head_lemma(tok), _number(tok)) if tok is not None else None
        if tok is not None and (poll := self._poll_of(kind, tok, name, text)):
            # "That poll" after "a separate Bloomberg News/Morning Consult poll"; a later
            # record given this mention's name (a share of its respondents) is that poll too
            self.polls_meant[(kind, words)] = poll
            return poll
        if words and (kind, words) in self.polls_meant:
            return self.polls_meant[(kind, words)]  # "42 percent" of "the poll", named so
        if words and (kind, words) in self.keys:
            sid = self.keys[(kind, words)]
        elif principal and (kind, phrase_words(principal)) in self.keys:
            sid = self.keys[(kind, phrase_words(principal))]  # "a Southwest spokesperson"
        elif kind != "anonymous" and (found := self._acronym_of(kind, name or text)):
            sid = found
        elif kind == "media" and tok is not None and (found := self._outlet_of(tok, words)):
            sid = found
        elif head is not None and not principal and _definite(tok) and (
                head in self.heads or head[:2] + (None,) in self.heads) and \
                _points_back(tok, words, self.head_words[self.heads.get(head) or
                                                        self.heads[head[:2] + (None,)]]):
            sid = self.heads.get(head) or self.heads[head[:2] + (None,)]
        elif kind == "anonymous" and tok is not None and _definite(tok) and \
                ("institutional", tok.lemma_.lower()) in self.speakers_for:
            # "the lawyers" after "Love's lawyers": the same representatives
            return self.speakers_for[("institutional", tok.lemma_.lower())]
        elif tok is not None and not principal and (spoken := self._spokesperson_of(kind, tok)):
            return spoken  # "the representative"
        elif tok is not None and (outlet := self._outlet_noun_of(kind, tok)):
            return outlet  # "the outlet"
        elif kind == "document" and tok is not None and not principal and _definite(tok) and \
                not _named_apart(name, text) and tok.lemma_.lower() in self.pieces:
            return self.pieces[tok.lemma_.lower()]  # "the report" after "a Times report"
        else:
            sid = self.new()
        if words:
            self.keys.setdefault((kind, words), sid)
        if principal:
            self.keys.setdefault((kind, phrase_words(principal)), sid)
        if head is not None and principal:
            self.speakers_for[(kind, tok.lemma_.lower())] = (sid, kind, name)
            if kind == "institutional" and tok.lemma_.lower() in lexicon_set("spokesperson_nouns"):
                self.spokesperson = (sid, kind, name)
        if kind == "media" and _outlet_name(name or text):
            self.outlet = (sid, kind, name or text)
            if tok is not None and tok.pos != PROPN_ID:
                self.pieces[tok.lemma_.lower()] = self.outlet
        if head is not None and not principal:
            self.heads[head] = sid
            self.heads[head[:2] + (None,)] = sid  # "the people" points back to "three people"
            self.head_words.setdefault(sid, set()).update(words + phrase_words(text))
        if kind != "anonymous" and len(words) > 1:
            self.acronyms.setdefault((kind, acronym(name or text)), sid)
        if kind in POLL_TYPES and tok is not None and _head_lemma(tok) == "poll":
            self.poll = (sid, kind, name or text)
        return sid

    def _poll_of(self, kind: str, tok: Token, name: str,
                 text: str) -> tuple[str, str, str] | None:
        """The poll a definite singular poll noun with no pollster of its own (no proper
        noun before it) points back to ("the survey", "That poll"): the latest poll cited,
        a document or an outlet's."""
        if kind not in POLL_TYPES or tok.pos == PROPN_ID or tok.tag_ != "NN" or \
                _head_lemma(tok) != "poll" or not _definite(tok) or _named_apart(name, text) \
                or _own_name(tok):
            return None
        return self.poll

    def _outlet_of(self, tok: Token, words: tuple[str, ...]) -> str | None:
        """The id of the outlet an outlet's short name stands for ("the Times" after "a Los
        Angeles Times investigation", "the Post" after "The Washington Post"): a definite
        proper-noun mention whose words all stand, in order, in an earlier media source's
        name (the latest such source)."""
        if tok.pos != PROPN_ID or not words or not _definite(tok):
            return None
        n = len(words)
        for (kind, known), sid in reversed(self.keys.items()):
            if kind == "media" and len(known) > n and any(
                    known[i:i + n] == words for i in range(len(known) - n + 1)):
                return sid
        return None

    def _spokesperson_of(self, kind: str, tok: Token) -> tuple[str, str, str] | None:
        """The spokesperson a definite spokesperson noun points back to ("the
        representative" after "a National Security Council rep"): the one of the same word,
        else the latest, if the mention is typed as one (institutional, or anonymous)."""
        lemma = tok.lemma_.lower()
        if kind not in ("institutional", "anonymous") or not _definite(tok) or \
                tok.pos == PROPN_ID or lemma not in lexicon_set("spokesperson_nouns"):
            return None
        return self.speakers_for.get(("institutional", lemma)) or self.spokesperson

    def _outlet_noun_of(self, kind: str, tok: Token) -> tuple[str, str, str] | None:
        """The outlet a definite common noun for one points back to ("The outlet noted"
        after "The Washington Post reported"): the latest outlet named."""
        if kind != "media" or tok.pos == PROPN_ID or not _definite(tok) or \
                tok.lemma_.lower() not in lexicon_set("outlet_anaphors"):
            return None
        return self.outlet

    def _acronym_of(self, kind: str, text: str) -> str | None:
        """The id of the organisation whose initials ``text`` is ("ICRI"), if any."""
        word = re.sub(r"^(?:the|The)\s+", "", text.strip())
        if " " in word or not word.isupper() or len(word) < 2:
            return None
        return self.acronyms.get((kind, word.lower()))


def assign_source_ids(records: Sequence[dict], heads: Sequence[Token | None], text: str) -> None:
    """Set ``source_id`` on each source record of the article ``text`` (records in text
    order) in place; ``heads`` are the mentions' head tokens (None where unknown)."""
    clusters = _Clusters()
    for rec, tok in zip(records, heads):
        kind, words = rec["source_type"], text[rec["start"]:rec["end"]]
        if kind == "named":
            rec["source_id"] = clusters.person(rec.get("name") or words)
        else:
            found = clusters.other(kind, tok, words, rec.get("name") or "")
            if isinstance(found, tuple):
                rec["source_id"], rec["source_type"], rec["name"] = found
            else:
                rec["source_id"] = found
