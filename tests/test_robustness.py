"""A folder of hostile and odd files, made here, run through the command line (issue 6).

Every file gets a row; files that cannot be analysed are ``error`` rows naming problem and
remedy; the run finishes with exit 0 and one summary line on stderr (``--strict``: exit 1);
offsets stay true in every encoding; article text never turns into markup.
"""
from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

from analysis import cli, load_articles
from analysis.textio import decode_bytes

QUOTE = "“We are pleased with the outcome,” the majority leader told reporters after the vote."
NEWS = (f"WASHINGTON — The Senate passed the bill on Tuesday, officials said. {QUOTE} "
        "Critics said the measure might not survive a court challenge.\n")
XSS = ('Officials said the page showed <script>alert(1)</script> and '
       '<img src=x onerror=alert(1)> to every reader. “It is a test,” the editor said.\n')
PAGE = ("<!DOCTYPE html><html><head><title>Vote | Example News</title>"
        '<meta property="og:site_name" content="Example News"><script>steal()</script></head>'
        "<body><nav>Home | World</nav><article><h1>Senate vote</h1>"
        f"<p>{NEWS}</p><p>A reader posted &lt;img src=x onerror=alert(1)&gt; below it, the "
        "moderators said on Wednesday, and they removed it an hour later.</p></article>"
        "</body></html>")

#: file name -> (status, start of the error reason) of every file the fixture makes.
EXPECTED = {
    "empty.txt": ("error", "empty file"),
    "blank.txt": ("error", "only whitespace"),
    "invisible.txt": ("error", "only whitespace"),
    "scan.txt": ("error", "binary data (a PNG image"),
    "nul.txt": ("error", "binary data (NUL bytes)"),
    "report.pdf": ("error", "not a readable PDF (PDFSyntaxError)"),  # PDFs are read (issue 21)
    "undecodable.txt": ("error", "undecodable bytes"),
    "broken.txt": ("error", "cannot be read (a link to"),
    "huge.txt": ("error", "too large (21 MB, over the 20 MB limit)"),
    "utf8.txt": ("ok", ""),
    "utf8_bom.txt": ("ok", ""),
    "utf16.txt": ("ok", ""),
    "utf16_be.txt": ("ok", ""),
    "cp1252.txt": ("ok", ""),
    "crlf.txt": ("ok", ""),
    "zero_width_emoji.txt": ("ok", ""),
    "german.txt": ("ok", ""),
    "spanish.txt": ("ok", ""),
    "unbalanced.txt": ("ok", ""),
    "xss.txt": ("ok", ""),
    "page.html": ("ok", ""),
    "nested/deeper/late.md": ("ok", ""),
}


