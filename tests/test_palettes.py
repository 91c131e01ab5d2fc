"""Colours mean one thing (issue 18): the genre and source-type palettes stay apart, also
for readers with a colour-vision deficiency."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from analysis.palettes import (BACKING_STYLE, EXTRA_GENRE_COLOURS, GENRE_COLOURS, SOURCE_COLOURS,
                               SOURCE_STYLE)

# Machado, Oliveira & Fernandes (2009), severity 1, on linear RGB.
CVD = {
    "normal vision": np.eye(3),
    "protanopia": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                            [-0.003882, -0.048116, 1.051998]]),
    "deuteranopia": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                              [-0.011820, 0.042940, 0.968881]]),
    "tritanopia": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                            [0.004733, 0.691367, 0.303900]]),
}
SRGB_TO_XYZ = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])


def lab(hex_colour: str, vision: str) -> np.ndarray:
    """CIELAB (D65) of a colour as seen with ``vision``."""
    rgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    linear = np.where(rgb <= 0.04045, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    xyz = SRGB_TO_XYZ @ np.clip(CVD[vision] @ linear, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a: str, b: str, vision: str) -> float:
    return float(np.linalg.norm(lab(a, vision) - lab(b, vision)))


def test_no_colour_is_in_both_palettes():
    genres = set(GENRE_COLOURS.values()) | set(EXTRA_GENRE_COLOURS)
    assert genres.isdisjoint(SOURCE_COLOURS.values())
    assert len(set(SOURCE_COLOURS.values())) == len(SOURCE_COLOURS)


@pytest.mark.parametrize("vision", list(CVD))
def test_source_colours_far_from_every_genre_colour(vision):
    genres = [*GENRE_COLOURS.values(), *EXTRA_GENRE_COLOURS]
    closest = min((delta_e(s, g, vision), s, g) for s in SOURCE_COLOURS.values() for g in genres)
    assert closest[0] >= 30, f"{closest[1]} looks like genre colour {closest[2]} ({vision})"


@pytest.mark.parametrize("vision", list(CVD))
def test_source_colours_tell_apart(vision):
    closest = min(delta_e(a, b, vision) for a, b in itertools.combinations(SOURCE_COLOURS.values(), 2))
    assert closest >= 25


def test_the_old_palettes_would_fail():
    """The check catches what issue 18 saw: media pink = essay pink, anonymous orange ≈
    opinion vermillion."""
    assert delta_e("#CC79A7", GENRE_COLOURS["generated-looking essay"], "normal vision") < 1
    assert delta_e("#E69F00", GENRE_COLOURS["opinion"], "deuteranopia") < 30


def test_anonymous_and_media_are_hatched_too():
    assert SOURCE_STYLE["anonymous"][1] and SOURCE_STYLE["media"][1]
    assert not SOURCE_STYLE["named"][1]


def _luminance(colour: str) -> float:
    from matplotlib.colors import to_rgb

    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in to_rgb(colour)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def test_numbers_on_source_and_backing_cells_are_readable():
    """The number written on a cell of fig10/fig11 has a WCAG contrast of at least 4.5."""
    from analysis.figures.common import text_colour

    assert (text_colour("#000000"), text_colour("#FFFFFF")) == ("white", "black")
    for fill, _ in [*SOURCE_STYLE.values(), *BACKING_STYLE.values()]:
        a, b = sorted([_luminance(fill), _luminance(text_colour(fill))])
        assert (b + 0.05) / (a + 0.05) >= 4.5, fill
