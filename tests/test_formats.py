"""Archive exports, PDF, Word and corpus files: one row per article, offsets true (issue 21).

Every file is built here (tests/format_samples.py): fictional articles laid out as each
format lays them out.
"""
from __future__ import annotations

import json
import subprocess
import sys
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import format_samples as fs
from analysis import load_articles
from analysis.articles import ArticleWarning
from analysis.formats import duplicates
from analysis.formats.dates import is_date_line, parse_date
from analysis.formats.reflow import join_lines, reflow
from analysis.short_texts import MIN_ARTICLE_WORDS, RATE_COLUMNS, blank_short_scores


@pytest.fixture(autouse=True)
def interim(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(tmp_path / "interim"))
    return tmp_path / "interim"


def load(path, **kwargs) -> pd.DataFrame:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ArticleWarning)
        return load_articles(path, **kwargs).set_index("article_id", drop=False)


def assert_stored(row) -> None:
    """The row's text is the stored text file, byte for byte (offsets index that file)."""
    assert Path(row["text_path"]).read_bytes().decode("utf-8") == row["text"]


# ------------------------------------------------------------------ LexisNexis text


def test_lexisnexis_export_gives_one_row_per_article_with_its_metadata(tmp_path, interim):
    path = tmp_path / "export.txt"
    expected = fs.write_lexisnexis(path)
    frame = load(path)
    assert list(frame["article_id"]) == ["export_001", "export_002", "export_003"]
    assert (frame["status"] == "ok").all() and (frame["format"] == "lexisnexis").all()
    for number, (outlet, date, title, author, section, paragraphs) in expected.items():
        row = frame.loc[f"export_{number:03d}"]
        assert (row["outlet"], row["published"], row["title"], row["author"], row["section"]) == (
            outlet, date, title, author, section)
        assert row["text"] == "\n\n".join(paragraphs)  # wraps joined, "inter-\nstate" undone
        assert row["source_file"] == row["path"] == str(path)
        assert Path(row["text_path"]).parent == interim / "lexisnexis"
        assert_stored(row)
        assert row["warning"] == ""  # the stated LENGTH matches what was read


def test_lexisnexis_cover_fields_and_copyright_are_never_body(tmp_path):
    path = tmp_path / "export.txt"
    fs.write_lexisnexis(path)
    text = "\n".join(load(path)["text"])
    for furniture in ("Download Request", "Terms:", "Source:", "DOCUMENTS", "BYLINE", "SECTION:",
                      "LENGTH:", "LOAD-DATE", "LANGUAGE", "PUBLICATION-TYPE", "JOURNAL-CODE",
                      "Copyright", "All Rights Reserved", "Final Edition"):
        assert furniture not in text, furniture


def test_a_sentence_mentioning_documents_is_no_export(tmp_path):
    (tmp_path / "court.txt").write_text(
        "The judge said only 1 of 3 documents had been filed on time.\n1 of 3 documents\n"
        "was all the clerk could find, officials said.\n")
    row = load(tmp_path).iloc[0]
    assert row["format"] == "text"  # the marker stands alone on its line, in capitals
    assert row["text"].startswith("The judge said") and "the clerk could find" in row["text"]


def test_a_short_body_against_the_stated_length_is_a_warning(tmp_path):
    path = tmp_path / "cut.txt"
    fs.write_lexisnexis(path)
    text = path.read_text().replace("LENGTH: ", "LENGTH: 9", 1)  # 168 words -> 9168 words
    path.write_text(text)
    row = load(path).loc["cut_001"]
    assert "the export gives its length as 9" in row["warning"] and row["status"] == "ok"


# ------------------------------------------------------------------ Nexis Uni Word


