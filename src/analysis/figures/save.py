"""One way to save a chart: PNG (200 dpi), SVG with editable text, and the CSV of exactly
what was plotted, named for the write-up (``fig01_<what>``)."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from ..labels import article_label
from ..palettes import GENRE_COLOURS, genre_colour
from ..paths import figures_dir

SOURCE_NOTE = "Source: analysis toolkit (src/analysis); evidence spans traceable to article text."
PNG_DPI = 200
__all__ = ["GENRE_COLOURS", "PNG_DPI", "SOURCE_NOTE", "SavedFiles", "article_label", "figure_files",
           "genre_colour", "save_figure"]


class SavedFiles(dict):
    """The paths of a saved chart (``"png"``, ``"svg"``, ``"csv"``); a notebook shows one
    short line for it instead of the dict."""

    def summary(self) -> str:
        png = Path(self["png"])
        return f"Saved {png.stem} (PNG, SVG and the CSV of what is plotted) in {png.parent}"

    def _repr_pretty_(self, printer, cycle: bool) -> None:
        printer.text(self.summary())


def figure_files(name: str, out_dir: Path | None = None) -> SavedFiles:
    """The paths chart ``name`` is saved under (``out_dir/figures/<name>.png|svg|csv``), its
    folder made."""
    folder = figures_dir(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    return SavedFiles({ext: folder / f"{name}.{ext}" for ext in ("png", "svg", "csv")})


def save_figure(fig: plt.Figure, name: str, data: pd.DataFrame, out_dir: Path | None = None,
                note: str = SOURCE_NOTE) -> SavedFiles:
    """Save ``fig`` as ``<name>.png`` and ``<name>.svg`` and ``data`` as ``<name>.csv``.

    ``out_dir`` is the report folder (figures go to its ``figures/``; default: ``reports``).
    ``data`` must be exactly what the chart shows. A source note is written at the foot of
    the figure. Returns the three paths (shown as one line in a notebook).
    """
    paths = figure_files(name, out_dir)
    if note:
        fig.text(0.01, 0.005, note, fontsize=7, color="#555555", ha="left", va="bottom")
    with plt.rc_context({"svg.fonttype": "none"}):
        fig.savefig(paths["png"], dpi=PNG_DPI, bbox_inches="tight")
        fig.savefig(paths["svg"], bbox_inches="tight")
    data.to_csv(paths["csv"], index=False)
    return paths
