"""Image-health checks over the frames of one probe: dark, frozen, blurred, covered, moved.

The checks are ordered so that one fault is not reported as several: a dark picture has no
texture, no sharpness, nothing to freeze and nothing to match, so ``dark`` alone is reported
and the other checks say they could not be made; a covered lens likewise suppresses
``blurred`` and ``moved``, and a blurred one ``moved``. ``moved`` is only ever claimed from
enough matching points; with too few it is "inconclusive", never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from enum import StrEnum
from itertools import pairwise
from typing import Any

import numpy as np

from .baseline import Baseline
from .features import Features, Registration, register
from .frames import Frame, FrameMeasure, FrameSignature
from .messages import describe

DARK, FROZEN, BLURRED, COVERED, MOVED = "dark", "frozen", "blurred", "covered", "moved"
CODES = (DARK, FROZEN, BLURRED, COVERED, MOVED)


class Status(StrEnum):
    OK = "ok"
    FOUND = "found"
    #: the check ran but cannot decide (e.g. too few matching points to tell a move)
    INCONCLUSIVE = "inconclusive"
    #: the check could not run (no reference picture, one frame only, dark picture, ...)
    NOT_CHECKED = "not_checked"


class Severity(StrEnum):
    WARNING = "warning"
    CRITICAL = "critical"


def _clamp(value: float, low: float, high: float) -> float:
    return float(min(max(value, low), high))


@dataclass(frozen=True)
class Thresholds:
    """Limits of the checks. The defaults suit a camera without a baseline or history.

    Brightness is in grey levels (0-255); shares are 0-1 of the picture; ``blur_ratio`` is a
    share of the baseline's (normalised) sharpness; ``moved_displacement`` a share of the frame
    width by which the corners of the view may move before the camera counts as moved.
    """

    #: dark when the mean *and* the spread of brightness are below these: a night scene with
    #: street lights is dim but has spread; a dead or capped camera has neither.
    dark_mean: float = 30.0
    dark_std: float = 10.0
    #: frozen when fewer than this share of pixels change between consecutive frames (sensor
    #: noise alone changes a large share of a live picture; a burnt-in clock, under 0.5 %).
    frozen_change: float = 0.005
    #: blurred when the sharpness falls below this share of the camera's own baseline.
    #: Relative, because how much fine detail a picture has depends above all on the scene.
    blur_ratio: float = 0.35
    #: without a baseline only an extreme lack of detail counts as blurred.
    blur_floor: float = 0.02
    #: covered when fewer than this share of pixels are edges and ...
    covered_edges: float = 0.01
    #: ... at least this share of the picture is one colour.
    covered_dominant: float = 0.6
    #: moved when the view's corners moved more than this share of the frame width on average
    #: (5 % is 64 px at 720p; a few pixels of vibration stay far below it).
    moved_displacement: float = 0.05
    #: matching points that must agree on one homography before a move is believed.
    moved_min_inliers: int = 20

    def to_dict(self) -> dict[str, float]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Thresholds:
        """Unknown keys are ignored and missing ones take the defaults, so stored thresholds
        survive a change of this class."""
        known = {f.name for f in fields(cls)}
        values = {
            k: (int(v) if k == "moved_min_inliers" else float(v))
            for k, v in data.items()
            if k in known
        }
        return cls(**values)

    @classmethod
    def calibrated(
        cls,
        baseline: Baseline,
        history: Iterable[FrameMeasure] = (),
        *,
        displacements: Iterable[float] = (),
        defaults: Thresholds | None = None,
    ) -> Thresholds:
        """Per-camera thresholds from its baseline and its own history.

        ``history`` should be the measures of probes that found nothing wrong (say, the last
        few weeks, day and night); ``displacements`` the ``Registration.displacement`` of such
        probes (how much the view sways). Only low percentiles are used, so a few missed faults
        in the history do not loosen the limits much, and every limit stays within a range
        around the default: calibration adapts, it never switches a check off.

        - darkness: half of what the camera normally shows at its darkest (10th percentile),
          never above the default, so a camera that is always dim at night is not "dark" every
          night, while a black picture always is;
        - blur: half of the lowest sharpness ratio the camera normally reaches (dusk, rain);
        - covered: a fifth of the camera's usual edge density (a view of mostly sky has few
          edges), and a dominant-colour share above what its scene normally shows;
        - frozen: a tenth of the change seen between consecutive baseline frames (cameras with
          strong noise reduction change less);
        - moved: twice the usual sway; fewer required matches when the scene has few features.
        """
        base = defaults or cls()
        measures = [baseline.measure, *history]
        ref = baseline.measure

        def pct(values: Sequence[float], q: float) -> float:
            return float(np.percentile(np.asarray(values, np.float64), q))

        dark_mean = _clamp(
            0.5 * pct([m.brightness_mean for m in measures], 10), 12.0, base.dark_mean
        )
        dark_std = _clamp(0.5 * pct([m.brightness_std for m in measures], 10), 4.0, base.dark_std)
        blur_ratio = base.blur_ratio
        ratios = [
            m.normalised_sharpness / ref.normalised_sharpness
            for m in measures[1:]
            if ref.normalised_sharpness > 0
        ]
        if ratios:
            blur_ratio = _clamp(0.5 * pct(ratios, 10), 0.1, base.blur_ratio)
        covered_edges = _clamp(
            0.2 * pct([m.edge_density for m in measures], 10), 0.002, base.covered_edges
        )
        covered_dominant = _clamp(
            pct([m.dominant_fraction for m in measures], 90) + 0.15, base.covered_dominant, 0.9
        )
        frozen_change = base.frozen_change
        if baseline.change is not None:
            frozen_change = _clamp(0.1 * baseline.change, 0.0005, base.frozen_change)
        sway = list(displacements)
        moved_displacement = base.moved_displacement
        if sway:
            moved_displacement = _clamp(2 * pct(sway, 90), base.moved_displacement, 0.15)
        keypoints = len(baseline.features)
        min_inliers = base.moved_min_inliers
        if keypoints < 5 * min_inliers:
            min_inliers = max(10, min(min_inliers, keypoints // 5))
        return replace(
            base,
            dark_mean=dark_mean,
            dark_std=dark_std,
            frozen_change=frozen_change,
            blur_ratio=blur_ratio,
            covered_edges=covered_edges,
            covered_dominant=covered_dominant,
            moved_displacement=moved_displacement,
            moved_min_inliers=min_inliers,
        )


@dataclass(frozen=True)
class Check:
    """The outcome of one check. A *finding* is a check whose status is ``FOUND``.

    ``value`` is what was measured and ``threshold`` the limit it was held against:

    - ``dark``: mean brightness (0-255) against ``dark_mean`` (the spread is in ``details``);
    - ``frozen``: the largest share of pixels that changed between consecutive frames (or,
      from a single frame, the share of signature samples changed since the previous probe)
      against ``frozen_change``;
    - ``blurred``: sharpness as a share of the baseline's (``reason`` "relative"), or the
      normalised sharpness itself without a baseline ("absolute");
    - ``covered``: edge density against ``covered_edges`` (the dominant colour in ``details``);
    - ``moved``: the displacement (share of the frame width) against ``moved_displacement``;
      when inconclusive, the agreeing matches against ``moved_min_inliers``.

    ``reason`` tells which sentence describes it; ``details`` carries the other numbers the
    sentence quotes. ``message`` builds that sentence in the active language when read, so a
    stored check can be shown in Ukrainian or English later.
    """

    code: str
    status: Status
    value: float | None = None
    threshold: float | None = None
    severity: Severity | None = None
    reason: str = ""
    details: Mapping[str, float] = field(default_factory=dict)

    @property
    def message(self) -> str:
        return describe(self)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "status": str(self.status),
            "value": self.value,
            "threshold": self.threshold,
            "severity": None if self.severity is None else str(self.severity),
            "reason": self.reason,
            "details": dict(self.details),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Check:
        severity = data.get("severity")
        return cls(
            code=str(data["code"]),
            status=Status(data["status"]),
            value=data.get("value"),
            threshold=data.get("threshold"),
            severity=None if severity is None else Severity(severity),
            reason=str(data.get("reason", "")),
            details=dict(data.get("details", {})),
        )


@dataclass(frozen=True, eq=False)
class Assessment:
    """The health of one probe's frames.

    ``checks`` has one entry per code, in the order of ``CODES``; ``measure`` is the field-wise
    median of the frames' measures; ``change`` the largest share of pixels that changed between
    consecutive frames; ``signature`` the last frame's signature, to pass as ``previous`` to the
    next probe; ``registration`` how the last frame lines up with the baseline (if it was tried).
    """

    checks: tuple[Check, ...]
    measure: FrameMeasure
    frames: int
    change: float | None
    signature: FrameSignature
    registration: Registration | None = None

    @property
    def findings(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.status is Status.FOUND)

    @property
    def codes(self) -> frozenset[str]:
        """The codes of the findings."""
        return frozenset(c.code for c in self.findings)

    @property
    def healthy(self) -> bool:
        return not self.findings

    @property
    def severity(self) -> Severity | None:
        """The worst severity among the findings."""
        severities = {c.severity for c in self.findings}
        if Severity.CRITICAL in severities:
            return Severity.CRITICAL
        return Severity.WARNING if severities else None

    def check(self, code: str) -> Check:
        return next(c for c in self.checks if c.code == code)

    def to_dict(self) -> dict[str, Any]:
        """JSON-able measurements and checks, for storing with the probe."""
        return {
            "frames": self.frames,
            "change": self.change,
            "measure": self.measure.to_dict(),
            "checks": [c.to_dict() for c in self.checks],
            "registration": None if self.registration is None else self.registration.to_dict(),
            "signature": self.signature.to_dict(),
        }


def assess(
    frames: Iterable[np.ndarray],
    baseline: Baseline | None = None,
    thresholds: Thresholds | None = None,
    previous: FrameSignature | None = None,
) -> Assessment:
    """Assess a few consecutive frames from one probe of one camera.

    ``baseline`` and ``thresholds`` are the camera's own (``Thresholds.calibrated``), or None
    for the defaults; ``previous`` is the ``signature`` of the previous probe's assessment.
    Each frame costs about a millisecond; the "moved" check adds ORB on the last frame only.
    """
    analysed = [Frame(f) for f in frames]
    if not analysed:
        raise ValueError("assess() needs at least one frame")
    t = thresholds or Thresholds()
    measure = FrameMeasure.median([a.measure for a in analysed])
    signature = analysed[-1].signature()
    changes = [b.changed_share(a) for a, b in pairwise(analysed)]
    change = max(changes) if changes else None

    dark = _dark(measure, t)
    blocked = DARK if dark.status is Status.FOUND else ""
    covered = _covered(measure, t, blocked)
    blocked = blocked or (COVERED if covered.status is Status.FOUND else "")
    frozen = _frozen(len(analysed), change, signature, previous, t, dark)
    blurred = _blurred(measure, baseline, t, blocked)
    # Points matched on a blurred picture are too few and too loose to claim a move from
    # (over RTSP a blurred view was once also found "moved"): the blur is the finding.
    moved_blocked = blocked or (BLURRED if blurred.status is Status.FOUND else "")
    moved, registration = _moved(analysed[-1], baseline, t, moved_blocked)
    return Assessment(
        checks=(dark, frozen, blurred, covered, moved),
        measure=measure,
        frames=len(analysed),
        change=change,
        signature=signature,
        registration=registration,
    )


def _ok(code: str, value: float, limit: float, reason: str = "", **details: float) -> Check:
    return Check(code, Status.OK, value, limit, None, reason, details)


def _found(
    code: str, value: float, limit: float, severity: Severity, reason: str = "", **details: float
) -> Check:
    return Check(code, Status.FOUND, value, limit, severity, reason, details)


def _not_checked(code: str, reason: str, **details: float) -> Check:
    return Check(code, Status.NOT_CHECKED, reason=reason, details=details)


def _dark(m: FrameMeasure, t: Thresholds) -> Check:
    mean, spread = m.brightness_mean, m.brightness_std
    details = {
        "mean": mean,
        "spread": spread,
        "mean_limit": t.dark_mean,
        "spread_limit": t.dark_std,
    }
    if not (mean < t.dark_mean and spread < t.dark_std):
        return _ok(DARK, mean, t.dark_mean, **details)
    if mean < t.dark_mean / 2 and spread < t.dark_std / 2:
        return _found(DARK, mean, t.dark_mean, Severity.CRITICAL, "black", **details)
    return _found(DARK, mean, t.dark_mean, Severity.WARNING, "dim", **details)


def _covered(m: FrameMeasure, t: Thresholds, blocked: str) -> Check:
    b, g, r = m.dominant_colour
    details = {
        "edges": m.edge_density,
        "share": m.dominant_fraction,
        "share_limit": t.covered_dominant,
        "b": b,
        "g": g,
        "r": r,
    }
    if blocked:
        return _not_checked(COVERED, blocked, **details)
    if m.edge_density < t.covered_edges and m.dominant_fraction >= t.covered_dominant:
        return _found(COVERED, m.edge_density, t.covered_edges, Severity.CRITICAL, **details)
    return _ok(COVERED, m.edge_density, t.covered_edges, **details)


def _frozen(
    count: int,
    change: float | None,
    signature: FrameSignature,
    previous: FrameSignature | None,
    t: Thresholds,
    dark: Check,
) -> Check:
    """Frozen within the probe is a warning (a camera may repeat frames for a moment);
    frozen and identical to the previous probe's picture is critical."""
    if dark.status is Status.FOUND:
        return _not_checked(FROZEN, DARK)
    limit = t.frozen_change
    since = signature.changed_share(previous) if previous is not None else None
    details = {"frames": count}
    if since is not None:
        details["since_previous"] = since
    same_as_before = since is not None and since < limit
    if change is None:  # a single frame: only the previous probe can tell
        if since is None:
            return _not_checked(FROZEN, "single", **details)
        if same_as_before:
            return _found(FROZEN, since, limit, Severity.CRITICAL, "same_as_before", **details)
        return _ok(FROZEN, since, limit, "changed_since", **details)
    if same_as_before:
        # The same picture a whole probe interval later: frozen, even where a video encoder's
        # start-up makes consecutive frames of a frozen source differ a little (H.264 after a
        # keyframe), which a live scene never does over that time.
        reason = "persisting" if change < limit else "same_as_before"
        return _found(FROZEN, since, limit, Severity.CRITICAL, reason, **details)
    if change >= limit:
        return _ok(FROZEN, change, limit, **details)
    return _found(FROZEN, change, limit, Severity.WARNING, "still", **details)


