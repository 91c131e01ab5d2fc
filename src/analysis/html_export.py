"""HTML copies of executed notebooks that work offline.

nbconvert's ``lab`` template loads require.js, MathJax, Mermaid and the widget manager from
public CDNs. The copies written by the report load nothing: those scripts are left out,
and a widget whose output also carries a static HTML version (the explorer of notebook 04)
shows that version instead of a blank area.
"""
from __future__ import annotations

import copy

import nbformat
from jinja2 import DictLoader
from nbconvert import HTMLExporter

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
TEMPLATE = """{%- extends 'index.html.j2' -%}
{%- block html_head_js_requirejs -%}{%- endblock html_head_js_requirejs -%}
{%- block jupyter_widgets -%}{%- endblock jupyter_widgets -%}
{%- block html_head_js_mathjax -%}{%- endblock html_head_js_mathjax -%}
{%- block html_head_js_mermaidjs -%}{%- endblock html_head_js_mermaidjs -%}
"""


def static_outputs(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` with widget views replaced by their static fallback and no widget
    state: what a page without a kernel or a widget manager can show. A widget with no HTML
    fallback (a progress bar) is left out rather than shown as its text at creation ("0%")."""
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        kept = []
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            if WIDGET_VIEW in data:
                if "text/html" not in data:
                    continue
                del data[WIDGET_VIEW]
            kept.append(out)
        if "outputs" in cell:
            cell.outputs = kept
    return nb


def offline_html(nb: nbformat.NotebookNode) -> str:
    """``nb`` as a standalone HTML page (lab style) that references no script on the network."""
    exporter = HTMLExporter(extra_loaders=[DictLoader({"offline.html.j2": TEMPLATE})],
                            template_file="offline.html.j2")
    body, _ = exporter.from_notebook_node(static_outputs(nb))
    return body
