"""A small flat-illustration kit on Pillow's ImageDraw, in the site's palette.

Scenes are drawn at twice their size and scaled down once, which gives smooth edges without
anti-aliasing support in ImageDraw. Coordinates are in the final picture's pixels.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from PIL import Image, ImageDraw

WIDTH, HEIGHT = 1200, 675
SCALE = 2

Colour = tuple[int, ...]

# The site's palette (site/static/css/site.css) and a few soft companions.
INK: Colour = (29, 39, 51)
MUTED: Colour = (76, 90, 106)
ACCENT: Colour = (11, 92, 173)
ACCENT_LIGHT: Colour = (126, 172, 222)
TRACK: Colour = (232, 237, 242)
NOTICE: Colour = (255, 244, 214)
NOTICE_EDGE: Colour = (201, 138, 0)
PAPER: Colour = (255, 255, 255)
SKY: Colour = (214, 230, 245)
NIGHT: Colour = (24, 40, 68)
GRASS: Colour = (176, 204, 160)
SEA: Colour = (64, 132, 192)
SAND: Colour = (240, 222, 178)
ROAD: Colour = (96, 106, 118)
SKIN: Colour = (233, 196, 160)
WARM: Colour = (214, 120, 72)
GREEN: Colour = (72, 140, 96)
#: Clothes of the people in the scenes, picked in turn.
CLOTHES: tuple[Colour, ...] = (ACCENT, WARM, GREEN, MUTED, NOTICE_EDGE, (120, 86, 150))


class Canvas:
    """A picture with drawing helpers; ``png()`` gives the finished file."""

    def __init__(self, background: Colour) -> None:
        # An RGB picture drawn in RGBA mode: a colour with an alpha value is blended in.
        self.image = Image.new("RGB", (WIDTH * SCALE, HEIGHT * SCALE), background)
        self.draw = ImageDraw.Draw(self.image, "RGBA")

    @staticmethod
    def _xy(points: Sequence[float]) -> list[float]:
        return [value * SCALE for value in points]

    def rect(self, box: Sequence[float], fill: Colour, radius: float = 0) -> None:
        if radius:
            self.draw.rounded_rectangle(self._xy(box), radius * SCALE, fill=fill)
        else:
            self.draw.rectangle(self._xy(box), fill=fill)

    def ellipse(self, box: Sequence[float], fill: Colour) -> None:
        self.draw.ellipse(self._xy(box), fill=fill)

    def circle(self, x: float, y: float, r: float, fill: Colour) -> None:
        self.ellipse((x - r, y - r, x + r, y + r), fill)

    def polygon(self, points: Sequence[tuple[float, float]], fill: Colour) -> None:
        self.draw.polygon([(x * SCALE, y * SCALE) for x, y in points], fill=fill)

    def line(self, points: Sequence[tuple[float, float]], fill: Colour, width: float) -> None:
        self.draw.line(
            [(x * SCALE, y * SCALE) for x, y in points],
            fill=fill,
            width=round(width * SCALE),
            joint="curve",
        )

    def pie(self, box: Sequence[float], start: float, end: float, fill: Colour) -> None:
        self.draw.pieslice(self._xy(box), start, end, fill=fill)

    def arc(self, box: Sequence[float], start: float, end: float, fill: Colour, width: float):
        self.draw.arc(self._xy(box), start, end, fill=fill, width=round(width * SCALE))

    def bands(self, top: Colour, bottom: Colour, y0: float, y1: float, steps: int = 12) -> None:
        """A vertical gradient in flat bands (a sky, a sea)."""
        height = (y1 - y0) / steps
        for i in range(steps):
            t = i / (steps - 1)
            colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=False))
            self.rect((0, y0 + i * height, WIDTH, y0 + (i + 1) * height + 1), colour)

    def png(self) -> bytes:
        """The picture at its final size as an optimised, palette-reduced PNG."""
        # Halving with a box filter is the smoothing; flat colours need no more than 96 entries.
        small = self.image.reduce(SCALE)
        quantised = small.quantize(colors=96, method=Image.Quantize.FASTOCTREE, dither=0)
        out = io.BytesIO()
        quantised.save(out, format="PNG", optimize=True)
        return out.getvalue()


def person(canvas: Canvas, x: float, feet: float, height: float, clothes: Colour) -> None:
    """A standing figure, ``height`` tall, feet at ``feet``."""
    head = height * 0.13
    body_top = feet - height + head * 2.1
    canvas.rect((x - height * 0.09, feet - height * 0.42, x + height * 0.09, feet), INK, 4)
    canvas.rect(
        (x - height * 0.16, body_top, x + height * 0.16, feet - height * 0.36),
        clothes,
        height * 0.08,
    )
    canvas.circle(x, feet - height + head, head, SKIN)


def seated(canvas: Canvas, x: float, seat: float, size: float, clothes: Colour) -> None:
    """A figure seen from the front, sitting at a table whose top is at ``seat``."""
    canvas.rect((x - size * 0.3, seat - size * 0.75, x + size * 0.3, seat + 4), clothes, size * 0.2)
    canvas.circle(x, seat - size * 0.95, size * 0.22, SKIN)


def tree(canvas: Canvas, x: float, ground: float, size: float) -> None:
    canvas.rect((x - size * 0.06, ground - size * 0.5, x + size * 0.06, ground), MUTED)
    canvas.circle(x, ground - size * 0.7, size * 0.32, GREEN)
    canvas.circle(x - size * 0.18, ground - size * 0.55, size * 0.22, GREEN)
    canvas.circle(x + size * 0.2, ground - size * 0.58, size * 0.24, GREEN)


def building(
    canvas: Canvas,
    box: tuple[float, float, float, float],
    wall: Colour,
    window: Colour,
    lit: Sequence[bool] = (),
) -> None:
    """A block with a grid of windows; ``lit`` (cycled) says which windows glow."""
    x0, y0, x1, y1 = box
    canvas.rect(box, wall)
    columns = max(1, int((x1 - x0) // 46))
    rows = max(1, int((y1 - y0 - 20) // 56))
    gap_x = (x1 - x0) / columns
    index = 0
    for row in range(rows):
        for column in range(columns):
            wx = x0 + column * gap_x + gap_x * 0.28
            wy = y0 + 18 + row * 56
            glow = lit[index % len(lit)] if lit else False
            canvas.rect((wx, wy, wx + gap_x * 0.44, wy + 30), NOTICE if glow else window, 2)
            index += 1


def bubble(canvas: Canvas, x: float, y: float, w: float, h: float, fill: Colour) -> None:
    """A speech bubble with three dots, its tail pointing down-left from (x, y + h)."""
    canvas.rect((x, y, x + w, y + h), fill, h * 0.35)
    canvas.polygon(
        [(x + w * 0.2, y + h - 2), (x + w * 0.12, y + h + 18), (x + w * 0.38, y + h - 2)], fill
    )
    for i in range(3):
        canvas.circle(
            x + w * (0.3 + 0.2 * i), y + h / 2, h * 0.09, PAPER if fill != PAPER else MUTED
        )
