"""Synthetic street scenes for the camera simulator, with the faults a real camera shows.

Only numpy is used, so that the same frames are rendered in the project's virtualenv (HTTP
cameras, encoded with OpenCV) and by Debian's ``python3`` that feeds GStreamer's RTSP server
(``rtsp_server.py``). A scene is deterministic for a seed and a moment: two cameras sharing a
scene see the same buildings and the same cars at the same time, from slightly different
viewpoints, which is what duplicate coverage looks like.

What a frame contains, and why:

* a static background with many edges and corners (buildings, windows, road markings, posts),
  random per scene, so that feature matching can recognise a camera's own view, notice when it
  has moved, and tell one scene from another;
* moving cars and pedestrians, sensor noise and a slow drift of the light, so that a live scene
  always changes a little between frames, as a real one does;
* the faults: ``dark``, ``frozen`` (the caller renders one fixed moment forever), ``blurred``,
  ``covered`` and ``moved``. Network faults (``offline``, ``hanging``, ``slow-drip``) are the
  servers' business; their frames, if any, are healthy ones.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from dataclasses import dataclass

import numpy as np

# A package module in the project; a plain module next to ``rtsp_server.py`` under Debian's python3.
if __package__:
    from . import scene_drawing as drawing
else:
    import scene_drawing as drawing  # type: ignore[no-redef]

HEALTHY = "healthy"
DARK = "dark"
FROZEN = "frozen"
BLURRED = "blurred"
COVERED = "covered"
MOVED = "moved"
OFFLINE = "offline"
HANGING = "hanging"
SLOW_DRIP = "slow-drip"

#: Faults visible in the picture; the stream itself is fine.
IMAGE_FAULTS = (HEALTHY, DARK, FROZEN, BLURRED, COVERED, MOVED)
#: Faults of the connection; no usable picture arrives.
NETWORK_FAULTS = (OFFLINE, HANGING, SLOW_DRIP)
FAULTS = IMAGE_FAULTS + NETWORK_FAULTS

_NOISE_PLANES = 16


def check_fault(fault: str) -> str:
    """The fault name, or ValueError naming the accepted ones (operators type these)."""
    if fault not in FAULTS:
        raise ValueError(f"unknown fault {fault!r}; expected one of: {', '.join(FAULTS)}")
    return fault


@dataclass(frozen=True)
class View:
    """Which scene a camera looks at, and from where.

    ``viewpoint`` 0 is the scene's own camera; any other number is a nearby viewpoint (a few
    per cent to the side), which is how a second camera covering the same place looks.
    """

    scene: int
    viewpoint: int = 0


class SceneRenderer:
    """Renders camera frames at one resolution and frame rate; safe to share between threads.

    Scene layouts are small (tens of kB) and kept for many scenes; drawn backgrounds (0.7 MB at
    640x360, 2.8 MB at 1280x720) are kept within ``background_bytes`` for the views looked at
    most recently, and drawing one again takes a few milliseconds, so a thousand cameras cost
    little memory.
    """

    def __init__(
        self,
        width: int = 640,
        height: int = 360,
        fps: float = 10,
        layouts: int = 2048,
        background_bytes: int = 64 * 2**20,
    ):
        if width < 64 or height < 64:
            raise ValueError("frames must be at least 64x64")
        self.width, self.height, self.fps = int(width), int(height), float(fps)
        backgrounds = max(8, background_bytes // (3 * self.width * self.height))
        self._limits = {"layout": layouts, "background": backgrounds}
        self._layouts: OrderedDict[int, drawing.Layout] = OrderedDict()
        self._backgrounds: OrderedDict[tuple, np.ndarray] = OrderedDict()
        self._maps: dict[int, tuple[int, int, int, int, np.ndarray]] = {}
        self._lock = threading.Lock()
        self._noise = np.random.default_rng(drawing.SEED_BASE).integers(
            0, drawing.NOISE_LEVELS + 1, (_NOISE_PLANES, self.height, self.width, 1), dtype=np.uint8
        )
        yy, xx = np.mgrid[0 : self.height, 0 : self.width]
        cy, cx = (self.height - 1) / 2, (self.width - 1) / 2
        vignette = ((yy - cy) / self.height) ** 2 + ((xx - cx) / self.width) ** 2
        self._vignette = (vignette * 14).astype(np.int16)[..., None]

    def _cached(self, store: OrderedDict, kind: str, key, make):
        with self._lock:
            value = store.get(key)
            if value is not None:
                store.move_to_end(key)
                return value
        value = make()
        with self._lock:
            store[key] = value
            while len(store) > self._limits[kind]:
                store.popitem(last=False)
        return value

    def _layout(self, scene: int) -> drawing.Layout:
        return self._cached(
            self._layouts, "layout", scene, lambda: drawing.lay_out(scene, self.width, self.height)
        )

    # -- geometry -------------------------------------------------------------------------

    def origin(self, view: View) -> tuple[int, int]:
        """Top-left corner of a view in its world: centred, or nudged for other viewpoints."""
        ww, wh = round(self.width * drawing.WORLD_SCALE), round(self.height * drawing.WORLD_SCALE)
        x, y = (ww - self.width) // 2, (wh - self.height) // 2
        if view.viewpoint:
            rng = drawing.seeded_rng(view.scene, view.viewpoint, 1)
            dx = rng.uniform(0.04, 0.08) * self.width * rng.choice((-1, 1))
            dy = rng.uniform(0.02, 0.05) * self.height * rng.choice((-1, 1))
            x, y = x + int(dx), y + int(dy)
        return x, y

    def _moved_map(self, view: View) -> tuple[int, int, int, int, np.ndarray]:
        """Where a moved camera's pixels come from: turned by 8 or 11 degrees and shifted by a
        fifth of the frame, so that about half of its usual view is still in sight (a matcher
        can measure the move). Returns the world window to draw and indices into it."""
        key = (view.scene * 7 + view.viewpoint) % 4
        with self._lock:
            cached = self._maps.get(key)
        if cached is not None:
            return cached
        ww, wh = round(self.width * drawing.WORLD_SCALE), round(self.height * drawing.WORLD_SCALE)
        angle = math.radians((8 + key % 2 * 3) * (1 if key < 2 else -1))
        shift_x = 0.2 * self.width * (1 if key % 2 else -1)
        shift_y = 0.08 * self.height * (1 if key < 2 else -1)
        yy, xx = np.mgrid[0 : self.height, 0 : self.width].astype(np.float64)
        xx -= (self.width - 1) / 2
        yy -= (self.height - 1) / 2
        cos, sin = math.cos(angle), math.sin(angle)
        wx = cos * xx - sin * yy + (ww - 1) / 2 + shift_x
        wy = sin * xx + cos * yy + (wh - 1) / 2 + shift_y
        wx = np.clip(np.rint(wx), 0, ww - 1).astype(np.intp)
        wy = np.clip(np.rint(wy), 0, wh - 1).astype(np.intp)
        x0, y0 = int(wx.min()), int(wy.min())
        bw, bh = int(wx.max()) - x0 + 1, int(wy.max()) - y0 + 1
        flat = ((wy - y0) * bw + (wx - x0)).ravel()
        value = (x0, y0, bw, bh, flat)
        with self._lock:
            self._maps[key] = value
        return value

    # -- frames ---------------------------------------------------------------------------

    def tick(self, t: float) -> int:
        """The frame number at moment ``t`` (seconds since the epoch)."""
        return math.floor(t * self.fps)

    def _light(self, layout: drawing.Layout, t: float) -> float:
        a, b = layout.light_phase
        return 1.0 + 0.06 * math.sin(2 * math.pi * t / 180 + a) + 0.03 * math.sin(t / 7.3 + b)

    def _scene(self, layout: drawing.Layout, view: View, t: float, moved: bool) -> np.ndarray:
        """The live picture before noise and light: the background plus what moves."""
        if moved:
            x0, y0, bw, bh, flat = self._moved_map(view)
            bg = self._cached(
                self._backgrounds,
                "background",
                (view.scene, "moved", x0, y0, bw, bh),
                lambda: drawing.rasterize(layout, x0, y0, bw, bh),
            )
            canvas = bg.copy()
            drawing.draw_movers(canvas, layout, t, x0, y0)
            return canvas.reshape(-1, 3)[flat].reshape(self.height, self.width, 3)
        ox, oy = self.origin(view)
        bg = self._cached(
            self._backgrounds,
            "background",
            (view.scene, ox, oy),
            lambda: drawing.rasterize(layout, ox, oy, self.width, self.height),
        )
        canvas = bg.copy()
        drawing.draw_movers(canvas, layout, t, ox, oy)
        return canvas

    def frame(self, view: View, fault: str = HEALTHY, t: float = 0.0) -> np.ndarray:
        """The BGR frame (height x width x 3, uint8) that a camera with ``fault`` shows at ``t``.

        ``frozen`` is rendered live here: freezing means the caller keeps asking for one moment.
        Network faults render healthy frames (what the camera would send if it could).
        """
        layout = self._layout(view.scene)
        noise = self._noise[self.tick(t) % _NOISE_PLANES]
        gain = self._light(layout, t)
        if fault == COVERED:
            # Something against the lens: one colour, a soft fall-off, hardly any texture.
            base = (np.array(layout.covered_colour) * gain).astype(np.int16)
            img = base - self._vignette + (noise >> 2)
            return np.clip(img, 0, 255).astype(np.uint8)
        img = self._scene(layout, view, t, moved=fault == MOVED)
        np.add(img, noise, out=img)
        if fault == DARK:
            # Night with a dead infrared lamp: a faint ghost of the scene near black.
            lut = np.clip(np.arange(256) * 0.03, 0, 255).astype(np.uint8)
            return lut[img]
        lut = np.clip((np.arange(256) - drawing.NOISE_LEVELS / 2) * gain, 0, 255).astype(np.uint8)
        img = lut[img]
        if fault == BLURRED:
            img = drawing.blur(img, max(4, self.width // 60))
        return img
