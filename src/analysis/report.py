"""The main job: score every article in a folder, execute the notebooks fresh on it and
export the scorecard, the charts and the executed notebooks (with HTML copies).

The folder is analysed once (:func:`analysis.analyse_articles`, which keeps each
article's results in ``data/processed``); the notebooks read those results back instead of
analysing again, and run side by side, each in its own kernel.

``python -m analysis report --data DIR --out DIR`` (what ``make report`` runs) writes:

- ``scores.csv``: the scorecard (:func:`analysis.score_articles`'s columns);
- ``figures/figNN_*.png|svg|csv``: every chart (drawn by notebooks 01–03);
- ``compare/``: the comparison of the articles' coverage, tables and fig10–fig12 (drawn by
  notebook 05; see docs/compare.md);
- ``notebooks/NN_*.ipynb|html``: the executed notebooks.

A file dropped into DIR with no manifest row is scored as ``unlabelled`` and appears in
every table and chart.
"""
from __future__ import annotations

import asyncio
import os
import sys
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

# nbformat validates notebooks with jsonschema, which checks the "iri" format with
# rfc3987-syntax when that is installed (JupyterLab's jupyter-events brings it); importing it
# builds an Earley parser, about a second before any notebook can start. No notebook schema
# uses that format, so the report runs without it (jsonschema then leaves "iri" unchecked).
sys.modules.setdefault("rfc3987_syntax", None)

import nbformat  # noqa: E402  (after the line above)
import papermill  # noqa: E402
from tqdm.auto import tqdm  # noqa: E402

from .html_export import offline_html  # noqa: E402
from .kernel import QuietKernelManager  # noqa: E402
from .paths import NOTEBOOKS_DIR, RAW_DIR, reports_dir  # noqa: E402
from .api import analyse_articles  # noqa: E402

#: Most notebooks executed at once (each in its own kernel process).
MAX_PARALLEL_NOTEBOOKS = 4


def notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks, in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def execute_notebook(path: Path, out_dir: Path, parameters: dict, progress: bool = True) -> Path:
    """Run one notebook with papermill into ``out_dir/notebooks`` and export an HTML copy
    that works offline (:func:`analysis.html_export.offline_html`)."""
    target = out_dir / "notebooks" / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    # The kernel starts in the notebook's folder (``resources``, not papermill's ``cwd``,
    # which changes this whole process's folder: notebooks run side by side in threads).
    # Written once, at the end (and on an error), not after every cell.
    papermill.execute_notebook(str(path), str(target), parameters=parameters,
                               progress_bar=False, kernel_name="python3",
                               kernel_manager_class=QuietKernelManager,
                               request_save_on_cell_execute=False,
                               resources={"metadata": {"path": str(path.parent)}})
    html = offline_html(nbformat.read(target, as_version=4))
    target.with_suffix(".html").write_text(html, encoding="utf-8")
    return target


def run_report(data_dir: Path | None = None, out_dir: Path | None = None, jobs: int | None = None,
               cache: bool = True, progress: bool = True) -> Path:
    """Write ``scores.csv``, ``figures/`` and ``notebooks/`` under ``out_dir``; return it.

    The articles are analysed once here (``cache=False``: every article parsed and analysed
    again, and the stored results replaced); the notebooks then run side by side
    (:func:`notebook_workers` at once) and read the stored results.
    """
    data_dir = Path(data_dir or RAW_DIR).resolve()
    out_dir = Path(out_dir or reports_dir()).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    analysis = analyse_articles(data_dir, jobs=jobs, cache=cache, progress=progress)
    analysis.scores.to_csv(out_dir / "scores.csv", index=False)
    parameters = {"data_dir": str(data_dir), "out_dir": str(out_dir)}
    paths = notebooks()
    with (ThreadPoolExecutor(notebook_workers(len(paths))) as pool,
          tqdm(total=len(paths), desc="notebooks", unit="notebook", disable=not progress) as bar):
        runs = [pool.submit(_execute_in_thread, nb, out_dir, parameters) for nb in paths]
        for run in as_completed(runs):
            run.result()
            bar.update()
    return out_dir


def _execute_in_thread(path: Path, out_dir: Path, parameters: dict) -> Path:
    """:func:`execute_notebook` in a worker thread, closing the event loop that papermill
    opened for the thread when it is done."""
    try:
        return execute_notebook(path, out_dir, parameters)
    finally:
        try:
            loop = asyncio.get_event_loop()  # the one papermill set for this thread
        except RuntimeError:  # papermill set none
            loop = None
        if loop is not None and not loop.is_running():
            loop.close()
            asyncio.set_event_loop(None)


def notebook_workers(n_notebooks: int) -> int:
    """Notebooks executed at once: all of them (at most :data:`MAX_PARALLEL_NOTEBOOKS`) when
    the machine has two cores or more. A kernel spends much of its time starting, importing
    and waiting on its client, so two cores keep four kernels busy."""
    if (os.cpu_count() or 1) < 2:
        return 1
    return max(1, min(n_notebooks, MAX_PARALLEL_NOTEBOOKS))