def test_nexis_docx_export_gives_one_row_per_article(tmp_path, interim):
    path = tmp_path / "nexis.docx"
    expected = fs.write_nexis_docx(path)
    frame = load(path)
    assert list(frame["article_id"]) == ["nexis_001", "nexis_002", "nexis_003"]
    assert (frame["format"] == "nexis-docx").all()
    for number, (outlet, date, title, author, section, paragraphs) in expected.items():
        row = frame.loc[f"nexis_{number:03d}"]
        assert (row["outlet"], row["published"], row["title"], row["author"], row["section"]) == (
            outlet, date, title, author, section)
        assert row["text"] == "\n\n".join(paragraphs)
        assert_stored(row)
    text = "\n".join(frame["text"])
    for furniture in ("Documents (3)", "Client/Matter", "Search Terms", "Copyright", "Section:",
                      "Length:", "Byline:", "Body", "Classification", "Load-Date",
                      "End of Document", "Job Number"):
        assert furniture not in text, furniture


# ------------------------------------------------------------------ PDF


@pytest.fixture()
def pdf_row(tmp_path):
    path = tmp_path / "flood.pdf"
    fs.write_pdf(path)
    return load(path).loc["flood"]


def test_pdf_text_in_reading_order_without_running_heads(pdf_row):
    text = pdf_row["text"]
    assert pdf_row["status"] == "ok" and pdf_row["format"] == "pdf"
    assert pdf_row["title"] == fs.PDF_HEADLINE and text.startswith(fs.PDF_HEADLINE + "\n\n")
    assert "RIVERTON GAZETTE" not in text and "Page 1" not in text
    assert not any(line.strip() in ("1", "2") for line in text.splitlines())  # page numbers
    order = ["Riverton's waterfront", "Deputy Mayor Grace Okafor", "new drains along Water",
             "Federal grants", "Some residents of the mill", "public meetings would begin"]
    positions = [text.index(s) for s in order]
    assert positions == sorted(positions)  # left column, right column, next page
    assert_stored(pdf_row)


def test_pdf_wraps_joined_and_hyphenation_undone(pdf_row):
    text = pdf_row["text"]
    assert "a plan the city unveiled on Thursday, officials said." in text  # wraps joined
    assert "the city's engineering office" in text and "engi-" not in text  # hyphen undone
    assert "several long-term tenants" in text  # a compound keeps its hyphen
    # the sentence cut by the column break is one sentence again, in one paragraph
    assert "after the last flood. The plan also calls for new drains" in text
    paragraphs = text.split("\n\n")
    assert len(paragraphs) == 6 and all("\n" not in p for p in paragraphs)


def test_scanned_pdf_is_an_error_row_saying_to_run_ocr(tmp_path):
    fs.write_scanned_pdf(tmp_path / "scan.pdf")
    row = load(tmp_path).loc["scan"]
    assert row["status"] == "error" and row["format"] == "pdf"
    assert row["error"].startswith(f"{tmp_path / 'scan.pdf'}: no text layer: run OCR first;")


def test_pdf_text_is_stored_and_reused(tmp_path, monkeypatch):
    from analysis.formats import pdf

    fs.write_pdf(tmp_path / "flood.pdf")
    first = load(tmp_path).loc["flood"]
    monkeypatch.setattr(pdf, "read_pdf", lambda *a: pytest.fail("extracted again"))
    second = load(tmp_path).loc["flood"]
    assert (second["text"], second["text_path"]) == (first["text"], first["text_path"])


# ------------------------------------------------------------------ Word


def test_word_document_paragraphs_and_headings(tmp_path):
    fs.write_docx(tmp_path / "library.docx")
    row = load(tmp_path).loc["library"]
    assert row["status"] == "ok" and row["format"] == "docx"
    assert row["title"] == fs.WORD_TITLE
    assert row["text"] == "\n\n".join([fs.WORD_TITLE, *fs.WORD_PARAGRAPHS, fs.WORD_SUBHEAD,
                                       *fs.WORD_AFTER_SUBHEAD])
    assert "Joan Pryce" in row["body"] and "Omar Haddad" in row["body"]
    assert_stored(row)


def test_a_damaged_word_file_is_an_error_row(tmp_path):
    (tmp_path / "broken.docx").write_bytes(b"PK\x03\x04 not really a document")
    row = load(tmp_path).loc["broken"]
    assert row["status"] == "error" and "not a readable Word document" in row["error"]


