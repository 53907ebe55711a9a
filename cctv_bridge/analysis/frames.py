"""Cheap per-frame measurements on a downscaled copy of a camera picture.

Every frame is first halved (``INTER_AREA`` at exactly 2x is OpenCV's fast path, a fraction of a
millisecond even for 1080p) while it stays at least twice as wide as the working picture, then
reduced once more to the fixed 320-pixel-wide working picture. All measurements are taken on
that working picture, so they do not depend on the camera's resolution, they are noise-averaged
(a 720p camera's sensor noise is averaged over 4x4 pixels), and they cost about a millisecond
per frame.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

import cv2
import numpy as np

#: Width of the grey working picture used for every measurement, including ORB features.
WORK_WIDTH = 320
#: Canny thresholds (L1 gradient of the 3x3 Sobel). Absolute on purpose: a covered lens must
#: show *no* edges, and sensor noise alone stays far below the low threshold.
CANNY_LOW, CANNY_HIGH = 50, 150
#: Colour histogram: 16 levels per channel; the dominant colour is the busiest 3x3x3 block of
#: bins (48 levels per channel), so a uniform colour near a bin border is not split in two.
COLOUR_BINS = 16
#: The frozen-picture signature samples the working picture every ``SIGNATURE_STEP`` pixels.
SIGNATURE_STEP = 10


def as_bgr(frame: np.ndarray) -> np.ndarray:
    """A BGR uint8 picture from what OpenCV gives (BGR, BGRA or grey); raise on anything else."""
    if not isinstance(frame, np.ndarray) or frame.dtype != np.uint8 or frame.size == 0:
        raise ValueError("a frame must be a non-empty uint8 numpy array")
    if frame.ndim == 2:
        return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    if frame.ndim == 3 and frame.shape[2] == 3:
        return frame
    if frame.ndim == 3 and frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2BGR)
    raise ValueError(f"unsupported frame shape {frame.shape}")


def scaled_size(width: int, height: int, target_width: int) -> tuple[int, int]:
    """(width, height) of a picture scaled to ``target_width``, keeping the aspect ratio."""
    return target_width, max(1, round(height * target_width / width))


def halve_down(frame: np.ndarray, min_width: int) -> np.ndarray:
    """Halve the picture while it stays at least ``min_width`` wide (cheap area averaging)."""
    img = frame
    while img.shape[1] >= 2 * min_width:
        h, w = img.shape[:2]
        img = cv2.resize(img, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
    return img


@dataclass(frozen=True)
class FrameMeasure:
    """What one frame looks like, in numbers that do not depend on the camera's resolution.

    ``brightness_mean``/``brightness_std`` are grey levels (0-255) of the working picture;
    ``sharpness`` is the variance of its Laplacian; ``normalised_sharpness`` divides that by the
    brightness variance, so that dimmer light, fog or a lower exposure (which scale the Laplacian
    with the square of the contrast) do not look like blur; ``edge_density`` is the share of
    Canny edge pixels; ``dominant_fraction`` the share of pixels within one coarse colour bin
    (±24 levels per channel) of ``dominant_colour`` (BGR).
    """

    width: int
    height: int
    brightness_mean: float
    brightness_std: float
    sharpness: float
    normalised_sharpness: float
    edge_density: float
    dominant_fraction: float
    dominant_colour: tuple[int, int, int]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able dict (for storing a probe's measurements)."""
        data = asdict(self)
        data["dominant_colour"] = list(self.dominant_colour)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FrameMeasure:
        b, g, r = data["dominant_colour"]
        return cls(
            width=int(data["width"]),
            height=int(data["height"]),
            brightness_mean=float(data["brightness_mean"]),
            brightness_std=float(data["brightness_std"]),
            sharpness=float(data["sharpness"]),
            normalised_sharpness=float(data["normalised_sharpness"]),
            edge_density=float(data["edge_density"]),
            dominant_fraction=float(data["dominant_fraction"]),
            dominant_colour=(int(b), int(g), int(r)),
        )

    @classmethod
    def median(cls, measures: list[FrameMeasure]) -> FrameMeasure:
        """Field-wise median: one passing car or a flash must not decide a probe's health."""
        if not measures:
            raise ValueError("no measures")
        mid = sorted(measures, key=lambda m: m.dominant_fraction)[len(measures) // 2]

        def med(name: str) -> float:
            return float(np.median([getattr(m, name) for m in measures]))

        return cls(
            width=measures[-1].width,
            height=measures[-1].height,
            brightness_mean=med("brightness_mean"),
            brightness_std=med("brightness_std"),
            sharpness=med("sharpness"),
            normalised_sharpness=med("normalised_sharpness"),
            edge_density=med("edge_density"),
            dominant_fraction=mid.dominant_fraction,
            dominant_colour=mid.dominant_colour,
        )


@dataclass(frozen=True)
class FrameSignature:
    """A compact fingerprint of one frame, kept between probes to recognise a frozen picture.

    It holds raw grey values sampled on a regular lattice of the working picture (576 bytes for
    16:9). The samples are *not* averaged further, so they keep the sensor noise: two frames of a
    live camera differ in a large share of samples even when nothing moves, while a frozen
    picture repeats them exactly (up to a burnt-in clock touching a sample or two). A blurred
    thumbnail would not do: it averages the noise away and a quiet scene would look frozen.
    """

    width: int
    height: int
    samples: bytes

    def changed_share(self, other: FrameSignature) -> float | None:
        """Share of samples that differ from ``other``; None if they are not comparable."""
        if (self.width, self.height) != (other.width, other.height) or len(self.samples) != len(
            other.samples
        ):
            return None
        a = np.frombuffer(self.samples, np.uint8)
        b = np.frombuffer(other.samples, np.uint8)
        return float(np.count_nonzero(a != b)) / max(1, a.size)

    def to_dict(self) -> dict[str, Any]:
        return {
            "size": [self.width, self.height],
            "samples": base64.b64encode(self.samples).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FrameSignature:
        width, height = (int(v) for v in data["size"])
        return cls(width, height, base64.b64decode(data["samples"], validate=True))


class Frame:
    """One analysed frame: its measure plus the working pictures the other checks reuse."""

    __slots__ = ("grey", "measure")

    def __init__(self, frame: np.ndarray) -> None:
        bgr = as_bgr(frame)
        height, width = bgr.shape[:2]
        small = halve_down(bgr, WORK_WIDTH)
        size = scaled_size(width, height, WORK_WIDTH)
        if (small.shape[1], small.shape[0]) != size:
            # less than 2x to go: bilinear blends neighbouring pixels much as area averaging
            # would, at a tenth of the cost of INTER_AREA at a fractional ratio (1080p: 1.5x)
            small = cv2.resize(small, size, interpolation=cv2.INTER_LINEAR)
        self.grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)
        mean, std = cv2.meanStdDev(self.grey)
        mean_v, std_v = float(mean[0, 0]), float(std[0, 0])
        lap = cv2.Laplacian(self.grey, cv2.CV_16S)
        sharpness = float(cv2.meanStdDev(lap)[1][0, 0]) ** 2
        edges = cv2.Canny(self.grey, CANNY_LOW, CANNY_HIGH)
        fraction, colour = _dominant_colour(small)
        self.measure = FrameMeasure(
            width=width,
            height=height,
            brightness_mean=mean_v,
            brightness_std=std_v,
            sharpness=sharpness,
            # below a spread of 2 grey levels there is no contrast to normalise by
            normalised_sharpness=sharpness / max(std_v, 2.0) ** 2,
            edge_density=cv2.countNonZero(edges) / edges.size,
            dominant_fraction=fraction,
            dominant_colour=colour,
        )

    def signature(self) -> FrameSignature:
        start = SIGNATURE_STEP // 2
        lattice = self.grey[start::SIGNATURE_STEP, start::SIGNATURE_STEP]
        return FrameSignature(self.grey.shape[1], self.grey.shape[0], lattice.tobytes())

    def changed_share(self, other: Frame) -> float:
        """Share of working-picture pixels that differ at all from ``other``'s."""
        if self.grey.shape != other.grey.shape:
            return 1.0
        diff = cv2.absdiff(self.grey, other.grey)
        return cv2.countNonZero(diff) / diff.size


def _dominant_colour(bgr: np.ndarray) -> tuple[float, tuple[int, int, int]]:
    hist = cv2.calcHist([bgr], [0, 1, 2], None, [COLOUR_BINS] * 3, [0, 256] * 3)
    p = np.pad(hist, 1)
    # separable 3x3x3 box sum over the histogram
    a = p[:-2] + p[1:-1] + p[2:]
    b = a[:, :-2] + a[:, 1:-1] + a[:, 2:]
    c = b[:, :, :-2] + b[:, :, 1:-1] + b[:, :, 2:]
    index = np.unravel_index(int(np.argmax(c)), c.shape)
    # the colour: the count-weighted mean of the bin centres in that block (``p`` is padded by
    # one bin, so p[i:i + 3] holds bins i - 1 .. i + 1)
    step = 256 // COLOUR_BINS
    block = p[tuple(slice(i, i + 3) for i in index)]
    total = max(float(block.sum()), 1.0)
    colour = []
    for axis, i in enumerate(index):
        counts = block.sum(axis=tuple(a for a in range(3) if a != axis))
        centres = (np.arange(i - 1, i + 2) + 0.5) * step
        colour.append(round(float((counts * centres).sum()) / total))
    b, g, r = colour
    return float(c[index]) / (bgr.shape[0] * bgr.shape[1]), (b, g, r)


def measure(frame: np.ndarray) -> FrameMeasure:
    """Measure one BGR frame (as ``cv2.VideoCapture.read`` or ``cv2.imdecode`` give it)."""
    return Frame(frame).measure
