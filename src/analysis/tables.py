"""Reader-sized tables for the notebooks: the few columns that matter, formatted, and the
full table a click away.

Shares are shown as percentages, rates per 1,000 words with one decimal, 0–1 scores with
two decimals (as on the charts), counts as whole numbers; text is left-aligned. Articles are
named as on the charts (:func:`analysis.labels.article_label`), never by file hash.
"""
from __future__ import annotations

import html

import pandas as pd
from pandas.io.formats.style import Styler

from .labels import short_id

#: Scorecard columns a reader sees first, with their headings.
SCORECARD_VIEW = {
    "name": "article", "genre": "genre", "words": "words", "quotes": "quotes",
    "quoted_word_share": "words quoted", "sources": "sources", "named_sources": "named",
    "anonymous_sources": "anonymous", "hedges_per_1k": "hedges per 1,000",
    "transparency_index": "transparency index",
    "generated_look_score": "machine-look signals", "advocacy_score": "advocacy signals",
}
TRANSPARENCY_VIEW = {
    "name": "article", "genre": "genre", "sources": "sources", "named_sources": "named",
    "anonymous_sources": "anonymous", "quotes": "quotes", "named_share": "named share",
    "non_anonymous_share": "not anonymous", "attributed_quote_share": "quotes with a speaker",
    "transparency_index": "transparency index",
}
SHARES = {"words quoted", "named share", "not anonymous", "quotes with a speaker"}
RATES = {"hedges per 1,000", "boosters per 1,000"}
SCORES = {"transparency index", "machine-look signals", "advocacy signals"}
TEXT = {"article", "genre"}


def _name(frame: pd.DataFrame) -> pd.Series:
    """Outlet, else ``article 003``: the chart label without the genre (a column of its own)."""
    outlet = frame["outlet"].where(frame["outlet"].fillna("").astype(str).str.strip() != "")
    return outlet.fillna(frame["article_id"].map(short_id))


def _styled(frame: pd.DataFrame) -> Styler:
    """``frame`` formatted by what each column holds, text left-aligned, no index."""
    formats = {}
    for col in frame.columns:
        if col in SHARES:
            formats[col] = lambda v: "–" if pd.isna(v) else f"{100 * v:.0f}%"
        elif col in RATES:
            formats[col] = lambda v: "–" if pd.isna(v) else f"{v:.1f}"
        elif col in SCORES:
            formats[col] = lambda v: "–" if pd.isna(v) else f"{v:.2f}"
        elif col not in TEXT:
            formats[col] = lambda v: "–" if pd.isna(v) else f"{int(v):d}"
    text = [c for c in frame.columns if c in TEXT]
    return (frame.style.format(formats).hide(axis="index")
            .set_properties(subset=text, **{"text-align": "left"})
            .set_properties(subset=text[:1], **{"min-width": "11em"})
            .set_table_styles([{"selector": "th", "props": "text-align:left;vertical-align:bottom"},
                               {"selector": "td", "props": "padding:2px 8px"}]))


def scorecard_view(scores: pd.DataFrame) -> Styler:
    """The scorecard as a reader reads it: one row per analysed article, the columns that
    matter (see :data:`SCORECARD_VIEW`), formatted."""
    ok = scores.loc[scores["status"] == "ok"]
    frame = ok.assign(name=_name(ok))[list(SCORECARD_VIEW)].rename(columns=SCORECARD_VIEW)
    return _styled(frame.reset_index(drop=True))


def transparency_view(parts: pd.DataFrame, scores: pd.DataFrame) -> Styler:
    """:func:`analysis.scoring.transparency_parts` formatted, articles named as on the charts."""
    meta = scores[["article_id", "outlet"]]
    frame = parts.merge(meta, on="article_id", how="left")
    frame = frame.assign(name=_name(frame))[list(TRANSPARENCY_VIEW)].rename(columns=TRANSPARENCY_VIEW)
    return _styled(frame)


class Details:
    """A table folded under a one-line summary a reader clicks to open (HTML ``<details>``)."""

    def __init__(self, summary: str, table: pd.DataFrame):
        self.summary, self.table = summary, table

    def _repr_html_(self) -> str:
        return (f"<details><summary>{html.escape(self.summary)}</summary>"
                f"<div style='overflow-x:auto'>{self.table.to_html(index=False)}</div></details>")

    def __repr__(self) -> str:
        return f"{self.summary} (open the notebook to unfold it)"


def full_table(frame: pd.DataFrame, what: str = "the full scorecard") -> Details:
    """Every column of ``frame``, folded: opened on demand."""
    return Details(f"Show {what}: {len(frame.columns)} columns, {len(frame)} rows", frame)


class Note:
    """A sentence shown instead of a table (e.g. when the table would be empty)."""

    def __init__(self, text: str):
        self.text = text

    def _repr_html_(self) -> str:
        return f"<p>{html.escape(self.text)}</p>"

    def __repr__(self) -> str:
        return self.text


def not_analysed(scores: pd.DataFrame) -> pd.DataFrame | Note:
    """The articles that could not be analysed, with the reason; or a sentence saying that
    every article was analysed."""
    failed = scores.loc[scores["status"] != "ok", ["article_id", "error"]]
    if failed.empty:
        return Note(f"Every article was analysed ({len(scores)} of {len(scores)}).")
    return failed.reset_index(drop=True)
