"""The report (issue 4): a new article without a manifest row reaches every table and chart;
the executed notebooks read well and their HTML copies work offline (issue 18)."""
from __future__ import annotations

import json
import os
import re
import shutil

import nbformat
import pandas as pd
import pytest
from browser_support import screenshot_on_failure

from analysis.figures.catalog import FIGURES
from analysis.report import run_report
from analysis.scoring import SCORE_COLUMNS
from analysis.store import AnalysisStore

NEW = ("Council approves new bus lanes\n\n"
       "The city council voted 7-2 on Wednesday to add bus lanes on Main Street, "
       "council member Ana Ruiz said. “Buses will be faster,” Ruiz told reporters. "
       "Work starts in March and may take six months, officials said.\n")

pytestmark = pytest.mark.slow  # runs the whole report: left out of `make test-fast`


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


def test_the_comparison_goes_to_compare(report):
    folder = report / "compare"
    for name in ("stories", "quote_matches", "claims", "sources_by_article", "reuse"):
        assert (folder / f"{name}.csv").is_file(), name
    for name in ("fig10_claim_grid", "fig11_source_matrix", "fig12_reuse"):
        for ext in ("png", "svg", "csv"):
            assert (folder / "figures" / f"{name}.{ext}").stat().st_size > 0
    quotes = pd.read_csv(folder / "quote_matches.csv")
    held = quotes.loc[quotes["text"].str.contains("holding anything back")]
    assert {"000_f6b57bbd8cfdaadd", "001_722284137eb69d9d"} <= set(held["article_id"])
    assert (report / "notebooks" / "05_compare_coverage.html").is_file()


NETWORK_SCRIPT = re.compile(r"<script[^>]*\bsrc=|<link[^>]*href=[\"']?https?:", re.I)


def test_html_copies_load_nothing_from_the_network(report):
    for page in (report / "notebooks").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not NETWORK_SCRIPT.search(html), page.name
        scripts = re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)
        assert not [s for s in scripts if "http" in s], page.name


def test_html_copy_of_notebook_04_shows_every_article_without_widgets(report):
    html = (report / "notebooks" / "04_explore_an_article.html").read_text(encoding="utf-8")
    assert "application/vnd.jupyter.widget-view+json" not in html
    assert html.count("<details") == 6 and html.count("<details open") == 1
    assert 'class="k-quote' in html and "make lab" in html


def test_notebook_outputs_read_as_a_person_reads_them(report):
    texts = {}
    for stem in ("01_load_articles", "02_sourcing_scores", "03_framing_by_genre",
                 "04_explore_an_article"):
        nb = nbformat.read(report / "notebooks" / f"{stem}.ipynb", as_version=4)
        outs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
        assert not [o for o in outs if o.output_type == "error"], stem
        texts[stem] = ["".join(o.get("data", {}).get("text/plain", "")) for o in outs]
        assert not [t for t in texts[stem] if "PosixPath" in t or "{'png'" in t], stem
    assert any(t.startswith("Saved fig02_sourcing_profile") for t in texts["02_sourcing_scores"])
    assert "Every article was analysed (6 of 6)." in texts["02_sourcing_scores"]
    nb04 = nbformat.read(report / "notebooks" / "04_explore_an_article.ipynb", as_version=4)
    views = [o for c in nb04.cells for o in c.get("outputs", [])
             if "<h3>" in "".join(o.get("data", {}).get("text/html", ""))]
    assert len(views) == 1, "notebook 04 shows the article once"


def test_html_copy_works_offline_in_a_browser(report, browser):
    page = browser.new_page()
    outside = []
    page.route("**/*", lambda route: (outside.append(route.request.url), route.abort())
               if not route.request.url.startswith(("file:", "data:")) else route.continue_())
    with screenshot_on_failure(page, "offline_html_copy_of_notebook_04"):
        page.goto((report / "notebooks" / "04_explore_an_article.html").as_uri())
        page.wait_for_timeout(500)
        assert outside == []
        assert page.locator("details[open] .hl .article mark").count() > 0
        assert page.locator("details").count() == 6
        assert page.locator("details[open] .evidence tbody tr").count() > 0
    page.close()


def test_analysed_once_and_the_notebooks_read_it_back(report):
    assert len(list(AnalysisStore().folder.rglob("*.pickle"))) >= 6
    for stem in ("02_sourcing_scores", "03_framing_by_genre", "04_explore_an_article"):
        nb = json.loads((report / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))
        cell = next(c for c in nb["cells"] if "analyse_articles(data_dir)" in "".join(c["source"]))
        # analysing would add a progress bar (a widget in a kernel) to what the cell shows
        assert {o["output_type"] for o in cell["outputs"]} <= {"execute_result"}, stem
