"""The sourcing profile measured against hand-made lists of sourced statements.

Data: the Markkula Center journalism sourcing benchmark format — a folder of articles
``ID.txt`` and a folder of gold tables ``ID.csv``, one row per sourced statement with the
columns ``Sourced Statements``, ``Type of source`` and ``Name of Source``.

Definitions (the same as the reference scorer ``shared/tools/profile_score.py``):

- an article is an ``ID.csv`` of the gold folder with an ``ID.txt`` beside it in the
  articles folder, read as UTF-8 (a BOM dropped, CRLF made LF), analysed as
  ``python -m analysis evidence`` and ``score`` would analyse that file;
- gold types fall into four classes: ``Named Person`` / ``Named Individual`` → named,
  ``Named Organization`` → organisation, ``Document`` → document, the unnamed ones
  (``Unnamed group of people``, ``Anonymous source``, ``Unnamed individual``…) →
  unnamed; other rows (and rows with no statement) are left out;
- names and statements are compared *folded*: accents dropped (NFKD), curly quotes made
  straight, lower case; a person's *surname* is the last word of the name before any comma
  (``Jr``, ``Sr``, ``II``, ``III`` skipped); any other name's *key* is its words of letters
  and digits before any comma;
- a statement is *found* where its folded, whitespace-collapsed text (else its first 120,
  60 or 35 characters, with quote marks stripped at both ends, of 20 characters or more)
  occurs in the article's folded text; its span starts there and runs for the statement's
  length and one character more (a statement opening with a quote mark starts after it);
- ``attributed_recall``: share of found statements overlapped by a ``source`` record or by
  a quote that has a speaker; ``type_accuracy``: among those, share whose record has the
  right type (named → ``named``; organisation → ``institutional`` or ``media``; document
  → ``document``; unnamed → ``anonymous``), the record being the first overlapping source
  whose surname (named) or key (others) equals, contains or is contained in the gold's,
  else the first overlapping source, else (only a quote with a speaker) none;
  ``type_accuracy_lenient`` also counts a document right as ``institutional`` or ``media``;
- ``named_P/R/F1``: per article, the set of surnames of gold named people against the set
  of surnames (of ``name``, else of the text) of ``named`` source records, summed;
- ``*_count_MAE``: per article, the absolute difference between a scorecard count and the
  gold count of distinct sources, averaged over articles: ``named_sources`` against gold
  surnames; ``anonymous_sources`` against distinct unnamed keys (the first 30 characters
  of the statement when the name is empty); ``institutional_sources`` + ``media_citations``
  + ``document_sources`` against distinct (class, key) of organisations and documents;
- ``anonymous_presence_accuracy``: share of articles where "uses unnamed sources"
  (count above 0) agrees;
- ``quote_speaker_accuracy``: among statements of a named person that hold a quote of 4+
  words lying inside them (to one character past their end), the share whose quotes all
  have a speaker of that surname.

Figures are rounded to three decimals (the count errors to two).
"""
from __future__ import annotations

import csv
import os
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from . import load_texts

Span = tuple[int, int]

#: Gold "Type of source" values (lower case) and the class each falls in.
GOLD_CLASSES = {
    **dict.fromkeys(("named individual", "named person"), "named"),
    **dict.fromkeys(("named organization", "named organisation"), "org"),
    "document": "doc",
    **dict.fromkeys(("unnamed group of people", "unamed group of people", "anonymous source",
                     "unnamed individual", "unnamed person", "unnamed group", "anonymous"),
                    "anon"),
}
#: Evidence ``source_type`` values counted right for each gold class.
RIGHT_TYPES = {"named": {"named"}, "org": {"institutional", "media"}, "doc": {"document"},
               "anon": {"anonymous"}}
#: Scorecard columns summed into the "other sources" count.
OTHER_COLUMNS = ("institutional_sources", "media_citations", "document_sources")
NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii"})
#: Shorter quotes (titles, scare quotes) are not checked for their speaker.
MIN_QUOTE_WORDS = 4
#: Prefix lengths tried when a whole statement is not found in the text.
PROBES = (120, 60, 35)
MIN_PROBE = 20


@dataclass(frozen=True)
class Statement:
    """One gold sourced statement: its text, the class of its source and the source's name."""

    statement: str
    klass: str
    name: str


def fold(text: str) -> str:
    """``text`` without accents, with straight quotes, in lower case."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c))
    return (text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
            .lower())


def surname(name: str) -> str:
    """A person's surname as compared: the last word before any comma, suffixes skipped."""
    words = [w for w in re.findall(r"[a-z][a-z'\-]+", fold(name).split(",")[0])
             if w not in NAME_SUFFIXES]
    return words[-1] if words else ""


def name_key(name: str) -> str:
    """Any other source's name as compared: its words before any comma, folded."""
    return " ".join(re.findall(r"[a-z0-9]+", fold(name).split(",")[0]))


