"""Shared sources: the same person or body cited by several articles, and by whom alone.

Every ``source`` record of the evidence is a mention of a source. Mentions are one source
when the extractor says so inside an article (the same ``source_id``, when the evidence has
that column) or when their names match once written plainly (:func:`source_key`: case,
quote marks, a leading article, a possessive and a spokesperson wrapper are set aside, so
"A spokesperson for the National Security Council" and "a National Security Council rep"
are both "national security council"). A one-word name of a named person that is the
surname of exactly one longer name ("Cotton", "Tom Cotton") is that person, and so for
media ("the Times", "The New York Times"). Anonymous sources and names without a capital
("the report") are never matched across articles (:func:`shareable`). Any
``source_type`` string is accepted.
"""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd

from ..lexicons import load_lexicon
from ..records import relied_on
from .text import folded

SOURCES_COLUMNS = ["source", "source_type", "article_id", "mentions"]
MENTION_COLUMNS = ["article_id", "start", "end", "text", "source_type", "name", "source",
                   "source_uid"]
#: Types whose one-word names may be short for a longer name of the same type.
SHORT_NAME_TYPES = ("named", "media")
DETERMINERS = re.compile(r"^(?:a|an|the|this|these|that|those)\s+")
POSSESSIVE = re.compile(r"'s?\b")
LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


def _spokesperson_pattern() -> re.Pattern:
    nouns = "|".join(re.escape(n) for n in sorted(load_lexicon("spokesperson_nouns"), key=len,
                                                  reverse=True))
    return re.compile(rf"^(?:{nouns})\s+(?:for|of|at|from)\s+(?P<a>.+)$|^(?P<b>.+?)\s+(?:{nouns})$",
                      re.IGNORECASE)


SPOKESPERSON = _spokesperson_pattern()


def source_key(name: str) -> str:
    """The plain form of a source's name that mentions are matched on."""
    key = " ".join(re.findall(r"[^\W_]+", POSSESSIVE.sub("", folded(str(name)).lower())))
    key = DETERMINERS.sub("", key)
    match = SPOKESPERSON.match(key)
    if match:
        key = DETERMINERS.sub("", match.group("a") or match.group("b"))
    return key


class _Union:
    """Union-find over hashable items."""

    def __init__(self) -> None:
        self.parent: dict = {}

    def find(self, x):
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a, b) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=str)] = min(ra, rb, key=str)


def shareable(name: str, source_type: str) -> bool:
    """Whether mentions in different articles may be one source by this name: a name with
    a capitalised word (past a leading article) of a source that is not anonymous. "US
    officials" in two articles are not the same people; "the report" is not one report."""
    if source_type == "anonymous":
        return False
    return any(w[0].isupper() for w in DETERMINERS.sub("", folded(str(name)).strip()).split()
               if w[0].isalpha() and w.lower() not in ("the", "a", "an"))


def source_mentions(evidence: pd.DataFrame) -> pd.DataFrame:
    """One row per source record the article relies on (:data:`MENTION_COLUMNS`; a record
    with ``counted`` false, a source only shown acting, is no citation, as on the
    scorecard), ``source`` naming the source it is a mention of (``source_uid`` tells sources
    apart: the same for every mention of one source, in any article)."""
    counted = (evidence["counted"].map(relied_on).astype(bool) if "counted" in evidence.columns
               else True)
    records = evidence.loc[(evidence["kind"] == "source") & counted].reset_index(drop=True)
    if records.empty:
        return pd.DataFrame(columns=MENTION_COLUMNS)
    names = records["name"].where(records["name"].notna() & (records["name"] != ""),
                                  records["text"]).astype(str)
    types = records["source_type"].fillna("").astype(str).tolist()
    ids = records["source_id"] if "source_id" in records.columns else [None] * len(records)
    nodes = []
    for aid, name, text, kind in zip(records["article_id"], names, records["text"], types):
        key = source_key(name) or source_key(text) or str(text)
        nodes.append(("key", key) if shareable(name, kind) else ("local", aid, key))
    union = _Union()
    for node, aid, sid in zip(nodes, records["article_id"], ids):
        union.find(node)
        if sid is not None and pd.notna(sid) and str(sid) != "":
            union.union(("id", aid, str(sid)), node)
    _merge_surnames(union, nodes, types)
    roots = [union.find(n) for n in nodes]
    display = _display_names(roots, names.tolist(), types)
    return (records.assign(name=names, source=[display[r] for r in roots],
                           source_uid=["/".join(map(str, r)) for r in roots])
            .reindex(columns=MENTION_COLUMNS))


