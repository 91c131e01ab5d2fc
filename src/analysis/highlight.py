"""One article with its evidence highlighted in place, explained on hover.

:func:`highlight_html` marks up the article's own text (always HTML-escaped) with every
evidence span — quotes, sources by type, hedges, boosters, framing signals, appeals — as
``<mark>`` elements whose ``title`` says what each is and why; text set aside as web
boilerplate is shown greyed. :func:`write_highlight_page` writes a standalone page (no
JavaScript, no outside files) for sharing in a write-up; notebook 04 shows the same markup
through :mod:`analysis.explore`.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

import pandas as pd

from .labels import article_title, plural
from .palettes import SOURCE_COLOURS
from .records import SIGNAL_KINDS, relied_on

#: Evidence kinds that can be shown, with the words a reader sees in the legend and the
#: controls, in display order.
KINDS = {
    "quote": "direct quote",
    "source:named": "named source",
    "source:institutional": "institutional source",
    "source:anonymous": "anonymous source",
    "source:media": "media citation",
    "source:document": "document cited (report, filing, data, e-mail…)",
    "source:unresolved": "pronoun whose referent is unclear (not counted)",
    "source:acting": "source only shown acting, never saying or finding (not counted)",
    "hedge": "hedge (writer less certain)",
    "booster": "booster (writer more certain)",
    "appeal": "appeal to the reader",
    **{k: re.sub(r"\s*\(lexicon [^)]*\)", "", v) for k, v in SIGNAL_KINDS.items()},
    "claim": "claim other articles carry too",
}
#: Longer hover text where the legend words need one.
KIND_NOTES = {"appeal": "set apart from the body as a message to the reader"}
#: Kinds that come from comparing the article with others (:mod:`analysis.compare.notes`).
COVERAGE_KINDS = ["claim"]
#: The kinds in three groups, as the notebook's controls show them.
KIND_GROUPS = {
    "quotes and sources": [k for k in KINDS if k == "quote" or k.startswith("source:")],
    "hedges and boosters": ["hedge", "booster"],
    "signals": [k for k in KINDS if k not in {"quote", "hedge", "booster", *COVERAGE_KINDS}
                and not k.startswith("source:")],
}
#: Shown as a group of their own only when the evidence has them (a comparison was made).
OPTIONAL_GROUPS = {"the same claim elsewhere": COVERAGE_KINDS}
DEFAULT_KINDS = ("quote", "source:named", "source:institutional", "source:anonymous",
                 "source:media", "source:document", "source:unresolved", "source:acting",
                 "hedge", "booster", "appeal", "loaded", "transition", "unattributed_claim")


def _css() -> str:
    """Styles of the highlights, the same for the text and the legend (both inside ``.hl``).

    The browser's own yellow ``mark`` background is reset for every mark in ``.hl``; each
    kind then sets its own look, so a legend sample looks exactly like what it explains."""
    src = SOURCE_COLOURS
    return f"""
