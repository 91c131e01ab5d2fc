"""The notebooks as a person uses them (issue 18): JupyterLab in headless Chromium.

Notebook 04 is opened in JupyterLab (the project's settings, a copy of the notebooks in a
temporary folder), every cell is run from the Run menu, and the page is checked as a person
would check it. A ``highlight`` page of a hostile article is opened too. Skipped, with the
reason, where Playwright or Chromium is missing; a failure leaves a screenshot (see
``browser_support.SCREENSHOTS``).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys

import pytest

from analysis.paths import NOTEBOOKS_DIR
from browser_support import Lab, screenshot_on_failure

NOTEBOOK = "04_explore_an_article.ipynb"
OUTPUT = ".jp-OutputArea-output"
EXPLORER = ".jp-Notebook .widget-vbox:has(.widget-dropdown)"


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("notebooks")
    for path in NOTEBOOKS_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, root / path.name)
    server = Lab(root, tmp_path_factory.mktemp("lab-state"))
    yield server
    server.stop()


def open_notebook(page, lab, name: str = NOTEBOOK) -> None:
    page.goto(lab.url(f"lab/tree/{name}"))
    page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=90_000)
    lab.kernel_idle(name)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=90_000)


def run_all(page) -> None:
    """Run > Run All Cells, then wait until the kernel is idle with the explorer drawn."""
    page.locator(".lm-MenuBar-itemLabel").get_by_text("Run", exact=True).click()
    page.locator(".lm-Menu-itemLabel").get_by_text("Run All Cells", exact=True).click()
    page.wait_for_selector(f"{EXPLORER} .widget-html .hl .article mark, .jp-Dialog", timeout=180_000)
    if page.locator(".jp-Dialog").count():  # "Select Kernel" if the session was still starting
        page.locator(".jp-Dialog button.jp-mod-accept").click()
    page.wait_for_selector(f"{EXPLORER} .widget-html .hl .article mark", timeout=180_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=60_000)


def state(page) -> dict:
    """What the explorer shows: title, highlights (kind, hover text), legend, table rows."""
    return page.evaluate("""(sel) => {
        const root = document.querySelector(sel);
        const text = e => e ? e.textContent.trim() : "";
        const marks = [...root.querySelectorAll(".hl .article mark")];
        return {
            title: text(root.querySelector("h3")),
            highlights: marks.map(m => [m.className, m.title]),
            hover: [...new Set(marks.flatMap(m => m.title.split(" | ")))],
            legend: [...root.querySelectorAll(".hl ul.legend mark")].map(m => m.className),
            rows: [...root.querySelectorAll(".evidence tbody tr")].map(r => r.textContent),
            note: text(root.querySelector(".evidence p")),
        };
    }""", EXPLORER)


def checkbox(page, label: str):
    return page.locator(f"{EXPLORER} .widget-checkbox").filter(has_text=label).locator("input")


@pytest.fixture(scope="module")
def page(browser, lab):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.outside = []
    page.on("request", lambda r: page.outside.append(r.url)
            if not r.url.startswith((f"http://127.0.0.1:{lab.port}", "data:", "blob:")) else None)
    with screenshot_on_failure(page, "open_and_run_notebook_04"):
        open_notebook(page, lab)
        run_all(page)
    yield page
    context.close()


def test_no_error_output_in_any_cell(page):
    with screenshot_on_failure(page, "no_error_output"):
        outputs = page.locator(OUTPUT)
        assert outputs.count() >= 2
        for i in range(outputs.count()):
            out = outputs.nth(i)
            mime = out.get_attribute("data-mime-type") or ""
            text = out.text_content()
            assert "error" not in mime, text[:300]
            assert "Traceback" not in text and "Error displaying widget" not in text, text[:300]
        assert page.outside == [], "JupyterLab fetched from the network"


def test_every_kind_control_is_visible_whole_with_all_and_none(page):
    with screenshot_on_failure(page, "kind_controls"):
        boxes = page.locator(f"{EXPLORER} .widget-checkbox")
        assert boxes.count() >= 17
        cut = page.evaluate("""(sel) => [...document.querySelectorAll(sel + " .widget-checkbox")]
            .filter(b => { const r = b.getBoundingClientRect();
                           const cut = [...b.querySelectorAll("label, span")].some(l =>
                               l.clientWidth > 0 && l.scrollWidth > l.clientWidth + 1);
                           return r.width === 0 || r.right > innerWidth || cut; })
            .map(b => b.textContent)""", EXPLORER)
        assert cut == [], f"labels cut or hidden: {cut}"
        for group in ("quotes and sources", "hedges and boosters", "signals"):
            assert page.locator(EXPLORER).get_by_text(group, exact=True).is_visible()
        page.locator(f"{EXPLORER} button").get_by_text("none", exact=True).click()
        page.wait_for_function("(sel) => !document.querySelector(sel + ' .hl .article mark')", arg=EXPLORER)
        shown = state(page)
        assert shown["legend"] == [] and shown["rows"] == []
        page.locator(f"{EXPLORER} button").get_by_text("all", exact=True).click()
        page.wait_for_function("(sel) => document.querySelectorAll(sel + ' .hl ul.legend mark').length >= 17",
                               arg=EXPLORER)
        for i in range(boxes.count()):
            assert boxes.nth(i).locator("input").is_checked()
        # back to the usual kinds for the tests that follow: untick what "all" added
        for label in ("word over-used in generated text", "evaluative word", "first-person plural",
                      "the reader addressed directly", "phrase urging", "specific number or date"):
            checkbox(page, label).uncheck()
        page.wait_for_timeout(500)


def test_every_highlight_is_one_row_of_the_table(page):
    with screenshot_on_failure(page, "highlights_match_table"):
        shown = state(page)
        assert shown["hover"] and len(shown["rows"]) == len(shown["hover"])
        assert shown["note"].startswith(f"{len(shown['rows'])} highlight")


def test_picking_another_article_changes_title_highlights_and_table(page):
    with screenshot_on_failure(page, "pick_another_article"):
        before = state(page)
        select = page.locator(f"{EXPLORER} .widget-dropdown select")
        options = select.locator("option").all_text_contents()
        assert len(options) >= 2 and all("_" not in o.split(" — ")[0] for o in options), options
        select.select_option(index=len(options) - 1)
        page.wait_for_function("([sel, t]) => document.querySelector(sel + ' h3').textContent.trim() !== t",
                               arg=[EXPLORER, before["title"]])
        page.wait_for_timeout(300)
        after = state(page)
        assert after["title"] != before["title"]
        assert after["highlights"] != before["highlights"]
        assert after["rows"] != before["rows"]
        assert len(after["rows"]) == len(after["hover"])


def test_switching_a_kind_off_removes_its_highlights_and_legend_entry(page):
    with screenshot_on_failure(page, "switch_kind_off"):
        before = state(page)
        assert any("k-source-named" in c for c, _ in before["highlights"])
        assert "k-source-named" in before["legend"]
        checkbox(page, "named source").uncheck()
        page.wait_for_function("(sel) => !document.querySelector(sel + ' .hl mark.k-source-named')",
                               arg=EXPLORER)
        after = state(page)
        assert "k-source-named" not in after["legend"]
        assert not any("named source" in r for r in after["rows"])
        assert len(after["rows"]) == len(after["hover"]) < len(before["rows"])
        checkbox(page, "named source").check()
        page.wait_for_selector(f"{EXPLORER} .hl .article mark.k-source-named")


def test_legend_samples_look_like_the_highlights_they_explain(page):
    with screenshot_on_failure(page, "legend_matches_highlights"):
        pairs = page.evaluate("""(sel) => {
            const root = document.querySelector(sel);
            const look = e => { const s = getComputedStyle(e);
                return [s.backgroundColor, s.boxShadow, s.textDecorationLine, s.textDecorationStyle,
                        s.outlineStyle, s.borderBottomStyle, s.fontWeight, s.fontStyle]; };
            return [...root.querySelectorAll(".hl ul.legend mark")].map(m => {
                const same = [...root.querySelectorAll(".hl .article mark")]
                    .find(h => h.classList.length === 1 && h.classList[0] === m.className);
                return [m.className, look(m), same ? look(same) : null];
            });
        }""", EXPLORER)
        assert pairs
        assert all(legend[0] != "rgb(255, 255, 0)" for _, legend, _ in pairs), "browser's yellow mark"
        compared = [(kind, legend, text) for kind, legend, text in pairs if text is not None]
        assert len(compared) >= 3
        for kind, legend, text in compared:
            assert legend == text, kind


def test_saved_and_reopened_notebook_is_clean_and_says_what_to_run(page, lab):
    committed = {p: (NOTEBOOKS_DIR / p.name).read_bytes() for p in lab.root.iterdir()
                 if p.name.startswith("04_")}
    with screenshot_on_failure(page, "save_and_reopen"):
        page.keyboard.press("Control+s")
        page.wait_for_selector(".jp-mod-current.jp-mod-dirty", state="detached", timeout=30_000)
        page.wait_for_timeout(1000)
        for path, text in committed.items():
            assert path.read_bytes() == text, f"saving changed {path.name}"
        page.locator(".lm-MenuBar-itemLabel").get_by_text("File", exact=True).click()
        page.locator(".lm-Menu-itemLabel").get_by_text(re.compile(r"^Close and Shut Down Notebook")).click()
        dialog = page.locator(".jp-Dialog")
        if dialog.count():
            dialog.locator("button.jp-mod-accept").click()
        page.wait_for_selector(".jp-NotebookPanel", state="detached", timeout=30_000)
        open_notebook(page, lab)
        page.wait_for_timeout(1500)
        body = page.locator(".jp-NotebookPanel").text_content()
        assert "Error displaying widget" not in body and "model not found" not in body
        assert "Run the cells to explore" in body
        assert page.locator(f".jp-NotebookPanel {OUTPUT}").count() == 0


def test_highlight_page_runs_nothing_from_the_article(browser, tmp_path):
    article = tmp_path / "hostile.txt"
    article.write_text(
        "Officials said on Monday that talks would resume.\n\n"
        "<script>window.ran = 'script'; document.title = 'hacked'</script>\n"
        "<img src=x onerror=\"window.ran = 'onerror'\"> “We may act soon,” said Jane Doe.\n",
        encoding="utf-8")
    out = tmp_path / "page.html"
    run = subprocess.run([sys.executable, "-m", "analysis", "highlight", str(article), "--out", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    page = browser.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    with screenshot_on_failure(page, "hostile_highlight_page"):
        page.goto(out.as_uri())
        page.wait_for_timeout(500)
        assert page.evaluate("window.ran") is None and dialogs == []
        assert page.title() != "hacked"
        assert page.locator("img, script").count() == 0
        text = page.locator(".article").text_content()
        assert "<script>window.ran" in text and "<img src=x onerror=" in text
        assert "We may act soon" in text and page.locator(".article mark").count() > 0
    page.close()
