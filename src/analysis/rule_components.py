"""The model's two rule-based components, run on arrays: same annotations, a fraction of the time.

``en_core_web_sm`` ends its pipeline with two components that apply tables, not a network:

- ``attribute_ruler`` maps tags to part of speech and morphology with a few hundred token
  patterns, and spaCy's ``Matcher`` tries every pattern at every token.
- ``lemmatizer`` (rule mode) makes a Python call per token, and for each new word asks
  whether candidate forms are in word lists of tens of thousands of entries, which a list
  answers by reading it through.

Together they cost more than the parser (``benchmarks/rule_components.py`` times
each component).

:func:`speed_up` gives the ruler an :class:`ArrayMatcher`, which finds exactly the matches
spaCy's ``Matcher`` finds (the ruler then applies them as before, in its own order), and
gives the lemmatizer a ``pipe`` (what ``nlp.pipe`` runs) that computes a lemma once per
distinct (word, part of speech, morphology), which is all spaCy's rule lemmatizer reads,
and writes the column at once; its word lists answer ``in`` from sets. ``nlp(text)`` on one
text still runs spaCy's own lemmatizer loop, with the same result. The parse is then
identical, attribute for attribute: ``tests/test_rule_components.py`` compares every token
attribute with spaCy's own components on real articles, and ``benchmarks/behaviour_snapshot.py``
compares every output. A model whose patterns use anything else (operators, other
attributes) keeps spaCy's components untouched.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress
from functools import partial

import numpy as np
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.strings import StringStore, get_string_id
from spacy.tokens import Doc

#: Token attributes the array matcher can test, in the column order of its array.
COLUMNS: dict[str, int] = {"LOWER": 0, "TAG": 1, "DEP": 2, "IS_SPACE": 3}
_ARRAY_ATTRS = [LOWER, TAG, DEP, IS_SPACE]
#: Attributes a pattern may be anchored on (looked up by value instead of tested everywhere).
_ANCHORS = ("LOWER", "TAG")

#: A test on one column's values (hashes) of the tokens; it gets the document's strings.
Test = Callable[[np.ndarray, StringStore], np.ndarray]


class Unsupported(ValueError):
    """A pattern uses something the array matcher does not implement."""


def _value_test(name: str, value) -> Test:
    """The test of one pattern attribute on one column's values (an array of hashes)."""
    if name == "IS_SPACE":
        if not isinstance(value, bool):
            raise Unsupported(f"IS_SPACE {value!r}")
        want = int(value)
        return lambda col, strings: col == want
    if isinstance(value, str):
        wanted = get_string_id(value)
        return lambda col, strings: col == wanted
    if not isinstance(value, dict) or len(value) != 1:
        raise Unsupported(f"{name} {value!r}")
    (op, arg), = value.items()
    if op in ("IN", "NOT_IN"):
        hashes = np.array([get_string_id(v) for v in arg], dtype=np.uint64)
        invert = op == "NOT_IN"
        return lambda col, strings: np.isin(col, hashes, invert=invert)
    if op == "REGEX":
        regex, known = re.compile(arg), {}

        def matches(col: np.ndarray, strings: StringStore) -> np.ndarray:
            values, where = np.unique(col, return_inverse=True)
            hit = [known[h] if h in known else known.setdefault(h, bool(regex.search(strings[h])))
                   for h in values.tolist()]
            return np.array(hit, dtype=bool)[where]
        return matches
    raise Unsupported(f"{name} {op}")


class _Pattern:
    """One fixed-length token pattern: an optional anchor value and the tests of each token."""

    def __init__(self, key: int, pattern: list[dict]):
        self.key, self.length = key, len(pattern)
        self.anchor: tuple[int, int] | None = None
        self.tests: list[tuple[int, int, Test]] = []  # (token offset, column, test)
        for offset, token in enumerate(pattern):
            for name, value in token.items():
                if name not in COLUMNS:
                    raise Unsupported(f"attribute {name}")
                if (offset == 0 and self.anchor is None and name in _ANCHORS
                        and isinstance(value, str)):
                    self.anchor = (COLUMNS[name], get_string_id(value))
                    continue
                self.tests.append((offset, COLUMNS[name], _value_test(name, value)))


def _positions(column: np.ndarray) -> dict[int, np.ndarray]:
    """Each value of ``column`` and the (ascending) positions where it occurs."""
    values, where = np.unique(column, return_inverse=True)
    order = np.argsort(where, kind="stable")
    cuts = np.cumsum(np.bincount(where, minlength=len(values)))[:-1]
    return dict(zip(values.tolist(), np.split(order, cuts)))


