"""Who the people of one article are: full names, genders, titles, and whom "he" means.

:class:`Persons` is built once per parsed article from its PERSON entities: the full name a
surname stands for ("Cotton" is Tom Cotton), the gender the article and the first name give
each name (:data:`GENDER_WEIGHTS`), the people each title was given to ("President Biden"
makes "the president" Joe Biden), and the person last named before an offset, for resolving
pronouns.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from functools import cache

from spacy.tokens import Span

from ..lexicons import load_lexicon
from ..names import first_name_gender
from .docindex import DocIndex
from .syntax import SUBJECT_DEPS

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
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@cache
def titles() -> tuple[str, ...]:
    """The honorifics and titles of ``lexicons/person_titles.txt``, longest first."""
    return tuple(sorted(load_lexicon("person_titles"), key=len, reverse=True))


def strip_titles(name: str) -> str:
    """A person's name without leading honorifics and titles ("Sen. Tom Cotton" -> "Tom Cotton")."""
    name = POSSESSIVE.sub("", " ".join(name.split()))
    changed = True
    while changed:
        changed = False
        low = name.lower()
        for title in titles():
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


class Persons:
    """The people one article names, and what it says of each (built from the parse)."""

    def __init__(self, index: DocIndex):
        self.index = index
        self.text = index.text
        self.persons: list[tuple[int, int, str, bool]] = []  # (start, end, full name, is subject)
        self.surnames: dict[str, str] = {}
        #: title -> [(start, full name)] of the people the article gives that title
        self.roles: dict[str, list[tuple[int, str]]] = {}
        #: name as written (titles off) -> "female" or "male", where the article and the
        #: first name say (see :meth:`gender`)
        self.genders: dict[str, str] = {}
        self._index_persons()

    def _index_persons(self) -> None:
        ents = [ent for ent in self.index.doc.ents if ent.label_ == "PERSON"]
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
            for title in titles():
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
        s0, s1 = self.index.sentence_bounds(ent.root.i)
        persons_named = bisect_left(person_starts, s1) - bisect_left(person_starts, s0)
        if persons_named != 1:  # someone else named: "he" may be them
            return 0
        doc = self.index.doc
        seen = {PRONOUN_GENDER[low] for i in range(ent.end, s1)
                if (low := doc[i].lower_) in SUBJECT_PRONOUNS}
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
