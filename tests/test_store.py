"""The analysis store (issue 20): each article analysed once, read back after; only a new or
changed article is analysed again; a new version, rule or lexicon starts afresh."""
from __future__ import annotations

import pickle

import pandas as pd
import pytest

import analysis
import analysis.pipeline as pipeline
import analysis.store as store
from analysis.pipeline import ARTICLE_FIELDS
from analysis import analyse_articles
from analysis.store import KEY_FIELDS, AnalysisStore, fingerprint

TEXTS = {
    "bus": "Council approves bus lanes\n\nThe city council voted 7-2 on Wednesday to add bus "
           "lanes, council member Ana Ruiz said. “Buses will be faster,” Ruiz told reporters.\n",
    "rain": "Storm closes schools\n\nSchools closed on Monday after heavy rain, officials said. "
            "The storm may return on Friday, according to the weather service.\n",
}
NEW = ("Library extends hours\n\nThe library will open until 9 p.m., its director, Sam Lee, "
       "said on Tuesday. “Students asked for it,” Lee said.\n")


@pytest.fixture
def folder(tmp_path, monkeypatch):
    """Two small articles in a folder, with the store in a folder of this test's own."""
    monkeypatch.setenv("ANALYSIS_PROCESSED_DIR", str(tmp_path / "processed"))
    data = tmp_path / "data"
    data.mkdir()
    for name, text in TEXTS.items():
        (data / f"{name}.txt").write_text(text, encoding="utf-8")
    return data


@pytest.fixture
def analysed(monkeypatch):
    """Ids of the articles the pipeline actually analyses (not read from the store)."""
    seen: list[str] = []
    real = pipeline.process_chunk

    def counting(rows, *args, **kwargs):
        seen.extend(r["article_id"] for r in rows)
        return real(rows, *args, **kwargs)

    monkeypatch.setattr(pipeline, "process_chunk", counting)
    return seen


def test_second_run_reads_the_store_and_gives_the_same_analysis(folder, analysed):
    first = analyse_articles(folder, progress=False)
    assert sorted(analysed) == ["bus", "rain"]
    analysed.clear()
    second = analyse_articles(folder, progress=False)
    assert analysed == []
    pd.testing.assert_frame_equal(first.scores, second.scores)
    pd.testing.assert_frame_equal(first.evidence, second.evidence)
    pd.testing.assert_frame_equal(first.signals, second.signals)
    pd.testing.assert_frame_equal(first.actors, second.actors)
    pd.testing.assert_frame_equal(first.articles, second.articles)
    assert first.features == second.features
    assert len(first.evidence) and first.scores["quotes"].sum() > 0


def test_stored_analysis_equals_a_fresh_one(folder):
    stored = analyse_articles(folder, progress=False)
    stored = analyse_articles(folder, progress=False)  # read back
    fresh = analyse_articles(folder, progress=False, cache=False)
    pd.testing.assert_frame_equal(stored.scores, fresh.scores)
    pd.testing.assert_frame_equal(stored.evidence, fresh.evidence)
    assert stored.features == fresh.features


def test_only_an_added_or_edited_article_is_analysed_again(folder, analysed):
    analyse_articles(folder, progress=False)
    analysed.clear()
    (folder / "library.txt").write_text(NEW, encoding="utf-8")
    with_new = analyse_articles(folder, progress=False)
    assert analysed == ["library"]
    assert list(with_new.scores["article_id"]) == ["bus", "library", "rain"]
    fresh = analyse_articles(folder, progress=False, cache=False)
    pd.testing.assert_frame_equal(with_new.scores, fresh.scores)
    pd.testing.assert_frame_equal(with_new.evidence, fresh.evidence)
    analysed.clear()
    (folder / "rain.txt").write_text(TEXTS["rain"].replace("Monday", "Tuesday"), encoding="utf-8")
    edited = analyse_articles(folder, progress=False)
    assert analysed == ["rain"]
    # the edit moved every later offset by one character: the evidence is of the new text
    text = edited.article("rain")["text"]
    rain = edited.evidence.loc[edited.evidence["article_id"] == "rain"]
    assert len(rain) and (rain["start"] > text.index("Tuesday")).any()
    assert all(text[s:e] == t for s, e, t in zip(rain["start"], rain["end"], rain["text"]))


def test_a_manifest_edit_is_shown_without_analysing_again(folder, analysed):
    analyse_articles(folder, progress=False)
    analysed.clear()
    (folder / "manifest.csv").write_text(
        "file,outlet,title,published,url,genre,reposted_from,notes\n"
        "bus.txt,City Post,,,,news,,\n", encoding="utf-8")
    after = analyse_articles(folder, progress=False)
    assert analysed == []
    genres = after.scores.set_index("article_id")["genre"]
    assert genres["bus"] == "news" and genres["rain"] == "unlabelled"


def test_a_new_package_version_analyses_everything_again(folder, analysed, monkeypatch):
    analyse_articles(folder, progress=False)
    analysed.clear()
    monkeypatch.setattr(analysis, "__version__", analysis.__version__ + ".post1")
    analyse_articles(folder, progress=False)
    assert sorted(analysed) == ["bus", "rain"]


