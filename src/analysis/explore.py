"""Exploring one article in a notebook (notebook 04): its highlighted text, the table of the
evidence behind every highlight, and controls to choose the article and the kinds shown.

:func:`article_explorer` is what the notebook displays. In JupyterLab it is live: a picker
for the article, one checkbox per kind of evidence in three groups with "all" and "none",
and below them the title, the legend, the highlighted text and the evidence table, all
following the controls. Anywhere the widgets cannot run (an HTML copy, a notebook viewer)
the same output shows a static page instead: every article, highlighted, with its table.
:func:`article_signals` is the table of an article's machine-look and advocacy signals.
"""
from __future__ import annotations

import html

import pandas as pd

from .highlight import (DEFAULT_KINDS, KIND_GROUPS, KINDS, OPTIONAL_GROUPS, article_summary, highlight_html,
                        kind_key, shown_records)
from .labels import article_choice, article_title, plural

#: Evidence columns of the table, with the heading a reader sees.
TABLE_COLUMNS = {"what": "what", "text": "text", "start": "start", "end": "end",
                 "speaker": "speaker", "name": "source", "cue": "cue",
                 "in_quote": "inside a quote", "rule": "rule"}
TABLE_CSS = """
div.evidence{max-width:100%;overflow-x:auto}
div.evidence table{border-collapse:collapse;font:12px/1.4 sans-serif;width:100%}
div.evidence th,div.evidence td{text-align:left!important;vertical-align:top!important;
  padding:2px 6px;border-bottom:1px solid #ddd;overflow-wrap:anywhere;max-width:24em}
div.evidence td.num{text-align:right!important;white-space:nowrap}
div.evidence p{font:12px sans-serif;color:#444;margin:.3em 0}
"""
STATIC_NOTE = ("A static copy: the controls need a running notebook. Every article is below "
               "with the usual kinds of evidence; open the notebook with <code>make lab</code> "
               "and run the cells to choose the article and the kinds.")


def _ok_ids(analysis) -> list[str]:
    return list(analysis.scores.loc[analysis.scores["status"] == "ok", "article_id"])


def _pick(analysis, article_id: str | None) -> str | None:
    """``article_id`` if given, else the first article that was analysed."""
    if article_id is not None:
        if article_id not in set(analysis.scores["article_id"]):
            raise KeyError(f"no article {article_id!r}; choose one of {list(analysis.scores['article_id'])}")
        return article_id
    ok = _ok_ids(analysis)
    return ok[0] if ok else None


def article_evidence(analysis, article_id: str | None = None) -> pd.DataFrame:
    """Every evidence record of one article (default: the first analysed), in text order."""
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


def evidence_table(analysis, article_id: str | None = None, kinds=DEFAULT_KINDS) -> pd.DataFrame:
    """One row per highlight of :func:`article_view` for ``kinds``, in text order, with
    readable headings; columns empty for every row shown are left out."""
    aid = _pick(analysis, article_id)
    text = analysis.article(aid)["text"] if aid is not None else ""
    rows = shown_records(article_evidence(analysis, aid) if aid is not None else [], kinds, len(text))
    table = (pd.DataFrame(rows).reindex(columns=[c for c in TABLE_COLUMNS if c != "what"])
             .assign(what=[KINDS.get(kind_key(r), kind_key(r)) for r in rows],
                     in_quote=lambda d: d["in_quote"].map({True: "yes"}))
             [list(TABLE_COLUMNS)])
    empty = [c for c in table.columns
             if table[c].map(lambda v: v is None or v == "" or (not isinstance(v, str) and pd.isna(v))).all()]
    return table.drop(columns=empty).rename(columns=TABLE_COLUMNS).reset_index(drop=True)


