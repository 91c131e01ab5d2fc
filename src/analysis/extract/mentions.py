"""Per-document indexes and mentions of people and organisations.

:class:`DocIndex` is built once per parsed article: token start offsets (for bisect lookups),
the quoted-token mask, sentence and paragraph boundaries, and the person names seen. It
answers the questions the quote and source finders ask: which token sits at an offset, is a
token inside a quotation, what is the noun-phrase span of a subject, whom does "he" refer to,
and what kind of source (named, institutional, anonymous, media) a mention is.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import cache

from spacy.attrs import HEAD, IDX, LEMMA, POS, SENT_START
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.tokens import Doc, Span, Token

from ..lexicons import lexicon_set, load_lexicon
from ..names import first_name_gender

#: A line break, blank lines included (one paragraph boundary).
BREAK = re.compile(r"(?:\r\n|\r|\n)(?:[ \t\u00a0]*(?:\r\n|\r|\n))*")
#: Pronouns that name one person, and the gender each says that person has.
PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                  "she": "female", "her": "female", "hers": "female", "herself": "female"}
PERSON_PRONOUNS = frozenset(PRONOUN_GENDER)
#: The ones that tell a subject's gender later in its sentence ("Clinton said she…"): "her"
#: and "his" there are as often someone else's ("Trump saved her family's farm").
SUBJECT_PRONOUNS = frozenset({"he", "she", "himself", "herself"})
#: Weight of each kind of evidence of a person's gender (positive: female): a title right
#: before the name ("Ms.", "Congressman"), the usual gender of the first name
#: (:mod:`analysis.names`), and each sentence whose subject the person is that goes on with
#: subject pronouns of one gender only ("Clinton said she...") and names nobody else.
GENDER_WEIGHTS = {"title": 3.0, "first name": 2.0, "pronoun": 1.0}
GROUP_PRONOUNS = frozenset({"they", "them", "their", "theirs", "themselves"})
SELF_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your"})
RELATIVE = frozenset({"who", "whom", "whose"})
#: Subjects that never name a source ("it said", "that shows", "there is").
NOT_SOURCES = frozenset({"it", "its", "you", "him", "them", "me", "us", "this", "that", "these",
                         "those", "there", "what", "which", "whatever", "here", "itself",
                         "nothing", "none"})
#: Left dependents kept in a mention span ("the former U.S. official").
LEFT_DEPS = frozenset({"compound", "det", "amod", "poss", "nmod", "nummod", "quantmod", "case",
                       "punct", "advmod", "predet"})
#: Heads whose "of" phrase is part of the mention ("some of his aides").
QUANTIFIERS = frozenset({"some", "many", "most", "one", "two", "three", "four", "all", "several",
                         "few", "half", "majority", "none", "each", "both", "any", "others",
                         "members", "member", "group", "number", "dozens", "hundreds"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
#: Entity types of organisations and places: a state as a source is institutional at most.
PLACE_OR_ORG = frozenset({"ORG", "GPE", "FAC", "LOC"})
VERB_ID, PROPN_ID = POS_IDS["VERB"], POS_IDS["PROPN"]
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def token_columns(doc: Doc, attrs: Sequence[int]) -> list[list[int]]:
    """The value of each attribute in ``attrs`` for every token of ``doc``, one list per
    attribute, read in one call (no ``Token`` objects): hashes as stored (unsigned), ``HEAD``
    as the head's index."""
    n = len(doc)
    if not n:
        return [[] for _ in attrs]
    arr = doc.to_array(list(attrs)).reshape(n, len(attrs))
    columns = arr.T.tolist()
    for k, attr in enumerate(attrs):
        if attr == HEAD:  # stored relative, unsigned
            columns[k] = [i + rel for i, rel in enumerate(arr[:, k].astype("int64").tolist())]
    return columns