def gold_class(kind: str) -> str | None:
    """``named``, ``org``, ``doc``, ``anon`` for a gold "Type of source", else None."""
    return GOLD_CLASSES.get(kind.strip().lower())


def read_gold(path: Path | str) -> list[Statement]:
    """The statements of one gold table whose type has a class."""
    with open(path, encoding="utf-8-sig", errors="replace") as f:
        rows = list(csv.reader(f))
    header = [h.strip().lower() for h in rows[0]]
    s_col = next(i for i, h in enumerate(header) if h.startswith("sourced statement"))
    t_col, n_col = header.index("type of source"), header.index("name of source")
    out = []
    for row in rows[1:]:
        if len(row) <= max(s_col, t_col, n_col):
            continue
        klass = gold_class(row[t_col])
        if klass and row[s_col].strip():
            out.append(Statement(row[s_col].strip(), klass, row[n_col].strip()))
    return out


def load_benchmark(articles_dir: Path | str,
                   gold_dir: Path | str) -> dict[str, tuple[str, list[Statement]]]:
    """``{id: (text, statements)}`` for each gold table with an article beside it."""
    articles_dir, gold_dir = Path(articles_dir), Path(gold_dir)
    out = {}
    ids = sorted(name[:-4] for name in os.listdir(gold_dir) if name.endswith(".csv")
                 and (articles_dir / f"{name[:-4]}.txt").exists())
    for article in ids:
        with open(articles_dir / f"{article}.txt", encoding="utf-8-sig") as f:
            text = f.read().replace("\r\n", "\n")
        out[article] = (text, read_gold(gold_dir / f"{article}.csv"))
    return out


def folded_with_offsets(text: str) -> tuple[str, list[int]]:
    """``text`` folded with runs of whitespace as one space, and each character's offset
    in ``text``."""
    chars: list[str] = []
    offsets: list[int] = []
    in_space = False
    for i, c in enumerate(text):
        c = fold(c)
        if c.isspace() or not c:
            if chars and not in_space:
                chars.append(" ")
                offsets.append(i)
            in_space = True
            continue
        chars.extend(c)
        offsets.extend([i] * len(c))
        in_space = False
    return "".join(chars), offsets


def locate(folded: str, offsets: list[int], statement: str) -> Span | None:
    """Where ``statement`` is in the text (see the module docstring), or None."""
    s = " ".join(fold(statement).split())
    for n in (len(s), *PROBES):
        probe = s[:n].strip(" \"'")
        if len(probe) < MIN_PROBE and n != len(s):
            continue
        i = folded.find(probe)
        if i >= 0:
            lead = len(s[:n]) - len(s[:n].lstrip(" \"'"))
            end = min(len(offsets) - 1, i + len(s) - lead)
            return offsets[i], offsets[end] + 1
    return None


def overlaps(record: dict, span: Span) -> bool:
    return record["start"] < span[1] and span[0] < record["end"]


def compared_name(record: dict, klass: str) -> str:
    """A source record's name as compared with a gold name of ``klass``."""
    name = record.get("name") or record["text"]
    return surname(name) if klass == "named" else name_key(name)


def typed_record(sources: list[dict], statement: Statement) -> dict | None:
    """The source record a statement is judged by (see the module docstring)."""
    want = surname(statement.name) if statement.klass == "named" else name_key(statement.name)
    for rec in sources:
        got = compared_name(rec, statement.klass)
        if got and want and (got == want or got in want or want in got):
            return rec
    return sources[0] if sources else None


@dataclass
class Tally:
    """Counts summed over articles."""

    statements: int = 0
    attributed: int = 0
    typed: int = 0
    typed_lenient: int = 0
    quote_statements: int = 0
    quote_speaker_ok: int = 0
    named_tp: int = 0
    named_pred: int = 0
    named_gold: int = 0
    named_err: float = 0.0
    anon_err: float = 0.0
    other_err: float = 0.0
    presence_ok: int = 0


def _card_number(card: dict, column: str) -> float:
    """A scorecard count as the reference scorer reads it from the CSV (missing: 0)."""
    value = _plain(card.get(column))
    try:
        return float(value or 0)
    except (TypeError, ValueError):
        return 0.0


def score_statements(text: str, gold: list[Statement], records: list[dict],
                     tally: Tally) -> None:
    """Add one article's statement-level counts (recall, type, quote speakers) to ``tally``."""
    folded, offsets = folded_with_offsets(text)
    sources = [r for r in records if r["kind"] == "source"]
    spoken = [r for r in records if r["kind"] == "quote" and r.get("speaker_start") is not None]
    for g in gold:
        span = locate(folded, offsets, g.statement)
        if span is None:
            continue
        tally.statements += 1
        inside = [r for r in sources if overlaps(r, span)]
        voiced = [q for q in spoken if overlaps(q, span)]
        held = [q for q in records if q["kind"] == "quote"
                and len(q["text"].split()) >= MIN_QUOTE_WORDS
                and span[0] <= q["start"] and q["end"] <= span[1] + 1]
        if g.klass == "named" and held:
            tally.quote_statements += 1
            tally.quote_speaker_ok += all(surname(q.get("speaker") or "") == surname(g.name)
                                          for q in held)
        if not inside and not voiced:
            continue
        tally.attributed += 1
        rec = typed_record(inside, g)
        kind = rec.get("source_type") if rec else "none"
        right = kind in RIGHT_TYPES[g.klass]
        tally.typed += right
        tally.typed_lenient += right or (g.klass == "doc" and kind in {"institutional", "media"})


