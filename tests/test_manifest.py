"""Manifest mistakes: a clear message for each, nothing silently dropped or merged (issue 6)."""
from __future__ import annotations

import sys
import warnings

import pytest

from analysis import cli, load_articles
from analysis.articles import UNLABELLED
from analysis.manifest import ManifestWarning, read_manifest

ARTICLE = "Officials said on Tuesday that the talks would resume next week in Geneva.\n"


def folder_with(tmp_path, manifest: str | bytes, *names: str):
    """A data folder with articles ``names`` and ``manifest.csv``."""
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    data = manifest if isinstance(manifest, bytes) else manifest.encode("utf-8")
    (tmp_path / "manifest.csv").write_bytes(data)
    return tmp_path


def load_quietly(path):
    """``load_articles`` and the warnings it gave, as strings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = load_articles(path, with_readability=False)
    return frame.set_index("article_id", drop=False), [str(w.message) for w in caught]


def test_no_file_column_loads_every_article_unlabelled_with_a_warning(tmp_path):
    folder_with(tmp_path, "filename,genre\na.txt,news\n", "a.txt", "b.txt")
    with pytest.warns(ManifestWarning, match=r"no 'file' column \(its first line reads "
                                             r"'filename,genre'\); articles load without"):
        frame = load_articles(tmp_path, with_readability=False)
    assert list(frame["article_id"]) == ["a", "b"]
    assert (frame["status"] == "ok").all() and (frame["genre"] == UNLABELLED).all()


def test_column_names_are_read_loosely_and_unknown_or_missing_ones_named(tmp_path):
    folder_with(tmp_path, " File , GENRE ,Outlet,colour\na.txt,opinion,Daily,red\n", "a.txt")
    frame, messages = load_quietly(tmp_path)
    assert frame.loc["a", "genre"] == "opinion" and frame.loc["a", "outlet"] == "Daily"
    assert any("no column title, published, url, reposted_from, notes; left empty" in m
               for m in messages)
    assert any("unknown column 'colour' ignored" in m for m in messages)


def test_row_naming_a_missing_file_becomes_an_error_row(tmp_path):
    folder_with(tmp_path, "file,genre\nStory.txt,news\n", "story.txt")
    frame, messages = load_quietly(tmp_path)
    assert set(frame["article_id"]) == {"story", "Story"}  # the real file and the listed one
    assert frame.loc["story", "status"] == "ok"
    error = frame.loc["Story", "error"]
    assert frame.loc["Story", "status"] == "error"
    assert "manifest.csv line 2: listed in manifest.csv but does not exist" in error
    assert "(did you mean 'story.txt'?); fix the name or delete the row" in error
    assert frame.loc["Story", "genre"] == "news"  # the row's metadata is kept with its error
    assert frame.loc["story", "genre"] == UNLABELLED  # nothing merged into the real file


def test_listed_file_of_another_type_is_read_not_ignored(tmp_path):
    folder_with(tmp_path, "file,genre\nstory.text,news\nscan.png,news\n", "story.text")
    (tmp_path / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    frame, _ = load_quietly(tmp_path)
    assert frame.loc["story", "status"] == "ok" and frame.loc["story", "genre"] == "news"
    assert frame.loc["scan", "status"] == "error"
    assert "binary data (a PNG image" in frame.loc["scan", "error"]


def test_a_single_file_given_does_not_pull_in_the_rest_of_its_manifest(tmp_path):
    folder_with(tmp_path, "file,genre\na.txt,news\ngone.txt,news\n", "a.txt")
    frame, _ = load_quietly(tmp_path / "a.txt")
    assert list(frame["article_id"]) == ["a"] and frame.loc["a", "genre"] == "news"


def test_duplicate_rows_keep_the_first_and_say_so(tmp_path):
    folder_with(tmp_path, "file,genre\na.txt,news\nb.txt,opinion\n./a.txt,opinion\n", "a.txt", "b.txt")
    frame, messages = load_quietly(tmp_path)
    assert len(frame) == 2
    assert frame.loc["a", "genre"] == "news"
    assert "manifest.csv lists 'a.txt' on lines 2, 4; line 2 is used" in frame.loc["a", "warning"]
    assert frame.loc["b", "warning"] == ""
    assert any(m.startswith("1 of 2 files loaded with a warning: a.txt (manifest.csv lists")
               for m in messages)


def test_bad_dates_are_left_empty_with_a_warning_and_iso_times_kept(tmp_path):
    manifest = ("file,published\na.txt,26/08/2021\nb.txt,2024-02-30\nc.txt,2024-05-14T09:30:00Z\n"
                "d.txt,\n")
    folder_with(tmp_path, manifest, "a.txt", "b.txt", "c.txt", "d.txt")
    frame, _ = load_quietly(tmp_path)
    assert list(frame["published"]) == ["", "", "2024-05-14", ""]
    assert ("manifest.csv line 2: published '26/08/2021' is not a date (YYYY-MM-DD); left empty"
            in frame.loc["a", "warning"])
    assert "line 3: published '2024-02-30' is not a date" in frame.loc["b", "warning"]
    assert frame.loc["c", "warning"] == "" and frame.loc["d", "warning"] == ""
    assert (frame["status"] == "ok").all()


def test_a_url_that_is_not_a_web_address_is_dropped(tmp_path):
    folder_with(tmp_path, "file,url\na.txt,javascript:alert(1)\nb.txt,https://example.com/x\n",
                "a.txt", "b.txt")
    frame, _ = load_quietly(tmp_path)
    assert frame.loc["a", "url"] == "" and "is not a web address" in frame.loc["a", "warning"]
    assert frame.loc["b", "url"] == "https://example.com/x"


@pytest.mark.parametrize("name", ["../secret.txt", "sub/../../secret.txt", "/etc/hostname",
                                  "..\\secret.txt"])
def test_paths_outside_the_data_folder_are_refused_and_never_read(tmp_path, name):
    data = tmp_path / "data"
    data.mkdir()
    (tmp_path / "secret.txt").write_text("The secret said: “nobody reads me.”")
    folder_with(data, f'file,genre\n"{name}",news\n', "a.txt")
    frame, _ = load_quietly(data)
    assert len(frame) == 2
    refused = frame.loc[frame["article_id"] != "a"].iloc[0]
    assert refused["status"] == "error" and refused["text"] == ""
    assert f"{name!r} points outside the data folder and is not read" in refused["error"]


def test_duplicate_ids_in_different_folders_keep_both_articles(tmp_path):
    folder_with(tmp_path, "file,genre\n2023/story.txt,news\n2024/story.txt,opinion\n",
                "2023/story.txt", "2024/story.txt", "story.html")
    (tmp_path / "story.html").write_text("<p>x</p>")
    frame, _ = load_quietly(tmp_path)
    assert sorted(frame["article_id"]) == ["2023/story", "2024/story", "story"]
    assert frame.loc["2023/story", "genre"] == "news" and frame.loc["2024/story", "genre"] == "opinion"
    assert "3 files are named 'story', so this one's id is '2024/story'" in frame.loc["2024/story",
                                                                                       "warning"]
    assert frame["article_id"].is_unique


def test_unreadable_or_odd_manifests_do_not_stop_the_run(tmp_path):
    folder_with(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00", "a.txt")
    frame, messages = load_quietly(tmp_path)
    assert frame.loc["a", "status"] == "ok"
    assert any("manifest.csv: binary data (a PNG image, not text); articles load without its "
               "metadata" in m for m in messages)


def test_excel_style_manifests_are_read(tmp_path):
    (tmp_path / "cp").mkdir()
    folder_with(tmp_path / "cp", "file,outlet\na.txt,Caf\xe9 Times\n".encode("cp1252"), "a.txt")
    (tmp_path / "tab").mkdir()
    folder_with(tmp_path / "tab", "file\toutlet\r\na.txt\tTab Times\r\n".encode("utf-16"), "a.txt")
    assert load_quietly(tmp_path / "cp")[0].loc["a", "outlet"] == "Café Times"
    assert load_quietly(tmp_path / "tab")[0].loc["a", "outlet"] == "Tab Times"


def test_rows_with_too_many_cells_or_no_file_are_reported(tmp_path):
    folder_with(tmp_path, "file,genre\na.txt,news,extra\n,opinion\n", "a.txt")
    frame, messages = load_quietly(tmp_path)
    assert "line 2 has 3 cells for 2 columns" in frame.loc["a", "warning"]
    assert any("manifest.csv line 3: no file name, so the row is not used" in m for m in messages)


def test_manifest_rows_carry_their_line_numbers(tmp_path):
    folder_with(tmp_path, 'file,notes\na.txt,"two\nlines"\n\nb.txt,\n', "a.txt", "b.txt")
    with pytest.warns(ManifestWarning, match="no column outlet, title, published"):
        manifest = read_manifest(tmp_path)
    assert list(manifest["line"]) == [2, 5]
    assert manifest.loc[0, "notes"] == "two\nlines"


def _to_stderr(message, category, filename, lineno, file=None, line=None):
    sys.stderr.write(warnings.formatwarning(message, category, filename, lineno, line))


def test_every_manifest_problem_reaches_the_command_line_user(tmp_path, capsys, monkeypatch):
    """One ``warning:`` line per manifest-wide problem, one summary line per kind, no traceback."""
    folder_with(tmp_path, "file,published,colour\na.txt,yesterday,red\ngone.txt,,\n", "a.txt")
    monkeypatch.setattr(warnings, "formatwarning", warnings.formatwarning)  # main() sets it
    with warnings.catch_warnings():  # print warnings as a command-line run does, not to pytest
        warnings.showwarning = _to_stderr
        status = cli.main(["evidence", str(tmp_path), "--quiet", "--no-cache"])
    err = capsys.readouterr().err.strip().splitlines()
    assert status == 0
    assert any(line.startswith("warning: ") and "unknown column 'colour'" in line for line in err)
    assert any(line.startswith("warning: 1 of 2 files loaded with a warning: a.txt (published "
                               "'yesterday' is not a date)") for line in err)
    assert err[-1] == ("1 of 2 files could not be analysed: gone.txt (listed in manifest.csv but "
                       "does not exist) — see the error column")
    assert all(line.startswith("warning: ") for line in err[:-1])
