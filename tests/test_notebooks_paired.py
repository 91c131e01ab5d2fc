"""Notebooks are jupytext pairs committed without outputs, each with a parameters cell."""
from __future__ import annotations

import re

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
