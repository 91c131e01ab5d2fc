"""Saved web pages: trafilatura's main text and metadata, cached, offsets into it (issue 6)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from analysis import load_articles, webpage
from analysis.webpage import extract_webpage, load_webpage, looks_like_html

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Senate passes the bill | Example News</title>
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-05-14T10:00:00Z">
<link rel="canonical" href="https://example.com/news/senate-bill">
<link rel="stylesheet" href="https://cdn.example.com/site.css">
<script src="https://cdn.example.com/tracker.js"></script>
<script>document.title = "page script ran";</script>
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav>
<article><h1>Senate passes the bill</h1>
<img src="https://cdn.example.com/photo.jpg" onerror="alert('img')">
<p>WASHINGTON — The Senate passed the bill on Tuesday, officials said, after a long debate
that ran late into the night.</p>
<p>“We are pleased with the outcome,” the majority leader told reporters after the vote,
adding that the House would take it up next week.</p>
<p>Critics said the measure might not survive a court challenge, according to two people
familiar with the matter.</p>
<p>A reader wrote &lt;script&gt;alert(1)&lt;/script&gt; in the comment box.</p>
</article>
<footer>Copyright 2024 Example News. All rights reserved.</footer>
</body></html>
"""


@pytest.fixture()
def page_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(tmp_path / "interim"))
    data = tmp_path / "data"
    data.mkdir()
    (data / "senate.html").write_text(PAGE, encoding="utf-8")
    return data


def test_main_text_and_metadata_without_page_furniture():
    page = extract_webpage(PAGE)
    assert (page.title, page.author, page.date, page.sitename, page.url) == (
        "Senate passes the bill", "Jane Doe", "2024-05-14", "Example News",
        "https://example.com/news/senate-bill")
    assert "“We are pleased with the outcome,” the majority leader" in page.text
    for furniture in ("Home", "Copyright", "page script ran", "tracker.js"):
        assert furniture not in page.text
    assert "<script>alert(1)</script>" in page.text  # the article's words, as text


def test_article_row_uses_the_extracted_text_and_page_metadata(page_dir, tmp_path):
    row = load_articles(page_dir).iloc[0]
    assert row["status"] == "ok" and row["article_id"] == "senate"
    assert row["path"] == str(page_dir / "senate.html")
    text_path = Path(row["text_path"])
    assert text_path.parent == tmp_path / "interim" / "webpages"
    assert text_path.read_bytes().decode("utf-8") == row["text"]  # offsets index this file
    assert "<p>" not in row["text"] and "officials said" in row["body"]
    assert (row["title"], row["outlet"], row["author"], row["published"], row["url"]) == (
        "Senate passes the bill", "Example News", "Jane Doe", "2024-05-14",
        "https://example.com/news/senate-bill")
    assert row["encoding"] == "utf-8"


def test_manifest_metadata_wins_over_the_page(page_dir):
    (page_dir / "manifest.csv").write_text(
        "file,outlet,title,published,url,genre,reposted_from,notes\n"
        "senate.html,Wire Service,Our title,2024-05-15,,news,,\n")
    row = load_articles(page_dir).iloc[0]
    assert (row["outlet"], row["title"], row["published"], row["genre"]) == (
        "Wire Service", "Our title", "2024-05-15", "news")
    assert row["url"] == "https://example.com/news/senate-bill"  # not in the manifest


def test_extracted_text_is_cached_and_reused_byte_for_byte(page_dir, monkeypatch):
    first = load_articles(page_dir).iloc[0]

    def refuse(*args, **kwargs):
        raise AssertionError("extracted again instead of reading the cache")

    monkeypatch.setattr(webpage, "extract_webpage", refuse)
    second = load_articles(page_dir).iloc[0]
    assert second["text"] == first["text"] and second["text_path"] == first["text_path"]
    assert second["title"] == first["title"]


def test_evidence_offsets_refer_to_the_extracted_text(page_dir, evidence_of):
    row = load_articles(page_dir).iloc[0]
    saved = Path(row["text_path"]).read_text(encoding="utf-8")
    evidence = evidence_of(row["text"])
    quotes = [e for e in evidence if e["kind"] == "quote"]
    assert quotes and "We are pleased" in quotes[0]["text"]
    for e in evidence:
        assert saved[e["start"]:e["end"]] == e["text"]


def test_declared_charset_is_honoured():
    html = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
            '</head><body><article><p>\x93We are ready,\x94 the caf\xe9 owner said on Monday, '
            'before the council met to discuss the new rules for the old town square.</p>'
            '</article></body></html>').encode("latin-1")
    page, _ = load_webpage(html, "cafe.html")
    assert "“We are ready,” the café owner said" in page.text
    assert page.encoding == "cp1252"


def test_a_page_without_article_text_is_an_error_row(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(tmp_path / "interim"))
    (tmp_path / "app.html").write_text('<html><body><div id="root"></div>'
                                       '<script>render()</script></body></html>')
    row = load_articles(tmp_path).iloc[0]
    assert row["status"] == "error"
    assert "app.html: no article text found in the web page" in row["error"]
    assert row["error"].endswith("save the article text as .txt")


def test_html_saved_as_txt_is_read_as_a_page(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(tmp_path / "interim"))
    (tmp_path / "saved.txt").write_text(PAGE)
    (tmp_path / "plain.txt").write_text("The <html> tag was discussed, officials said.")
    frame = load_articles(tmp_path).set_index("article_id")
    assert frame.loc["saved", "title"] == "Senate passes the bill"
    assert "<article>" not in frame.loc["saved", "text"]
    assert frame.loc["plain", "text"].startswith("The <html> tag")
    assert looks_like_html("\ufeff <!-- saved --> <!doctype html><html>") and not looks_like_html("<p>")


def test_a_read_only_cache_does_not_stop_the_run(tmp_path, monkeypatch):
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder should be")
    monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(blocked))
    page, text_path = load_webpage(PAGE.encode("utf-8"), "senate.html")
    assert text_path is None and "Senate passed the bill" in page.text


def test_extraction_never_touches_the_network(tmp_path):
    code = (
        "import socket\n"
        "def refuse(*a, **k): raise OSError('network disabled in test')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "socket.getaddrinfo = refuse\n"
        "from analysis import load_articles\n"
        f"row = load_articles({str(tmp_path / 'data')!r}).iloc[0]\n"
        "assert row['status'] == 'ok', row['error']\n"
        "assert row['title'] == 'Senate passes the bill'\n"
    )
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "senate.html").write_text(PAGE)
    env = {"ANALYSIS_INTERIM_DIR": str(tmp_path / "interim"), "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", code], check=True, env=env)


def test_highlight_works_on_a_saved_page(page_dir, tmp_path):
    from analysis.highlight import write_highlight_page

    out = tmp_path / "senate_page.html"
    write_highlight_page(page_dir / "senate.html", out)
    html = out.read_text(encoding="utf-8")
    assert "We are pleased with the outcome" in html  # the extracted text, highlighted
    assert "<nav>" not in html and "page script ran" not in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
