"""HTML copies of the notebooks work offline (issue 18): no script from the network, and
widgets fall back to static content or are left out."""
from __future__ import annotations

import re

import nbformat

from analysis.html_export import WIDGET_VIEW, offline_html, static_outputs

VIEW = {"version_major": 2, "version_minor": 0, "model_id": "abc"}


def notebook() -> nbformat.NotebookNode:
    cell = nbformat.v4.new_code_cell("explorer", execution_count=1)
    cell.outputs = [
        nbformat.v4.new_output("display_data", data={"text/plain": "articles: 0%| | 0/5",
                                                     WIDGET_VIEW: VIEW}),
        nbformat.v4.new_output("execute_result", execution_count=1,
                               data={"text/plain": "Explorer", WIDGET_VIEW: VIEW,
                                     "text/html": "<details open><summary>Story</summary>"
                                                  "<mark class='k-quote'>“Hi”</mark></details>"}),
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Title $x$"), cell])
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    return nb


def test_widgets_fall_back_to_their_html_or_are_left_out():
    nb = static_outputs(notebook())
    outs = nb.cells[1].outputs
    assert len(outs) == 1 and WIDGET_VIEW not in outs[0].data and "text/html" in outs[0].data
    assert "widgets" not in nb.metadata
    assert len(notebook().cells[1].outputs) == 2, "the notebook given is not changed"


def test_offline_page_references_no_script_on_the_network():
    page = offline_html(notebook())
    assert "<mark class=\"k-quote\">" in page or "<mark class='k-quote'>" in page
    assert "0/5" not in page
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not [s for s in re.findall(r"<script[^>]*>(.*?)</script>", page, re.S) if "http" in s]
    assert "cdn" not in page.lower()
