"""The highlighted article page (issue 4): escaping, nesting, hover text, CLI."""
from __future__ import annotations

import re
import subprocess
import sys

from analysis.highlight import explain, highlight_html, highlight_page

TEXT = 'Menu <script>alert(1)</script>\n“We may act,” said Jane & co. <b>bold</b>'


def test_article_text_is_escaped():
    html = highlight_page("<Title>", TEXT, [], body_spans=[(32, len(TEXT))])
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>bold</b>" not in html and "&lt;b&gt;" in html
    assert "&lt;Title&gt;" in html and "Jane &amp; co." in html


def test_nested_spans_carry_every_kind_with_hover_text():
    s = TEXT.index("“")
    e = TEXT.index("”") + 1
    may = TEXT.index("may")
    evidence = [
        {"kind": "quote", "start": s, "end": e, "text": TEXT[s:e], "speaker": "Jane"},
        {"kind": "hedge", "start": may, "end": may + 3, "text": "may", "in_quote": True, "cue": "may"},
        {"kind": "source", "start": TEXT.index("Jane"), "end": TEXT.index("Jane") + 4, "text": "Jane",
         "source_type": "anonymous", "name": "Jane"},
    ]
    html = highlight_html(TEXT, evidence, body_spans=[(32, len(TEXT))])
    assert 'class="k-quote k-hedge"' in html
    assert "k-source-anonymous" in html
    assert "speaker: Jane" in html and f"chars {may}–{may + 3}" in html
    assert 'class="removed"' in html  # the menu line is shown greyed
    assert "direct quote" in html and "hedge" in html  # legend


def test_kinds_filter():
    evidence = [{"kind": "hedge", "start": 0, "end": 4, "text": "Menu", "in_quote": False}]
    assert "<mark" in highlight_html(TEXT, evidence, kinds=("hedge",), legend=False)
    assert "<mark" not in highlight_html(TEXT, evidence, kinds=("quote",), legend=False)


def test_explain_names_the_cue():
    assert "cue: reportedly" in explain({"kind": "hedge", "start": 1, "end": 5, "cue": "reportedly"})


def test_cli_highlight_writes_a_standalone_page(tmp_path, seed_dir):
    out = tmp_path / "page.html"
    src = seed_dir / "003_304652d43b9f0c09.txt"
    run = subprocess.run([sys.executable, "-m", "analysis", "highlight", str(src), "--out", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<mark" in page
    assert "k-transition" in page and "On the other hand" in page
    assert "<script" not in page


def test_cli_highlight_missing_file(tmp_path):
    run = subprocess.run([sys.executable, "-m", "analysis", "highlight", str(tmp_path / "nope.txt"),
                          "--out", str(tmp_path / "p.html")], capture_output=True, text=True)
    assert run.returncode == 2 and "nope.txt" in run.stderr


def test_legend_and_text_share_one_style_with_the_mark_reset():
    """Issue 18: the reset of the browser's yellow ``mark`` reached the text, not the legend.
    Both now sit inside ``div.hl``, where every mark is reset and every kind styled."""
    from analysis.highlight import CSS, KINDS

    html = highlight_html(TEXT, [{"kind": "hedge", "start": 0, "end": 4, "text": "Menu"}])
    hl = html.index('<div class="hl">')
    assert hl < html.index('<ul class="legend">') < html.index('<div class="article">')
    assert "div.hl mark{background:transparent" in CSS
    assert "div.hl .article mark{" not in CSS.replace("div.hl .article mark:hover", "")
    assert not re.search(r"(?<!div\.hl )\.legend mark|(?<!div\.hl )\.article mark\{", CSS)
    for kind in KINDS:
        css_class = "k-" + kind.replace(":", "-")
        assert re.search(rf"div\.hl mark\.{css_class}\b", CSS), kind
    assert "!important" not in CSS


def test_summary_uses_plurals_and_one_precision():
    from analysis.highlight import article_summary

    line = article_summary({"outlet": "", "genre": "news", "words": 1, "quotes": 1,
                            "named_sources": 0, "institutional_sources": 1, "anonymous_sources": 0,
                            "media_citations": 0, "generated_look_score": 0.578,
                            "advocacy_score": 0.55})
    assert "1 word ·" in line and "1 quote ·" in line and "1 quotes" not in line
    assert "0.58" in line and "0.55" in line and "0.578" not in line
    assert "outlet unknown" in line
