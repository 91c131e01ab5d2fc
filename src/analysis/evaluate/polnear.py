"""Quotes, speakers and sources measured against PolNeAR (brat standoff attributions).

Definitions (the same as the reference scorer ``shared/tools/polnear_score.py``):

- an article is a ``<split>/text/<id>.txt`` file read as UTF-8 text with at least one
  ``<split>/attributions/<id>_<annotator>.ann`` file; the first of those (sorted) is used;
- ``T`` lines are spans (pieces joined by ``;``), ``E`` lines link one attribution's
  ``Source``, ``Cue`` and ``Content``;
- gold quotes: inside each content piece, segments delimited by the marks “ ” " (an opening
  mark left open runs to the piece end; a closing ” met first, with no segment yet, starts the
  segment at the piece start; a quotation already open where the piece starts, counting the
  marks since the last line break before it, starts at its opening mark), of 4+ words, each
  kept once with its attribution's source;
- predicted quotes: ``quote`` records of 4+ words; matched one-to-one (each prediction in
  order takes the first unmatched gold it overlaps mutually by half of both lengths);
- speaker accuracy: among matched quotes whose attribution has a source, the predicted
  speaker span overlaps a source piece; end-to-end: the same count over gold quotes that
  have a source;
- sources: the set of source hulls (first piece start, last piece end) per article against the
  set of predicted ``source`` spans, matched one-to-one on any overlap (``source_F1``) or on
  mutual half overlap (``source_F1_strict``);
- figures are rounded to three decimals.

The texts run through the project's pipeline in-process (:func:`analysis.pipeline.run`),
boilerplate stripping included, exactly as ``python -m analysis evidence`` would run them.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from . import load_texts

Span = tuple[int, int]

#: Quoted fragments shorter than this (titles, scare quotes) are left out on both sides.
MIN_WORDS = 4
QUOTE_MARK = re.compile(r"[“”\"]")


@dataclass
class Attribution:
    """One annotated attribution: its source, cue and content pieces (possibly empty)."""

    source: list[Span] = field(default_factory=list)
    cue: list[Span] = field(default_factory=list)
    content: list[Span] = field(default_factory=list)


def read_ann(path: Path) -> list[Attribution]:
    """Attributions of one brat ``.ann`` file."""
    spans: dict[str, list[Span]] = {}
    links: list[dict[str, str]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("T") and len(cells) >= 3:
            _, _, offsets = cells[1].partition(" ")
            pieces = []
            for piece in offsets.split(";"):
                start, end = piece.split()
                pieces.append((int(start), int(end)))
            spans[cells[0]] = pieces
        elif line.startswith("E") and len(cells) >= 2:
            links.append(dict(arg.split(":", 1) for arg in cells[1].split()))
    return [Attribution(**{role.lower(): spans.get(link.get(role), []) or []
                           for role in ("Source", "Cue", "Content")}) for link in links]


def load_gold(data_dir: Path | str, split: str) -> dict[str, tuple[str, list[Attribution]]]:
    """``{article id: (text, attributions)}`` for a split, first annotator file per article."""
    root = Path(data_dir) / split
    first: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        article = ann.stem.rsplit("_", 1)[0]
        first.setdefault(article, ann)
    out = {}
    for article in sorted(first):
        with open(root / "text" / f"{article}.txt", encoding="utf-8") as f:
            text = f.read()
        out[article] = (text, read_ann(first[article]))
    return out


def open_mark_before(text: str, start: int) -> int | None:
    """Offset of the opening mark of a quotation still open at ``start`` in its paragraph
    (the text since the last line break), or None. Content pieces are sometimes annotated
    from just after the mark (“|We…, or "PENCE: |Well…): such a quote starts at its mark."""
    opened: int | None = None
    for m in QUOTE_MARK.finditer(text, text.rfind("\n", 0, start) + 1, start):
        mark = m.group()
        if opened is None and mark in "“\"":
            opened = m.start()
        elif opened is not None and mark in "”\"":
            opened = None
    return opened


def quote_segments(text: str, start: int, end: int) -> list[Span]:
    """Quote-mark-delimited segments of the content piece ``text[start:end]``; a quotation
    already open at ``start`` (:func:`open_mark_before`) starts at its mark."""
    segments: list[Span] = []
    opened = open_mark_before(text, start)
    for m in QUOTE_MARK.finditer(text, start, end):
        mark = m.group()
        if opened is None and mark in "“\"":
            opened = m.start()
        elif opened is not None and mark in "”\"":
            segments.append((opened, m.end()))
            opened = None
        elif mark == "”" and not segments:
            segments.append((start, m.end()))
    if opened is not None:
        segments.append((opened, end))
    return segments


def n_words(text: str, span: Span) -> int:
    return len(text[span[0]:span[1]].split())


def gold_quotes(text: str, attributions: list[Attribution]) -> list[tuple[Span, list[Span]]]:
    """``(quote span, source pieces)`` of every direct quote, sorted, each span once."""
    found: dict[Span, list[Span]] = {}
    for attribution in attributions:
        for start, end in attribution.content:
            for seg in quote_segments(text, start, end):
                if n_words(text, seg) >= MIN_WORDS and seg not in found:
                    found[seg] = attribution.source
    return sorted(found.items())


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def mutual_half(a: Span, b: Span) -> bool:
    """Overlap covers half of each span (a zero-length span counts as length 1)."""
    o = overlap(a, b)
    return o >= 0.5 * max(1, a[1] - a[0]) and o >= 0.5 * max(1, b[1] - b[0])


def any_overlap(a: Span, b: Span) -> bool:
    return overlap(a, b) > 0


def match(predicted: list[Span], gold: list[Span],
          ok: Callable[[Span, Span], bool]) -> list[tuple[int, int]]:
    """One-to-one pairs: each prediction, in order, takes the first free gold it fits."""
    taken: set[int] = set()
    pairs = []
    for i, p in enumerate(predicted):
        for j, g in enumerate(gold):
            if j not in taken and ok(p, g):
                taken.add(j)
                pairs.append((i, j))
                break
    return pairs


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 rounded to three decimals (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def score(gold: dict[str, tuple[str, list[Attribution]]],
          predictions: dict[str, list[dict]]) -> dict:
    """The metrics of the module docstring, from gold articles and evidence records."""
    c = dict.fromkeys(("q_tp", "q_pred", "q_gold", "spk_ok", "spk_n", "spk_gold", "s_loose",
                       "s_strict", "s_pred", "s_gold", "mismatch"), 0)
    for article, (text, attributions) in gold.items():
        records = predictions.get(article, [])
        c["mismatch"] += sum(1 for r in records
                             if "text" in r and text[r["start"]:r["end"]] != r["text"])
        golds = gold_quotes(text, attributions)
        quotes = [r for r in records if r["kind"] == "quote"
                  and n_words(text, (r["start"], r["end"])) >= MIN_WORDS]
        pairs = match([(r["start"], r["end"]) for r in quotes], [g for g, _ in golds],
                      mutual_half)
        c["q_tp"] += len(pairs)
        c["q_pred"] += len(quotes)
        c["q_gold"] += len(golds)
        c["spk_gold"] += sum(1 for _, source in golds if source)
        for i, j in pairs:
            source = golds[j][1]
            if not source:
                continue
            c["spk_n"] += 1
            rec = quotes[i]
            if rec.get("speaker_start") is not None and any(
                    overlap((rec["speaker_start"], rec["speaker_end"]), s) for s in source):
                c["spk_ok"] += 1
        gold_sources = sorted({(a.source[0][0], a.source[-1][1])
                               for a in attributions if a.source})
        predicted = sorted({(r["start"], r["end"]) for r in records if r["kind"] == "source"})
        c["s_pred"] += len(predicted)
        c["s_gold"] += len(gold_sources)
        c["s_loose"] += len(match(predicted, gold_sources, any_overlap))
        c["s_strict"] += len(match(predicted, gold_sources, mutual_half))
    qp, qr, qf = prf(c["q_tp"], c["q_pred"], c["q_gold"])
    sp, sr, sf = prf(c["s_loose"], c["s_pred"], c["s_gold"])
    strict = prf(c["s_strict"], c["s_pred"], c["s_gold"])[2]
    return {"articles": len(gold), "quote_P": qp, "quote_R": qr, "quote_F1": qf,
            "gold_quotes": c["q_gold"],
            "speaker_acc": round(c["spk_ok"] / c["spk_n"], 3) if c["spk_n"] else 0.0,
            "quote_speaker_e2e": round(c["spk_ok"] / c["spk_gold"], 3) if c["spk_gold"] else 0.0,
            "source_P": sp, "source_R": sr, "source_F1": sf, "source_F1_strict": strict,
            "gold_sources": c["s_gold"], "offset_text_mismatches": c["mismatch"]}


def predict(texts: dict[str, str], *, jobs: int = 1, cache: bool = True,
            progress: bool = True) -> dict[str, list[dict]]:
    """Evidence records per article id, from the project's pipeline run in-process.

    The texts are loaded as the command line would load them (:func:`load_texts`), so that
    the offsets are those of ``python -m analysis evidence``.
    """
    from ..pipeline import run

    with run(load_texts(texts), jobs=jobs, cache=cache, progress=progress) as (_, results):
        return {result["article_id"]: result["evidence"] for result in results}


def evaluate_polnear(data_dir: Path | str, split: str = "dev", jobs: int = 1, cache: bool = True,
                     progress: bool = True) -> dict:
    """Score the extractor on one PolNeAR split (the keys of :func:`score`)."""
    gold = load_gold(data_dir, split)
    predictions = predict({a: t for a, (t, _) in gold.items()}, jobs=jobs, cache=cache,
                          progress=progress)
    return score(gold, predictions)