# ------------------------------------------------------------------ corpus files


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_corpus_rows_are_articles_with_their_metadata(tmp_path, suffix):
    path = tmp_path / f"corpus{suffix}"
    fs.write_corpus(path)
    frame = load(path, text_column="text", id_column="id")
    assert list(frame["article_id"]) == ["c1", "c2", "c3"]
    assert (frame["status"] == "ok").all() and (frame["format"] == suffix[1:]).all()
    for rec in fs.CORPUS_ROWS:
        row = frame.loc[rec["id"]]
        assert row["text"] == rec["text"]
        assert (row["title"], row["outlet"], row["genre"], row["story"]) == (
            rec["title"], rec["outlet"], rec["genre"], rec["story"])
        assert row["url"] == rec["url"] and row["source_file"] == str(path)
        assert_stored(row)
    assert list(frame["published"]) == ["2010-01-15", "2010-01-14", "2019-07-05"]


def test_corpus_columns_found_by_name_or_given(tmp_path):
    rows = [{"doc": f"d{i}", "content": r["text"], "headline": r["title"]}
            for i, r in enumerate(fs.CORPUS_ROWS)]
    fs.write_corpus(tmp_path / "named.csv", rows)
    found = load(tmp_path / "named.csv")  # "content" is a text column name; ids numbered
    assert list(found["article_id"]) == ["named_001", "named_002", "named_003"]
    assert (found["warning"] == "").all()  # rows without ids are numbered, not duplicates
    assert list(found["title"]) == [r["title"] for r in fs.CORPUS_ROWS]
    assert list(found["doc"]) == ["d0", "d1", "d2"]  # other columns are kept
    given = load(tmp_path / "named.csv", text_column="content", id_column="doc")
    assert list(given["article_id"]) == ["d0", "d1", "d2"]


def test_corpus_without_the_text_column_or_with_empty_rows(tmp_path):
    fs.write_corpus(tmp_path / "meta.csv", [{"id": 1, "title": "No text here"}])
    row = load(tmp_path / "meta.csv").iloc[0]
    assert row["status"] == "error"
    assert "no column of article text" in row["error"] and "'title'" in row["error"]
    assert row["error"].endswith("--text-column NAME")
    rows = [*fs.CORPUS_ROWS[:2], {"id": "c9", "text": "  ", "title": "Empty"}]
    fs.write_corpus(tmp_path / "holes.jsonl", rows)
    (tmp_path / "holes.jsonl").write_text((tmp_path / "holes.jsonl").read_text() + "{oops\n")
    frame = load(tmp_path / "holes.jsonl")
    assert list(frame["status"]) == ["ok", "ok", "error", "error"]
    assert "line 3: no text in column 'text'" in frame.iloc[2]["error"]
    assert "line 4: not a JSON object" in frame.iloc[3]["error"]


def test_a_dataframe_of_texts_loads_as_a_corpus():
    table = pd.DataFrame({
        "id": [r["id"] for r in fs.CORPUS_ROWS], "body": [r["text"] for r in fs.CORPUS_ROWS],
        "headline": [r["title"] for r in fs.CORPUS_ROWS],
        "date": pd.to_datetime(["2010-01-15", "2010-01-14 09:30", "2019-07-05"], format="mixed"),
        "lang": ["en", "en", "de"]})
    frame = load(table, id_column="id")
    assert list(frame["article_id"]) == ["c1", "c2", "c3"]
    assert (frame["status"] == "ok").all() and (frame["warning"] == "").all()
    assert list(frame["title"]) == [r["title"] for r in fs.CORPUS_ROWS]
    assert list(frame["published"]) == ["2010-01-15", "2010-01-14", "2019-07-05"]
    assert list(frame["lang"]) == ["en", "en", "de"]
    for _, row in frame.iterrows():
        assert_stored(row)
    assert load(table, id_column="id")["path"].tolist() == frame["path"].tolist()  # same file
    with pytest.raises(ValueError, match="no id column 'key'.*reset_index"):
        load_articles(table, id_column="key")
    with pytest.raises(ValueError, match="no rows"):
        load_articles(table.iloc[:0])


