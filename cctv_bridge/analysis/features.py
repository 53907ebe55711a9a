"""ORB features of a picture and how two pictures line up (homography with RANSAC).

ORB is OpenCV's free, fast binary detector: about a millisecond and a half for 500 features on
the 320-pixel-wide working picture. Matches pass Lowe's ratio test (the best candidate must be
clearly better than the second best, which drops the ambiguous matches a row of identical
windows produces), and only the matches RANSAC finds consistent with one homography
("inliers") count as evidence.
"""

from __future__ import annotations

import base64
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import cv2
import numpy as np

N_FEATURES = 500
RATIO = 0.8
#: RANSAC reprojection tolerance, in pixels of the 320-pixel-wide working picture.
REPROJECTION_PX = 3.0
#: Homographies are fitted with OpenCV's USAC (``USAC_FAST``: RANSAC with model verification
#: and local optimisation): on chance matches only (another scene, a turned camera) classic
#: ``cv2.RANSAC`` runs all its iterations, over 10 ms for 20 matches here, where USAC gives up
#: in a tenth of a millisecond; on a real match it is also three times faster. A real match has
#: well over a third of inliers and converges in far fewer than this many samples.
RANSAC_ITERATIONS = 1000
#: Keypoint positions are stored as uint16 in 1/16 pixel.
_POINT_SCALE = 16.0


def _orb() -> cv2.ORB:
    # A fresh detector per call: cv2 objects are not meant to be shared between threads.
    return cv2.ORB_create(nfeatures=N_FEATURES, edgeThreshold=19, patchSize=19, fastThreshold=12)


@dataclass(frozen=True, eq=False)
class Features:
    """Keypoint positions (N x 2, float32) and ORB descriptors (N x 32, uint8) of a picture of
    ``width`` x ``height`` pixels."""

    width: int
    height: int
    points: np.ndarray = field(repr=False)
    descriptors: np.ndarray = field(repr=False)

    def __len__(self) -> int:
        return len(self.points)

    @classmethod
    def detect(cls, grey: np.ndarray) -> Features:
        keypoints, descriptors = _orb().detectAndCompute(grey, None)
        h, w = grey.shape[:2]
        if descriptors is None or not keypoints:
            return cls(w, h, np.zeros((0, 2), np.float32), np.zeros((0, 32), np.uint8))
        points = np.array([kp.pt for kp in keypoints], np.float32)
        # at the stored precision, so a baseline read back from JSON gives identical results
        points = np.round(points * _POINT_SCALE) / _POINT_SCALE
        return cls(w, h, points, descriptors)

    def subset(self, keep: np.ndarray) -> Features:
        return Features(self.width, self.height, self.points[keep], self.descriptors[keep])

    def to_dict(self) -> dict[str, Any]:
        fixed = np.round(self.points * _POINT_SCALE).clip(0, 65535).astype("<u2")
        return {
            "size": [self.width, self.height],
            "points": base64.b64encode(fixed.tobytes()).decode("ascii"),
            "descriptors": base64.b64encode(self.descriptors.tobytes()).decode("ascii"),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Features:
        width, height = (int(v) for v in data["size"])
        fixed = np.frombuffer(base64.b64decode(data["points"], validate=True), "<u2")
        desc = np.frombuffer(base64.b64decode(data["descriptors"], validate=True), np.uint8)
        if fixed.size % 2 or desc.size % 32 or fixed.size // 2 != desc.size // 32:
            raise ValueError("points and descriptors do not match")
        points = (fixed.reshape(-1, 2).astype(np.float32)) / _POINT_SCALE
        return cls(width, height, points, desc.reshape(-1, 32).copy())


@dataclass(frozen=True, eq=False)
class Registration:
    """How a picture lines up with a reference picture.

    ``homography`` maps reference pixels to picture pixels (both at the feature size) and is
    None when fewer than four matches survive. ``displacement`` is how far the four corners of
    the reference view moved, on average, as a share of the frame width: it grows with a pan or
    tilt (shift), a turn (rotation) and a zoom alike, so one number says "the view moved".
    """

    keypoints: int
    reference_keypoints: int
    matches: int
    inliers: int
    homography: np.ndarray | None = field(default=None, repr=False)
    displacement: float = 0.0
    shift: tuple[float, float] = (0.0, 0.0)
    rotation: float = 0.0
    scale: float = 1.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "keypoints": self.keypoints,
            "reference_keypoints": self.reference_keypoints,
            "matches": self.matches,
            "inliers": self.inliers,
            "displacement": round(self.displacement, 4),
            "shift": [round(v, 4) for v in self.shift],
            "rotation": round(self.rotation, 2),
            "scale": round(self.scale, 4),
        }


def good_matches(query: Features, train: Features) -> tuple[np.ndarray, np.ndarray]:
    """Indices (into query, into train) of the matches that pass the ratio test; each train
    point is used at most once (by its closest query point)."""
    empty = np.zeros(0, np.int64)
    if len(query) < 2 or len(train) < 2:
        return empty, empty
    dist, nearest = cv2.batchDistance(
        query.descriptors, train.descriptors, cv2.CV_32S, normType=cv2.NORM_HAMMING, K=2
    )
    ok = dist[:, 0] < RATIO * dist[:, 1]
    query_idx = np.flatnonzero(ok)
    train_idx = nearest[ok, 0].astype(np.int64)
    order = np.lexsort((dist[ok, 0], train_idx))  # by train point, closest first
    train_sorted = train_idx[order]
    first = np.ones(len(order), bool)
    first[1:] = train_sorted[1:] != train_sorted[:-1]
    return query_idx[order][first], train_sorted[first]


