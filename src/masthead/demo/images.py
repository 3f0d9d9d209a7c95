"""Original illustrations for the demo, drawn with Pillow: lead images and author portraits.

A news site without pictures does not look like one, and the demo must not ship anyone's
photographs. So every image is drawn here: abstract but deliberate compositions in a palette per
section (a price chart for a markets story, a skyline for an expansion, a map for a trade
dispute, circuit traces for technology...), 1600x900 JPEG, and simple 400x400 portrait
silhouettes for authors. Drawing is seeded, so the same story always gets the same picture.

Speed matters (the normal demo draws ~40 images; benchmarks reuse a small pool): gradients come
from Pillow's built-in ``linear_gradient`` resized, shapes are blended with an RGBA ``ImageDraw``
and images are drawn once at their final size.
"""

import hashlib
import math
import random
from io import BytesIO

from PIL import Image, ImageDraw, ImageFilter

from .colours import main_colours

LEAD_SIZE = (1600, 900)
AVATAR_SIZE = (400, 400)
CREDIT = "© Meridian Ledger illustration"

# Per section: a dark ground, a mid tone, an accent and a light tone.
PALETTES = {
    "world": [(13, 38, 64), (38, 96, 128), (222, 168, 86), (238, 230, 212)],
    "business": [(38, 22, 44), (122, 42, 62), (236, 140, 78), (246, 224, 194)],
    "markets": [(9, 36, 34), (24, 112, 92), (224, 204, 92), (234, 240, 228)],
    "technology": [(14, 16, 42), (72, 54, 164), (64, 204, 222), (228, 230, 250)],
    "opinion": [(58, 30, 22), (168, 82, 52), (240, 190, 118), (250, 240, 226)],
}
SKIN_TONES = [(243, 204, 172), (226, 176, 134), (198, 136, 98), (158, 104, 72), (112, 74, 52)]
HAIR = [(28, 24, 22), (62, 42, 30), (110, 78, 48), (168, 160, 150), (40, 34, 50)]
COMPOSITIONS = ("chart", "skyline", "map", "waves", "circles", "circuit")
# What each composition draws, for its alt text (the colours come from the pixels).
SHAPES = {
    "chart": "a price chart of bars and two lines on a faint grid",
    "skyline": "a skyline of tower blocks with lit windows under a round sun",
    "map": "an abstract map of landmasses joined by dashed routes",
    "waves": "layered wave bands rising from the lower edge",
    "circles": "overlapping circles and rings",
    "circuit": "circuit traces around a square chip",
}


def _mix(a, b, t: float) -> tuple[int, int, int]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _gradient(size, top, bottom, horizontal: bool = False) -> Image.Image:
    mask = Image.linear_gradient("L")
    if horizontal:
        mask = mask.rotate(90)
    mask = mask.resize(size)
    return Image.composite(Image.new("RGB", size, bottom), Image.new("RGB", size, top), mask)


def _alpha(color, a: int) -> tuple[int, int, int, int]:
    return (*color, a)


def _chart(img, draw, rng, pal):
    w, h = img.size
    for x in range(0, w, 100):
        draw.line([(x, 0), (x, h)], fill=_alpha(pal[3], 22), width=1)
    for y in range(0, h, 100):
        draw.line([(0, y), (w, y)], fill=_alpha(pal[3], 22), width=1)
    # bars along the bottom
    for x in range(40, w, 64):
        bar = rng.randint(40, 260)
        draw.rectangle([x, h - bar, x + 36, h], fill=_alpha(pal[1], 150))
    # two price lines, the second with a filled area
    for k, (color, width) in enumerate(((pal[3], 4), (pal[2], 7))):
        y = h * (0.55 + 0.1 * k)
        points = []
        for x in range(0, w + 40, 40):
            y += rng.gauss(-6 if k else -2, 28)
            y = min(max(y, h * 0.12), h * 0.82)
            points.append((x, y))
        if k:
            draw.polygon([*points, (w, h), (0, h)], fill=_alpha(pal[2], 50))
        draw.line(points, fill=_alpha(color, 230), width=width, joint="curve")
    x, y = points[-3]
    draw.ellipse([x - 16, y - 16, x + 16, y + 16], fill=_alpha(pal[3], 255))


