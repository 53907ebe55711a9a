"""Synthetic street scenes that change over time, for the analysis tests and the bench.

A scene is a static "world" twice the size of the camera's view (buildings with windows, shop
signs with text, poles, road markings, brick and foliage texture) plus objects that move with
time (cars, pedestrians), a slight auto-exposure flicker and sensor noise. The camera looks at a
window of the world, so a camera that has been moved (shifted, rotated, zoomed) sees a partly new
part of the scene, as a real one would. Faults that happen in the optics (blur, darkness) are
applied before the sensor noise.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

_WORDS = ("APTEKA", "KAVA", "HLIB", "POSHTA", "BANK", "MARKET", "CAFE", "24/7", "OPTIKA", "MEDIA")


class StreetScene:
    """A deterministic street scene for one ``seed``, seen through a ``width`` x ``height`` view."""

    def __init__(self, seed: int, width: int = 1280, height: int = 720) -> None:
        self.seed = seed
        self.width = width
        self.height = height
        self._rng = np.random.default_rng(seed)
        self.world = self._draw_world(2 * width, 2 * height)
        self._movers = self._make_movers()

    # -- the static world -------------------------------------------------------------------
    def _draw_world(self, w: int, h: int) -> np.ndarray:
        rng = self._rng
        u = w / 1280  # drawing unit, so scenes look alike at every resolution
        img = np.empty((h, w, 3), np.uint8)
        horizon = int(h * rng.uniform(0.45, 0.6))
        sky_top = rng.integers(150, 230, 3)
        for y in range(horizon):  # a sky gradient
            img[y] = (sky_top * (1 - 0.3 * y / horizon)).astype(np.uint8)
        img[horizon:] = rng.integers(60, 110, 3).astype(np.uint8)  # asphalt
        # asphalt grain
        grain = rng.integers(-12, 13, (h - horizon, w, 1)).astype(np.int16)
        img[horizon:] = np.clip(img[horizon:].astype(np.int16) + grain, 0, 255).astype(np.uint8)
        x = 0
        while x < w:  # a row of buildings
            bw = int(rng.uniform(80, 260) * u)
            top = int(horizon - rng.uniform(0.15, 0.45) * h)
            colour = tuple(int(c) for c in rng.integers(40, 220, 3))
            cv2.rectangle(img, (x, top), (x + bw, horizon), colour, -1)
            self._bricks(img, x, top, bw, horizon - top, colour)
            self._windows(img, x, top, bw, horizon - top, u)
            if rng.random() < 0.6:
                self._sign(img, x, horizon, bw, u)
            x += bw + int(rng.uniform(0, 30) * u)
        for _ in range(int(rng.integers(6, 12))):  # poles and trees
            px = int(rng.uniform(0, w))
            cv2.line(
                img,
                (px, int(horizon - 0.3 * h)),
                (px, horizon + int(20 * u)),
                (40, 40, 40),
                max(2, int(5 * u)),
            )
            if rng.random() < 0.5:
                centre = (px, int(horizon - 0.3 * h))
                radius = int(rng.uniform(30, 70) * u)
                cv2.circle(img, centre, radius, (30, int(rng.integers(90, 160)), 40), -1)
                for _ in range(60):  # foliage texture
                    dx, dy = rng.normal(0, radius / 2, 2)
                    shade = (20, int(rng.integers(60, 200)), 30)
                    cv2.circle(
                        img, (int(px + dx), int(centre[1] + dy)), max(1, int(4 * u)), shade, -1
                    )
        for k in range(int(rng.integers(3, 6))):  # road markings and kerbs
            y = horizon + int((k + 1) * (h - horizon) / 6)
            dash = int(60 * u)
            for x0 in range(int(rng.uniform(0, dash)), w, 2 * dash):
                cv2.line(
                    img,
                    (x0, y),
                    (x0 + dash, y + int(rng.uniform(-3, 3) * u)),
                    (230, 230, 230),
                    max(2, int(4 * u)),
                )
        for _ in range(int(rng.integers(4, 9))):  # crossings, parked things, litter bins
            x0, y0 = int(rng.uniform(0, w)), int(rng.uniform(horizon, h))
            cv2.rectangle(
                img,
                (x0, y0),
                (x0 + int(rng.uniform(20, 90) * u), y0 + int(rng.uniform(10, 40) * u)),
                tuple(int(c) for c in rng.integers(0, 255, 3)),
                -1,
            )
        return img

    def _bricks(self, img: np.ndarray, x: int, y: int, w: int, h: int, colour: tuple) -> None:
        rng = self._rng
        darker = tuple(max(0, c - 35) for c in colour)
        for _ in range(int(w * h / 900)):
            bx, by = int(x + rng.uniform(0, w)), int(y + rng.uniform(0, h))
            cv2.line(img, (bx, by), (bx + int(rng.uniform(4, 14)), by), darker, 1)

    def _windows(self, img: np.ndarray, x: int, y: int, w: int, h: int, u: float) -> None:
        rng = self._rng
        ww, wh = int(rng.uniform(14, 30) * u), int(rng.uniform(18, 36) * u)
        gap = int(rng.uniform(10, 24) * u)
        glass = tuple(int(c) for c in rng.integers(20, 120, 3))
        for wy in range(y + gap, y + h - wh - gap, wh + gap):
            for wx in range(x + gap, x + w - ww - gap // 2, ww + gap):
                lit = rng.random() < 0.25
                fill = (90, 200, 230) if lit else glass
                cv2.rectangle(img, (wx, wy), (wx + ww, wy + wh), fill, -1)
                cv2.rectangle(img, (wx, wy), (wx + ww, wy + wh), (230, 230, 230), 1)
                cv2.line(img, (wx + ww // 2, wy), (wx + ww // 2, wy + wh), (200, 200, 200), 1)

    def _sign(self, img: np.ndarray, x: int, horizon: int, w: int, u: float) -> None:
        rng = self._rng
        word = str(rng.choice(_WORDS))
        scale = 0.8 * u
        thick = max(1, int(2 * u))
        (tw, th), _ = cv2.getTextSize(word, cv2.FONT_HERSHEY_SIMPLEX, scale, thick)
        y = horizon - int(rng.uniform(0.05, 0.12) * img.shape[0])
        bg = tuple(int(c) for c in rng.integers(0, 255, 3))
        fg = tuple(255 - c for c in bg)
        cv2.rectangle(img, (x + 4, y - th - 8), (x + 12 + tw, y + 8), bg, -1)
        cv2.putText(img, word, (x + 8, y), cv2.FONT_HERSHEY_SIMPLEX, scale, fg, thick, cv2.LINE_AA)

    # -- things that move -------------------------------------------------------------------
    def _make_movers(self) -> list[dict]:
        rng = self._rng
        h, w = self.world.shape[:2]
        movers = []
        for _ in range(int(rng.integers(4, 9))):
            car = rng.random() < 0.6
            direction = 1 if rng.random() < 0.5 else -1
            movers.append(
                {
                    "car": car,
                    "x0": rng.uniform(0, w),
                    "y": rng.uniform(0.6, 0.95) * h,
                    "speed": rng.uniform(60, 260) * (1 if car else 0.15) * direction * w / 2560,
                    "size": rng.uniform(0.8, 1.4) * w / 2560,
                    "colour": tuple(int(c) for c in rng.integers(0, 255, 3)),
                }
            )
        return movers

    def _draw_movers(self, img: np.ndarray, t: float) -> None:
        w = img.shape[1]
        for m in self._movers:
            x = int((m["x0"] + m["speed"] * t) % (w + 400)) - 200
            y, s = int(m["y"]), m["size"]
            if m["car"]:
                cw, ch = int(180 * s), int(70 * s)
                cv2.rectangle(img, (x, y - ch), (x + cw, y), m["colour"], -1)
                cv2.rectangle(
                    img,
                    (x + cw // 5, y - ch - int(35 * s)),
                    (x + 4 * cw // 5, y - ch),
                    m["colour"],
                    -1,
                )
                for wx in (x + cw // 5, x + 4 * cw // 5):
                    cv2.circle(img, (wx, y), int(18 * s), (20, 20, 20), -1)
            else:
                cv2.ellipse(
                    img,
                    (x, y - int(40 * s)),
                    (int(12 * s), int(40 * s)),
                    0,
                    0,
                    360,
                    m["colour"],
                    -1,
                )
                cv2.circle(img, (x, y - int(90 * s)), int(11 * s), (150, 170, 200), -1)

    # -- the camera -------------------------------------------------------------------------
    def frame(
        self,
        t: float = 0.0,
        *,
        shift: tuple[float, float] = (0.0, 0.0),
        angle: float = 0.0,
        zoom: float = 1.0,
        gain: float = 1.0,
        blur: float = 0.0,
        noise: float = 2.0,
        jpeg: int | None = None,
    ) -> np.ndarray:
        """The camera's picture at time ``t`` (seconds).

        ``shift`` moves the view by a fraction of its width and height, ``angle`` rotates it
        (degrees) and ``zoom`` narrows it, all around the world's centre; ``gain`` scales the
        light, ``blur`` is a Gaussian sigma in view pixels, ``noise`` the sensor noise sigma in
        grey levels and ``jpeg`` a quality to pass the picture through JPEG as a camera would.
        """
        world = self.world.copy()
        self._draw_movers(world, t)
        wh, ww = world.shape[:2]
        centre = (ww / 2 + shift[0] * self.width, wh / 2 + shift[1] * self.height)
        # map the view's pixels to world pixels: rotate and scale about the view's centre
        rot = cv2.getRotationMatrix2D((self.width / 2, self.height / 2), angle, 1 / zoom)
        rot[:, 2] += (centre[0] - self.width / 2, centre[1] - self.height / 2)
        view = cv2.warpAffine(
            world, rot, (self.width, self.height), flags=cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
        )
        flicker = 1.0 + 0.01 * math.sin(2.1 * t + self.seed)
        return finish(
            view,
            gain=gain * flicker,
            blur=blur,
            noise=noise,
            jpeg=jpeg,
            seed=self.seed * 7919 + int(t * 1000),
        )


def finish(
    view: np.ndarray,
    *,
    gain: float = 1.0,
    blur: float = 0.0,
    noise: float = 2.0,
    jpeg: int | None = None,
    seed: int = 0,
) -> np.ndarray:
    """Apply optics (``blur``, ``gain``), sensor noise and compression to a clean picture."""
    img = view
    if blur > 0:
        img = cv2.GaussianBlur(img, (0, 0), blur)
    img = img.astype(np.float32) * gain if gain != 1.0 else img.astype(np.float32)
    if noise > 0:
        cv2.setRNGSeed(seed)
        grain = np.empty(img.shape, np.float32)
        cv2.randn(grain, (0.0,) * 3, (noise,) * 3)
        img += grain
    out = np.clip(img, 0, 255).astype(np.uint8)
    if jpeg is not None:
        ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, jpeg])
        if not ok:
            raise RuntimeError("JPEG encoding failed")
        out = cv2.imdecode(data, cv2.IMREAD_COLOR)
    return out


def uniform(
    width: int, height: int, bgr: tuple[int, int, int], *, noise: float = 2.0, seed: int = 0
) -> np.ndarray:
    """A nearly uniform picture (a lens covered by a bag, a hand, a sticker) with sensor noise.

    A soft vignette, as a cover close to the lens gives, keeps it from being perfectly flat.
    """
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    r2 = ((xx - width / 2) / width) ** 2 + ((yy - height / 2) / height) ** 2
    shade = (1.0 - 0.25 * r2)[..., None]
    img = np.empty((height, width, 3), np.float32)
    img[:] = bgr
    return finish((img * shade).clip(0, 255).astype(np.uint8), noise=noise, seed=seed)