def homography(source: np.ndarray, target: np.ndarray) -> tuple[np.ndarray | None, np.ndarray]:
    """RANSAC homography from ``source`` to ``target`` points and the inlier mask (bool)."""
    found, mask = cv2.findHomography(
        source,
        target,
        cv2.USAC_DEFAULT,
        REPROJECTION_PX,
        maxIters=RANSAC_ITERATIONS,
        confidence=0.995,
    )
    if found is None or mask is None:
        return None, np.zeros(len(source), bool)
    return found, mask.ravel() > 0


def register(picture: Features, reference: Features, min_matches: int = 4) -> Registration:
    """Line ``picture`` up with ``reference``.

    If the picture's size differs from the reference's (a camera switched to a sub-stream, or
    an anamorphic 720x576 stream of a 16:9 sensor), its points are first scaled to the
    reference's frame, so only a change of view counts, not a change of stream format.
    With fewer than ``min_matches`` matches no homography is fitted (inliers stay 0).
    """
    qi, ti = good_matches(picture, reference)
    cur, ref = picture.points[qi], reference.points[ti]
    if (picture.width, picture.height) != (reference.width, reference.height):
        factor = np.array(
            [reference.width / picture.width, reference.height / picture.height], np.float32
        )
        cur = cur * factor
    result = Registration(len(picture), len(reference), len(cur), 0)
    if len(cur) < max(4, min_matches):
        return result
    fitted, mask = homography(ref, cur)
    if fitted is None:
        return result
    inliers = int(mask.sum())
    w, h = reference.width, reference.height
    # the picture's view in the reference picture's coordinates
    try:
        outline = plausible(np.linalg.inv(fitted), w, h)
    except np.linalg.LinAlgError:
        outline = None
    if outline is None or not well_spread(ref[mask], shared_area(outline, w, h)):
        # chance matches: as good as none
        return result
    corners = np.array([[0, 0], [w, 0], [w, h], [0, h]], np.float32).reshape(-1, 1, 2)
    moved = cv2.perspectiveTransform(corners, fitted)
    displacement = float(np.linalg.norm(moved - corners, axis=2).mean()) / w
    centre = np.array([[[w / 2, h / 2], [w / 2 + w / 4, h / 2]]], np.float32)
    c0, c1 = cv2.perspectiveTransform(centre, fitted)[0]
    axis = c1 - c0
    return Registration(
        keypoints=len(picture),
        reference_keypoints=len(reference),
        matches=len(cur),
        inliers=inliers,
        homography=fitted,
        displacement=displacement,
        shift=(float(c0[0] - w / 2) / w, float(c0[1] - h / 2) / h),
        rotation=math.degrees(math.atan2(float(axis[1]), float(axis[0]))),
        scale=float(np.hypot(*axis)) / (w / 4),
    )


def plausible(homography: np.ndarray, width: int, height: int) -> np.ndarray | None:
    """The outline (4 x 2) of a ``width`` x ``height`` view under ``homography``, or None when
    the mapping is not one a camera could produce, so RANSAC has fitted chance matches: a
    mirrored or folded outline, a view shrunk or grown more than 8 times, or opposite sides more
    than 2.5 times different in length (extreme perspective).
    """
    corners = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    outline = cv2.perspectiveTransform(corners.reshape(-1, 1, 2), homography).reshape(-1, 2)
    if not np.all(np.isfinite(outline)):
        return None
    area = cv2.contourArea(outline, oriented=True)
    # image coordinates have y down, so a non-mirrored outline keeps the corners' orientation
    if np.sign(area) != np.sign(cv2.contourArea(corners, oriented=True)):
        return None
    if not (1 / 8 <= abs(area) / (width * height) <= 8):
        return None
    if not cv2.isContourConvex(outline.reshape(-1, 1, 2)):
        return None
    sides = np.linalg.norm(outline - np.roll(outline, -1, axis=0), axis=1)
    for a, b in ((sides[0], sides[2]), (sides[1], sides[3])):
        if max(a, b) > 2.5 * max(min(a, b), 1e-6):
            return None
    return outline


def shared_area(outline: np.ndarray, width: int, height: int) -> float:
    """Area of ``outline`` (4 x 2, convex) inside a ``width`` x ``height`` view."""
    view = np.array([[0, 0], [width, 0], [width, height], [0, height]], np.float32)
    area, _ = cv2.intersectConvexConvex(view, outline.astype(np.float32))
    return max(0.0, float(area))


def well_spread(points: np.ndarray, area: float) -> bool:
    """Whether the inlier ``points`` span at least a tenth of ``area`` (the part of the view
    both pictures show): a homography fitted to one bunch of points extrapolates badly and is
    more likely chance."""
    if len(points) < 3 or area <= 0:
        return False
    hull = cv2.convexHull(points.astype(np.float32).reshape(-1, 1, 2))
    return cv2.contourArea(hull) >= 0.1 * area
