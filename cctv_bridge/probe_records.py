"""From a probe's result to a camera's status, its incidents and its daily uptime.

One probe row per probe; the status changes only here, inside one transaction with the camera
row locked, so two probes of one camera finishing together cannot open two incidents.

- A camera that answers with a healthy picture is *online*; with findings (dark, frozen,
  blurred, covered, moved) or a stream that stalled after some frames, *degraded*.
- A camera that does not answer is *offline* after ``OFFLINE_AFTER`` failed probes in a row
  (one failure is confirmed by a quick re-probe, see ``tasks.probe_camera``), so one lost
  packet does not open an incident, and an outage still shows within two probe intervals.
- During an announced maintenance window the camera is *maintenance*: no incident, no alert.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from cctv_bridge.models import Camera, DailyUptime, Incident, Probe, Snapshot

OFFLINE_AFTER = 2
#: A stored snapshot is renewed this often (and at every status change), if the passport
#: allows storing images at all.
SNAPSHOT_EVERY = datetime.timedelta(minutes=10)
TROUBLE = {Camera.Status.OFFLINE, Camera.Status.DEGRADED}


def new_status(camera: Camera, result, assessment, maintenance: bool) -> tuple[str, dict]:
    """The status this probe implies and what it is based on."""
    if maintenance:
        return Camera.Status.MAINTENANCE, {}
    if result.reachable:
        detail: dict = {}
        if assessment is not None and assessment.findings:
            detail["findings"] = [check.to_dict() for check in assessment.findings]
        if result.error:  # some frames, then the stream stalled
            detail["error"] = result.error
        return (Camera.Status.DEGRADED if detail else Camera.Status.ONLINE), detail
    if camera.failures + 1 >= OFFLINE_AFTER or camera.status == Camera.Status.OFFLINE:
        return Camera.Status.OFFLINE, {"error": result.error or "unreachable"}
    return camera.status, camera.status_detail  # not confirmed yet


def codes_of(detail: dict) -> list[str]:
    codes = [finding["code"] for finding in detail.get("findings", [])]
    if error := detail.get("error"):
        codes.append(error)
    return codes


def record_probe(
    camera_id: int,
    result,
    assessment=None,
    *,
    at: datetime.datetime | None = None,
    jpeg: bytes | None = None,
) -> Probe:
    """Store one probe of one camera and move its status, incidents and roll-up."""
    at = at or timezone.now()
    with transaction.atomic():
        camera = Camera.objects.select_for_update().get(pk=camera_id)
        maintenance = camera.in_maintenance(at)
        status, detail = new_status(camera, result, assessment, maintenance)
        probe = Probe.objects.create(
            camera=camera,
            at=at,
            reachable=result.reachable,
            error=result.error or "",
            first_frame_seconds=result.time_to_first_frame,
            width=result.resolution[0] if result.resolution else None,
            height=result.resolution[1] if result.resolution else None,
            fps=result.fps,
            duration=result.elapsed,
            status=status,
            findings=sorted(assessment.codes) if assessment is not None else [],
            measures=assessment_measures(assessment),
        )
        roll_up(
            camera,
            at,
            status,
            up=result.reachable,
            healthy=result.ok and bool(assessment and assessment.healthy),
        )
        changed = status != camera.status
        if changed:
            change_status(camera, status, detail, at)
        elif status in TROUBLE and detail != camera.status_detail:
            # Still degraded, for other reasons now: the open incident says so.
            Incident.objects.filter(camera=camera, ended_at__isnull=True).update(
                detail=detail, codes=sorted(set(codes_of(detail)))
            )
        camera.status_detail = detail
        camera.last_probe_at = at
        if result.reachable:
            camera.failures = 0
            camera.down_since = None
            camera.last_seen_at = at
        else:
            camera.failures += 1
            camera.down_since = camera.down_since or at
        if assessment is not None:
            camera.last_signature = assessment.signature.to_dict()
        camera.save(
            update_fields=[
                "status",
                "status_detail",
                "status_since",
                "last_probe_at",
                "last_seen_at",
                "failures",
                "down_since",
                "last_signature",
            ]
        )
        if jpeg and camera.retention_days and (changed or snapshot_due(camera, at)):
            height, width = result.resolution[1], result.resolution[0]
            Snapshot.objects.create(
                camera=camera, taken_at=at, image=jpeg, width=width, height=height
            )
    return probe


def assessment_measures(assessment) -> dict:
    if assessment is None:
        return {}
    data = assessment.to_dict()
    data.pop("signature", None)  # kept on the camera; not needed per probe
    return data


def change_status(camera: Camera, status: str, detail: dict, at: datetime.datetime) -> None:
    """Close the open incident, open one for a troubled status (from the first failure)."""
    Incident.objects.filter(camera=camera, ended_at__isnull=True).update(ended_at=at)
    if status in TROUBLE:
        started = camera.down_since if status == Camera.Status.OFFLINE and camera.down_since else at
        try:
            with transaction.atomic():
                Incident.objects.create(
                    camera=camera,
                    status=status,
                    detail=detail,
                    codes=sorted(set(codes_of(detail))),
                    started_at=started,
                )
        except IntegrityError:  # pragma: no cover - the row lock makes this unreachable
            pass
    camera.status = status
    camera.status_since = at


def roll_up(camera: Camera, at: datetime.datetime, status: str, *, up: bool, healthy: bool) -> None:
    """Count the probe in the camera's row for the day (Kyiv time). Uptime counts probes the
    camera answered, whether or not its picture was healthy; maintenance is left out of it."""
    day = timezone.localdate(at)
    DailyUptime.objects.get_or_create(camera=camera, day=day)
    DailyUptime.objects.filter(camera=camera, day=day).update(
        probes=F("probes") + 1,
        up=F("up") + (1 if up and status != Camera.Status.MAINTENANCE else 0),
        healthy=F("healthy") + (1 if healthy and status == Camera.Status.ONLINE else 0),
        maintenance=F("maintenance") + (1 if status == Camera.Status.MAINTENANCE else 0),
    )


def snapshot_due(camera: Camera, at: datetime.datetime) -> bool:
    latest = Snapshot.objects.filter(camera=camera).order_by("-taken_at").values("taken_at").first()
    return latest is None or at - latest["taken_at"] >= SNAPSHOT_EVERY
