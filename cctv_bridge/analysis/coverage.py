"""Duplicate coverage: which cameras see largely the same scene.

Two cameras' reference pictures are matched like a probe is matched against its baseline; if
enough matches agree on one homography, the other camera's view is mapped into this one's and
the overlap is the area both see, as a share of the smaller of the two views. A camera whose
whole view another camera also sees scores 1, whatever the other camera sees besides: that is
the camera the office could move elsewhere.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from itertools import combinations
from typing import TypeVar

import cv2

from .baseline import Baseline
from .features import good_matches, homography, plausible, shared_area, well_spread

K = TypeVar("K", bound=Hashable)

#: Matching points that must agree before two views are said to overlap at all.
MIN_INLIERS = 15


def overlap(a: Baseline, b: Baseline, *, min_inliers: int = MIN_INLIERS) -> float:
    """Share (0-1) of the scene seen by both cameras, from their baselines' reference features.

    0 when too few features match to trust a homography (different scenes, or views too
    different in angle or light to compare: the report then says nothing rather than guess).
    """
    fa, fb = a.features, b.features
    qi, ti = good_matches(fb, fa)
    if len(qi) < min_inliers:
        return 0.0
    fitted, mask = homography(fb.points[qi], fa.points[ti])
    if fitted is None or int(mask.sum()) < min_inliers:
        return 0.0
    outline = plausible(fitted, fb.width, fb.height)  # b's view in a's picture
    if outline is None:
        return 0.0
    shared = shared_area(outline, fa.width, fa.height)
    if not well_spread(fa.points[ti][mask], shared):
        return 0.0
    smaller = min(fa.width * fa.height, abs(cv2.contourArea(outline)))
    if smaller <= 0:
        return 0.0
    return float(min(1.0, max(0.0, shared / smaller)))


def duplicate_pairs(
    baselines: Mapping[K, Baseline], min_overlap: float = 0.5
) -> list[tuple[K, K, float]]:
    """Pairs of cameras whose views overlap by at least ``min_overlap``, most overlapping first.

    Compares every pair: n (n - 1) / 2 comparisons of about a millisecond each, a second or two
    for 50 cameras, ten minutes or so for a thousand; run it as a periodic report, not per probe.
    """
    pairs = []
    for (key_a, base_a), (key_b, base_b) in combinations(baselines.items(), 2):
        share = overlap(base_a, base_b)
        if share >= min_overlap:
            pairs.append((key_a, key_b, share))
    pairs.sort(key=lambda p: -p[2])
    return pairs
