"""The report (issue 4): a new article without a manifest row reaches every table and chart."""
from __future__ import annotations

import json
import os
import shutil

import pandas as pd
import pytest

from analysis.figures.catalog import FIGURES
from analysis.report import run_report
from analysis.scoring import SCORE_COLUMNS
from analysis.store import AnalysisStore

NEW = ("Council approves new bus lanes\n\n"
       "The city council voted 7-2 on Wednesday to add bus lanes on Main Street, "
       "council member Ana Ruiz said. “Buses will be faster,” Ruiz told reporters. "
       "Work starts in March and may take six months, officials said.\n")


@pytest.fixture(scope="module")
def report(tmp_path_factory, seed_dir):
    data = tmp_path_factory.mktemp("data")
    for f in seed_dir.iterdir():
        shutil.copy(f, data / f.name)
    (data / "new_story.txt").write_text(NEW, encoding="utf-8")
    out = tmp_path_factory.mktemp("report")
    cwd = os.getcwd()
    done = run_report(data, out, progress=False)
    assert os.getcwd() == cwd, "running notebooks side by side must not move this process"
    return done


def test_scorecard_includes_the_new_article(report):
    scores = pd.read_csv(report / "scores.csv")
    assert set(SCORE_COLUMNS) <= set(scores.columns)
    assert len(scores) == 6
    new = scores.set_index("article_id").loc["new_story"]
    assert new["genre"] == "unlabelled" and new["status"] == "ok"


def test_every_chart_written_and_shows_the_new_article(report):
    figures = report / "figures"
    for name in FIGURES:
        for ext in ("png", "svg", "csv"):
            assert (figures / f"{name}.{ext}").stat().st_size > 0, f"{name}.{ext}"
    for name in ("fig01_readability", "fig02_sourcing_profile", "fig03_quotes_vs_hedging",
                 "fig09_look_signals"):
        data = pd.read_csv(figures / f"{name}.csv")
        assert "new_story" in set(data["article_id"]), name
    genres = set(pd.read_csv(figures / "fig04_genre_profiles.csv")["genre"])
    assert "unlabelled" in genres


def test_executed_notebooks_and_html_copies(report):
    for stem in ("01_load_articles", "02_sourcing_scores", "03_framing_by_genre",
                 "04_explore_an_article"):
        assert (report / "notebooks" / f"{stem}.ipynb").exists()
        html = (report / "notebooks" / f"{stem}.html").read_text(encoding="utf-8")
        assert len(html) > 1000


def test_analysed_once_and_the_notebooks_read_it_back(report):
    assert len(list(AnalysisStore().folder.rglob("*.pickle"))) >= 6
    for stem in ("02_sourcing_scores", "03_framing_by_genre", "04_explore_an_article"):
        nb = json.loads((report / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
        cell = next(c for c in nb["cells"] if "analyse_articles(data_dir)" in "".join(c["source"]))
        # analysing would add a progress bar (a widget in a kernel) to the table shown
        assert [o["output_type"] for o in cell["outputs"]] == ["execute_result"], stem
