"""Charts: every figure is made by a function here and saved through :func:`save_figure`."""
from .save import GENRE_COLOURS, article_label, genre_colour, save_figure

__all__ = ["save_figure", "GENRE_COLOURS", "article_label", "genre_colour"]