def sentence_starts(doc: Doc, sent_start: list[int]) -> list[int]:
    """Index of the first token of every sentence of ``doc`` (as ``doc.sents`` gives them),
    from the ``SENT_START`` column of :func:`token_columns`."""
    if not len(doc):
        return []
    if "sents" in doc.user_hooks or not doc.has_annotation("SENT_START"):
        return [s.start for s in doc.sents]  # a custom splitter, or no sentences (raises)
    return [0] + [i for i in range(1, len(doc)) if sent_start[i] == 1]


def lemma_key(word: str) -> int:
    """A lemma's hash as stored in :attr:`DocIndex.lemma` (signed 64-bit)."""
    h = hash_string(word)
    return h - (1 << 64) if h >= (1 << 63) else h


@cache
def lexicon_keys(name: str) -> frozenset[int]:
    """:func:`lemma_key` of every entry of lexicon ``name``, to test ``DocIndex.lemma``."""
    return frozenset(lemma_key(w) for w in load_lexicon(name))


@cache
def _titles() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon("person_titles"), key=len, reverse=True))


@cache
def _described_by_org() -> frozenset[str]:
    """Nouns whose "for/of/at X" phrase belongs to the mention ("a spokesperson for X")."""
    return lexicon_set("spokesperson_nouns") | lexicon_set("anonymous_sources")


@cache
def _authored_nouns() -> frozenset[str]:
    """Document and outlet nouns whose "by X" phrase names the author ("a report by The New
    York Times"): the span keeps it, so the mention is typed by its author."""
    return lexicon_set("media_nouns") | lexicon_set("institution_nouns")


@cache
def _media_outlets() -> tuple[str, ...]:
    return tuple(f" {o} " for o in load_lexicon("media_outlets"))


def strip_titles(name: str) -> str:
    """A person's name without leading honorifics and titles ("Sen. Tom Cotton" -> "Tom Cotton")."""
    name = POSSESSIVE.sub("", " ".join(name.split()))
    changed = True
    while changed:
        changed = False
        low = name.lower()
        for title in _titles():
            if low.startswith(title + " ") and len(name) > len(title) + 1:
                name = name[len(title) + 1:].lstrip()
                changed = True
                break
    return name


@cache
def _gendered_titles() -> tuple[tuple[int, str, list[str]], ...]:
    return tuple((sign, title, title.split())
                 for sign, lexicon in ((1, "female_titles"), (-1, "male_titles"))
                 for title in load_lexicon(lexicon))


def _title_gender(before: list[str], inside: str) -> int:
    """+1 when a title right before the name or opening it says a woman ("Ms. Clinton"),
    -1 a man ("Mr. Trump"), else 0."""
    for sign, title, words in _gendered_titles():
        if before[-len(words):] == words or inside.startswith(title + " "):
            return sign
    return 0