def test_corpus_columns_named_like_article_columns_are_renamed(tmp_path):
    fs.write_corpus(tmp_path / "odd.csv", [{"id": "a", "text": fs.CORPUS_ROWS[0]["text"],
                                            "status": "draft", "words": "900"}])
    row = load(tmp_path / "odd.csv").loc["a"]
    assert row["status"] == "ok" and row["corpus_status"] == "draft"
    assert row["corpus_words"] == "900" and row["words"] > 100


def test_cli_scores_a_corpus_with_named_columns(tmp_path):
    rows = [{"doc": f"d{i}", "content": r["text"]} for i, r in enumerate(fs.CORPUS_ROWS)]
    fs.write_corpus(tmp_path / "corpus.csv", rows)
    out = tmp_path / "scores.csv"
    run = subprocess.run([sys.executable, "-m", "analysis", "score", str(tmp_path / "corpus.csv"),
                          "--text-column", "content", "--id-column", "doc", "--out", str(out),
                          "--quiet"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    scores = pd.read_csv(out, keep_default_na=False)
    assert list(scores["article_id"]) == ["d0", "d1", "d2"]
    assert (scores["status"] == "ok").all() and (scores["quotes"].astype(int) > 0).all()
    assert "duplicate_of" in scores.columns


# ------------------------------------------------------------------ duplicates


def test_the_same_story_in_two_exports_is_flagged_not_dropped(tmp_path):
    fs.write_lexisnexis(tmp_path / "export.txt")
    fs.write_nexis_docx(tmp_path / "nexis.docx")
    with pytest.warns(ArticleWarning, match=r"1 of 6 articles repeat an earlier one's text: "
                                            r"nexis_002 \(= export_002\)"):
        frame = load_articles(tmp_path).set_index("article_id")
    assert len(frame) == 6 and (frame["status"] == "ok").all()
    assert frame.loc["nexis_002", "duplicate_of"] == "export_002"
    assert (frame.drop(index="nexis_002")["duplicate_of"] == "").all()


def test_a_trimmed_copy_is_a_duplicate_and_a_shared_quote_is_not():
    story = " ".join(fs.STORM + fs.TRANSIT)
    texts = [story,
             " ".join((fs.STORM + fs.TRANSIT)[:7]),  # trimmed at the end: ~70% of it
             " ".join(fs.SCHOOL) + " " + fs.STORM[2],  # quotes one paragraph of it
             story.replace("12,000", "12,500").replace("Monday", "Sunday")]  # corrected copy
    found = duplicates.find_duplicates(texts)
    assert set(found) == {1, 3} and found[1][0] == 0 and found[3][0] == 0


def test_duplicates_are_not_found_by_comparing_every_pair(monkeypatch):
    rng = np.random.default_rng(7)
    vocabulary = np.array(sorted({w for p in fs.STORM + fs.TRANSIT + fs.SCHOOL
                                  for w in p.lower().split()}))
    texts = [" ".join(rng.choice(vocabulary, 120)) for _ in range(600)]
    texts += [texts[10], texts[200] + " and one more line at the end."]
    calls = []
    real = duplicates.similarity
    monkeypatch.setattr(duplicates, "similarity", lambda a, b: calls.append(1) or real(a, b))
    found = duplicates.find_duplicates(texts)
    assert found == {600: (10, 1.0), 601: (200, pytest.approx(found[601][1]))}
    assert len(calls) < 2 * len(texts)  # all pairs would be ~180,000


# ------------------------------------------------------------------ manifest by article id


def test_manifest_rows_override_archive_articles_by_id(tmp_path):
    fs.write_lexisnexis(tmp_path / "export.txt")
    (tmp_path / "manifest.csv").write_text(
        "file,outlet,title,published,url,genre,reposted_from,notes\n"
        "export.txt,,,,,news,,whole export\n"
        "export_002,Harbor Times Online,Our title,2010-01-13,,report,,one article\n")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = load_articles(tmp_path).set_index("article_id")
    assert len(frame) == 3 and (frame["status"] == "ok").all()
    assert list(frame["genre"]) == ["news", "report", "news"]
    assert frame.loc["export_002", ["outlet", "title", "published"]].tolist() == [
        "Harbor Times Online", "Our title", "2010-01-13"]
    assert frame.loc["export_001", "outlet"] == "The Riverton Gazette"  # from the export
    assert not [w for w in caught if "could not be analysed" in str(w.message)]


# ------------------------------------------------------------------ not an article


CAPTION_PAGE = """<!DOCTYPE html><html><head><title>Storm | Example News</title></head><body>
<article><h1>Storm hits the coast</h1><figure><img src="storm.jpg"><figcaption>Waves break over
the sea wall at Port Ellis on Monday. Photo: Jane Roe / Example News</figcaption></figure>
<p>Subscribe to read the full story about the storm and its aftermath.</p></article>
<script>window.__ARTICLE__ = {"body": "The storm swept up the coast..."}</script>
</body></html>"""


def test_a_page_with_only_a_caption_is_an_error_row_saying_what_to_do(tmp_path):
    (tmp_path / "storm.html").write_text(CAPTION_PAGE)
    row = load(tmp_path).loc["storm"]
    assert row["status"] == "error" and row["format"] == "web page"
    assert f"{tmp_path / 'storm.html'}: only " in row["error"]
    assert "words found in the saved page" in row["error"]
    assert "Waves break over the sea wall" in row["error"]  # what was found
    assert row["error"].endswith("save the article's text, or print the page to PDF, and "
                                 "load that")


def test_a_teaser_length_page_loads_with_a_warning(tmp_path):
    words = " ".join(fs.STORM)[:420].rsplit(" ", 1)[0] + "."
    (tmp_path / "teaser.html").write_text(
        f"<!DOCTYPE html><html><body><article><h1>Storm</h1><p>{words}</p></article></body></html>")
    row = load(tmp_path).loc["teaser"]
    assert row["status"] == "ok"
    assert MIN_ARTICLE_WORDS <= len(row["body"].split()) < 100
    assert "words found in the saved page: it may be a teaser" in row["warning"]


def test_rates_and_signals_of_a_few_dozen_words_are_empty():
    scores = pd.DataFrame({"article_id": ["short", "long"], "words": [30, 400],
                           **{c: [5.0, 5.0] for c in RATE_COLUMNS}, "quotes": [2, 3]})
    blanked = blank_short_scores(scores).set_index("article_id")
    assert blanked.loc["short", RATE_COLUMNS].isna().all()
    assert (blanked.loc["long", RATE_COLUMNS] == 5.0).all()
    assert blanked.loc["short", "quotes"] == 2  # counts stay


def test_a_short_text_scores_counts_but_no_rates(tmp_path):
    from analysis import score_articles

    (tmp_path / "brief.txt").write_text(
        "“We are ready,” said Mayor Helen Brooks on Monday. The council may vote soon.\n")
    row = score_articles(tmp_path, progress=False).iloc[0]
    assert row["status"] == "ok" and row["quotes"] == 1 and row["words"] < MIN_ARTICLE_WORDS
    assert pd.isna(row["hedges_per_1k"]) and pd.isna(row["generated_look_score"])


# ------------------------------------------------------------------ helpers


def test_dates_as_archives_write_them():
    assert parse_date("January 11, 2010 Monday") == "2010-01-11"
    assert parse_date("1 July 2019 Monday 9:20 AM GMT") == "2019-07-01"
    assert parse_date("Sept. 3, 2021") == "2021-09-03" and parse_date("February 30, 2020") == ""
    # an ISO timestamp, as corpus files and pandas write dates
    assert parse_date("2024-05-01T09:30:00Z") == "2024-05-01"
    assert parse_date("2024-05-01T00:00:00.000") == "2024-05-01"
    assert is_date_line("July 1, 2019 Monday 9:20 AM GMT") and is_date_line("January 11, 2010")
    assert not is_date_line("January 11, 2010 was the day the council voted")


def test_reflow_joins_wraps_and_keeps_paragraphs():
    lines = ["The council said the govern-", "ment report was late. It", "said so again.", "",
             "A second paragraph with a well-", "known name."]
    assert reflow(lines) == ["The council said the government report was late. It said so again.",
                             "A second paragraph with a well-known name."]
    assert join_lines(["a 19-", "year-old"]) == "a 19-year-old"


# ------------------------------------------------------------------ a folder of everything


def make_mixed_folder(folder: Path) -> dict[str, int]:
    """Every format in one folder; returns the articles expected from each file."""
    fs.write_lexisnexis(folder / "export.txt")
    fs.write_nexis_docx(folder / "nexis.docx")
    fs.write_pdf(folder / "flood.pdf")
    fs.write_docx(folder / "library.docx")
    (folder / "corpora").mkdir()
    fs.write_corpus(folder / "corpora" / "scraped.csv")
    fs.write_corpus(folder / "corpora" / "rows.jsonl", [
        {"id": "j1", "text": "\n\n".join(fs.HOSPITAL[:3])}])
    (folder / "plain.txt").write_text("\n\n".join(fs.SCHOOL[:2]) + "\n", encoding="utf-8")
    (folder / "page.html").write_text(
        "<!DOCTYPE html><html><body><article><h1>Bakery wins</h1>"
        + "".join(f"<p>{p}</p>" for p in fs.BAKERY) + "</article></body></html>")
    return {"export.txt": 3, "nexis.docx": 3, "flood.pdf": 1, "library.docx": 1,
            "corpora/scraped.csv": 3, "corpora/rows.jsonl": 1, "plain.txt": 1, "page.html": 1}


def test_a_mixed_folder_loads_one_row_per_article_with_true_offsets(tmp_path):
    from analysis import extract_evidence

    folder = tmp_path / "data"
    folder.mkdir()
    expected = make_mixed_folder(folder)
    frame = load(folder)
    counts = frame["source_file"].map(lambda p: Path(p).relative_to(folder).as_posix()).value_counts()
    assert counts.to_dict() == expected  # nothing lost, nothing merged
    assert frame["article_id"].is_unique and (frame["status"] == "ok").all(), frame["error"]
    for row in frame.itertuples():
        assert Path(row.text_path).read_bytes().decode("utf-8") == row.text
    evidence = extract_evidence(frame, cache=False, progress=False)
    assert set(evidence["article_id"]) == set(frame["article_id"])  # every article has some
    for rec in evidence.itertuples():
        text = frame.loc[rec.article_id, "text"]
        assert text[int(rec.start):int(rec.end)] == rec.text
        if not pd.isna(rec.speaker_start):
            assert 0 <= rec.speaker_start < rec.speaker_end <= len(text)
    quotes = evidence[evidence["kind"] == "quote"]
    assert {"export_001", "nexis_001", "library", "c1", "j1"} <= set(quotes["article_id"])


def test_exports_with_the_same_name_in_two_folders_keep_distinct_ids(tmp_path):
    for sub in ("2010", "2011"):
        (tmp_path / sub).mkdir()
        fs.write_lexisnexis(tmp_path / sub / "export.txt")
    frame = load(tmp_path)
    assert list(frame["article_id"]) == [f"{y}/export_00{n}" for y in ("2010", "2011")
                                         for n in (1, 2, 3)]
    assert (frame.loc[frame["article_id"].str.startswith("2011"), "duplicate_of"]
            == ["2010/export_001", "2010/export_002", "2010/export_003"]).all()


def test_highlight_shows_the_chosen_article_of_an_export_with_its_own_evidence(tmp_path):
    from analysis import cli

    path = tmp_path / "export.txt"
    expected = fs.write_lexisnexis(path)
    ids = list(load_articles(path)["article_id"])
    assert len(ids) == len(expected) > 1
    out = tmp_path / "page.html"
    assert cli.main(["highlight", str(path), "--out", str(out)]) == 2  # which one?
    assert not out.exists()
    assert cli.main(["highlight", str(path), "--out", str(out), "--article", "nothing"]) == 2
    for article_id, (_, _, title, _, _, paragraphs) in zip(ids, expected.values()):
        assert cli.main(["highlight", str(path), "--out", str(out), "--article", article_id]) == 0
        page = out.read_text(encoding="utf-8")
        assert title in page and paragraphs[0].split()[0] in page
        others = [t for _, _, t, _, _, _ in expected.values() if t != title]
        assert not any(t in page for t in others)


def test_highlight_page_gets_the_evidence_of_its_article_only(tmp_path, monkeypatch):
    from analysis import highlight

    path = tmp_path / "export.txt"
    fs.write_lexisnexis(path)
    ids = list(load_articles(path)["article_id"])
    seen = []
    real = highlight.highlight_page

    def page(title, text, evidence, *args):
        seen.append(set(evidence["article_id"]))
        assert all(text[s:e] == t for s, e, t in zip(evidence["start"], evidence["end"],
                                                     evidence["text"]))
        return real(title, text, evidence, *args)

    monkeypatch.setattr(highlight, "highlight_page", page)
    highlight.write_highlight_page(path, tmp_path / "p.html", article_id=ids[1])
    assert seen == [{ids[1]}]


def test_highlight_names_the_articles_to_choose_from(tmp_path, capsys):
    from analysis import cli

    path = tmp_path / "export.txt"
    fs.write_lexisnexis(path)
    ids = list(load_articles(path)["article_id"])
    assert cli.main(["highlight", str(path), "--out", str(tmp_path / "p.html")]) == 2
    message = capsys.readouterr().err
    assert "--article" in message and all(i in message for i in ids)


def test_the_exact_pass_counts_shared_sequences_and_gives_up_on_boilerplate(monkeypatch):
    story = " ".join(fs.STORM + fs.TRANSIT)
    distinct = [story, " ".join(fs.SCHOOL)]
    assert duplicates.any_near_identical([duplicates.shingles(t) for t in distinct]) is False
    vocabulary: dict[str, int] = {}
    copied = [duplicates.shingles(t, vocabulary) for t in distinct + [story]]
    assert duplicates.any_near_identical(copied) is True
    monkeypatch.setattr(duplicates, "MAX_SHARERS", 1)  # every shared sequence is too common
    assert duplicates.any_near_identical(copied) is None
    monkeypatch.setattr(duplicates, "MAX_SHARERS", 64)
    monkeypatch.setattr(duplicates, "MAX_SEQUENCES", 10)  # a corpus too large to sort at once
    assert duplicates.any_near_identical(copied) is None


def test_no_near_identical_pair_needs_no_lsh(monkeypatch):
    monkeypatch.setitem(sys.modules, "datasketch", None)  # importing it would fail
    assert duplicates.find_duplicates([" ".join(fs.STORM), " ".join(fs.SCHOOL)]) == {}
    with pytest.raises(ImportError):
        duplicates.find_duplicates([" ".join(fs.STORM)] * 2)


def test_the_exact_pass_changes_no_finding(monkeypatch):
    rng = np.random.default_rng(11)
    words = np.array(sorted({w for p in fs.STORM + fs.TRANSIT + fs.SCHOOL
                             for w in p.lower().split()}))
    texts = [" ".join(rng.choice(words, 80)) for _ in range(60)]
    texts += [texts[3], texts[7][: len(texts[7]) * 3 // 4], " ".join(rng.choice(words, 80))]
    found = duplicates.find_duplicates(texts)
    monkeypatch.setattr(duplicates, "any_near_identical", lambda sets: None)  # LSH always
    assert duplicates.find_duplicates(texts) == found and 60 in found
