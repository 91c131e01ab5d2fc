"""Positions in one parsed article: tokens, sentences, paragraphs, and the quote mask.

:class:`DocIndex` is built once per parsed article, in one pass over its token arrays: token
start offsets (for bisect look-ups), parts of speech, lemma hashes, heads, sentence starts and
paragraph breaks. It answers "which tokens lie in these characters", "which sentence or
paragraph is this", and, once :meth:`DocIndex.with_quotes` has made the masked copy that the
speaker and source finders read, "is this token inside a quotation".
"""
from __future__ import annotations

import copy
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from functools import cache

import numpy as np
from spacy.attrs import DEP, HEAD, IDX, LEMMA, POS, SENT_START
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import hash_string
from spacy.tokens import Doc

from ..lexicons import load_lexicon

#: A line break, blank lines included (one paragraph boundary).
BREAK = re.compile(r"(?:\r\n|\r|\n)(?:[ \t\u00a0]*(?:\r\n|\r|\n))*")
VERB_ID, PROPN_ID = POS_IDS["VERB"], POS_IDS["PROPN"]


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
            columns[k] = (arr[:, k].astype("int64") + np.arange(n, dtype="int64")).tolist()
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


class DocIndex:
    """Look-ups over one parsed article, built in one pass over its tokens.

    The index made from a parse has an empty quote mask; :meth:`with_quotes` returns the
    copy that marks the tokens inside quotations and quoted titles, and
    :meth:`with_mention_spans` the copy that knows the mention spans the speaker rules fixed.
    """

    def __init__(self, doc: Doc, text: str):
        self.doc = doc
        self.text = text
        starts, pos, dep, lemma, heads, sent_start = token_columns(
            doc, [IDX, POS, DEP, LEMMA, HEAD, SENT_START])
        self.starts: list[int] = starts
        self.pos: list[int] = pos
        #: dependency label ids (``spacy.symbols``: ``relcl``, ``acl``…)
        self.dep: list[int] = dep
        #: lemma hashes as signed integers (compare with :func:`lemma_key`)
        self.lemma: list[int] = [h - (1 << 64) if h >= (1 << 63) else h for h in lemma]
        self.heads: list[int] = heads
        #: 1 for the tokens inside a quotation (set by :meth:`with_quotes`)
        self.quoted = bytearray(len(doc))
        #: 1 for the tokens inside a quoted title or name ("“Fox and Friends”")
        self.titled = bytearray(len(doc))
        self.quote_spans: list[tuple[int, int]] = []
        #: token index -> character span of its mention, where a rule knows it better than
        #: the parse (set by :meth:`with_mention_spans`)
        self.mention_spans: Mapping[int, tuple[int, int]] = {}
        runs = [m.span() for m in BREAK.finditer(text)]
        self.breaks = [s for s, _ in runs]
        self.break_ends = [e for _, e in runs]
        self.sent_starts = sentence_starts(doc, sent_start)

    def with_quotes(self, quotes: list[tuple[int, int]],
                    titles: Iterable[tuple[int, int]] = ()) -> DocIndex:
        """A copy of this index whose mask marks the tokens inside the quotation spans
        ``quotes`` (sorted, non-overlapping) and inside the quoted titles ``titles``."""
        masked = copy.copy(self)
        masked.quote_spans = list(quotes)
        masked.quoted = bytearray(len(self.doc))
        masked.titled = bytearray(len(self.doc))
        for mask, spans in ((masked.quoted, masked.quote_spans), (masked.titled, titles)):
            for s, e in spans:
                for i in self.tokens_in(s, e):
                    mask[i] = 1
        return masked

    def with_mention_spans(self, spans: Mapping[int, tuple[int, int]]) -> DocIndex:
        """A copy of this index whose mentions headed by the tokens of ``spans`` span the
        characters given there (see :func:`analysis.extract.syntax.mention_span`)."""
        fixed = copy.copy(self)
        fixed.mention_spans = dict(spans)
        return fixed

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

    def quotes_near(self, i: int) -> list[tuple[int, int]]:
        """The quotation spans overlapping the sentence of token ``i``, last first."""
        if not self.quote_spans:
            return []
        s0, s1 = self.sentence_bounds(i)
        a = self.starts[s0]
        b = self.starts[s1 - 1] if s1 > s0 else a
        k = bisect_right(self.quote_spans, (b, len(self.text) + 1))
        near = []
        while k > 0 and self.quote_spans[k - 1][1] > a:  # spans sorted, none overlapping
            k -= 1
            near.append(self.quote_spans[k])
        return near

    def quote_near(self, i: int) -> bool:
        """A quotation overlaps the sentence of token ``i``."""
        return bool(self.quotes_near(i))
