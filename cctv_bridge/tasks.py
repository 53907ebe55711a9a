"""The camera jobs: probes spread over each minute, confirmation re-probes, commissioning,
calibration, retention and duty alerts.

Only ids travel through the broker (never a URL). Probe jobs are not retried: the next
scheduled probe is the retry, and a retried probe would count a failure twice.
"""

from __future__ import annotations

import datetime
import hashlib
import logging
from typing import NamedTuple

import dramatiq
from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from dramatiq_crontab import cron

logger = logging.getLogger(__name__)

PROBE_QUEUE = "probes"
#: A failed probe is checked again this soon, so an outage is confirmed well within two
#: probe intervals instead of waiting for the next scheduled probe.
CONFIRM_AFTER_MS = 15_000


# The capture keeps its own deadline (CCTV_PROBE_DEADLINE); the time limit only catches a
# worker stuck somewhere else.
@dramatiq.actor(queue_name=PROBE_QUEUE, max_retries=0, time_limit=10 * 60 * 1000)
def probe_camera(camera_id: int, confirming: bool = False) -> None:
    probe_and_confirm(camera_id, confirming=confirming)


def probe_and_confirm(
    camera_id: int, *, confirming: bool = False, at: datetime.datetime | None = None
) -> None:
    """What a probe job does: probe the camera and, after a first failure, send the
    confirmation re-probe (which never asks for another). ``at`` is when the probe counts as
    taken, for drills that replay hours of a camera's life; jobs leave it to the clock."""
    from cctv_bridge.models import Camera
    from cctv_bridge.probing import probe

    camera = Camera.objects.filter(pk=camera_id, active=True).first()
    if camera is None:
        return
    probe(camera, at=at)
    camera.refresh_from_db(fields=["failures"])
    if camera.failures == 1 and not confirming:
        probe_camera.send_with_options(
            args=(camera_id,), kwargs={"confirming": True}, delay=CONFIRM_AFTER_MS
        )


def offsets_ms(camera_id: int, interval: int, minute: int | None = None) -> list[int]:
    """When, within minute number ``minute`` (since the epoch; default: the coming one), a
    camera probed every ``interval`` seconds is probed, in ms from the minute's start.

    A stable per-camera jitter spreads the cameras over their interval, so a thousand cameras
    do not all connect at second zero, and a camera keeps its rhythm from minute to minute.
    """
    interval_ms = max(10, interval) * 1000
    jitter = int(hashlib.sha256(str(camera_id).encode()).hexdigest()[:8], 16) % interval_ms
    if minute is None:
        minute = int(timezone.now().timestamp() // 60)
    start = minute * 60_000
    first = jitter + -(-(start - jitter) // interval_ms) * interval_ms  # first probe ≥ start
    return list(range(first - start, 60_000, interval_ms))


@cron("* * * * *")
@dramatiq.actor(queue_name="default", max_retries=0)
def schedule_probes() -> None:
    """Send this minute's probes, each with its delay inside the minute."""
    from cctv_bridge.models import Camera

    for camera_id, interval in Camera.objects.filter(active=True).values_list(
        "pk", "probe_interval"
    ):
        for delay in offsets_ms(camera_id, interval):
            probe_camera.send_with_options(args=(camera_id,), delay=delay or None)


@dramatiq.actor(queue_name=PROBE_QUEUE, max_retries=3)
def commission_camera(camera_id: int) -> None:
    """Take the camera's reference picture (a refusal is logged, not retried forever)."""
    from cctv_bridge.models import Camera
    from cctv_bridge.probing import CommissioningRefused, take_baseline

    camera = Camera.objects.filter(pk=camera_id).first()
    if camera is None:
        return
    try:
        take_baseline(camera)
    except CommissioningRefused as refusal:
        logger.warning("camera %s not commissioned: %s", camera.code, refusal)


@cron("17 3 * * *")
@dramatiq.actor(queue_name="default", max_retries=0)
def recalibrate_cameras() -> None:
    from cctv_bridge.models import Camera
    from cctv_bridge.probing import calibrate

    for camera in Camera.objects.filter(active=True).exclude(baseline=None):
        calibrate(camera)


@cron("23 * * * *")
@dramatiq.actor(queue_name="default", max_retries=3)
def apply_retention() -> None:
    from cctv_bridge.retention import apply_retention as apply

    apply()


@cron("* * * * *")
@dramatiq.actor(queue_name="default", max_retries=0)
def alert_duty() -> None:
    """Alert whoever is on duty about long outages and flapping cameras, once each."""
    send_duty_alerts(timezone.now())


class DutyAlerts(NamedTuple):
    """What one tick claimed and sent: incidents (long outages) and cameras (flapping)."""

    incidents: list[int]
    cameras: list[int]


def send_duty_alerts(now: datetime.datetime) -> DutyAlerts:
    """One tick of the duty alerts as of ``now``: an incident open longer than
    CCTV_ALERT_AFTER_MINUTES alerts whoever is on duty once; a flapping camera alerts once per
    episode and holds back its outages' own alerts meanwhile (``cctv_bridge.flapping``)."""
    from cctv_bridge import flapping
    from cctv_bridge.models import DutyShift, Incident

    flapping.settle(now)
    if not DutyShift.objects.filter(starts_at__lte=now, ends_at__gt=now).exists():
        return DutyAlerts([], [])  # nobody to tell yet: the first shift to start gets the alert
    overdue = (
        Incident.objects.filter(
            ended_at__isnull=True,
            alerted_at__isnull=True,
            started_at__lte=now - datetime.timedelta(minutes=settings.CCTV_ALERT_AFTER_MINUTES),
        )
        .exclude(
            Q(camera__maintenance_windows__starts_at__lte=now)
            & Q(camera__maintenance_windows__ends_at__gt=now)
        )
        .exclude(flapping.held_back(now))
    )
    incidents = []
    for incident_id in overdue.values_list("pk", flat=True):
        # Claiming the incident is the guard: a second scheduler tick or a retry finds it taken.
        claimed = Incident.objects.filter(pk=incident_id, alerted_at__isnull=True).update(
            alerted_at=now
        )
        if claimed:
            incidents.append(incident_id)
            send_duty_alert.send(incident_id)
    cameras = flapping.claim(now)
    for camera_id in cameras:
        send_flapping_alert.send(camera_id)
    return DutyAlerts(incidents, cameras)


@dramatiq.actor(queue_name="default", max_retries=5)
def send_duty_alert(incident_id: int) -> None:
    from cctv_bridge.alerts import mail_duty

    mail_duty(incident_id)


@dramatiq.actor(queue_name="default", max_retries=5)
def send_flapping_alert(camera_id: int) -> None:
    from cctv_bridge.alerts import mail_flapping

    mail_flapping(camera_id)