class DocIndex:
    """Lookups over one parsed article, built in one pass over its tokens."""

    def __init__(self, doc: Doc, text: str):
        self.doc = doc
        self.text = text
        starts, pos, lemma, heads, sent_start = token_columns(doc, [IDX, POS, LEMMA, HEAD,
                                                                   SENT_START])
        self.starts: list[int] = starts
        self.pos: list[int] = pos
        #: lemma hashes as signed integers (compare with :func:`lemma_key`)
        self.lemma: list[int] = [h - (1 << 64) if h >= (1 << 63) else h for h in lemma]
        self.heads: list[int] = heads
        self.quoted = bytearray(len(doc))
        #: tokens inside a quoted title or name ("“Fox and Friends”"; quotes.py's ``title``)
        self.titled = bytearray(len(doc))
        self.quote_spans: list[tuple[int, int]] = []
        self.quote_speakers: list[tuple[dict, Token, str | None]] = []
        #: token index -> character span of its mention, where a rule knows it better than
        #: the parse ("Said Ellis:", which the parser reads as one name)
        self.fixed_mentions: dict[int, tuple[int, int]] = {}
        runs = [m.span() for m in BREAK.finditer(text)]
        self.breaks = [s for s, _ in runs]
        self.break_ends = [e for _, e in runs]
        self.sent_starts = sentence_starts(doc, sent_start)
        self.persons: list[tuple[int, int, str, bool]] = []  # (start, end, full name, is subject)
        self.surnames: dict[str, str] = {}
        #: title -> [(start, full name)] of the people the article gives that title
        #: ("President Biden" makes "the president" Joe Biden)
        self.roles: dict[str, list[tuple[int, str]]] = {}
        #: name as written (titles off) -> "female" or "male", where the article and the
        #: first name say (see :meth:`gender`)
        self.genders: dict[str, str] = {}
        self._index_persons()

    # --- positions -------------------------------------------------------------------------
    def token_at(self, char: int) -> int:
        """Index of the token covering (or last starting before) ``char``."""
        return max(0, bisect_right(self.starts, char) - 1)

    def tokens_in(self, start: int, end: int) -> range:
        """Indices of the tokens starting inside ``[start, end)``."""
        return range(bisect_left(self.starts, start), bisect_left(self.starts, end))

    def paragraph(self, char: int) -> int:
        """Paragraph number (count of line breaks before ``char``)."""
        return bisect_right(self.breaks, char)

    def paragraph_tokens(self, first_char: int, last_char: int) -> tuple[int, int]:
        """Token range ``[start, end)`` of the paragraphs holding ``first_char``..``last_char``."""
        p, q = self.paragraph(first_char), self.paragraph(last_char)
        start = self.break_ends[p - 1] if p > 0 else 0
        end = self.breaks[q] if q < len(self.breaks) else len(self.text)
        return bisect_left(self.starts, start), bisect_left(self.starts, end)

    def sentence_bounds(self, i: int) -> tuple[int, int]:
        """Token range ``[start, end)`` of the sentence holding token ``i``."""
        k = bisect_right(self.sent_starts, i) - 1
        start = self.sent_starts[k] if k >= 0 else 0
        end = self.sent_starts[k + 1] if k + 1 < len(self.sent_starts) else len(self.doc)
        return start, end

    def set_quotes(self, spans: list[tuple[int, int]]) -> None:
        """Mark the tokens inside the quotation spans (sorted, non-overlapping)."""
        self.quote_spans = spans
        for s, e in spans:
            for i in self.tokens_in(s, e):
                self.quoted[i] = 1

    def set_titles(self, spans: list[tuple[int, int]]) -> None:
        """Mark the tokens inside quoted titles and names."""
        for s, e in spans:
            for i in self.tokens_in(s, e):
                self.titled[i] = 1

    def in_quote(self, i: int) -> bool:
        return bool(self.quoted[i])

    def quote_near(self, i: int) -> bool:
        """A quotation overlaps the sentence of token ``i``."""
        if not self.quote_spans:
            return False
        s0, s1 = self.sentence_bounds(i)
        a = self.starts[s0]
        b = self.starts[s1 - 1] if s1 > s0 else a
        k = bisect_right(self.quote_spans, (b, len(self.text) + 1)) - 1
        return k >= 0 and self.quote_spans[k][1] > a

    # --- persons ---------------------------------------------------------------------------
    def _index_persons(self) -> None:
        ents = [ent for ent in self.doc.ents if ent.label_ == "PERSON"]
        person_starts = [ent.start for ent in ents]
        votes: dict[str, float] = {}  # name as written, titles off -> gender evidence
        full_names: dict[str, dict[str, int]] = {}  # surname -> {full name: times named}
        for ent in ents:
            name = strip_titles(ent.text)
            if not name or not name[0].isalpha():
                continue
            parts = name.split()
            if len(parts) >= 2:
                named = full_names.setdefault(parts[-1].lower(), {})
                named[name] = named.get(name, 0) + 1
            self.persons.append((ent.start_char, ent.end_char, name, ent.root.dep_ in SUBJECT_DEPS))
            before = self.text[max(0, ent.start_char - 40):ent.start_char].lower().split()
            inside = " ".join(ent.text.lower().split())
            evidence = _title_gender(before, inside) * GENDER_WEIGHTS["title"]
            if ent.root.dep_ in SUBJECT_DEPS:
                evidence += self._pronoun_gender(ent, person_starts) * GENDER_WEIGHTS["pronoun"]
            votes[name] = votes.get(name, 0.0) + evidence
            for title in _titles():
                if " " in title or not title.isalpha():
                    continue
                if inside.startswith(title + " ") or (before and before[-1] == title):
                    self.roles.setdefault(title, []).append((ent.start_char, name))
        self._set_genders(votes)
        for last, names in full_names.items():
            self.surnames[last] = self._surname_holder(last, names, votes)
        for title, people in self.roles.items():
            self.roles[title] = [(start, self.full_name(name)) for start, name in people]

    def _surname_holder(self, last: str, named: dict[str, int], written: Iterable[str]) -> str:
        """The full name a surname alone stands for (``named``: the full names with that
        surname and how often each is named, first named first): the first one named,
        unless the article gives the surname alone a gender ("Clinton said she...", "Mr.
        Bush"). Then it is the full name named most often among those not of the other
        gender: "Clinton" is Hillary Clinton though Bill Clinton was named first, "Mr. Bush"
        Jeb Bush though George Bush was."""
        alone = self.genders.get(next((n for n in written if n.lower() == last), ""))
        first = next(iter(named))
        if alone is None:
            return first
        fits = [n for n in named if self.genders.get(n) in (None, alone)]
        return max(fits, key=named.get) if fits else first

    def _pronoun_gender(self, ent: Span, person_starts: list[int]) -> int:
        """+1 (female) or -1 (male) when the sentence whose subject ``ent`` is goes on with
        subject pronouns of that gender only and names no other person; else 0."""
        s0, s1 = self.sentence_bounds(ent.root.i)
        persons_named = bisect_left(person_starts, s1) - bisect_left(person_starts, s0)
        if persons_named != 1:  # someone else named: "he" may be them
            return 0
        seen = {PRONOUN_GENDER[low] for i in range(ent.end, s1)
                if (low := self.doc[i].lower_) in SUBJECT_PRONOUNS}
        if len(seen) != 1:
            return 0
        return 1 if seen == {"female"} else -1

    def _set_genders(self, votes: dict[str, float]) -> None:
        """Gender of each name as written ("Hillary Clinton", "Clinton"): its titles and
        pronouns, weighed with the usual gender of its first name."""
        for name, vote in votes.items():
            first = first_name_gender(name)
            if first:
                vote += GENDER_WEIGHTS["first name"] * (1 if first == "female" else -1)
            if abs(vote) >= 1:
                self.genders[name] = "female" if vote > 0 else "male"

    def gender(self, name: str) -> str | None:
        """"female" or "male" for a name as written, from what the article says of it or
        else of the full name it stands for; None when nothing says."""
        return self.genders.get(name) or self.genders.get(self.full_name(name))

    def full_name(self, name: str) -> str:
        """"Cotton" -> "Tom Cotton" when the full name appears in the article."""
        name = strip_titles(name)
        parts = name.split()
        if len(parts) == 1:
            return self.surnames.get(parts[0].lower(), name)
        return name

    def person_before(self, char: int, window: int = 1500,
                      gender: str | None = None) -> str | None:
        """Most recent person named before ``char`` (subjects first) within ``window`` chars;
        with ``gender`` ("female", "male"), one the article does not give the other gender."""
        k = bisect_left(self.persons, (char,))
        best = None
        for j in range(k - 1, max(-1, k - 7), -1):
            start, _, name, is_subject = self.persons[j]
            if char - start > window:
                break
            if gender and self.gender(name) not in (None, gender):
                continue
            full = self.full_name(name)
            if is_subject:
                return full
            best = best or full
        return best

    def person_in(self, start: int, end: int) -> str | None:
        """Full name of a person entity overlapping ``[start, end)``."""
        k = bisect_left(self.persons, (start,))
        for j in (k - 1, k):
            if 0 <= j < len(self.persons):
                ps, pe, name, _ = self.persons[j]
                if ps < end and pe > start:
                    return self.full_name(name)
        return None

    def role_holder(self, title: str, char: int) -> str | None:
        """The person the article last gave ``title`` before ``char`` ("President Biden"),
        when it gave that title to one person only so far."""
        people = [name for start, name in self.roles.get(title, ()) if start < char]
        if people and len(set(people)) == 1:
            return people[-1]
        return None

    # --- mentions --------------------------------------------------------------------------
    def mention(self, tok: Token) -> tuple[int, int]:
        """Character span of the noun phrase headed by ``tok``, without appositives or
        relative clauses ("Maj. Gen. Aharon Zeevi Farkash", "a U.S. official",
        "some of his aides")."""
        if tok.i in self.fixed_mentions:
            return self.fixed_mentions[tok.i]
        left = tok.i
        for child in tok.lefts:
            if child.dep_ in LEFT_DEPS and tok.i - child.left_edge.i <= 8:
                left = min(left, child.left_edge.i)
        while left < tok.i and (self.doc[left].is_punct or self.doc[left].is_space):
            left += 1
        right = tok.i
        for child in tok.rights:
            if child.dep_ in ("compound", "flat", "nummod") and child.i == right + 1:
                right = child.i
            elif (child.dep_ == "prep" and child.right_edge.i - tok.i <= 8 and (
                    (child.lower_ == "of" and tok.lower_ in QUANTIFIERS)
                    or (child.lower_ in ("for", "of", "at", "from", "with") and tok.pos != PROPN_ID
                        and tok.lemma_.lower() in _described_by_org())
                    or (child.lower_ == "by" and tok.pos != PROPN_ID
                        and tok.lemma_.lower() in _authored_nouns()))):
                right = child.right_edge.i
            else:
                break
        start = self.doc[left].idx
        last = self.doc[right]
        return start, last.idx + len(last.text)

    def describe(self, tok: Token, start: int, end: int,
                 previous: list[dict] | None = None) -> tuple[str, str]:
        """``(source_type, name)`` of the mention headed by ``tok`` spanning ``[start, end)``.

        Pronouns resolve to the person (or group) meant; ``previous`` are the source records
        found so far, in text order.
        """
        low = tok.lower_
        if low in PERSON_PRONOUNS:
            name = self.person_before(start, gender=PRONOUN_GENDER[low])
            return ("named", name) if name else ("anonymous", tok.text)
        if (low in RELATIVE or low in ("that", "which")) and tok.head.dep_ == "relcl":
            ante = tok.head.head
            a_start, a_end = self.mention(ante)
            return self.describe(ante, a_start, a_end, previous)
        if low in GROUP_PRONOUNS:
            for rec in reversed(previous or []):
                if rec["source_type"] != "named" and rec["start"] < start:
                    return rec["source_type"], rec["name"]
            return "anonymous", tok.text
        if low in SELF_PRONOUNS and not (tok.text.isupper() and len(tok.text) > 1):
            return "anonymous", tok.text
        phrase = self.text[start:end]
        if tok.i in self.fixed_mentions and tok.ent_type_ == "PERSON":
            return "named", self.full_name(phrase)  # not the parse's "Stated Stone"
        norm = " " + " ".join(POSSESSIVE.sub("", w) for w in phrase.lower().split()) + " "
        person = self.person_in(start, end)
        words = norm.split()
        head = tok.lemma_.lower()
        spokes = lexicon_set("spokesperson_nouns")
        if (tok.pos != PROPN_ID and tok.ent_type_ == "" and tok.tag_ == "NN"
                and norm.split() == ["the", head] and head in lexicon_set("person_titles")):
            holder = self.role_holder(head, start)
            if holder:
                return "named", holder
        if tok.ent_type_ == "PERSON" or (tok.pos == PROPN_ID and person and tok.ent_type_ == ""):
            return "named", self.person_in(tok.idx, tok.idx + len(tok.text)) or person
        if tok.pos == PROPN_ID and tok.lower_ in self.surnames:
            return "named", self.surnames[tok.lower_]
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
            return "named", self.full_name(phrase)
        return "anonymous", phrase
