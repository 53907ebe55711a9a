"""A camera's baseline: how its healthy picture looks, taken when it is commissioned."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import numpy as np

from .features import Features, good_matches
from .frames import Frame, FrameMeasure

FORMAT_VERSION = 1
#: A reference keypoint is kept when it is found at the same place (within this many pixels of
#: the working picture) in at least half of the other baseline frames.
STABLE_PX = 3.0
#: Fewer stable keypoints than this and the baseline keeps all of the reference frame's.
MIN_STABLE = 60


@dataclass(frozen=True, eq=False)
class Baseline:
    """Reference statistics and features of a healthy camera.

    ``measure`` is the field-wise median of the baseline frames; ``change`` the median share of
    working-picture pixels that changed between consecutive baseline frames (None from a single
    frame); ``features`` are the ORB keypoints of the reference frame (the middle one), keeping
    only those also found in place in the other frames when there are enough: passing cars and
    people are then not part of the reference the "moved" check compares against.
    """

    measure: FrameMeasure
    features: Features = field(repr=False)
    frames: int = 1
    change: float | None = None

    @property
    def sharpness(self) -> float:
        return self.measure.sharpness

    @property
    def brightness(self) -> float:
        return self.measure.brightness_mean

    @classmethod
    def from_frames(cls, frames: Iterable[np.ndarray]) -> Baseline:
        """Calibrate from several frames of the healthy camera (a few consecutive ones, ideally
        also some spread over a minute or so)."""
        analysed = [Frame(f) for f in frames]
        if not analysed:
            raise ValueError("a baseline needs at least one frame")
        sizes = {(a.measure.width, a.measure.height) for a in analysed}
        if len(sizes) > 1:
            raise ValueError(f"baseline frames have different sizes: {sorted(sizes)}")
        changes = [b.changed_share(a) for a, b in pairwise(analysed)]
        reference_index = len(analysed) // 2
        all_features = [Features.detect(a.grey) for a in analysed]
        reference = all_features[reference_index]
        others = [f for i, f in enumerate(all_features) if i != reference_index]
        if others and len(reference):
            support = np.zeros(len(reference), np.int32)
            for other in others:
                ri, oi = good_matches(reference, other)
                distance = np.linalg.norm(reference.points[ri] - other.points[oi], axis=1)
                support[ri[distance <= STABLE_PX]] += 1
            keep = support * 2 >= len(others)
            if keep.sum() >= MIN_STABLE:
                reference = reference.subset(keep)
        return cls(
            measure=FrameMeasure.median([a.measure for a in analysed]),
            features=reference,
            frames=len(analysed),
            change=float(np.median(changes)) if changes else None,
        )

    def to_dict(self) -> dict[str, Any]:
        """A compact JSON-able dict (about 20 KB, mostly the base64 descriptors)."""
        return {
            "version": FORMAT_VERSION,
            "frames": self.frames,
            "change": self.change,
            "measure": self.measure.to_dict(),
            "features": self.features.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Baseline:
        if data.get("version") != FORMAT_VERSION:
            raise ValueError(f"unsupported baseline version {data.get('version')!r}")
        change = data.get("change")
        return cls(
            measure=FrameMeasure.from_dict(data["measure"]),
            features=Features.from_dict(data["features"]),
            frames=int(data.get("frames", 1)),
            change=None if change is None else float(change),
        )