def _skyline(img, draw, rng, pal):
    w, h = img.size
    sx, sy = rng.randint(w // 4, 3 * w // 4), rng.randint(h // 5, h // 2)
    for r, a in ((230, 30), (170, 60), (120, 255)):
        draw.ellipse([sx - r, sy - r, sx + r, sy + r], fill=_alpha(pal[2], a))
    for layer in range(3):
        shade = _mix(pal[1], pal[0], 0.35 + layer * 0.3)
        x = -rng.randint(0, 60)
        while x < w:
            bw = rng.randint(60, 170)
            top = h - rng.randint(160 + layer * 10, 560 - layer * 120)
            draw.rectangle([x, top, x + bw, h], fill=_alpha(shade, 255))
            if layer == 2:
                for wy in range(top + 24, h - 20, 34):
                    for wx in range(x + 14, x + bw - 18, 26):
                        if rng.random() < 0.35:
                            draw.rectangle(
                                [wx, wy, wx + 10, wy + 16],
                                fill=_alpha(pal[2], rng.randint(120, 230)),
                            )
            x += bw + rng.randint(4, 30)


def _blob(rng, cx, cy, r, n=28):
    phase = [rng.uniform(0, math.tau) for _ in range(3)]
    points = []
    for i in range(n):
        a = math.tau * i / n
        k = 1 + sum(0.12 * math.sin((j + 2) * a + phase[j]) for j in range(3))
        points.append((cx + r * k * math.cos(a) * 1.3, cy + r * k * math.sin(a)))
    return points


def _map(img, draw, rng, pal):
    w, h = img.size
    centres = []
    for _ in range(rng.randint(3, 5)):
        cx, cy, r = rng.randint(100, w - 100), rng.randint(100, h - 100), rng.randint(90, 240)
        centres.append((cx, cy))
        draw.polygon(_blob(rng, cx, cy, r), fill=_alpha(pal[1], 200))
        for step in range(1, 4):
            draw.line(
                _blob(rng, cx, cy, r * (1 - step * 0.22)) + [_blob(rng, cx, cy, 1)[0]],
                fill=_alpha(pal[3], 60),
                width=2,
            )
    for (x1, y1), (x2, y2) in zip(centres, centres[1:], strict=False):
        steps = 30
        for i in range(0, steps, 2):
            t1, t2 = i / steps, (i + 1) / steps
            bend = math.sin(math.pi * t1) * 80, math.sin(math.pi * t2) * 80
            draw.line(
                [
                    (x1 + (x2 - x1) * t1, y1 + (y2 - y1) * t1 - bend[0]),
                    (x1 + (x2 - x1) * t2, y1 + (y2 - y1) * t2 - bend[1]),
                ],
                fill=_alpha(pal[2], 230),
                width=5,
            )
    for cx, cy in centres:
        draw.ellipse(
            [cx - 14, cy - 14, cx + 14, cy + 14],
            fill=_alpha(pal[2], 255),
            outline=_alpha(pal[3], 255),
            width=4,
        )


def _waves(img, draw, rng, pal):
    w, h = img.size
    for band in range(7):
        base = h * (0.3 + band * 0.1)
        amp, freq, phase = rng.uniform(20, 70), rng.uniform(1, 3), rng.uniform(0, math.tau)
        points = [
            (x, base + amp * math.sin(freq * math.tau * x / w + phase))
            for x in range(0, w + 20, 20)
        ]
        color = _mix(pal[1], pal[2] if band % 3 == 0 else pal[3], band / 10)
        draw.polygon([*points, (w, h), (0, h)], fill=_alpha(color, 70 + band * 12))


def _circles(img, draw, rng, pal):
    w, h = img.size
    for _ in range(rng.randint(9, 14)):
        r = rng.randint(60, 320)
        x, y = rng.randint(-100, w + 100), rng.randint(-100, h + 100)
        color = rng.choice(pal[1:])
        if rng.random() < 0.4:
            draw.ellipse([x - r, y - r, x + r, y + r], outline=_alpha(color, 200), width=6)
        else:
            draw.ellipse([x - r, y - r, x + r, y + r], fill=_alpha(color, rng.randint(50, 150)))


def _circuit(img, draw, rng, pal):
    w, h = img.size
    grid = 50
    for _ in range(46):
        x, y = rng.randrange(0, w, grid), rng.randrange(0, h, grid)
        points = [(x, y)]
        for _ in range(rng.randint(2, 6)):
            if rng.random() < 0.5:
                x += rng.choice((-1, 1)) * grid * rng.randint(1, 6)
            else:
                y += rng.choice((-1, 1)) * grid * rng.randint(1, 4)
            points.append((x, y))
        color = pal[2] if rng.random() < 0.3 else pal[3]
        draw.line(points, fill=_alpha(color, 170), width=4, joint="curve")
        ex, ey = points[-1]
        draw.ellipse(
            [ex - 9, ey - 9, ex + 9, ey + 9],
            fill=_alpha(pal[0], 255),
            outline=_alpha(color, 255),
            width=4,
        )
    cx, cy = w // 2 + rng.randint(-300, 300), h // 2 + rng.randint(-120, 120)
    draw.rectangle(
        [cx - 130, cy - 130, cx + 130, cy + 130],
        fill=_alpha(pal[1], 235),
        outline=_alpha(pal[2], 255),
        width=6,
    )
    for i in range(-100, 101, 40):
        draw.line([(cx + i, cy - 130), (cx + i, cy - 170)], fill=_alpha(pal[2], 255), width=6)
        draw.line([(cx + i, cy + 130), (cx + i, cy + 170)], fill=_alpha(pal[2], 255), width=6)


DRAWERS = {
    "chart": _chart,
    "skyline": _skyline,
    "map": _map,
    "waves": _waves,
    "circles": _circles,
    "circuit": _circuit,
}


def draw_lead(seed: str, section: str, composition: str) -> Image.Image:
    """A 1600x900 illustration for a story in ``section``."""
    rng = random.Random(seed)
    pal = PALETTES.get(section, PALETTES["world"])
    img = _gradient(LEAD_SIZE, pal[0], _mix(pal[0], pal[1], 0.6), horizontal=rng.random() < 0.5)
    draw = ImageDraw.Draw(img, "RGBA")
    DRAWERS.get(composition, _circles)(img, draw, rng, pal)
    # A soft light from one corner gives the flat shapes some depth.
    glow = Image.new("L", LEAD_SIZE, 0)
    ImageDraw.Draw(glow).ellipse([-400, -500, 900, 500], fill=60)
    glow = glow.resize((160, 90)).filter(ImageFilter.GaussianBlur(12)).resize(LEAD_SIZE)
    return Image.composite(Image.new("RGB", LEAD_SIZE, pal[3]), img, glow)


def describe(img: Image.Image, composition: str) -> str:
    """The alt text of a drawn illustration: what it shows and its main colours, read from
    its pixels (``colours``), so the words are the picture's own::

        "Abstract illustration: layered wave bands rising from the lower edge, in plum,
        maroon and brown."
    """
    small = img.convert("RGB").resize((80, 45))
    names = main_colours(small.getcolors(80 * 45) or [])
    colours = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    return f"Abstract illustration: {SHAPES.get(composition, SHAPES['circles'])}, in {colours}."


def draw_avatar(seed: str) -> Image.Image:
    """A 400x400 portrait silhouette on a coloured ground."""
    rng = random.Random(seed)
    pal = rng.choice(list(PALETTES.values()))
    img = _gradient(AVATAR_SIZE, pal[1], pal[0])
    draw = ImageDraw.Draw(img, "RGBA")
    skin = rng.choice(SKIN_TONES)
    draw.ellipse([60, 270, 340, 560], fill=_alpha(_mix(pal[2], pal[0], 0.3), 255))  # shoulders
    draw.rectangle([172, 230, 228, 300], fill=_alpha(skin, 255))  # neck
    draw.ellipse([125, 80, 275, 260], fill=_alpha(skin, 255))  # head
    hair = rng.choice(HAIR)
    style = rng.randrange(3)
    if style == 0:  # short
        draw.chord([120, 68, 280, 196], 180, 360, fill=_alpha(hair, 255))
    elif style == 1:  # long
        draw.chord([114, 64, 286, 200], 180, 360, fill=_alpha(hair, 255))
        draw.rounded_rectangle([110, 128, 142, 300], 14, fill=_alpha(hair, 255))
        draw.rounded_rectangle([258, 128, 290, 300], 14, fill=_alpha(hair, 255))
    else:  # cropped
        draw.chord([126, 74, 274, 170], 180, 360, fill=_alpha(hair, 255))
    return img
    return img


def jpeg_bytes(img: Image.Image, quality: int = 84) -> bytes:
    out = BytesIO()
    img.save(out, "JPEG", quality=quality, progressive=True)
    return out.getvalue()


def sha1(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()
