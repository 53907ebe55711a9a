"""Drawing a scene's street for the camera simulator: its layout, its background, what moves.

``scenes.SceneRenderer`` turns these into camera frames with light, noise and faults. Only numpy,
like ``scenes.py``: Debian's ``python3`` imports both next to ``rtsp_server.py``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: The world a scene lives in is this much larger than a view, so that other viewpoints and a
#: moved camera still look at the same street.
WORLD_SCALE = 1.6
#: Sensor noise amplitude, in grey levels (added before the light curve).
NOISE_LEVELS = 6
#: Amplitude of the coarse plaster/asphalt texture, in grey levels.
TEXTURE_LEVELS = 28
_NO_TEXTURE = 5  # a right shift that leaves nothing of the texture
SEED_BASE = 0x5AFE_C0DE


@dataclass
class Mover:
    y: int
    w: int
    h: int
    x0: float
    speed: float
    colour: tuple[int, int, int]


@dataclass
class Layout:
    """A scene at one resolution, as drawing instructions: cheap to keep for many scenes."""

    size: tuple[int, int]  # world width, height
    sky: tuple[int, np.ndarray, np.ndarray]  # rows, top colour, bottom colour
    rects: np.ndarray  # (n, 8) int32: x0, y0, x1, y1, b, g, r, texture shift (5: none)
    texture: np.ndarray  # coarse random blocks, uint8 0..TEXTURE_LEVELS
    block: int
    cars: list[Mover]
    walkers: list[Mover]
    covered_colour: tuple[int, int, int]
    light_phase: tuple[float, float]


def seeded_rng(*key: int) -> np.random.Generator:
    return np.random.default_rng([SEED_BASE, *[k & 0xFFFFFFFF for k in key]])


def _clip_colour(colour) -> tuple[int, int, int]:
    top = 255 - NOISE_LEVELS
    return tuple(int(min(top, max(0, c))) for c in colour)


def lay_out(scene: int, width: int, height: int) -> Layout:
    """Lay out the street of one scene; the geometry scales with the frame size."""
    rng = seeded_rng(scene)
    ww, wh = round(width * WORLD_SCALE), round(height * WORLD_SCALE)
    rects: list[tuple[int, ...]] = []

    def rect(x0, y0, x1, y1, colour, tex: int = 0) -> None:
        # Texture ``tex`` (1 strong, 2 half, 3 quarter) is added as 0..28 >> shift, so the
        # colour is lowered by half that range and kept clear of uint8 overflow.
        shift = (0, 1, 2)[tex - 1] if tex else _NO_TEXTURE
        amplitude = TEXTURE_LEVELS >> shift
        top = 255 - NOISE_LEVELS - amplitude
        b, g, r = (int(min(top, max(0, c - amplitude // 2))) for c in colour)
        rects.append((int(x0), int(y0), int(x1), int(y1), b, g, r, shift))

    horizon = int(wh * rng.uniform(0.52, 0.62))  # where buildings meet the pavement
    road_top = horizon + int(wh * rng.uniform(0.06, 0.1))
    road_bottom = min(wh - int(wh * 0.06), road_top + int(wh * rng.uniform(0.2, 0.27)))
    sky_top = np.array([rng.uniform(150, 200), rng.uniform(110, 150), rng.uniform(70, 110)])
    sky_low = sky_top + rng.uniform(20, 45)

    # Pavements, kerbs and the road.
    pave = np.array([rng.uniform(120, 160)] * 3) + rng.uniform(-10, 10, 3)
    asphalt = rng.uniform(55, 80)
    kerb = max(2, height // 120)
    rect(0, horizon, ww, road_top, pave, 2)
    rect(0, road_top, ww, road_bottom, (asphalt,) * 3, 3)
    rect(0, road_bottom, ww, wh, pave * 0.9, 2)
    rect(0, road_top - kerb, ww, road_top, (200,) * 3)
    rect(0, road_bottom, ww, road_bottom + kerb, (190,) * 3)

    # Lane markings with a per-scene period and phase; a zebra crossing somewhere.
    lane_y = (road_top + road_bottom) // 2
    dash, gap = int(ww * rng.uniform(0.03, 0.06)), int(ww * rng.uniform(0.03, 0.06))
    line_h = max(2, height // 110)
    x = -int(rng.integers(0, dash + gap))
    while x < ww:
        rect(x, lane_y - line_h // 2, x + dash, lane_y + line_h // 2 + 1, (225,) * 3)
        x += dash + gap
    zx = int(ww * rng.uniform(0.15, 0.75))
    stripe = max(3, width // 80)
    for i in range(int(rng.integers(5, 9))):
        sx = zx + i * 2 * stripe
        rect(sx, road_top + kerb, sx + stripe, road_bottom - kerb, (230,) * 3)

    # Buildings with windows, left to right across the whole world.
    x = -int(rng.integers(0, ww // 20))
    while x < ww:
        bw = int(ww * rng.uniform(0.08, 0.2))
        top = int(horizon * rng.uniform(0.08, 0.55))
        colour = rng.uniform(60, 210, 3)
        rect(x, top, x + bw, horizon, colour, 1)
        rect(x, top, x + bw, top + kerb + 1, colour * 0.55)  # roof edge
        rect(x, horizon - 3 * kerb, x + bw, horizon, colour * 0.7)  # plinth
        win_w = max(3, int(bw * rng.uniform(0.07, 0.14)))
        win_h = max(4, int(wh * rng.uniform(0.025, 0.05)))
        step_x = win_w + max(3, int(win_w * rng.uniform(0.5, 1.2)))
        step_y = win_h + max(3, int(win_h * rng.uniform(0.5, 1.0)))
        for wy in range(top + step_y // 2, horizon - 3 * kerb - win_h, step_y):
            for wx in range(x + step_x // 2, x + bw - win_w, step_x):
                if rng.random() < 0.3:
                    glass = (rng.uniform(150, 220), rng.uniform(200, 240), 240)
                else:
                    shade = rng.uniform(25, 90)
                    glass = (shade + 25, shade + 10, shade)
                rect(wx, wy, wx + win_w, wy + win_h, colour * 0.4)
                rect(wx + 1, wy + 1, wx + win_w - 1, wy + win_h - 1, glass)
        x += bw + int(rng.integers(0, max(2, ww // 60)))

    # Lamp posts and signs on the pavement.
    post_w = max(2, width // 200)
    for _ in range(int(rng.integers(3, 7))):
        px = int(rng.integers(0, ww - 3 * post_w))
        ptop = int(horizon * rng.uniform(0.45, 0.75))
        rect(px, ptop, px + post_w, road_top, (40,) * 3)
        if rng.random() < 0.5:
            sw = int(ww * rng.uniform(0.01, 0.025))
            rect(px - sw // 2, ptop, px + sw // 2 + post_w, ptop + sw, rng.uniform(0, 220, 3))
        else:
            rect(px - 4 * post_w, ptop, px + 5 * post_w, ptop + 2 * post_w, (40,) * 3)

    # Coarse plaster/asphalt texture: random blocks, unique per scene, rich in corners.
    block = max(3, width // 120)
    texture = rng.integers(0, TEXTURE_LEVELS + 1, (wh // block + 2, ww // block + 2), np.uint8)

    cars = []
    lanes = ((road_top + lane_y) // 2, (lane_y + road_bottom) // 2)
    for i in range(int(rng.integers(3, 7))):
        cw, ch = int(ww * rng.uniform(0.06, 0.1)), int(wh * rng.uniform(0.04, 0.06))
        speed = (1 if i % 2 == 0 else -1) * float(ww * rng.uniform(0.03, 0.1))
        colour = _clip_colour(rng.uniform(20, 240, 3))
        cars.append(Mover(lanes[i % 2] - ch // 2, cw, ch, float(rng.uniform(0, ww)), speed, colour))
    walkers = []
    for _ in range(int(rng.integers(3, 6))):
        pw, ph = max(3, width // 110), int(wh * rng.uniform(0.07, 0.09))
        y = int(rng.uniform(horizon, road_top - kerb)) - ph
        speed = float(ww * rng.uniform(-0.02, 0.02))
        colour = _clip_colour(rng.uniform(10, 200, 3))
        walkers.append(Mover(y, pw, ph, float(rng.uniform(0, ww)), speed, colour))
    return Layout(
        size=(ww, wh),
        sky=(horizon, sky_top, sky_low),
        rects=np.array(rects, np.int32),
        texture=texture,
        block=block,
        cars=cars,
        walkers=walkers,
        covered_colour=_clip_colour(rng.uniform(25, 80, 3)),
        light_phase=(float(rng.uniform(0, 6.3)), float(rng.uniform(0, 6.3))),
    )


def rasterize(layout: Layout, ox: int, oy: int, w: int, h: int) -> np.ndarray:
    """Draw the static street inside the world window at ``(ox, oy)`` of size ``w x h``.

    Only the window is drawn, so a view costs the same whatever the size of its world. All in
    uint8: each rectangle sets its colour and its texture strength, then the texture is added
    in one pass.
    """
    canvas = np.zeros((h, w, 3), np.uint8)
    strength = np.full((h, w), _NO_TEXTURE, np.uint8)
    horizon, sky_top, sky_low = layout.sky
    rows = min(h, max(0, horizon - oy))
    if rows:
        ramp = ((np.arange(oy, oy + rows) / horizon)[:, None, None]).clip(0, 1)
        canvas[:rows] = (sky_top + (sky_low - sky_top) * ramp).astype(np.uint8)
    for x0, y0, x1, y1, cb, cg, cr, shift in layout.rects.tolist():
        x0, x1 = max(0, x0 - ox), min(w, x1 - ox)
        y0, y1 = max(0, y0 - oy), min(h, y1 - oy)
        if x1 > x0 and y1 > y0:
            canvas[y0:y1, x0:x1] = (cb, cg, cr)
            strength[y0:y1, x0:x1] = shift
    # Texture blocks covering the window, at full resolution.
    b = layout.block
    bx, by = max(0, ox) // b, max(0, oy) // b
    small = layout.texture[by : by + h // b + 2, bx : bx + w // b + 2]
    tex = np.repeat(np.repeat(small, b, axis=0), b, axis=1)
    tx, ty = max(0, ox) - bx * b, max(0, oy) - by * b
    tex = np.right_shift(tex[ty : ty + h, tx : tx + w], strength)
    canvas += tex[..., None]
    return canvas


def draw_movers(canvas: np.ndarray, layout: Layout, t: float, ox: int, oy: int) -> None:
    """Draw cars and pedestrians at moment ``t``; ``(ox, oy)`` is the canvas' world origin."""
    ww = layout.size[0]
    h, w = canvas.shape[:2]

    def box(x0: int, y0: int, x1: int, y1: int, colour) -> None:
        x0, x1 = max(0, x0 - ox), min(w, x1 - ox)
        y0, y1 = max(0, y0 - oy), min(h, y1 - oy)
        if x1 > x0 and y1 > y0:
            canvas[y0:y1, x0:x1] = colour

    for car in layout.cars:
        x = int((car.x0 + car.speed * t) % (ww + car.w)) - car.w
        y = car.y
        box(x, y, x + car.w, y + car.h, car.colour)
        # Windows and wheels: edges that move, like a real car's.
        wy = car.h // 5
        box(x + car.w // 5, y + wy, x + car.w * 4 // 5, y + 2 * wy + 1, (60, 50, 40))
        r = max(2, car.h // 5)
        for cx in (x + car.w // 5, x + car.w * 4 // 5 - r):
            box(cx, y + car.h - r // 2, cx + r, y + car.h + r // 2 + 1, (15, 15, 15))
    for man in layout.walkers:
        x = int((man.x0 + man.speed * t) % (ww + man.w)) - man.w
        head = man.w + 1
        box(x, man.y + head, x + man.w, man.y + man.h, man.colour)
        box(x, man.y, x + man.w, man.y + head, (120, 150, 200))


def _box_blur(img: np.ndarray, radius: int, axis: int) -> np.ndarray:
    """Mean over ``2 * radius + 1`` pixels along ``axis``; cumulative sums make the cost
    independent of the radius."""
    n = img.shape[axis]
    pad = [(0, 0)] * img.ndim
    pad[axis] = (radius + 1, radius)
    c = np.cumsum(np.pad(img, pad, mode="edge"), axis=axis, dtype=np.int32)
    hi = np.take(c, np.arange(2 * radius + 1, 2 * radius + 1 + n), axis=axis)
    lo = np.take(c, np.arange(0, n), axis=axis)
    return ((hi - lo) // (2 * radius + 1)).astype(np.uint8)


def _smooth(img: np.ndarray, axis: int, taps: int = 5) -> np.ndarray:
    """A short box filter by shifted sums (cheaper than cumulative sums for a few taps)."""
    half = taps // 2
    pad = [(0, 0)] * img.ndim
    pad[axis] = (half, half)
    src = np.pad(img, pad, mode="edge")
    n = img.shape[axis]
    acc = np.zeros(img.shape, np.uint16)
    for k in range(taps):
        acc += np.take(src, np.arange(k, k + n), axis=axis)
    return (acc // taps).astype(np.uint8)


def blur(img: np.ndarray, radius: int) -> np.ndarray:
    """A strong, smooth blur (about a Gaussian of sigma ``radius``) at a fraction of the cost of
    a full-resolution one: blur a quarter-size copy, scale it back up, smooth the steps."""
    h, w = img.shape[:2]
    f = 4
    hs, ws = h // f, w // f
    small = img[: hs * f, : ws * f].reshape(hs, f, ws, f, 3).mean(axis=(1, 3)).astype(np.uint8)
    r = max(1, radius // f)
    for _ in range(2):
        small = _box_blur(_box_blur(small, r, 1), r, 0)
    big = np.repeat(np.repeat(small, f, axis=0), f, axis=1)
    if big.shape[:2] != (h, w):
        big = np.pad(big, ((0, h - hs * f), (0, w - ws * f), (0, 0)), mode="edge")
    return _smooth(_smooth(big, 1), 0)
