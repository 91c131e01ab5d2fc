"""The main job: score every article in a folder, execute the notebooks fresh on it and
export the scorecard, the charts and the executed notebooks (with HTML copies).

``python -m analysis report --data DIR --out DIR`` (what ``make report`` runs) writes:

- ``scores.csv``: the scorecard (:func:`analysis.score_articles`);
- ``figures/figNN_*.png|svg|csv``: every chart (drawn by notebooks 01–03);
- ``compare/``: the comparison of the articles' coverage, tables and fig10–fig12 (drawn by
  notebook 05; see docs/compare.md);
- ``notebooks/NN_*.ipynb|html``: the executed notebooks.

A file dropped into DIR with no manifest row is scored as ``unlabelled`` and appears in
every table and chart.
"""
from __future__ import annotations

from pathlib import Path

import nbformat
import papermill
from tqdm.auto import tqdm

from .html_export import offline_html
from .kernel import QuietKernelManager
from .paths import NOTEBOOKS_DIR, RAW_DIR, reports_dir
from .api import score_articles


def notebooks(folder: Path = NOTEBOOKS_DIR) -> list[Path]:
    """The numbered notebooks, in order."""
    return sorted(p for p in folder.glob("[0-9][0-9]_*.ipynb"))


def execute_notebook(path: Path, out_dir: Path, parameters: dict, progress: bool = True) -> Path:
    """Run one notebook with papermill into ``out_dir/notebooks`` and export an HTML copy
    that works offline (:func:`analysis.html_export.offline_html`)."""
    target = out_dir / "notebooks" / path.name
    target.parent.mkdir(parents=True, exist_ok=True)
    papermill.execute_notebook(str(path), str(target), parameters=parameters,
                               progress_bar=False, cwd=str(path.parent), kernel_name="python3",
                               kernel_manager_class=QuietKernelManager)
    html = offline_html(nbformat.read(target, as_version=4))
    target.with_suffix(".html").write_text(html, encoding="utf-8")
    return target


def run_report(data_dir: Path | None = None, out_dir: Path | None = None, jobs: int | None = None,
               cache: bool = True, progress: bool = True) -> Path:
    """Write ``scores.csv``, ``figures/`` and ``notebooks/`` under ``out_dir``; return it."""
    data_dir = Path(data_dir or RAW_DIR).resolve()
    out_dir = Path(out_dir or reports_dir()).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    scores = score_articles(data_dir, jobs=jobs, cache=cache, progress=progress)
    scores.to_csv(out_dir / "scores.csv", index=False)
    parameters = {"data_dir": str(data_dir), "out_dir": str(out_dir)}
    for nb in tqdm(notebooks(), desc="notebooks", unit="notebook", disable=not progress):
        execute_notebook(nb, out_dir, parameters, progress=progress)
    return out_dir