def _blurred(m: FrameMeasure, baseline: Baseline | None, t: Thresholds, blocked: str) -> Check:
    if blocked:
        return _not_checked(BLURRED, blocked)
    details = {"sharpness": m.sharpness, "normalised": m.normalised_sharpness}
    reference = baseline.measure.normalised_sharpness if baseline is not None else 0.0
    if reference > 0:
        value, limit, reason = m.normalised_sharpness / reference, t.blur_ratio, "relative"
    else:
        value, limit, reason = m.normalised_sharpness, t.blur_floor, "absolute"
    if value >= limit:
        return _ok(BLURRED, value, limit, reason, **details)
    severity = Severity.CRITICAL if value < limit / 3 else Severity.WARNING
    return _found(BLURRED, value, limit, severity, reason, **details)


def _moved(
    frame: Frame, baseline: Baseline | None, t: Thresholds, blocked: str
) -> tuple[Check, Registration | None]:
    if baseline is None or len(baseline.features) < t.moved_min_inliers:
        return _not_checked(MOVED, "no_reference"), None
    if blocked:
        return _not_checked(MOVED, blocked), None
    needed = t.moved_min_inliers
    reg = register(Features.detect(frame.grey), baseline.features, min_matches=needed)
    details = {
        "keypoints": reg.keypoints,
        "matches": reg.matches,
        "inliers": reg.inliers,
        "needed": needed,
    }
    if reg.inliers < needed:
        if reg.keypoints < 2 * needed:
            reason = "few_features"
        elif reg.matches < needed:
            reason = "few_matches"
        else:
            reason = "disagreeing"
        check = Check(MOVED, Status.INCONCLUSIVE, reg.inliers, needed, None, reason, details)
        return check, reg
    details.update(dx=reg.shift[0], dy=reg.shift[1], rotation=reg.rotation, scale=reg.scale)
    limit = t.moved_displacement
    if reg.displacement < limit:
        return _ok(MOVED, reg.displacement, limit, **details), reg
    severity = Severity.CRITICAL if reg.displacement >= 3 * limit else Severity.WARNING
    return _found(MOVED, reg.displacement, limit, severity, **details), reg
