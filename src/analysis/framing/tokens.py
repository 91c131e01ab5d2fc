"""What the framing passes read of one parse, read once per article.

:func:`token_table` reads the token attributes with ``Doc.to_array`` (no ``Token`` objects,
which cost more than the attributes read from them), :func:`entities` the named entities
as plain tuples, for :func:`analysis.framing.features.doc_features` and
:func:`analysis.framing.style.style_measures`, which share them.
"""
from __future__ import annotations

from typing import NamedTuple

import numpy as np
from spacy.attrs import (DEP, HEAD, IDX, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, LEMMA, LENGTH,
                         LOWER, POS, SENT_START, TAG)
from spacy.tokens import Doc

from ..spans import SpanSet


class TokenTable(NamedTuple):
    """One list per attribute, one entry per token. Flags are 0 or 1; ``pos`` holds part of
    speech ids (``spacy.parts_of_speech.IDS``); ``tag``, ``dep``, ``lower`` and ``lemma``
    hold string ids as ``spacy.strings.get_string_id`` gives them (a small id for spaCy's
    symbols, such as most dependency labels, else the string's hash); ``head`` is the index
    of the token's head; ``sent_start`` is true where ``Token.is_sent_start`` is; ``quoted``
    where the token starts inside a direct quote."""

    punct: list[int]
    space: list[int]
    alpha: list[int]
    stop: list[int]
    sent_start: list[int]
    pos: list[int]
    tag: list[int]
    dep: list[int]
    idx: list[int]
    length: list[int]
    lower: list[int]
    lemma: list[int]
    head: list[int]
    quoted: list[bool]


#: The attributes of :class:`TokenTable` read from the parse, in its order.
ATTRS = [IS_PUNCT, IS_SPACE, IS_ALPHA, IS_STOP, SENT_START, POS, TAG, DEP, IDX, LENGTH, LOWER,
         LEMMA, HEAD]


def token_table(doc: Doc, quotes: SpanSet) -> TokenTable:
    """The attributes of :data:`ATTRS` for every token of ``doc``, and whether it starts
    inside one of ``quotes`` (the spans of direct quotes)."""
    n = len(doc)
    if not n:
        return TokenTable(*([] for _ in TokenTable._fields))
    array = doc.to_array(ATTRS)
    columns = array[:, :-1].T.tolist()
    columns[4] = (array[:, 4] == 1).tolist()  # SENT_START is 1, 0 (unknown) or -1
    # HEAD is stored as the head's offset from the token, unsigned
    columns.append((array[:, -1].astype(np.int64) + np.arange(n)).tolist())
    columns.append(quotes.contains_each(columns[8]))  # IDX
    return TokenTable(*columns)


class Entity(NamedTuple):
    """A named entity: its label, its tokens ``[start, end)`` and its characters
    ``[start_char, end_char)`` (its text is ``doc.text[start_char:end_char]``)."""

    label: str
    start: int
    end: int
    start_char: int
    end_char: int


def entities(doc: Doc) -> list[Entity]:
    """The entities of ``doc`` (``doc.ents``, which makes new spans on every call)."""
    return [Entity(ent.label_, ent.start, ent.end, ent.start_char, ent.end_char)
            for ent in doc.ents]
