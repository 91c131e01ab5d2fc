"""Decoding article bytes, size limits, unreadable entries and folder discovery (issue 6)."""
from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis import textio
from analysis.textio import ArticleError, decode_bytes, discover, lf_text, read_article_file

QUOTE = "“We are pleased,” the majority leader told reporters."


@pytest.mark.parametrize("data, encoding", [
    (QUOTE.encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + QUOTE.encode("utf-8"), "utf-8-sig"),
    (QUOTE.encode("utf-16"), "utf-16"),
    (codecs.BOM_UTF16_BE + QUOTE.encode("utf-16-be"), "utf-16"),
    (QUOTE.encode("utf-32"), "utf-32"),
    (QUOTE.encode("cp1252"), "cp1252"),
])
def test_every_supported_encoding_gives_the_same_text(data, encoding):
    decoded = decode_bytes(data)
    assert decoded.text == QUOTE  # no BOM in the text, curly quotes as quotes
    assert decoded.encoding == encoding


def test_cp1252_curly_quotes_are_bytes_93_and_94():
    assert decode_bytes(b"\x93Yes,\x94 she said.").text == "“Yes,” she said."


def test_line_endings_zero_width_characters_and_emoji_are_kept():
    text = "Line one\r\nLine\u200b two \U0001F600\r\n\u2060end\u00ad."
    assert decode_bytes(text.encode("utf-8")).text == text


@pytest.mark.parametrize("data, reason", [
    (b"", "empty file"),
    (b"  \r\n\t \n", "only whitespace"),
    ("\u200b\ufeff\u200d \n".encode("utf-8"), "only whitespace"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data (a PNG image"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary data (a PDF document"),
    (b"PK\x03\x04\x14\x00\x06\x00", "binary data (a ZIP archive"),
    (b"some text\x00\x00more", "binary data (NUL bytes)"),
    (bytes(range(1, 32)) * 20, "binary data (control characters)"),
    (b"caf\xc3\xa9 \x81\x8d\x8f\x90\x9d", "undecodable bytes"),
    (codecs.BOM_UTF16_LE + b"\x00\xd8a\x00", "undecodable bytes"),  # lone surrogate
])
def test_bad_bytes_name_the_file_the_problem_and_the_remedy(data, reason):
    with pytest.raises(ArticleError) as info:
        decode_bytes(data, "story.txt")
    message = str(info.value)
    assert message.startswith(f"story.txt: {reason}")
    assert info.value.reason.startswith(reason)
    remedy = message.split(";", 1)[1]
    assert any(verb in remedy for verb in ("save", "copy", "re-save", "remove"))


def test_too_large_past_the_limit_but_not_at_it(tmp_path, monkeypatch):
    monkeypatch.setattr(textio, "MAX_FILE_BYTES", 100)
    at_limit, over = tmp_path / "ok.txt", tmp_path / "big.txt"
    at_limit.write_bytes(b"a" * 99 + b".")
    over.write_bytes(b"a" * 101)
    assert len(read_article_file(at_limit).text) == 100
    with pytest.raises(ArticleError, match=r"big.txt: too large \(101 bytes, over the 100 bytes "
                                           r"limit\); split it"):
        read_article_file(over)


def test_the_documented_limit_is_20_mb():
    assert textio.MAX_FILE_BYTES == 20 * 1024 * 1024
    assert textio._too_large(21 * 1024 * 1024, textio.MAX_FILE_BYTES) == (
        "too large (21 MB, over the 20 MB limit)")


def test_unreadable_entries_are_errors_not_crashes(tmp_path, monkeypatch):
    (tmp_path / "folder.txt").mkdir()
    (tmp_path / "broken.txt").symlink_to(tmp_path / "nowhere.txt")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block forever
    expected = {"folder.txt": "a folder, not a file", "broken.txt": "which does not exist",
                "pipe.txt": "not a regular file"}
    for name, reason in expected.items():
        with pytest.raises(ArticleError, match=reason):
            read_article_file(tmp_path / name)

    locked = tmp_path / "locked.txt"
    locked.write_text("Officials said so.")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(textio, "open", refuse, raising=False)  # chmod does not stop root
    with pytest.raises(ArticleError, match=r"locked.txt: cannot be read \(Permission denied\); "
                                           r"check that you may read it"):
        read_article_file(locked)


def test_discovery_accounts_for_odd_entries_and_skips_the_rest(tmp_path):
    (tmp_path / "a.txt").write_text("A.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.HTML").write_text("<html></html>")
    (tmp_path / "sub" / "c.md").write_text("C.")
    (tmp_path / ".hidden.txt").write_text("hidden")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "d.txt").write_text("D.")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG")
    (tmp_path / "manifest.csv").write_text("file\n")
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "app.js").write_text("x")
    (tmp_path / "dir.txt").mkdir()  # a folder with an article extension: walked into
    (tmp_path / "dir.txt" / "e.txt").write_text("E.")
    (tmp_path / "linked").symlink_to(tmp_path / "sub", target_is_directory=True)

    found = discover([tmp_path])
    names = [p.relative_to(tmp_path).as_posix() for p in found.files]
    assert names == ["a.txt", "broken.txt", "dir.txt/e.txt", "report.pdf", "sub/b.HTML", "sub/c.md"]
    skipped = [p.relative_to(tmp_path).as_posix() for p in found.skipped]
    assert skipped == ["linked", "photo.png"]  # not manifest.csv, not the page's assets


def test_a_missing_path_is_one_clear_error(tmp_path):
    with pytest.raises(ArticleError, match=r"no/such\.txt: no such file or folder; check the path"):
        discover([tmp_path / "no" / "such.txt"])


def test_a_file_given_by_name_is_taken_whatever_its_type(tmp_path):
    (tmp_path / "notes.rtf").write_bytes(b"{\\rtf1 hello}")
    assert discover([tmp_path / "notes.rtf"]).files == [tmp_path / "notes.rtf"]
    with pytest.raises(ArticleError, match="an RTF document"):
        read_article_file(tmp_path / "notes.rtf")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", " ", "\n", "\r\n", "\r", "“", "👍"]), max_size=40)
       .map("".join))
def test_lf_copy_maps_every_span_back_to_the_same_text(text):
    copy, to_original = lf_text(text)
    assert "\r" not in copy
    for start in range(len(copy) + 1):
        for end in range(start, len(copy) + 1):
            back = text[to_original(start):to_original(end)]
            assert back.replace("\r\n", "\n").replace("\r", "\n") == copy[start:end]
