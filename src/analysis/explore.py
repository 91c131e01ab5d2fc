"""Exploring one article in a notebook: its evidence table, its highlighted text, its
machine-look and advocacy signals, and an ipywidgets picker for the article and the kinds of
evidence shown (notebook 04)."""
from __future__ import annotations

import html

import pandas as pd

from .highlight import DEFAULT_KINDS, KINDS, article_summary, highlight_html, kind_key


def _pick(analysis, article_id: str | None) -> str | None:
    """``article_id`` if given, else the first article that was analysed."""
    ok = analysis.scores.loc[analysis.scores["status"] == "ok", "article_id"]
    if article_id is not None:
        if article_id not in set(analysis.scores["article_id"]):
            raise KeyError(f"no article {article_id!r}; choose one of {list(analysis.scores['article_id'])}")
        return article_id
    return ok.iloc[0] if len(ok) else None


def article_evidence(analysis, article_id: str | None = None) -> pd.DataFrame:
    """Evidence records of one article (default: the first analysed), in text order."""
    aid = _pick(analysis, article_id)
    ev = analysis.evidence
    return (ev.loc[ev["article_id"] == aid]
            .assign(kind=lambda d: [kind_key(r) for r in d.to_dict("records")])
            .dropna(axis=1, how="all")
            .reset_index(drop=True))


def article_signals(analysis, article_id: str | None = None) -> pd.DataFrame:
    """The machine-look and advocacy signals of one article (default: the first analysed):
    each signal's 0–1 value, its measure in words or figures, what triggered it, and, for a
    look signal, its weight in ``generated_look_score`` and its share of that score."""
    from .framing.look import look_table

    aid = _pick(analysis, article_id)
    table = look_table()
    rows = analysis.signals.loc[analysis.signals["article_id"] == aid]
    weight = rows["signal"].map(lambda s: table[s].weight if s in table else float("nan"))
    return (rows.assign(weight=weight.round(3),
                        contribution=(weight * rows["value"]).round(3))
            [["score", "signal", "meaning", "value", "weight", "contribution", "measure",
              "triggers"]]
            .reset_index(drop=True))


def article_view(analysis, article_id: str | None = None, kinds=DEFAULT_KINDS) -> str:
    """HTML of one article from an :class:`~analysis.api.Analysis`: summary line, legend
    and text with the chosen kinds of evidence highlighted."""
    aid = _pick(analysis, article_id)
    if aid is None:
        return "<p>No article could be analysed.</p>"
    art = analysis.article(aid)
    score = analysis.scores.set_index("article_id").loc[aid]
    if score["status"] != "ok":
        return f"<p><b>{html.escape(aid)}</b> could not be analysed: {html.escape(str(score['error']))}</p>"
    title = html.escape(str(art.get("title") or aid))
    summary = html.escape(article_summary(score))
    return (f"<h3>{title}</h3><p style='font-size:12px;color:#444'>{summary}</p>"
            + highlight_html(art["text"], article_evidence(analysis, aid), kinds, art["body_spans"]))


def article_picker(analysis, article_id: str | None = None):
    """ipywidgets controls: choose the article and the evidence kinds; the view updates.

    Returns the widget box (displaying it never blocks, also in a headless kernel).
    """
    import ipywidgets as widgets

    ok = analysis.scores.loc[analysis.scores["status"] == "ok"]
    options = [(f"{o or a} ({g})", a) for a, o, g in zip(ok["article_id"], ok["outlet"], ok["genre"])]
    first = _pick(analysis, article_id)
    picker = widgets.Dropdown(options=options, value=first if options else None,
                              description="Article", layout=widgets.Layout(width="60%"))
    kinds = widgets.SelectMultiple(options=[(KINDS[k], k) for k in KINDS], value=DEFAULT_KINDS,
                                   rows=8, description="Show")
    view = widgets.HTML(article_view(analysis, first, DEFAULT_KINDS) if options else "")

    def update(_change=None) -> None:
        view.value = article_view(analysis, picker.value, kinds.value)

    picker.observe(update, names="value")
    kinds.observe(update, names="value")
    return widgets.VBox([widgets.HBox([picker, kinds]), view])
