"""Notebooks are jupytext pairs committed without outputs, each with a parameters cell."""
from __future__ import annotations

import json
import re
import shutil

import jupytext
import nbformat
import pytest

from analysis.paths import NOTEBOOKS_DIR

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))


def test_the_four_notebooks_exist():
    names = [p.stem for p in NOTEBOOKS]
    for want in ("01_load_articles", "02_sourcing_scores", "03_framing_by_genre",
                 "04_explore_an_article"):
        assert want in names


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_committed_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs and cell.execution_count is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_matches_its_py_twin(path):
    twin = path.with_suffix(".py")
    assert twin.exists(), f"{twin.name} missing: notebooks are jupytext pairs"
    a = [(c.cell_type, c.source.strip()) for c in nbformat.read(path, as_version=4).cells]
    b = [(c.cell_type, c.source.strip()) for c in jupytext.read(twin).cells]
    assert a == b, f"{path.name} differs from {twin.name}: run make sync-notebooks"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_parameters_cell_and_no_paths_or_functions(path):
    nb = nbformat.read(path, as_version=4)
    params = [c for c in nb.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and "data_dir = None" in params[0].source
    assert "out_dir = None" in params[0].source
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    assert not re.search(r"^\s*def ", code, re.M), "no functions defined in notebooks"
    assert "sys.path" not in code
    assert not re.search(r"[\"'](?:\.\./|/|data/|reports/)", code), "notebooks never type a path"


def test_syncing_again_changes_no_file(tmp_path):
    """The pairing is stable (issue 18): jupytext neither rewrites the .py header nor the
    .ipynb, so opening and saving a notebook leaves ``git status`` clean."""
    from jupytext.cli import jupytext as jupytext_cli

    for path in NOTEBOOKS_DIR.iterdir():
        if path.is_file():
            shutil.copy(path, tmp_path / path.name)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for py in sorted(tmp_path.glob("[0-9][0-9]_*.py")):
        py.touch()  # newer than its .ipynb, as after an edit
        jupytext_cli(["--sync", "--quiet", str(py)])
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_saving_after_a_run_writes_the_committed_notebook(path):
    """What JupyterLab (``make lab``) writes after a run: no output, no added metadata."""
    from analysis.clean_notebook import pre_save_hook

    committed = nbformat.read(path, as_version=4)
    ran = nbformat.read(path, as_version=4)
    ran.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    ran.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {"state": {}}}
    for n, cell in enumerate(ran.cells):
        cell.metadata["execution"] = {"iopub.status.busy": "2026-01-01T00:00:00"}
        if cell.cell_type == "code":
            cell.execution_count = n
            cell.outputs = [nbformat.v4.new_output("stream", name="stdout", text="hi\n")]
    model = {"type": "notebook", "content": ran}
    pre_save_hook(model, path=path.name)
    assert nbformat.writes(model["content"]) == nbformat.writes(committed)


def test_lab_settings_turn_the_news_off_and_strip_outputs():
    from analysis.paths import PROJECT_ROOT

    overrides = json.loads((PROJECT_ROOT / "jupyter" / "lab-settings" / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    config = (PROJECT_ROOT / "jupyter" / "jupyter_lab_config.py").read_text()
    assert '"analysis.clean_notebook.pre_save_hook"' in config
    assert re.search(r"^lab: .*\n\t.*jupyter lab --config=jupyter/jupyter_lab_config.py",
                     (PROJECT_ROOT / "Makefile").read_text(), re.M)