def make_hostile_folder(folder: Path) -> Path:
    """Write every file of :data:`EXPECTED` into ``folder`` (plus a picture to skip)."""
    files = {
        "empty.txt": b"",
        "blank.txt": b" \r\n\t\n  ",
        "invisible.txt": "\u200b\u200d\ufeff\n".encode("utf-8"),
        "scan.txt": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
        "nul.txt": b"Officials\x00said\x00so\x00",
        "report.pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
        "undecodable.txt": b"The minister said \xc3\x28 and \x81\x8d\x8f\x90\x9d today.",
        "utf8.txt": NEWS.encode("utf-8"),
        "utf8_bom.txt": codecs.BOM_UTF8 + NEWS.encode("utf-8"),
        "utf16.txt": NEWS.encode("utf-16"),
        "utf16_be.txt": codecs.BOM_UTF16_BE + NEWS.encode("utf-16-be"),
        "cp1252.txt": NEWS.encode("cp1252"),
        "crlf.txt": NEWS.replace("\n", "\r\n").replace(". ", ".\r\n").encode("utf-8"),
        "zero_width_emoji.txt": ("\u200b" + NEWS.replace("Senate", "Sen\u200bate 🇺🇸")
                                 .replace("vote.", "vote 👍🏽.")).encode("utf-8"),
        "german.txt": ("Die Bundesregierung hat am Dienstag ein neues Gesetz beschlossen. „Wir "
                       "sind sehr zufrieden mit dem Ergebnis“, sagte der Minister nach der "
                       "Sitzung in Berlin. Kritiker bemängeln jedoch, dass die Maßnahmen nicht "
                       "weit genug gehen und die Kosten getragen werden müssen.").encode("utf-8"),
        "spanish.txt": ("El Gobierno aprobó el martes una nueva ley. «Estamos muy satisfechos "
                        "con el resultado», dijo el ministro tras la reunión en Madrid. Sin "
                        "embargo, los críticos señalan que las medidas no van lo suficientemente "
                        "lejos y que los costes recaerán en los consumidores.").encode("utf-8"),
        "unbalanced.txt": ('He said “this will never end. The spokesman said the plan "was '
                           "fine.\nAnother “ opened ” closed ” and ‘ a stray one.\n"
                           "“Nested ‘quotes” here’ ends,” she said.").encode("utf-8"),
        "xss.txt": XSS.encode("utf-8"),
        "page.html": PAGE.encode("utf-8"),
        "nested/deeper/late.md": NEWS.encode("utf-8"),
        "picture.png": b"\x89PNG\r\n\x1a\n",
    }
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    (folder / "broken.txt").symlink_to(folder / "gone.txt")
    with open(folder / "huge.txt", "wb") as handle:  # sparse: past the limit, not on disk
        handle.truncate(21 * 1024 * 1024)
    return folder


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    return make_hostile_folder(tmp_path_factory.mktemp("hostile"))


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analysis", *args], capture_output=True,
                          text=True, env={**os.environ, "PYTHONWARNINGS": "default"})


@pytest.fixture(scope="module")
def scored(hostile, tmp_path_factory):
    out = tmp_path_factory.mktemp("out") / "scores.csv"
    result = run_cli("score", str(hostile), "--out", str(out), "--quiet")
    return result, pd.read_csv(out, dtype=str, keep_default_na=False)


def test_score_gives_every_file_a_row_and_finishes(scored, hostile):
    result, scores = scored
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    ids = {name: Path(name).with_suffix("").as_posix().split("/")[-1] for name in EXPECTED}
    assert len(scores) == len(EXPECTED) and scores["article_id"].is_unique
    rows = scores.set_index("article_id")
    for name, (status, reason) in EXPECTED.items():
        row = rows.loc[ids[name]]
        assert row["status"] == status, (name, row["error"])
        if status == "error":
            assert row["error"].startswith(f"{hostile / name}: {reason}"), row["error"]
            assert ";" in row["error"]  # ... and the remedy
        else:
            assert row["error"] == ""


def test_stderr_has_warnings_then_one_summary_line(scored):
    result, _ = scored
    lines = result.stderr.strip().splitlines()
    summary = lines[-1]
    n_errors = sum(status == "error" for status, _ in EXPECTED.values())
    assert summary.startswith(f"{n_errors} of {len(EXPECTED)} files could not be analysed: "
                              "blank.txt (only whitespace), broken.txt (cannot be read), ")
    assert summary.endswith(f"and {n_errors - 5} more — see the error column")
    assert all(line.startswith("warning: ") for line in lines[:-1]), lines
    assert any("german.txt (text does not look English)" in line for line in lines)
    assert any("1 file(s) skipped" in line and "picture.png" in line for line in lines)


def test_non_english_articles_are_scored_with_a_warning(scored):
    rows = scored[1].set_index("article_id")
    for aid in ("german", "spanish"):
        assert rows.loc[aid, "status"] == "ok"
        assert rows.loc[aid, "warning"].startswith("text does not look English")
    assert rows.loc["utf8", "warning"] == ""


def test_strict_makes_any_error_a_failure(hostile, tmp_path):
    result = run_cli("score", str(hostile), "--out", str(tmp_path / "s.csv"), "--quiet", "--strict")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines()[-1].endswith("see the error column")
    clean = tmp_path / "clean"
    clean.mkdir()
    (clean / "a.txt").write_text(NEWS)
    assert run_cli("score", str(clean), "--out", str(tmp_path / "c.csv"), "--quiet",
                   "--strict").returncode == 0