class ArrayMatcher:
    """What ``Matcher(doc, allow_missing=True, as_spans=False)`` returns, for fixed patterns.

    Each pattern is a sequence of token tests (equality, ``IN``, ``NOT_IN``, ``REGEX`` on
    ``LOWER``, ``TAG``, ``DEP``; ``IS_SPACE``) without operators. A pattern whose first
    token fixes its lower-case form or tag starts only where that value occurs; its other
    tests run on those positions, as arrays. Raises :class:`Unsupported` for anything else.
    """

    def __init__(self, keyed_patterns: list[tuple[int, list[list[dict]]]]):
        for _, patterns in keyed_patterns:
            for pattern in patterns:
                if any(not isinstance(t, dict) or "OP" in t for t in pattern) or not pattern:
                    raise Unsupported("operators")
        self.keyed_patterns = keyed_patterns
        self.patterns = [_Pattern(key, pattern)
                         for key, patterns in keyed_patterns for pattern in patterns]

    def __reduce__(self):
        return ArrayMatcher, (self.keyed_patterns,)  # rebuilt from its patterns

    def __call__(self, doc: Doc, allow_missing: bool = True, as_spans: bool = False
                 ) -> list[tuple[int, int, int]]:
        if as_spans:
            raise NotImplementedError("the array matcher returns (key, start, end) only")
        n = len(doc)
        if not n:
            return []
        columns = np.ascontiguousarray(doc.to_array(_ARRAY_ATTRS).reshape(n, -1).T)
        where = {col: _positions(columns[col]) for col in {p.anchor[0] for p in self.patterns
                                                             if p.anchor}}
        empty, strings = np.empty(0, dtype=np.int64), doc.vocab.strings
        found: set[tuple[int, int, int]] = set()
        for pattern in self.patterns:
            last = n - pattern.length  # the last position a match can start at
            if last < 0:
                continue
            starts = (where[pattern.anchor[0]].get(pattern.anchor[1], empty) if pattern.anchor
                      else np.arange(last + 1))
            starts = starts[starts <= last]
            for offset, col, test in pattern.tests:
                if not len(starts):
                    break
                starts = starts[test(columns[col][starts + offset], strings)]
            found.update((pattern.key, s, s + pattern.length) for s in starts.tolist())
        return list(found)


def _ruler_patterns(ruler) -> list[tuple[int, list[list[dict]]]]:
    """The ruler's patterns under their matcher keys (one key per ``add`` call)."""
    strings = ruler.vocab.strings
    return [(strings[str(i)], ruler.matcher.get(strings[str(i)])[1])
            for i in range(len(ruler.attrs))]


def _lemmatize_doc(lemmatizer, doc: Doc) -> Doc:
    """spaCy's ``Lemmatizer.__call__`` without a Python call per token.

    The rule lemmatizer's result depends on the word, its part of speech and its morphology
    (its own cache key), so each distinct triple is lemmatised once, by spaCy's code, and the
    lemma column is written at once. Tokens without a part of speech go through spaCy one by
    one, so its warning about them is raised as before.
    """
    if not lemmatizer._validated or not len(doc):
        return lemmatizer(doc)
    table = doc.to_array([ORTH, POS, MORPH, LEMMA])
    lemmas = table[:, 3].copy()
    todo = np.arange(len(doc)) if lemmatizer.overwrite else np.flatnonzero(lemmas == 0)
    known, add = lemmatizer._lemma_by_key, doc.vocab.strings.add
    for i, key in zip(todo.tolist(), map(tuple, table[todo, :3].tolist())):
        lemma = known.get(key)
        if lemma is None:
            lemma = add(lemmatizer.lemmatize(doc[i])[0])
            if key[1]:
                known[key] = lemma
        lemmas[i] = lemma
    doc.from_array([LEMMA], lemmas)
    return doc


def _lemmatize_docs(lemmatizer, docs: Iterable[Doc], **_) -> Iterator[Doc]:
    """The lemmatizer's ``pipe`` (what ``nlp.pipe`` calls): :func:`_lemmatize_doc` on each."""
    for doc in docs:
        yield _lemmatize_doc(lemmatizer, doc)


class _IndexList(list):
    """A word list whose membership test is a set look-up: same items, same answers."""

    def __init__(self, items):
        super().__init__(items)
        self._members = frozenset(self)

    def __contains__(self, item) -> bool:
        return item in self._members


def _index_as_sets(lemmatizer) -> None:
    """Make the lemmatizer's word lists (``lemma_index``) answer ``in`` by hash: spaCy's rule
    lemmatizer asks whether each candidate form of a new word is in them."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for pos, words in list(table.items()):
        if isinstance(words, list) and not isinstance(words, _IndexList):
            table[pos] = _IndexList(words)


def speed_up(nlp: Language) -> list[str]:
    """Give ``nlp``'s attribute ruler and rule lemmatizer their array versions, in place.

    Returns the names of the components changed (none if the model has neither, or uses
    patterns or a lemmatizer mode these versions do not cover).
    """
    changed = []
    if "attribute_ruler" in nlp.pipe_names:
        ruler = nlp.get_pipe("attribute_ruler")
        if not isinstance(ruler.matcher, ArrayMatcher):
            with suppress(Unsupported):
                ruler.matcher = ArrayMatcher(_ruler_patterns(ruler))
                changed.append("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names:
        lemmatizer = nlp.get_pipe("lemmatizer")
        if (getattr(lemmatizer, "mode", None) == "rule"
                and not getattr(lemmatizer, "_array_version", False)):
            _index_as_sets(lemmatizer)
            lemmatizer._lemma_by_key = {}
            lemmatizer._array_version = True
            lemmatizer.pipe = partial(_lemmatize_docs, lemmatizer)  # nlp(text) stays spaCy's
            changed.append("lemmatizer")
    return changed