def evidence_table_html(table: pd.DataFrame) -> str:
    """The evidence table as HTML that fits the notebook pane (long cells wrap)."""
    if table.empty:
        return f"<style>{TABLE_CSS}</style><div class='evidence'><p>No highlight of the kinds chosen.</p></div>"
    head = "".join(f"<th>{html.escape(c)}</th>" for c in table.columns)
    body = "".join(
        "<tr>" + "".join(
            f"<td class='num'>{int(v)}</td>" if c in ("start", "end") else
            f"<td>{'' if v is None or (not isinstance(v, str) and pd.isna(v)) else html.escape(str(v))}</td>"
            for c, v in row.items()) + "</tr>"
        for _, row in table.iterrows())
    note = (f"{plural(len(table), 'highlight')} above, one row each; start and end are "
            "character offsets into the article's text.")
    return (f"<style>{TABLE_CSS}</style><div class='evidence'><p>{note}</p>"
            f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def article_view(analysis, article_id: str | None = None, kinds=DEFAULT_KINDS) -> str:
    """HTML of one article: title, summary line, legend and text with the chosen kinds of
    evidence highlighted."""
    aid = _pick(analysis, article_id)
    if aid is None:
        return "<p>No article could be analysed.</p>"
    art = analysis.article(aid)
    score = analysis.scores.set_index("article_id").loc[aid]
    if score["status"] != "ok":
        return f"<p><b>{html.escape(aid)}</b> could not be analysed: {html.escape(str(score['error']))}</p>"
    title = html.escape(article_title(art.get("title"), art["text"], aid))
    summary = html.escape(article_summary(score))
    return (f"<h3>{title}</h3><p style='font-size:12px;color:#444'>{summary}</p>"
            + highlight_html(art["text"], article_evidence(analysis, aid), kinds, art["body_spans"]))


def static_explorer_html(analysis, article_id: str | None = None, kinds=DEFAULT_KINDS) -> str:
    """What the explorer shows where widgets cannot run: a note, then every analysed article
    (the first one open) with its highlights and evidence table."""
    first = _pick(analysis, article_id)
    if first is None:
        return "<p>No article could be analysed.</p>"
    ids = [first] + [a for a in _ok_ids(analysis) if a != first]
    parts = [f"<p class='explorer-note' style='font-size:13px;color:#444'>{STATIC_NOTE}</p>"]
    for aid in ids:
        label = html.escape(_choice(analysis, aid))
        parts.append(f"<details{' open' if aid == first else ''}><summary>{label}</summary>"
                     f"{article_view(analysis, aid, kinds)}"
                     f"{evidence_table_html(evidence_table(analysis, aid, kinds))}</details>")
    return "".join(parts)


def _choice(analysis, aid: str) -> str:
    art = analysis.article(aid)
    score = analysis.scores.set_index("article_id").loc[aid]
    return article_choice(aid, art.get("title"), score.get("outlet"), score.get("genre"), art["text"])


class Explorer:
    """The notebook's article explorer (see the module docstring).

    ``picker`` chooses the article, ``checks`` maps each kind to its checkbox, ``view`` holds
    the HTML shown (the article, then its evidence table: they change together); ``box`` is
    the whole widget."""

    def __init__(self, analysis, article_id: str | None = None, kinds=DEFAULT_KINDS):
        import ipywidgets as widgets

        self.analysis = analysis
        self.first = _pick(analysis, article_id)
        options = [(_choice(analysis, a), a) for a in _ok_ids(analysis)]
        self.picker = widgets.Dropdown(options=options, value=self.first if options else None,
                                       description="Article", layout=widgets.Layout(width="95%"))
        shown_groups = kind_groups(analysis)
        offered = {k for keys in shown_groups.values() for k in keys}
        self.checks = {k: widgets.Checkbox(value=k in set(kinds), description=KINDS[k], indent=False,
                                           layout=widgets.Layout(width="auto", margin="0 14px 0 0"))
                       for k in KINDS if k in offered}
        groups = [widgets.HBox([widgets.HTML(f"<b>{html.escape(name)}</b>",
                                             layout=widgets.Layout(width="12em", min_width="12em")),
                                widgets.HBox([self.checks[k] for k in keys],
                                             layout=widgets.Layout(flex_flow="row wrap"))])
                  for name, keys in shown_groups.items()]
        every, none = widgets.Button(description="all"), widgets.Button(description="none")
        every.on_click(lambda _b: self.set_kinds(self.checks))
        none.on_click(lambda _b: self.set_kinds(()))
        self.view = widgets.HTML()
        self._holding = False
        self.update()
        self.picker.observe(self.update, names="value")
        for box in self.checks.values():
            box.observe(self.update, names="value")
        show = widgets.VBox([widgets.HTML("<b>Show</b>"), *groups,
                             widgets.HBox([every, none])])
        self.box = widgets.VBox([self.picker, show, self.view],
                                layout=widgets.Layout(width="100%"))

    def kinds(self) -> tuple[str, ...]:
        """The kinds ticked, in legend order."""
        return tuple(k for k, box in self.checks.items() if box.value)

    def set_kinds(self, kinds) -> None:
        """Tick exactly ``kinds`` (the view updates once)."""
        self._holding = True
        try:
            for k, box in self.checks.items():
                box.value = k in set(kinds)
        finally:
            self._holding = False
        self.update()

    def update(self, _change=None) -> None:
        """Redraw the article and its table for the current choice."""
        if self._holding or self.picker.value is None:
            return
        aid, kinds = self.picker.value, self.kinds()
        self.view.value = (article_view(self.analysis, aid, kinds)
                           + evidence_table_html(evidence_table(self.analysis, aid, kinds)))

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = self.box._repr_mimebundle_(**kwargs)
        bundle["text/html"] = static_explorer_html(self.analysis, self.first, DEFAULT_KINDS)
        bundle["text/plain"] = "Article explorer: run the cells in JupyterLab to explore."
        return bundle


def kind_groups(analysis) -> dict[str, list[str]]:
    """The groups of kinds the controls offer: the three of
    :data:`~analysis.highlight.KIND_GROUPS`, and the claims other articles carry too when
    the evidence has them (:func:`analysis.compare.notes.with_claim_notes`)."""
    present = set(analysis.evidence["kind"].dropna())
    return {**KIND_GROUPS, **{name: keys for name, keys in OPTIONAL_GROUPS.items()
                              if present & set(keys)}}


def article_explorer(analysis, article_id: str | None = None, kinds=DEFAULT_KINDS) -> Explorer:
    """The explorer of notebook 04: live controls in JupyterLab, static pages elsewhere.

    Displaying it never blocks, also in a headless kernel."""
    return Explorer(analysis, article_id, kinds)