def test_a_new_dependency_version_analyses_everything_again(folder, analysed, monkeypatch):
    analyse_articles(folder, progress=False)
    analysed.clear()
    real = store._version
    monkeypatch.setattr(store, "_version",
                        lambda name: "99.0" if name == "spacy" else real(name))
    analyse_articles(folder, progress=False)
    assert sorted(analysed) == ["bus", "rain"]


def test_fingerprint_follows_lexicons_tables_and_code_not_caches(tmp_path):
    package = tmp_path / "pkg"
    (package / "lexicons").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "rules.py").write_text("X = 1\n", encoding="utf-8")
    (package / "lexicons" / "hedges.txt").write_text("may\nmight\n", encoding="utf-8")
    (package / "lexicons" / "table.tsv").write_text("a\t1\n", encoding="utf-8")
    first = fingerprint(package)
    assert fingerprint(package) == first
    (package / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\0compiled")
    (package / "notes.md").write_text("a note", encoding="utf-8")
    assert fingerprint(package) == first
    (package / "lexicons" / "hedges.txt").write_text("may\nmight\nperhaps\n", encoding="utf-8")
    lexicon = fingerprint(package)
    assert lexicon != first
    (package / "lexicons" / "table.tsv").write_text("a\t2\n", encoding="utf-8")
    table = fingerprint(package)
    assert table != lexicon
    (package / "rules.py").write_text("X = 2\n", encoding="utf-8")
    assert fingerprint(package) != table


def test_the_installed_package_fingerprint_changes_with_a_lexicon(tmp_path):
    import shutil

    from analysis.paths import PACKAGE_DIR

    copy = tmp_path / "analysis"
    shutil.copytree(PACKAGE_DIR, copy, ignore=shutil.ignore_patterns("__pycache__"))
    assert fingerprint(copy) == fingerprint(PACKAGE_DIR)
    with (copy / "lexicons" / "hedges.txt").open("a", encoding="utf-8") as f:
        f.write("conceivably\n")
    assert fingerprint(copy) != fingerprint(PACKAGE_DIR)


def test_key_covers_every_field_the_analysis_reads():
    assert set(ARTICLE_FIELDS) | {"body"} <= set(KEY_FIELDS)
    row = {"article_id": "a", "text": "Some text.", "body": "Some text.",
           "body_spans": [(0, 10)], "status": "ok", "error": ""}
    key = store.article_key(row)
    for name, other in [("text", "Other text."), ("body", "Other"), ("body_spans", [(0, 4)]),
                        ("article_id", "b"), ("status", "error"), ("error", "x")]:
        assert store.article_key({**row, name: other}) != key, name


def test_an_unreadable_file_is_analysed_again(folder, analysed):
    analyse_articles(folder, progress=False)
    files = sorted(AnalysisStore().folder.rglob(f"*{store.SUFFIX}"))
    assert len(files) == 2
    files[0].write_bytes(b"not a pickle")
    analysed.clear()
    again = analyse_articles(folder, progress=False)
    assert len(analysed) == 1
    assert pickle.loads(files[0].read_bytes())["article_id"] == analysed[0]
    assert set(again.scores["status"]) == {"ok"}


def test_old_fingerprint_folders_are_pruned(tmp_path):
    import os

    root = tmp_path / "analysis"
    for i, name in enumerate(["old1", "old2", "old3"]):
        (root / name).mkdir(parents=True)
        os.utime(root / name, (1000 + i, 1000 + i))
    AnalysisStore(root, "new").put("ab" * 16, {"article_id": "x"})
    assert store.KEEP_FINGERPRINTS == 3
    assert sorted(p.name for p in root.iterdir()) == ["new", "old2", "old3"]
    assert AnalysisStore(root, "new").get("ab" * 16) == {"article_id": "x"}


def test_articles_are_read_as_the_pipeline_reads_them(folder):
    for given in (folder, str(folder), [folder / "bus.txt", folder / "rain.txt"]):
        mine, theirs = store._articles(given), pipeline.as_articles(given)
        pd.testing.assert_frame_equal(mine, theirs)


def test_reading_the_stored_analysis_back_never_imports_the_parser(folder):
    """What notebooks 01–04 import and call, once the store holds the folder: no spaCy
    (importing it is ~0.7 s of CPU in each kernel)."""
    import subprocess
    import sys

    analyse_articles(folder, progress=False)
    code = (
        "import sys\n"
        "from analysis import load_articles\n"
        "import analysis.articles, analysis.explore, analysis.figures.catalog\n"
        "from analysis import analyse_articles\n"
        "from analysis.scoring import transparency_parts\n"
        f"analysis = analyse_articles({str(folder)!r}, progress=False)\n"
        "load_articles(" + repr(str(folder)) + ")\n"
        "assert len(analysis.evidence), 'read back'\n"
        "print(sorted(m for m in sys.modules if m == 'spacy' or m.startswith('spacy.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True)
    assert done.stdout.strip() == "[]"
