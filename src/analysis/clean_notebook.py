"""Notebooks are saved without outputs: exploring never dirties the repository.

``make lab`` starts JupyterLab with :func:`pre_save_hook` (see ``jupyter/jupyter_lab_config.py``):
whatever a person runs, the ``.ipynb`` written to disk keeps only the cells, their tags, the
kernel and the jupytext pairing, exactly as committed. A reopened notebook therefore shows
no stale output (and no "model not found" for a widget whose kernel is gone): it says what
to run. The ``.py`` twin is text only and its header is kept stable by ``jupytext.toml``.
"""
from __future__ import annotations

#: Notebook metadata kept on save; JupyterLab adds ``language_info`` and ``widgets``.
NOTEBOOK_METADATA = ("jupytext", "kernelspec")
#: Cell metadata kept on save (``parameters`` tags papermill needs); not ``execution``,
#: ``scrolled``, ``collapsed``...
CELL_METADATA = ("tags",)


def strip_outputs(nb: dict) -> dict:
    """Drop outputs, execution counts and the metadata JupyterLab adds, in place; return ``nb``."""
    nb["metadata"] = {k: v for k, v in nb.get("metadata", {}).items() if k in NOTEBOOK_METADATA}
    for cell in nb.get("cells", []):
        cell["metadata"] = {k: v for k, v in cell.get("metadata", {}).items() if k in CELL_METADATA}
        if cell.get("cell_type") == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    return nb


def pre_save_hook(model: dict, **kwargs) -> None:
    """Jupyter server ``pre_save_hook``: a notebook is written without its outputs."""
    if model.get("type") == "notebook":
        strip_outputs(model["content"])