div.hl mark{{background:transparent;color:inherit;padding:0 1px;border-radius:2px}}
div.hl .article{{font:16px/1.7 Georgia,serif;max-width:46em;white-space:pre-wrap;color:#111}}
div.hl .removed{{color:#9a9a9a;font-size:90%}}
div.hl mark.k-quote{{background:#cfe3f3}}
div.hl mark.k-source-named{{box-shadow:inset 0 -3px {src["named"]};font-weight:bold}}
div.hl mark.k-source-institutional{{box-shadow:inset 0 -6px {src["institutional"]};font-weight:bold}}
div.hl mark.k-source-anonymous{{box-shadow:inset 0 -6px {src["anonymous"]};font-weight:bold;font-style:italic}}
div.hl mark.k-source-media{{box-shadow:inset 0 -3px {src["media"]};font-weight:bold}}
div.hl mark.k-source-document{{box-shadow:inset 0 -6px {src["document"]};font-weight:bold}}
div.hl mark.k-source-unresolved{{box-shadow:inset 0 -1px #999;font-style:italic}}
div.hl mark.k-source-acting{{box-shadow:inset 0 -1px #999}}
div.hl mark.k-hedge{{text-decoration:underline wavy #D55E00}}
div.hl mark.k-booster{{text-decoration:underline double #000}}
div.hl mark.k-appeal{{background:#fde2c8}}
div.hl mark.k-loaded{{outline:2px solid #D55E00}}
div.hl mark.k-evaluative{{outline:1px dashed #8c6bb1}}
div.hl mark.k-transition{{background:#e7d4ec}}
div.hl mark.k-stock_phrase{{background:#f2d7e8}}
div.hl mark.k-unattributed_claim{{border-bottom:2px dotted #666}}
div.hl mark.k-we,div.hl mark.k-you{{outline:1px dotted #0072B2}}
div.hl mark.k-call_to_action{{background:#fbd0a0}}
div.hl mark.k-number{{outline:1px solid #999}}
div.hl mark.k-claim{{border-top:2px dashed #555}}
div.hl .article mark:hover{{filter:brightness(0.9);cursor:help}}
div.hl ul.legend{{font:13px/1.6 sans-serif;margin:0 0 1em 0;padding:0}}
div.hl ul.legend li{{display:inline-block;margin:0 1em .3em 0;list-style:none}}
"""


CSS = _css()


def kind_key(record: dict) -> str:
    """The display kind of a record: sources are split by type (``source:named``…); a source
    the scorecard does not count because it is only shown acting is ``source:acting``."""
    if record.get("kind") == "source":
        kind = record.get("source_type") or "named"
        if not relied_on(record.get("counted")) and kind != "unresolved":
            return "source:acting"
        return f"source:{kind}"
    return str(record.get("kind"))


def explain(record: dict) -> str:
    """Hover text of one record: what it is, who/what triggered it, and its offsets."""
    key = kind_key(record)
    parts = [KINDS.get(key, key)] + ([KIND_NOTES[key]] if key in KIND_NOTES else [])
    if record.get("kind") == "quote":
        parts.append(f"speaker: {record.get('speaker') or 'not identified'}")
    if record.get("kind") == "source" and record.get("name"):
        parts.append(f"name: {record['name']}")
    cue = record.get("cue")
    if isinstance(cue, str) and cue and record.get("kind") != "quote":
        parts.append(f"cue: {cue}")
    if record.get("in_quote") is True:
        parts.append("inside a quote")
    parts.append(f"chars {record['start']}–{record['end']}")
    return " · ".join(parts)


def legend_html(kinds) -> str:
    """A legend of the kinds shown, each sample styled as in the text."""
    items = "".join(f'<li><mark class="{_css_class(k)}">{html.escape(KINDS.get(k, k))}</mark></li>'
                    for k in kinds)
    return f'<ul class="legend">{items}</ul>'


def _css_class(key: str) -> str:
    return "k-" + key.replace(":", "-")


def shown_records(evidence, kinds=DEFAULT_KINDS, text_length: int | None = None) -> list[dict]:
    """The records that are highlighted for ``kinds``: with offsets (inside the text, when its
    length is given), one per kind and span, in text order. The notebook's evidence table
    lists exactly these, so every highlight is one row."""
    if isinstance(evidence, pd.DataFrame):
        evidence = evidence.to_dict("records")
    wanted, seen, out = set(kinds), set(), []
    for r in evidence:
        if pd.isna(r.get("start")) or pd.isna(r.get("end")) or kind_key(r) not in wanted:
            continue
        start, end = int(r["start"]), int(r["end"])
        if not 0 <= start < end or (text_length is not None and end > text_length):
            continue
        if (key := (kind_key(r), start, end)) not in seen:
            seen.add(key)
            out.append(r)
    return sorted(out, key=lambda r: (int(r["start"]), -int(r["end"])))


def highlight_html(text: str, evidence, kinds=DEFAULT_KINDS, body_spans=None,
                   legend: bool = True) -> str:
    """``text`` as HTML with the evidence of the chosen ``kinds`` highlighted in place.

    Overlapping spans nest: the text is cut at every span boundary and each piece carries
    the classes and hover text of every span covering it. Text outside ``body_spans`` (web
    boilerplate) is greyed. All article text is escaped.
    """
    chosen = shown_records(evidence, kinds, len(text))
    cuts = {0, len(text)}
    for r in chosen:
        cuts.update((int(r["start"]), int(r["end"])))
    body = [(int(s), int(e)) for s, e in (body_spans if body_spans is not None else [(0, len(text))])]
    for s, e in body:
        cuts.update((s, e))
    points = sorted(c for c in cuts if 0 <= c <= len(text))
    out = []
    for a, b in zip(points, points[1:]):
        piece = html.escape(text[a:b])
        covering = [r for r in chosen if int(r["start"]) <= a and b <= int(r["end"])]
        if covering:
            classes = " ".join(dict.fromkeys(_css_class(kind_key(r)) for r in covering))
            title = html.escape(" | ".join(explain(r) for r in covering), quote=True)
            piece = f'<mark class="{classes}" title="{title}">{piece}</mark>'
        if not any(s <= a and b <= e for s, e in body):
            piece = f'<span class="removed" title="set aside as web boilerplate">{piece}</span>'
        out.append(piece)
    shown = [k for k in KINDS if k in set(kinds)]
    head = legend_html(shown) if legend else ""
    return f'<style>{CSS}</style><div class="hl">{head}<div class="article">{"".join(out)}</div></div>'


def highlight_page(title: str, text: str, evidence, kinds=DEFAULT_KINDS, body_spans=None,
                   summary: str = "") -> str:
    """A standalone HTML page of one article (see :func:`highlight_html`)."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        f"<title>{html.escape(title)}</title>"
        "<style>body{margin:2em auto;max-width:50em;padding:0 1em;font-family:sans-serif}"
        "h1{font:bold 22px Georgia,serif}.summary{font-size:13px;color:#444}</style></head><body>"
        f"<h1>{html.escape(title)}</h1>"
        f'<p class="summary">{html.escape(summary)}</p>'
        "<p class=\"summary\">Hover over a highlight to see what it is and why it was marked. "
        "Grey text was set aside as web page furniture. Highlights are signals for a reader to "
        "check, not verdicts.</p>"
        f"{highlight_html(text, evidence, kinds, body_spans)}</body></html>\n"
    )


def article_summary(scores: pd.Series | dict) -> str:
    """One line of the article's key scores for the page header (counts with their plural,
    both signal scores to two decimals as on the charts)."""
    get = scores.get

    def score(name: str) -> str:
        value = get(name)
        return "–" if value is None or pd.isna(value) else f"{float(value):.2f}"

    outlet = get("outlet") if isinstance(get("outlet"), str) and get("outlet") else "outlet unknown"
    return (f"{outlet} · {get('genre')} · {plural(get('words'), 'word')} · "
            f"{plural(get('quotes'), 'quote')} · sources: {get('named_sources')} named, "
            f"{get('institutional_sources')} institutional, {get('anonymous_sources')} anonymous, "
            f"{get('media_citations')} media, {get('document_sources')} documents · "
            f"machine-look signals {score('generated_look_score')} · "
            f"advocacy signals {score('advocacy_score')} (0–1)")


class ArticleChoiceError(ValueError):
    """A file of several articles given without the id of the one to show (or with an id it
    does not hold)."""


def write_highlight_page(path: Path, out: Path, kinds=DEFAULT_KINDS,
                         article_id: str | None = None) -> Path:
    """Analyse the article file ``path`` and write its highlighted page to ``out``.

    A file holding several articles (an archive export, a corpus CSV) needs ``article_id``,
    one of the ids :func:`analysis.load_articles` gives them; an :class:`ArticleChoiceError`
    lists them otherwise (and for an id the file does not hold).
    """
    from .articles import load_articles
    from .api import analyse_articles

    result = analyse_articles(load_articles(Path(path)), progress=False)
    ids = list(result.articles["article_id"])
    if article_id is None and len(ids) > 1 or article_id is not None and article_id not in ids:
        shown = ", ".join(ids[:10]) + (f" and {len(ids) - 10} more" if len(ids) > 10 else "")
        asked = "holds several articles" if article_id is None else f"holds no article {article_id!r}"
        raise ArticleChoiceError(f"{path} {asked}; choose one by its id ({shown})")
    row = ids.index(article_id) if article_id is not None else 0
    art = result.articles.iloc[row]
    score = result.scores.iloc[row]
    if score["status"] != "ok":
        from .textio import ArticleError

        raise ArticleError(score["error"])
    evidence = result.evidence.loc[result.evidence["article_id"] == art["article_id"]]
    page = highlight_page(article_title(art["title"], art["text"], art["article_id"]), art["text"],
                          evidence, kinds, art["body_spans"], article_summary(score))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out
