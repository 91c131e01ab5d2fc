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
from functools import cache, lru_cache

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Span, Token

from .. import wordnet
from ..lexicons import lexicon_set, load_lexicon
from ..names import first_name_gender as _first_name_gender
from ..names import known_first_name
from ..names import opens_with_first_name as _opens_with_first_name
from .cues import addressee_verbs, quote_cues
from .docindex import PROPN_ID, DocIndex, lemma_key
from .syntax import SUBJECT_DEPS, TITLE_PHRASE_WORDS, ends_with_name, title_noun

#: The usual gender of a name's first word (:func:`analysis.names.first_name_gender`),
#: remembered: the same names come back in every article.
first_name_gender = lru_cache(maxsize=16384)(_first_name_gender)
#: Whether a name opens with a first name of either sex
#: (:func:`analysis.names.opens_with_first_name`), remembered likewise.
opens_with_first_name = lru_cache(maxsize=16384)(_opens_with_first_name)
#: Determiners of a noun phrase that brings in someone new ("another student").
INDEFINITE = frozenset({"a", "an", "another", "one"})
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
#: Parts of speech of a surname mention the parser did not tag a person ("Love said").
NAME_POS = frozenset({PROPN_ID, POS_IDS["NOUN"]})
#: Entity types of words that are never a person's name, whatever the word.
NOT_PERSON_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL",
                             "QUANTITY"})
#: Words that end the name of an organisation, never of a person.
ORG_WORDS = frozenset({"schools", "school", "group", "inc", "corp", "co", "llc", "airlines",
                       "university", "college", "center", "centre", "institute", "project",
                       "department", "district", "county", "city", "association", "council",
                       "party", "committee", "commission", "company", "foundation", "network",
                       "news", "times", "post", "journal", "agency", "office", "board", "union",
                       "court", "bank", "fund", "coalition", "alliance", "society", "club",
                       "beach", "heights", "park", "valley", "springs", "falls", "island",
                       "lake", "river", "hills", "street", "avenue", "road", "bay", "state",
                       "initiative", "program", "services", "authority", "administration"})


def alone_in_entity(tok) -> bool:
    """The word is no part of a longer named entity ("Henderson" tagged a place on its own
    may be a person; "Henderson County" is a place)."""
    if not tok.ent_type_:
        return True
    doc = tok.doc
    before = tok.i > 0 and doc[tok.i - 1].ent_type_ == tok.ent_type_ and tok.ent_iob_ == "I"
    after = tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I"
    return not before and not after


@cache
def titles() -> tuple[str, ...]:
    """The honorifics and titles of ``lexicons/person_titles.txt``, longest first."""
    return tuple(sorted(load_lexicon("person_titles"), key=len, reverse=True))


@lru_cache(maxsize=16384)
def strip_titles(name: str) -> str:
    """A person's name without leading honorifics and titles ("Sen. Tom Cotton" -> "Tom Cotton")
    nor the letters after it ("Dame Jane Doe OBE" -> "Jane Doe")."""
    name = POSSESSIVE.sub("", " ".join(name.split()))
    words = name.split()
    while len(words) > 1 and _post_nominal(words[-1].rstrip(",")):
        words.pop()
    name = " ".join(words)
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


@cache
def _gendered_title_ends() -> tuple[frozenset[str], frozenset[str]]:
    """The last words and the first words of the gendered titles (a quick test that no title
    can match)."""
    found = _gendered_titles()
    return (frozenset(words[-1] for _, _, words in found),
            frozenset(title.split(" ")[0] for _, title, _ in found))


@cache
def one_word_titles() -> frozenset[str]:
    """The titles of :func:`titles` that are one word of letters ("senator", "mayor"), and
    the titles abbreviations stand for ("general" for "Gen.")."""
    return frozenset(t for t in titles() if " " not in t and t.isalpha()) | \
        frozenset(spelled_out_titles().values())


@cache
def spelled_out_titles() -> dict[str, str]:
    """Abbreviated title -> the title it stands for ("sen." -> "senator"), from
    ``lexicons/title_abbreviations.txt``."""
    return dict(entry.split(" ", 1) for entry in load_lexicon("title_abbreviations"))


