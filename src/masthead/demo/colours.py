"""Colour words for the demo's alt texts, read from the pixels of the drawn picture itself.

The demo's illustrations are drawn from a palette per section (``images.PALETTES``); their alt
texts used to be written by hand and named colours the pictures do not have ("blue waves" on
a maroon business picture). Now each alt text names the colours that cover the most of the
picture, as a reader would: every pixel's colour goes to the nearest named colour in CIE Lab
space (the distance people see, not the RGB one)::

    >>> colour_name((122, 42, 62))
    'maroon'
    >>> colour_name((38, 96, 128))
    'steel blue'

Standard library only.
"""

import math
from collections import Counter

# A small vocabulary a reader would use, each with a typical sRGB value.
NAMES: dict[str, tuple[int, int, int]] = {
    "black": (25, 25, 25),
    "grey": (128, 128, 128),
    "white": (245, 245, 245),
    "cream": (240, 228, 200),
    "sand": (230, 195, 130),
    "dark brown": (60, 32, 22),
    "brown": (110, 65, 40),
    "rust": (170, 80, 50),
    "orange": (235, 135, 60),
    "gold": (215, 180, 70),
    "yellow": (240, 225, 80),
    "dark green": (12, 48, 40),
    "green": (40, 120, 70),
    "teal": (20, 110, 110),
    "turquoise": (60, 200, 215),
    "steel blue": (55, 105, 140),
    "blue": (45, 95, 170),
    "navy": (15, 30, 75),
    "purple": (85, 55, 160),
    "lavender": (215, 210, 245),
    "plum": (70, 25, 55),
    "maroon": (125, 30, 55),
    "red": (200, 40, 40),
    "pink": (235, 160, 185),
}


def lab(rgb) -> tuple[float, float, float]:
    """CIE L*a*b* (D65) of an sRGB colour."""

    def linear(c: float) -> float:
        c /= 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb[:3])
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


_LABS = {name: lab(rgb) for name, rgb in NAMES.items()}


def colour_name(rgb) -> str:
    """The named colour nearest to ``rgb``."""
    point = lab(rgb)
    return min(_LABS, key=lambda name: math.dist(_LABS[name], point))


def colour_shares(counts) -> Counter:
    """``counts`` of ``(n, rgb)`` (as Pillow's ``getcolors`` gives them) as shares per name."""
    shares: Counter = Counter()
    total = sum(n for n, _rgb in counts) or 1
    for n, rgb in counts:
        shares[colour_name(rgb)] += n / total
    return shares


def main_colours(counts, most: int = 3, least: float = 0.08) -> list[str]:
    """The names covering the most of the picture: at most ``most``, each at least ``least``."""
    ranked = colour_shares(counts).most_common(most)
    return [name for name, share in ranked if share >= least] or [ranked[0][0]]
