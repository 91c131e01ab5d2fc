"""Colours fixed per meaning, shared by the charts and the highlighted pages.

Two palettes that never share a hue family, so a colour means one thing everywhere:

- genres (what kind of article): Okabe–Ito blue, vermillion and reddish purple, grey for
  ``unlabelled`` (Okabe & Ito 2008, "Color Universal Design");
- source types (who is cited): black, light green, yellow, dark brown and violet, picked so that
  under normal vision and simulated protanopia, deuteranopia and tritanopia (Machado,
  Oliveira & Fernandes 2009) every source colour stays at least ΔE 30 (CIELAB) from every
  genre colour and ΔE 25 from the other source colours; ``tests/test_palettes.py``
  measures it. Anonymous sources, media citations and documents are hatched as well.
"""
from __future__ import annotations

GENRE_COLOURS = {
    "news": "#0072B2",
    "opinion": "#D55E00",
    "generated-looking essay": "#CC79A7",
    "unlabelled": "#7F7F7F",
}
#: Stable colours for genres outside :data:`GENRE_COLOURS` (Tol's indigo and purple: as far
#: from the source colours as the four above).
EXTRA_GENRE_COLOURS = ["#332288", "#AA4499"]

#: Source type -> (colour, matplotlib hatch), in stacking order.
SOURCE_STYLE = {
    "named": ("#000000", ""),
    "institutional": ("#A6DBA0", ""),
    "anonymous": ("#F0E442", "//"),
    "media": ("#543005", ".."),
    "document": ("#9900FF", "xx"),
}
SOURCE_COLOURS = {kind: colour for kind, (colour, _) in SOURCE_STYLE.items()}
#: How an article backs a claim (fig10) -> (colour, hatch): a source type as in
#: :data:`SOURCE_STYLE`, a direct quote, a document, a hedge with no source, or nothing.
BACKING_STYLE = {
    "quote": ("#88CCEE", ""),
    **SOURCE_STYLE,
    "hedged": ("#DDDDDD", ".."),
    "unsourced": ("#FFFFFF", ""),
}
#: A backing or source type none of the palettes knows (from a newer extractor).
OTHER_STYLE = ("#A6761D", "xx")


def genre_colour(genre: str) -> str:
    """Fixed colour of a genre; genres outside the palette get stable extra colours."""
    if genre in GENRE_COLOURS:
        return GENRE_COLOURS[genre]
    return EXTRA_GENRE_COLOURS[sum(map(ord, genre)) % len(EXTRA_GENRE_COLOURS)]