def _title_gender(before: list[str], inside: str) -> int:
    """+1 when a title right before the name or opening it says a woman ("Ms. Clinton"),
    -1 a man ("Mr. Trump"), else 0."""
    last_words, first_words = _gendered_title_ends()
    if not (before and before[-1] in last_words) and inside.split(" ", 1)[0] not in first_words:
        return 0
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
        #: lower-cased first word -> the one full name it opens ("hillary" -> "Hillary
        #: Clinton"; see :func:`sole_openers`)
        self.first_words: dict[str, str] = {}
        #: lower-cased end of two words or more -> the one full name it ends ("de blasio"
        #: -> "Bill de Blasio"; see :func:`name_ends`)
        self.name_ends: dict[str, str] = {}
        #: title -> [(start, full name)] of the people the article gives that title
        self.roles: dict[str, list[tuple[int, str]]] = {}
        #: name as written (titles off) -> "female" or "male", where the article and the
        #: first name say (see :meth:`gender`)
        self.genders: dict[str, str] = {}
        #: indices of the proper nouns
        self.propn = [i for i, p in enumerate(index.pos) if p == PROPN_ID]
        #: start offsets of the person mentions that are the subject of a cue verb
        self.speaking: set[int] = set()
        #: words that name an organisation in this article (see :func:`organisation_words`)
        self.organisations: frozenset[str] = frozenset()
        #: start offsets of the person mentions inside quoted words
        self.quoted_starts: frozenset[int] = frozenset()
        #: token index -> entity text, for the tokens of PERSON entities that name an
        #: organisation or a thing (:func:`misread_name`)
        self.misread: dict[int, str] = {}
        self._index_persons()

    def _index_persons(self) -> None:
        doc = self.index.doc
        all_ents = doc.ents
        tags, whole = entity_tags(all_ents), entity_text_tags(all_ents, self.text)
        people = [ent for ent in all_ents if ent.label_ == "PERSON"]
        misread = [ent for ent in people if misread_name(ent, whole, self.text)]
        wrong = {ent.start for ent in misread}
        tagged = [ent for ent in people
                  if ent.start not in wrong and not misread_place(ent, tags)]
        nobody = placed_words(tagged)
        if nobody:
            tagged = [ent for ent in tagged
                      if ent.end - ent.start > 1 or ent[0].lower_ not in nobody]
        tagged = with_surnames(doc, with_nicknames(doc, without_trailing_words(tagged)))
        ents = sorted(tagged + untagged_names(self.index.doc, tagged, self.propn),
                      key=lambda e: e.start)
        person_starts = [ent.start for ent in ents]
        votes: dict[str, float] = {}  # name as written, titles off -> gender evidence
        full_names: dict[str, dict[str, int]] = {}  # surname -> {full name: times named}
        honoured: set[str] = set()  # one-word names after an honorific ("Mr Lee"), lower-cased
        for ent in ents:
            name, role = strip_role(strip_titles(NICKNAME.sub(" ", ent.text)))
            if not name or not name[0].isalpha() or name.islower():
                continue  # no name: "finance minister jabbed", a verb tagged with a title
            role = role or role_before(ent)
            words = role.split()
            for k in range(len(words)):  # "city attorney" and "attorney"
                self.roles.setdefault(" ".join(words[k:]), []).append((ent.start_char, name))
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
            opening = inside.split(" ", 1)  # a title opening the name, or right before it
            for title in {opening[0] if len(opening) > 1 else "", before[-1] if before else ""}:
                title = spelled_out_titles().get(title, title)  # "Sen." is a senator
                if title in one_word_titles():
                    self.roles.setdefault(title, []).append((ent.start_char, name))
            if len(parts) == 1 and ((before and before[-1] in titles()) or
                                    (len(opening) > 1 and opening[0] in titles())):
                honoured.add(parts[0].lower())
        self._set_genders(votes)
        for last, names in full_names.items():
            self.surnames[last] = self._surname_holder(last, names, votes)
        self.first_words = sole_openers(full_names)
        self.name_ends = name_ends(full_names)
        self.surnames.update(surname_first(honoured, self.first_words))
        for title, people in self.roles.items():
            self.roles[title] = [(start, self.full_name(name)) for start, name in people]
        self._add_surname_mentions(ents)
        self.misread = {i: ent.text for ent in misread if ent[-1].lower_ not in self.surnames
                        for i in range(ent.start, ent.end)}  # "Zorvex" after "Peter Zorvex"
        starts, quoted = self.index.starts, self.index.quoted
        self.quoted_starts = frozenset(start for start, *_ in self.persons
                                       if quoted[bisect_left(starts, start)])
        self.organisations = organisation_words(self.index.doc, self.propn)
        self.speaking = self._speaking()

    def _speaking(self) -> set[int]:
        """Start offsets of the person mentions whose head is the subject of a cue verb."""
        index, cues = self.index, quote_cues()
        out = set()
        for start, end, _, is_subject in self.persons:
            if not is_subject:
                continue
            i = index.tokens_in(start, end)
            for t in i:
                head = index.heads[t]
                if index.doc[t].dep_ in SUBJECT_DEPS and index.lemma[head] in cues:
                    out.add(start)
                    break
        return out

    def _add_surname_mentions(self, ents: list[Span]) -> None:
        """Known surnames the parser did not tag as people ("Trump" tagged an organisation,
        "Love" a work of art) are mentions of those people too, for pronouns to refer to."""
        inside = {i for ent in ents for i in range(ent.start, ent.end)}
        doc, pos = self.index.doc, self.index.pos
        for i, start in enumerate(self.index.starts):
            if pos[i] not in NAME_POS or i in inside or not self.text[start:start + 1].isupper():
                continue
            tok = doc[i]
            if (tok.lower_ in self.surnames and tok.ent_type_ not in NOT_PERSON_ENTS
                    and alone_in_entity(tok)):
                self.persons.append((tok.idx, tok.idx + len(tok.text), tok.text,
                                     tok.dep_ in SUBJECT_DEPS))
        self.persons.sort()

    def _surname_holder(self, last: str, named: dict[str, int], written: Iterable[str]) -> str:
        """The full name a surname alone stands for (``named``: the full names with that
        surname and how often each is named, first named first): the first one named that
        opens with a first name (:func:`~analysis.names.opens_with_first_name`), or the
        first one named when none does, unless the article gives the surname alone a
        gender ("Clinton said she...", "Mr. Bush"). Then it is the full name named most
        often among those not of the other gender: "Clinton" is Hillary Clinton though Bill
        Clinton was named first, "Mr. Bush" Jeb Bush though George Bush was."""
        alone = self.genders.get(next((n for n in written if n.lower() == last), ""))
        # a name that opens with a first name before one a headline or a title left
        # ("Team Trump", "General Petraeus": Donald Trump, David Petraeus)
        first = next((n for n in named if opens_with_first_name(n)), next(iter(named)))
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
        """"Cotton" -> "Tom Cotton" when the full name appears in the article, a capitalised
        first word alone that opens one full name of the article and ends none ("Hillary"
        -> "Hillary Clinton"), and a surname of two words or more that ends one full name
        ("de Blasio" -> "Bill de Blasio", :func:`name_ends`); titles and job words before a
        name left out ("Superintendent Ana Ruiz" -> "Ana Ruiz")."""
        name = strip_role(strip_titles(name))[0]
        parts = name.split()
        if len(parts) == 1:
            low = parts[0].lower()
            if low in self.surnames:
                return self.surnames[low]
            return self.first_words.get(low, name) if parts[0][:1].isupper() else name
        if not opens_with_first_name(name):
            return self.name_ends.get(name.lower(), name)  # "de Blasio", "Le Pen"
        return name

    def person_before(self, char: int, window: int = 1500,
                      gender: str | None = None) -> str | None:
        """Most recent person named before ``char`` within ``window`` chars: the last one
        who said something in the paragraph of the last subject named (the subject of a cue
        verb: "Campa said her son Sergio will start school, but she…" is Campa), else that
        last subject, else the last person named; with ``gender`` ("female", "male"), one
        the article does not give the other gender.

        Outside a quotation, the people named only inside quoted words come last: "In his
        story he “bumped into Donald Trump”, he said" is the storyteller named before."""
        k = bisect_left(self.persons, (char,))
        if self.quoted_starts and not self._quoted_at(char):
            found = self._person_before(char, k, window, gender, self.quoted_starts)
            if found is not None:
                return found
        return self._person_before(char, k, window, gender, frozenset())

    def _quoted_at(self, char: int) -> bool:
        """The word at ``char`` stands inside a quotation."""
        toks = self.index.tokens_in(char, char + 1)
        return bool(len(toks)) and bool(self.index.quoted[toks.start])

    def _person_before(self, char: int, k: int, window: int, gender: str | None,
                       skip: frozenset[int]) -> str | None:
        """:meth:`person_before` among the last six person mentions before the ``k``-th,
        leaving out those starting at an offset of ``skip``."""
        subject = named = None
        subject_para = None
        seen = 0
        for j in range(k - 1, -1, -1):
            start, _, name, is_subject = self.persons[j]
            if start in skip:
                continue
            seen += 1
            if char - start > window or seen > 6:
                break
            if gender and self.gender(name) not in (None, gender):
                continue
            full = self.full_name(name)
            para = self.index.paragraph(start)
            if start in self.speaking and (subject_para is None or para == subject_para):
                return full
            if subject_para is not None and para < subject_para:
                break
            if is_subject and subject is None:
                subject, subject_para = full, para
            named = named or full
        return subject or named

    def actor_before(self, pronoun: Token) -> Token | None:
        """The person a subject pronoun ("he", "she") stands for when the sentence before
        makes someone new its subject and names people only as objects ("Another student
        walks in and greets Mason. “What up!” he says": the student, not Mason): the head of
        that subject, or of the name beside it ("Her father, Brad, 39, worried…"); else None.
        "The senator said…" is most often someone named before, whom :meth:`person_before`
        finds. Not after a verb that hands the word to the one addressed ("A reporter asked
        Sanders… He replied": Sanders), nor when a person is named in between, nor when the
        subject is plural or of the other gender ("A woman confronted Trump. … he said")."""
        index, doc = self.index, self.index.doc
        s0, _ = index.sentence_bounds(pronoun.i)
        k = bisect_left(self.persons, (index.starts[s0],))
        if k < len(self.persons) and self.persons[k][0] < pronoun.idx:
            return None
        j = s0 - 1  # the sentence before, over the quotation the pronoun's cue follows
        while j >= 0 and (doc[j].is_space or index.quoted[j]):
            j -= 1
        if j < 0 or index.paragraph(index.starts[j]) < index.paragraph(pronoun.idx) - 1:
            return None
        p0, p1 = index.sentence_bounds(j)
        lo, hi = bisect_left(self.persons, (index.starts[p0],)), k
        if lo == hi or any(is_subject for *_, is_subject in self.persons[lo:hi]):
            return None
        root = j
        for _ in range(64):  # up the heads to the root of that sentence
            if index.heads[root] == root:
                break
            root = index.heads[root]
        root = doc[root]
        verbs = [root, *(c for c in root.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        if any(lemma_key(v.lemma_) in addressee_verbs() for v in verbs):
            return None
        subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if subj is None or subj.tag_ != "NN" or subj.ent_type_ or index.quoted[subj.i] or \
                not p0 <= subj.i < p1 or \
                not wordnet.names_person(subj.lemma_.lower()):
            return None
        other = "male_nouns" if PRONOUN_GENDER[pronoun.lower_] == "female" else "female_nouns"
        if subj.lemma_.lower() in lexicon_set(other):
            return None
        beside = next((c for c in subj.children if c.dep_ == "appos" and c.ent_type_ == "PERSON"),
                      None)
        if beside is not None:
            name = self.person_in(beside.idx, beside.idx + len(beside.text))
            if self.gender(name or "") not in (None, PRONOUN_GENDER[pronoun.lower_]):
                return None  # "His opponent, Hillary Clinton, won… He told the crowd"
            return beside
        new = any(c.dep_ == "det" and c.lower_ in INDEFINITE for c in subj.children)
        return subj if new else None  # "the senator" is someone named before

    def people_before(self, char: int, n: int, window: int = 1500,
                      gender: str | None = None) -> list[str]:
        """The last ``n`` different people named before ``char`` (within ``window`` chars),
        most recent first, with ``gender`` none the article gives the other gender; fewer
        when fewer are named. Outside a quotation, people named only inside quoted words
        count when no one else is named (as in :meth:`person_before`)."""
        k = bisect_left(self.persons, (char,))
        if self.quoted_starts and not self._quoted_at(char):
            found = self._people_before(char, k, n, window, gender, self.quoted_starts)
            if found:
                return found
        return self._people_before(char, k, n, window, gender, frozenset())

    def _people_before(self, char: int, k: int, n: int, window: int, gender: str | None,
                       skip: frozenset[int]) -> list[str]:
        out: list[str] = []
        for j in range(k - 1, -1, -1):
            start, _, name, _ = self.persons[j]
            if start in skip:
                continue
            if char - start > window or len(out) == n:
                break
            if gender and self.gender(name) not in (None, gender):
                continue
            full = self.full_name(name)
            if full not in out:
                out.append(full)
        return out

    def person_in(self, start: int, end: int) -> str | None:
        """Full name of a person entity overlapping ``[start, end)``."""
        k = bisect_left(self.persons, (start,))
        for j in (k - 1, k):
            if 0 <= j < len(self.persons):
                ps, pe, name, _ = self.persons[j]
                if ps < end and pe > start:
                    return self.full_name(name)
        return None

    def family(self, word: str) -> list[str]:
        """The people of one surname a plural family name stands for ("the Currys", "the
        Joneses": every full name of the article ending in "Curry" or "Jones", first named
        first); empty when the word is no plural of a surname the article gives."""
        low = word.lower()
        for last in (low[:-2], low[:-1]) if low.endswith("es") else (low[:-1],):
            if low.endswith("s") and last in self.surnames:
                names = [self.full_name(n) for _, _, n, _ in self.persons]
                return list(dict.fromkeys(n for n in names if n.split()[-1].lower() == last
                                          and len(n.split()) > 1))
        return []

    def named_in_full_before(self, surname: str, char: int) -> bool:
        """A full name (two words or more) ending in ``surname`` (lower-cased) is named
        before ``char``."""
        for start, _, name, _ in self.persons:
            if start >= char:
                return False
            words = name.split()
            if len(words) > 1 and words[-1].lower() == surname:
                return True
        return False

    def person_end(self, char: int) -> int:
        """End offset of the person mention starting at ``char`` (``char`` when none does)."""
        k = bisect_left(self.persons, (char,))
        if k < len(self.persons) and self.persons[k][0] == char:
            return self.persons[k][1]
        return char

    def described(self, words: list[str], char: int) -> str | None:
        """The person a definite description stands for ("the general secretary of the
        union", after "STUC general secretary Grahame Smith"): the one person given before
        ``char`` a title that ends with the description's head noun (the last of ``words``,
        lower-cased) and holds its modifiers (the words before); None when no one or more
        than one person was."""
        head, mods = words[-1], set(words[:-1])
        people = {name for title, given in self.roles.items()
                  if title.rsplit(" ", 1)[-1] == head and mods <= set(title.split())
                  for start, name in given if start < char}
        return next(iter(people)) if len(people) == 1 else None

    def role_holder(self, title: str, char: int) -> str | None:
        """The person the article last gave ``title`` before ``char`` ("President Biden"),
        when it gave that title to one person only so far."""
        people = [name for start, name in self.roles.get(title, ()) if start < char]
        if people and len(set(people)) == 1:
            return people[-1]
        return None


def name_ends(full_names: dict[str, dict[str, int]]) -> dict[str, str]:
    """The full name each lower-cased run of two words or more stands for when it ends
    exactly one full name of the article and is not all of it ("de blasio" -> "Bill de
    Blasio", "wasserman schultz" -> "Debbie Wasserman Schultz"; not "le pen" when the article
    names Marine and Jean-Marie Le Pen). ``full_names`` as for :func:`sole_openers`."""
    ends: dict[str, set[str]] = {}
    for names in full_names.values():
        for name in names:
            words = name.split()
            for k in range(1, len(words) - 1):
                ends.setdefault(" ".join(words[k:]).lower(), set()).add(name)
    return {end: next(iter(names)) for end, names in ends.items() if len(names) == 1}


def surname_first(honoured: Iterable[str], openers: dict[str, str]) -> dict[str, str]:
    """The full names that one-word names after an honorific stand for when the article
    writes the surname first ("Science Minister Lee Ju-ho", then "Mr Lee"): each word of
    ``honoured`` (lower-cased) that opens exactly one full name of the article and ends
    none (``openers``, from :func:`sole_openers`)."""
    return {word: openers[word] for word in honoured if word in openers}


def sole_openers(full_names: dict[str, dict[str, int]]) -> dict[str, str]:
    """The full name each lower-cased word that opens exactly one full name of the article
    and ends none stands for ("hillary" -> "Hillary Clinton", "ban" -> "Ban Ki-moon"; not
    "bill" when the article names Bill Clinton and Bill de Blasio, nor "james" beside
    LeBron James). ``full_names``: surname -> {full name: times named}, as
    :class:`Persons` gathers them."""
    opening: dict[str, set[str]] = {}
    for names in full_names.values():
        for name in names:
            opening.setdefault(name.split()[0].lower(), set()).add(name)
    return {word: next(iter(names)) for word, names in opening.items()
            if word not in full_names and len(names) == 1
            and all(w[:1].isalpha() for w in next(iter(names)).split())}


def _is_name_word(tok) -> bool:
    """A word that can be part of a person's name: a capitalised proper noun, not all
    capitals (an acronym), not a word of an organisation's name."""
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and not (tok.text.isupper()
            and len(tok.text) > 2 and "." not in tok.text) and tok.lower_ not in ORG_WORDS
            and tok.ent_type_ not in NOT_PERSON_ENTS and not _post_nominal(tok.text))


#: A nickname in quotation marks inside a name ("Kevin “Coach” Christie"), with its spaces.
NICKNAME = re.compile(r"\s*[“\"][^”\"\n]{1,30}[”\"]\s*")
OPENING_MARKS = frozenset({"“", '"'})
CLOSING_MARKS = frozenset({"”", '"'})


#: Parts of speech of a word that can end no name ("of", "and", "the", a comma).
NOT_LAST_IN_NAME = frozenset({"ADP", "CCONJ", "DET", "PUNCT", "PART"})


def _post_nominal(word: str) -> bool:
    """``word`` is letters written after a name (``post_nominals``: "QC", "MP", "OBE",
    "PhD"), as written: in capitals, or "PhD"."""
    return (word.isupper() or word == "PhD") and \
        word.lower().replace(".", "") in lexicon_set("post_nominals")


def without_trailing_words(tagged: list[Span]) -> list[Span]:
    """The person entities, each without the lower-case function words or punctuation the
    tagger took in at its end ("Juan “Chico” Manriquez *of* Oakland": no name ends with
    "of") nor the letters after a name (:func:`_post_nominal`: "Michael Mansfield *QC*"),
    and each that ends inside a nickname's marks without them ("Kevin “Coach",
    which :func:`with_nicknames` then runs on to the surname)."""
    out = []
    for ent in tagged:
        end = ent.end
        while end > ent.start + 1 and (_post_nominal(ent.doc[end - 1].text) or (
                ent.doc[end - 1].pos_ in NOT_LAST_IN_NAME and
                not ent.doc[end - 1].text[:1].isupper() and
                ent.doc[end - 1].text not in CLOSING_MARKS)):
            end -= 1
        unclosed = _unclosed_mark(ent.doc, ent.start, end)
        if unclosed is not None and unclosed > ent.start:
            end = unclosed  # "Kevin “Coach": the nickname and what follows come back
        out.append(ent if end == ent.end else ent.doc[ent.start:end])
    return out


def _unclosed_mark(doc, start: int, end: int) -> int | None:
    """Index of the quotation mark among tokens ``start`` to ``end`` that no mark after it
    closes, or None (a straight mark opens and closes in turn)."""
    opening = None
    for k in range(start, end):
        text = doc[k].text
        if opening is None and text in OPENING_MARKS:
            opening = k
        elif opening is not None and text in CLOSING_MARKS:
            opening = None
    return opening


def with_nicknames(doc, tagged: list[Span]) -> list[Span]:
    """The person entities, each that a nickname in quotation marks and a surname follow
    ("Kevin “Coach” Christie", where the parser tags "Kevin" alone) run on to the surname;
    :data:`NICKNAME` takes the nickname out of the name."""
    out = []
    for ent in tagged:
        i = ent.end
        if i + 3 < len(doc) and doc[i].text in OPENING_MARKS:
            close = next((j for j in range(i + 2, min(i + 5, len(doc)))
                          if doc[j].text in CLOSING_MARKS), None)
            last = close + 1 if close is not None else None
            if last is not None and last < len(doc) and _is_name_word(doc[last]) and \
                    doc[last].ent_type_ in ("", "PERSON", "ORG") and \
                    all(t.text[:1].isupper() for t in doc[i + 1:close]):
                while last + 1 < len(doc) and _is_name_word(doc[last + 1]) and \
                        doc[last + 1].ent_iob_ == "I":
                    last += 1
                out.append(doc[ent.start:last + 1])
                continue
        out.append(ent)
    return out


def with_surnames(doc, tagged: list[Span]) -> list[Span]:
    """The person entities, each that ends on a first name alone ("Prof Jonah", a title
    and a known first name) run on to the capitalised proper noun right after it that the
    parser left untagged ("Prof Jonah Choiniere", cut where the parse broke)."""
    out = []
    for ent in tagged:
        i = ent.end
        if i < len(doc) and not doc[i].ent_type_ and _is_name_word(doc[i]) and \
                doc[i - 1].whitespace_ and \
                len(strip_titles(ent.text).split()) == 1 and known_first_name(ent[-1].text):
            out.append(doc[ent.start:i + 1])
            continue
        out.append(ent)
    return out


def _group_word(tok: Token) -> bool:
    """A word tagged a nationality or a political or religious group that is a noun of
    the dictionary ("Democrat", "Republicans", "Catholics"), no surname."""
    if tok.ent_type_ != "NORP":
        return False
    word = tok.lower_  # a proper noun's lemma keeps its plural
    return bool(wordnet.classes(word, "noun") or
                (word.endswith("s") and wordnet.classes(word[:-1], "noun")))


def untagged_names(doc, tagged: list[Span], propn: list[int]) -> list[Span]:
    """People's names the parser did not tag PERSON ("Tonya Love" read as a work of art,
    "Maryam Adalat" as an organisation, "TJ King" where only "King" was tagged): runs of two
    to four capitalised proper nouns ending a noun phrase that open with a known first name
    (``first_names.tsv``) or end with a word the parser tagged a person elsewhere, and the
    two words that end a title's portfolio as a name does
    (:func:`_ends_entity_after_portfolio`); none ends with a word tagged a nationality or
    a political or religious group ("a Nevada Democrat"). ``propn``: the indices of the
    proper nouns of ``doc``."""
    inside = {i for ent in tagged for i in range(ent.start, ent.end)}
    person_words = {ent[-1].lower_ for ent in tagged}
    out = []
    for tok in (doc[i] for i in propn):
        if tok.i in inside or not _is_name_word(tok) or _group_word(tok) or \
                (tok.i + 1 < len(doc) and doc[tok.i + 1].dep_ == "compound"
                 and doc[tok.i + 1].head.i == tok.i + 1):
            continue  # "a Nevada Democrat": a surname is no party or nationality
        first = tok.i
        # the letters after a name head the phrase ("Jess Phillips MP": "MP"), unless a
        # determiner makes them a noun ("the former Bradford West MP")
        after = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        last = tok.i + 1 if after is not None and _post_nominal(after.text) and \
            not any(c.dep_ == "det" for c in after.children) else tok.i
        while first > 0 and first - 1 not in inside and _is_name_word(doc[first - 1]) \
                and doc[first - 1].head.i in range(first, last + 1) and tok.i - first < 3:
            first -= 1
        if first == tok.i:
            continue
        opens = next((j for j in range(first, tok.i) if first_name_gender(doc[j:tok.i + 1].text)),
                     None)
        if opens is None and tok.lower_ not in person_words:
            if not _ends_entity_after_portfolio(doc[tok.i - 1:tok.i + 1]):
                continue
            opens = tok.i - 1  # "Director of National Intelligence Tulsi Gabbard"
        span = doc[first if opens is None else opens:tok.i + 1]
        if (span[0].ent_iob_ != "I" or span[0].ent_type_ in ("", "PERSON")
                or _ends_entity_after_portfolio(span) or _after_role_in_entity(span)) and \
                tok.lower_ not in lexicon_set("institution_nouns"):
            out.append(span)
    return out


def _after_role_in_entity(span: Span) -> bool:
    """The name ``span`` opens with a known first name inside an entity whose words before it
    are a job or an outlet the tagger took into one organisation's name with the person's:
    common nouns only ("Spokeswoman Haley Morris"), a possessive ("Commentary’s Noah
    Rothman") or a news outlet's name (``media_outlets``: "Fox News Sean Hannity")."""
    doc = span.doc
    start = span.start
    while start > 0 and doc[start - 1].ent_iob_ in ("B", "I") and \
            doc[start].ent_iob_ == "I":
        start -= 1
    before = doc[start:span.start]
    if not len(before) or first_name_gender(span[:2].text) is None:
        return False
    return all(t.pos_ == "NOUN" for t in before) or before[-1].tag_ == "POS" or \
        " ".join(before.text.lower().split()) in lexicon_set("media_outlets")


def _ends_entity_after_portfolio(span: Span) -> bool:
    """``span``, ending with a person's name (:func:`~analysis.extract.syntax.ends_with_name`),
    ends an organisation's entity that follows a title and "of" or "for", after words of
    the title's portfolio ("Secretary of *Defense Lloyd Austin*", "Minister for *the Armed
    Forces Penny Mordaunt*", "Director of National Intelligence *Tulsi Gabbard*"): the
    parser took the name into the portfolio."""
    doc = span.doc
    if span[0].ent_type_ != "ORG" or (span.end < len(doc) and doc[span.end].ent_iob_ == "I"):
        return False
    start = span.start
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    if start < 2 or doc[start - 1].lower_ not in ("of", "for") or \
            not title_noun(doc[start - 2]):
        return False
    portfolio = [t for t in doc[start:span.start] if t.lower_ not in TITLE_PHRASE_WORDS]
    return bool(portfolio) and ends_with_name(span)


@lru_cache(maxsize=16384)
def strip_role(name: str) -> tuple[str, str]:
    """A name without the job words the parser took into it, and those words lower-cased
    ("City Attorney Barbara Parker" -> "Barbara Parker", "city attorney"; "Superintendent
    Imee Almazan" -> "Imee Almazan"): the longest run of leading words that ends with a
    word WordNet calls a person first ("attorney", "superintendent", "judge") or a title of
    ``person_titles.txt``, holds no known first name and leaves a word of the name.

    WordNet files famous people under "person" too ("Lee", "Kelly", "Terry", "Grahame"), so
    a word that is no title is cut only when it leaves a first name and a surname, not
    opening on an initial: "Kelly Ayotte", "Lee Ju-ho" and "Lee C. Bollinger" keep their
    first word."""
    words = name.split()
    cut = 0
    for k in range(len(words) - 1):
        if first_name_gender(" ".join(words[k:k + 2])):
            break
        word = words[k].lower().strip(".,")
        if word in titles() or words[k].lower() in titles() or (
                wordnet.names_person(word) and len(words) - k > 2
                and not INITIAL.fullmatch(words[k + 1])):
            cut = k + 1
    return " ".join(words[cut:]), " ".join(w.lower().strip(".,") for w in words[:cut])


#: A middle or first initial ("C.", "W"): the word before it is a first name.
INITIAL = re.compile(r"[A-Z]\.?")


#: Dependencies of the words of a job title written before a name, and of the modifiers
#: of a description's head ("STUC general secretary", "the general secretary").
TITLE_DEPS = frozenset({"compound", "amod", "nmod"})


def role_before(ent: Span) -> str:
    """The job words written right before a name, in its noun phrase ("City Attorney
    Barbara Parker": "city attorney"; "STUC general secretary Grahame Smith": "stuc general
    secretary"), lower-cased: the word right before the name, a noun WordNet calls a person
    first, and the modifiers before it; "" when there are none."""
    doc = ent.doc
    j = ent.start - 1
    if j < 0 or doc[j].dep_ != "compound" or doc[j].head.i not in range(ent.start, ent.end) \
            or doc[j].ent_type_ == "PERSON" or doc[j].pos_ not in ("NOUN", "PROPN") or \
            not wordnet.names_person(doc[j].lower_):
        return ""
    i = j
    while i > 0 and doc[i - 1].dep_ in TITLE_DEPS and doc[i - 1].head.i in range(i, j + 1) \
            and doc[i - 1].ent_type_ != "PERSON" and doc[i - 1].is_alpha:
        i -= 1
    return " ".join(t.lower_ for t in doc[i:j + 1])


def organisation_words(doc, propn: list[int]) -> frozenset[str]:
    """Lower-cased words the article uses as an organisation's name: the words of its ORG
    entities and the proper nouns it puts before a spokesperson or an institution ("a
    Southwest spokesperson", "the Meta board"), so that "Southwest" alone is no person.
    ``propn``: the indices of the proper nouns of ``doc``."""
    out = {t.lower_ for ent in doc.ents if ent.label_ == "ORG" for t in ent if t.pos_ == "PROPN"}
    heads = lexicon_set("spokesperson_nouns") | lexicon_set("institution_nouns")
    for tok in (doc[i] for i in propn):
        if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" and \
                tok.head.lemma_.lower() in heads:
            out.add(tok.lower_)
    return frozenset(out)


def entity_tags(ents: Iterable[Span]) -> dict[str, list[int]]:
    """For each lower-cased last word of an entity of ``ents`` (an article's): how often the
    article tags it a person, and how often a place or an organisation."""
    tags: dict[str, list[int]] = {}
    for e in ents:
        if e.label_ in ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"):
            tags.setdefault(e[-1].lower_, [0, 0])[e.label_ != "PERSON"] += 1
    return tags


def entity_text_tags(ents: Iterable[Span], text: str) -> dict[str, list[int]]:
    """For each lower-cased text of an entity of ``ents`` (of the article ``text``) of two
    words or more: how often the article tags it a person, and how often a place or an
    organisation."""
    tags: dict[str, list[int]] = {}
    for e in ents:
        if e.end - e.start > 1 and e.label_ in ("PERSON", "GPE", "LOC", "ORG", "NORP", "FAC"):
            key = text[e.start_char:e.end_char].lower()
            tags.setdefault(key, [0, 0])[e.label_ != "PERSON"] += 1
    return tags


def misread_name(ent: Span, whole: dict[str, list[int]], article: str) -> bool:
    """A PERSON entity that is no person's name: one with a digit ("KSLV-1"), a news outlet's
    one-word name (:func:`misread_outlet`), or one that no
    known first name opens and whose whole text the article tags a place or an
    organisation elsewhere more often, or as often when it ends with a common noun that
    WordNet does not call a person first ("Publisher Hodder Education is reprinting…",
    then "Hodder Education apologised", tagged an organisation; "Pat Caddell" tagged once
    each way stays a person). ``whole`` from :func:`entity_text_tags`, ``article`` the
    article's text."""
    text = article[ent.start_char:ent.end_char]
    if DIGIT.search(text):
        return True
    if len(ent) < 2:
        return misread_outlet(ent[0], article)
    person, other = whole.get(text.lower(), (0, 0))
    if not other or opens_with_first_name(text):
        return False
    if other != person:
        return other > person
    last = wordnet.classes(ent[-1].lower_, "noun")
    return bool(last) and last[0] != "person"


def misread_outlet(tok: Token, article: str) -> bool:
    """``tok`` is a news outlet's one-word name (``lexicons/media_outlets.txt``: "according
    to Politico") that the article never writes after a known first name (as it writes
    "Michael Bloomberg")."""
    return tok.lower_ in one_word_outlets() and not after_first_name(tok.text, article)


def after_first_name(word: str, text: str) -> bool:
    """The article writes ``word`` after a known first name somewhere ("Donald Trump"),
    however the parser tagged it: a surname, not a company's or an outlet's name."""
    return any(known_first_name(m.group(1))
               for m in re.finditer(r"\b([A-Z][a-z]+)\s+" + re.escape(word) + r"\b", text))


@cache
def one_word_outlets() -> frozenset[str]:
    """The one-word names of ``lexicons/media_outlets.txt``, lower-cased."""
    return frozenset(o for o in load_lexicon("media_outlets") if " " not in o)


DIGIT = re.compile(r"\d")
#: Prepositions whose object is a place or a medium ("in Devon", "on Twitter"), as often as
#: a person ("pressure on Clinton").
PLACE_PREPOSITIONS = frozenset({"in", "on", "at", "across", "via", "throughout", "near",
                                "inside", "outside", "into"})
#: WordNet classes of a noun whose modifier names a place or a thing (the Jungle camp).
THING_CLASSES = frozenset({"artifact", "location"})


def _placed(tok: Token) -> bool:
    """The word stands where a place, a platform or a thing's name stands: right after or
    the object of one of :data:`PLACE_PREPOSITIONS`, or the modifier of a noun WordNet
    calls a thing or a place ("the Jungle camp")."""
    head = tok.head
    if tok.i > 0 and tok.doc[tok.i - 1].lower_ in PLACE_PREPOSITIONS:
        return True  # "on Twitter", however the parser hangs the word
    if tok.dep_ == "pobj":
        return head.lower_ in PLACE_PREPOSITIONS
    return tok.dep_ in ("compound", "nmod") and head.pos_ == "NOUN" and \
        wordnet.classes(head.lemma_.lower(), "noun")[:1] in {(c,) for c in THING_CLASSES}


def placed_words(tagged: list[Span]) -> frozenset[str]:
    """Lower-cased words the parser tagged a person alone that name no one: nothing in the
    article says a person (no full name ends with the word, it is no first name one sex
    carries far more often, as "Devon" is not, no title or honorific stands before it) and
    every mention stands where a place or a platform does ("wrote on Twitter", "a school in
    Devon", "the Jungle camp"), so "She" after them is no county."""
    surnames = {e[-1].lower_ for e in tagged if e.end - e.start > 1}
    alone: dict[str, list[Token]] = {}
    for e in tagged:
        if e.end - e.start == 1:
            alone.setdefault(e[0].lower_, []).append(e[0])
    out = set()
    for word, toks in alone.items():
        if word in surnames or known_first_name(word, either=False):
            continue
        doc = toks[0].doc
        if any(t.i > 0 and doc[t.i - 1].lower_ in titles() for t in toks):
            continue
        if all(_placed(t) for t in toks):
            out.add(word)
    return frozenset(out)


def misread_place(ent: Span, tags: dict[str, list[int]]) -> bool:
    """A PERSON entity that is no person: no known first name of either sex opens it
    (:func:`~analysis.names.opens_with_first_name`) and its last word is
    tagged a place or an organisation elsewhere in the article more often than a person
    ("Civic Nebraska", beside "Nebraska" tagged a state eight times); ``tags`` from
    :func:`entity_tags`."""
    if opens_with_first_name(ent.text):
        return False
    person, other = tags.get(ent[-1].lower_, (0, 0))
    return other > person