def decoded_text(path: Path, text_path: str) -> str:
    """The text evidence offsets refer to, read independently of the article row."""
    if path.suffix == ".html":
        return Path(text_path).read_bytes().decode("utf-8")
    return decode_bytes(path.read_bytes()).text


def test_evidence_offsets_are_true_in_every_encoding(hostile, capsys):
    with warnings.catch_warnings(record=True) as caught:
        status = cli.main(["evidence", str(hostile), "--quiet"])
        articles = load_articles(hostile).set_index("article_id")
    captured = capsys.readouterr()
    assert status == 0
    assert any("picture.png" in str(w.message) for w in caught)
    assert captured.err.strip().splitlines()[-1].startswith("9 of 22 files could not be analysed")
    records = [json.loads(line) for line in captured.out.splitlines()]
    by_article: dict[str, list[dict]] = {}
    for rec in records:
        by_article.setdefault(rec["article_id"], []).append(rec)
    for aid, recs in by_article.items():
        row = articles.loc[aid]
        text = decoded_text(Path(row["path"]), row["text_path"])
        assert text == row["text"]
        for rec in recs:
            assert 0 <= rec["start"] <= rec["end"] <= len(text)
            assert text[rec["start"]:rec["end"]] == rec["text"], (aid, rec)
    quoted = {aid for aid, recs in by_article.items()
              if any(r["kind"] == "quote" and "We are pleased" in r["text"] for r in recs)}
    # the same quote is found whatever the encoding, line endings or invisible characters
    assert {"utf8", "utf8_bom", "utf16", "utf16_be", "cp1252", "crlf", "zero_width_emoji",
            "page", "late"} <= quoted


def test_markup_in_an_article_shows_as_text_in_the_highlight_page(hostile, tmp_path):
    for name in ("xss.txt", "page.html"):
        out = tmp_path / f"{name}.html"
        assert cli.main(["highlight", str(hostile / name), "--out", str(out)]) == 0
        page = out.read_text(encoding="utf-8")
        assert "<script>alert" not in page and "steal()" not in page
        assert "<img" not in page and "onerror=alert(1)>" not in page
        assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (tmp_path / "xss.txt.html").read_text()


def test_highlight_of_a_bad_file_is_one_clear_line(hostile, capsys, tmp_path):
    status = cli.main(["highlight", str(hostile / "empty.txt"), "--out", str(tmp_path / "x.html")])
    err = capsys.readouterr().err.strip()
    assert status == 2 and "\n" not in err
    assert err == f"error: {hostile / 'empty.txt'}: empty file; save the article text into it or remove it"


@pytest.mark.slow
def test_a_text_over_a_million_characters_is_analysed(tmp_path):
    """One long, simple text: parsed (in pieces if need be), offsets true to its last quote."""
    # long words: fewer tokens per character, so the parse stays around half a minute
    paragraph = ("Representatives congratulated administrators. Internationalization "
                 "considerations notwithstanding, parliamentarians characterized negotiations "
                 "constructively.\n")
    text = paragraph * (1_000_000 // len(paragraph) + 1) + QUOTE + "\n"
    assert len(text) > 1_000_000
    (tmp_path / "long.txt").write_text(text, encoding="utf-8")
    from helpers import analysed

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        articles = load_articles(tmp_path)
        (result,) = analysed(articles, progress=False, cache=False)
    assert result["status"] == "ok", result["error"]
    quotes = [r for r in result["evidence"] if r["kind"] == "quote"]
    assert quotes and quotes[-1]["start"] > 1_000_000
    for rec in quotes:
        assert text[rec["start"]:rec["end"]] == rec["text"]


def test_an_empty_folder_gives_an_empty_scorecard_and_a_warning(tmp_path, capsys):
    from analysis.cli import main

    assert main(["score", str(tmp_path), "--quiet"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[0].startswith("article_id,") and len(out.splitlines()) == 1
    assert "no article files found" in err
