"""One probe of one camera: grab a few frames, judge their health, record the result.

Also commissioning (the baseline a camera's later pictures are compared with) and calibration
(thresholds from the camera's own healthy history). The URL is decrypted only here, and only
for the duration of the probe.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.utils import timezone

from cctv_bridge.analysis import (
    Baseline,
    FrameMeasure,
    FrameSignature,
    Thresholds,
    assess,
    limit_opencv_threads,
)
from cctv_bridge.capture import grab
from cctv_bridge.capture.pictures import snapshot_jpeg
from cctv_bridge.capture.results import CaptureResult
from cctv_bridge.models import Camera, Probe
from cctv_bridge.probe_records import record_probe
from cctv_bridge.stream_vault import StreamKeyError

logger = logging.getLogger(__name__)

#: Healthy probes used to calibrate a camera's thresholds.
CALIBRATION_PROBES = 500
#: A camera is calibrated once it has this many healthy probes.
CALIBRATION_MINIMUM = 30


def capture_frames(camera: Camera, frames: int | None = None) -> CaptureResult:
    """Grab ``frames`` frames (the configured number by default) from ``camera`` with the
    configured timeouts; ``no_address`` when its stream URL cannot be decrypted."""
    try:
        url = camera.stream_url
    except StreamKeyError:
        logger.error(
            "camera %s: the stream URL cannot be decrypted (CCTV_STREAM_KEYS)", camera.code
        )
        return CaptureResult(
            kind=camera.source, reachable=False, error="no_address", message="key mismatch"
        )
    return grab(
        url,
        camera.source,
        frames=frames or settings.CCTV_PROBE_FRAMES,
        open_timeout=settings.CCTV_OPEN_TIMEOUT,
        read_timeout=settings.CCTV_READ_TIMEOUT,
        deadline=settings.CCTV_PROBE_DEADLINE,
    )


def thresholds_for(camera: Camera) -> Thresholds:
    """The calibrated thresholds (or the defaults), with the office's overrides on top."""
    base = Thresholds.from_dict(camera.calibration) if camera.calibration else Thresholds()
    if not camera.thresholds:
        return base
    return Thresholds.from_dict({**base.to_dict(), **camera.thresholds})


def probe(camera: Camera, *, at: datetime.datetime | None = None) -> Probe:
    """Probe ``camera`` now and record what was seen, as of ``at`` if given (drills replaying
    time; the capture itself is always real)."""
    limit_opencv_threads()  # process-wide and idempotent: a probe worker runs many at once
    result = capture_frames(camera)
    assessment = None
    jpeg = None
    if result.frames:
        baseline = Baseline.from_dict(camera.baseline) if camera.baseline else None
        previous = (
            FrameSignature.from_dict(camera.last_signature) if camera.last_signature else None
        )
        assessment = assess(result.frames, baseline, thresholds_for(camera), previous)
        if camera.retention_days:
            jpeg = snapshot_jpeg(result.frames[-1])
    return record_probe(camera.pk, result, assessment, at=at or timezone.now(), jpeg=jpeg)


class CommissioningRefused(Exception):
    """The picture is not healthy enough to be a reference (dark, covered, frozen…)."""


def take_baseline(camera: Camera, frames: int = 8) -> Baseline:
    """Commission ``camera``: its current healthy picture becomes the reference."""
    result = capture_frames(camera, frames=frames)
    if not result.frames:
        raise CommissioningRefused(f"no picture ({result.error})")
    assessment = assess(result.frames)
    if not assessment.healthy:
        raise CommissioningRefused("the picture is not healthy: " + ", ".join(assessment.codes))
    baseline = Baseline.from_frames(result.frames)
    Camera.objects.filter(pk=camera.pk).update(
        baseline=baseline.to_dict(), baseline_taken_at=timezone.now(), calibration=None
    )
    return baseline


def calibrate(camera: Camera) -> Thresholds | None:
    """Thresholds from the baseline and the camera's own recent healthy probes."""
    if not camera.baseline:
        return None
    healthy = Probe.objects.filter(
        camera=camera, status=Camera.Status.ONLINE, reachable=True, findings=[]
    ).order_by("-at")[:CALIBRATION_PROBES]
    measures, displacements = [], []
    for measures_json in healthy.values_list("measures", flat=True):
        if measure := measures_json.get("measure"):
            measures.append(FrameMeasure.from_dict(measure))
        registration = measures_json.get("registration") or {}
        if registration.get("displacement") is not None:
            displacements.append(registration["displacement"])
    if len(measures) < CALIBRATION_MINIMUM:
        return None
    thresholds = Thresholds.calibrated(
        Baseline.from_dict(camera.baseline), measures, displacements=displacements
    )
    Camera.objects.filter(pk=camera.pk).update(calibration=thresholds.to_dict())
    return thresholds
