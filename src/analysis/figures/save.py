"""One way to save a chart: PNG (200 dpi), SVG with editable text, and the CSV of exactly
what was plotted, named for the write-up (``fig01_<what>``)."""
from __future__ import annotations

from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd

from ..paths import figures_dir

# Okabe-Ito palette: distinguishable with the common colour-vision deficiencies.
GENRE_COLOURS = {
    "news": "#0072B2",
    "opinion": "#D55E00",
    "generated-looking essay": "#CC79A7",
    "unlabelled": "#7F7F7F",
}
EXTRA_COLOURS = ["#009E73", "#E69F00", "#56B4E9", "#F0E442", "#000000"]
SOURCE_NOTE = "Source: analysis toolkit (src/analysis); evidence spans traceable to article text."
PNG_DPI = 200


def genre_colour(genre: str) -> str:
    """Fixed colour of a genre; genres outside the palette get stable extra colours."""
    if genre in GENRE_COLOURS:
        return GENRE_COLOURS[genre]
    return EXTRA_COLOURS[sum(map(ord, genre)) % len(EXTRA_COLOURS)]


def article_label(article_id: str, outlet: str = "", genre: str = "") -> str:
    """Short label for an article on a chart: outlet (or id) and genre."""
    name = outlet if isinstance(outlet, str) and outlet else str(article_id)[:12]
    return f"{name} ({genre})" if genre else name


def save_figure(fig: plt.Figure, name: str, data: pd.DataFrame, out_dir: Path | None = None,
                note: str = SOURCE_NOTE) -> dict[str, Path]:
    """Save ``fig`` as ``<name>.png`` and ``<name>.svg`` and ``data`` as ``<name>.csv``.

    ``out_dir`` is the report folder (figures go to its ``figures/``; default: ``reports``).
    ``data`` must be exactly what the chart shows. A source note is written at the foot of
    the figure. Returns the three paths.
    """
    folder = figures_dir(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    if note:
        fig.text(0.01, 0.005, note, fontsize=7, color="#555555", ha="left", va="bottom")
    paths = {ext: folder / f"{name}.{ext}" for ext in ("png", "svg", "csv")}
    with plt.rc_context({"svg.fonttype": "none"}):
        fig.savefig(paths["png"], dpi=PNG_DPI, bbox_inches="tight")
        fig.savefig(paths["svg"], bbox_inches="tight")
    data.to_csv(paths["csv"], index=False)
    return paths