def score_counts(article_id: str, gold: list[Statement], records: list[dict], card: dict,
                 tally: Tally) -> dict:
    """Add one article's named P/R and count errors to ``tally``; its per-article row."""
    gold_named = {surname(g.name) for g in gold if g.klass == "named"} - {""}
    got_named = {surname(r.get("name") or r["text"]) for r in records
                 if r["kind"] == "source" and r.get("source_type") == "named"} - {""}
    tally.named_tp += len(gold_named & got_named)
    tally.named_pred += len(got_named)
    tally.named_gold += len(gold_named)
    gold_anon = len({name_key(g.name) or g.statement[:30] for g in gold if g.klass == "anon"})
    gold_other = len({(g.klass, name_key(g.name)) for g in gold if g.klass in ("org", "doc")})
    named = _card_number(card, "named_sources")
    anon = _card_number(card, "anonymous_sources")
    other = sum(_card_number(card, c) for c in OTHER_COLUMNS)
    tally.named_err += abs(named - len(gold_named))
    tally.anon_err += abs(anon - gold_anon)
    tally.other_err += abs(other - gold_other)
    tally.presence_ok += (anon > 0) == (gold_anon > 0)
    return {"article": article_id, "gold_named": len(gold_named), "named": named,
            "gold_anon": gold_anon, "anon": anon, "gold_other": gold_other, "other": other}


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 rounded to three decimals (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return round(p, 3), round(r, 3), round(2 * p * r / (p + r), 3) if p + r else 0.0


def score(benchmark: dict[str, tuple[str, list[Statement]]], records: dict[str, list[dict]],
          cards: dict[str, dict]) -> tuple[dict, list[dict]]:
    """The metrics of the module docstring and one row per article, from the gold
    (:func:`load_benchmark`), the evidence records and the scorecard row of each article."""
    tally = Tally()
    per_article = []
    for article, (text, gold) in benchmark.items():
        recs = records.get(article, [])
        score_statements(text, gold, recs, tally)
        per_article.append(score_counts(article, gold, recs, cards.get(article, {}), tally))
    n = max(1, len(benchmark))
    p, r, f = prf(tally.named_tp, tally.named_pred, tally.named_gold)
    summary = {
        "articles": len(benchmark), "statements": tally.statements,
        "attributed_recall": round(tally.attributed / max(1, tally.statements), 3),
        "type_accuracy": round(tally.typed / max(1, tally.attributed), 3),
        "type_accuracy_lenient": round(tally.typed_lenient / max(1, tally.attributed), 3),
        "named_P": p, "named_R": r, "named_F1": f,
        "named_count_MAE": round(tally.named_err / n, 2),
        "anonymous_count_MAE": round(tally.anon_err / n, 2),
        "other_count_MAE": round(tally.other_err / n, 2),
        "anonymous_presence_accuracy": round(tally.presence_ok / n, 3),
        "quote_statements": tally.quote_statements,
        "quote_speaker_accuracy": round(tally.quote_speaker_ok / max(1, tally.quote_statements),
                                        3),
    }
    return summary, per_article


def _plain(value):
    """A DataFrame cell as the command line prints it (NaN and NA as None)."""
    return None if pd.isna(value) else value


def predict(texts: dict[str, str], *, jobs: int = 1, cache: bool = True,
            progress: bool = True) -> tuple[dict[str, list[dict]], dict[str, dict]]:
    """Evidence records and scorecard row per article id, from one in-process run of the
    pipeline over the texts loaded as the command line loads files (:func:`load_texts`)."""
    from ..api import analyse_articles

    run = analyse_articles(load_texts(texts), jobs=jobs, cache=cache, progress=progress)
    records: dict[str, list[dict]] = {}
    for rec in run.evidence.loc[lambda d: d["kind"].isin(["source", "quote"])].to_dict("records"):
        records.setdefault(rec["article_id"], []).append({k: _plain(v) for k, v in rec.items()})
    cards = {row["article_id"]: row for row in run.scores.to_dict("records")}
    return records, cards


def evaluate_profile(articles_dir: Path | str, gold_dir: Path | str, *, jobs: int = 1,
                     cache: bool = True, progress: bool = True) -> tuple[dict, list[dict]]:
    """Score the sourcing profile on a benchmark folder pair (see :func:`score`)."""
    benchmark = load_benchmark(articles_dir, gold_dir)
    records, cards = predict({a: t for a, (t, _) in benchmark.items()}, jobs=jobs, cache=cache,
                             progress=progress)
    return score(benchmark, records, cards)