def _merge_surnames(union: _Union, nodes: list[tuple], types: list[str]) -> None:
    """Join a one-word name to the one longer name of the same type that ends with it: a
    named person's surname ("Cotton"), a paper's short name ("the Times")."""
    for kind in SHORT_NAME_TYPES:
        keys = {n[1] for n, t in zip(nodes, types) if t == kind and n[0] == "key"}
        longer: dict[str, set[str]] = {}
        for k in keys:
            if " " in k:
                longer.setdefault(k.split()[-1], set()).add(k)
        for k in keys:
            if " " not in k and len(longer.get(k, ())) == 1:
                union.union(("key", k), ("key", next(iter(longer[k]))))


def _display_names(roots: list, names: list[str], types: list[str]) -> dict:
    """The name shown for each source: the fullest written name of a named person or a
    paper (the name its short form stands for: "Tom Cotton", "New York Times"), else the
    most frequent written form (without a leading article). Sources that are not
    :func:`shareable` may show the same name in different articles ("officials")."""
    forms: dict = {}
    full = {r for r, t in zip(roots, types) if t in SHORT_NAME_TYPES}
    for root, name in zip(roots, names):
        forms.setdefault(root, Counter())[_shown(name)] += 1
    return {root: max(counts, key=lambda n: (len(n.split()) if root in full else 0,
                                             counts[n], -len(n), n))
            for root, counts in forms.items()}


def _shown(name: str) -> str:
    """A written name as shown: one line, no leading article, the body a spokesperson
    speaks for ("a National Security Council rep" → "National Security Council")."""
    name = " ".join(str(name).split())
    bare = LEADING_ARTICLE.sub("", name) or name
    match = SPOKESPERSON.match(bare)
    if match:
        bare = LEADING_ARTICLE.sub("", match.group("a") or match.group("b")) or bare
    return bare


def sources_by_article(mentions: pd.DataFrame) -> pd.DataFrame:
    """:data:`SOURCES_COLUMNS`: how often each article mentions each source, typed as that
    article types it (its most frequent type there); sources cited by most articles first."""
    if mentions.empty:
        return pd.DataFrame(columns=SOURCES_COLUMNS)
    counted = (mentions.groupby(["source_uid", "article_id"], sort=False)
               .agg(source=("source", "first"), source_type=("source_type", _most_common),
                    mentions=("start", "size"))
               .reset_index())
    reach = counted.groupby("source_uid")["article_id"].transform("nunique")
    total = counted.groupby("source_uid")["mentions"].transform("sum")
    return (counted.assign(_reach=reach, _total=total)
            .sort_values(["_reach", "_total", "source", "article_id"],
                         ascending=[False, False, True, True], kind="stable")
            .reindex(columns=SOURCES_COLUMNS)
            .astype({"mentions": int})
            .reset_index(drop=True))


def _most_common(values: pd.Series) -> str:
    counts = Counter(str(v) for v in values if pd.notna(v) and v != "")
    return max(counts, key=lambda k: (counts[k], k)) if counts else ""


def shared_sources(table: pd.DataFrame) -> pd.DataFrame:
    """The sources of ``table`` (:data:`SOURCES_COLUMNS`) cited by two articles or more:
    one row per source, one column of mentions per article (0: not cited), and the types
    the articles give it."""
    reach = table.groupby("source")["article_id"].transform("nunique")
    shared = table.loc[reach >= 2]
    if shared.empty:
        return pd.DataFrame(columns=["source", "source_types"])
    wide = shared.pivot_table(index="source", columns="article_id", values="mentions",
                              aggfunc="sum", fill_value=0, sort=False)
    types = shared.groupby("source", sort=False)["source_type"].agg(
        lambda v: ", ".join(dict.fromkeys(v)))
    return wide.assign(source_types=types).reset_index().rename_axis(columns=None)
