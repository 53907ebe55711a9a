"""Flapping: a camera that goes down and comes back, again and again.

Each outage is an incident of its own, and a short one never lasts the
``CCTV_ALERT_AFTER_MINUTES`` that alerts whoever is on duty: a camera losing its link every few
minutes would never be reported, and one losing it for six minutes at a time would be reported
every few minutes. What the duty volunteer needs is one message: "this camera is unstable".

* A camera with ``CCTV_FLAP_OUTAGES`` incidents starting within ``CCTV_FLAP_WINDOW_MINUTES``
  is *unstable*; the volunteer on duty gets one flapping alert for it.
* Until it has been stable for ``CCTV_FLAP_QUIET_MINUTES`` (no incident open, none ended in
  that time) no second flapping alert is sent, and its outages alert only once one has lasted
  the whole window: the volunteer already knows, and a camera that is now down for good still
  reaches them. Then the episode is over, and a new series of outages alerts again.

The alert is claimed with a conditional UPDATE of ``Camera.flapping_alerted_at``, as incidents
are with ``alerted_at``: two scheduler ticks or two workers at once send it once.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from cctv_bridge.models import Camera, Incident, Maintenance


def window() -> datetime.timedelta:
    return datetime.timedelta(minutes=settings.CCTV_FLAP_WINDOW_MINUTES)


def quiet_period() -> datetime.timedelta:
    """How long a camera must be stable to end its episode: never shorter than the window, or
    the outages that raised the last alert would raise the next one."""
    return datetime.timedelta(
        minutes=max(settings.CCTV_FLAP_QUIET_MINUTES, settings.CCTV_FLAP_WINDOW_MINUTES)
    )


def with_recent_incidents(cameras: QuerySet[Camera], at: datetime.datetime) -> QuerySet[Camera]:
    """``cameras`` annotated with ``recent_incidents``: how many started in the window."""
    return cameras.annotate(
        recent_incidents=Count(
            "incidents",
            filter=Q(incidents__started_at__gt=at - window(), incidents__started_at__lte=at),
        )
    )


def unstable(at: datetime.datetime) -> QuerySet[Camera]:
    """Cameras flapping at ``at``: enough incidents in the window, or an episode not over."""
    return with_recent_incidents(Camera.objects.all(), at).filter(
        Q(recent_incidents__gte=settings.CCTV_FLAP_OUTAGES) | Q(flapping_alerted_at__isnull=False)
    )


def settle(now: datetime.datetime) -> int:
    """End the episode of each camera stable for the quiet period; return how many."""
    since = now - quiet_period()
    unsettled = Incident.objects.filter(camera=OuterRef("pk")).filter(
        Q(ended_at__isnull=True) | Q(ended_at__gt=since) | Q(started_at__gt=since)
    )
    return (
        Camera.objects.filter(flapping_alerted_at__isnull=False)
        .exclude(Exists(unsettled))
        .update(flapping_alerted_at=None)
    )


def claim(now: datetime.datetime) -> list[int]:
    """Claim the alert of each camera that has become unstable; return the cameras claimed."""
    in_maintenance = Maintenance.objects.filter(
        camera=OuterRef("pk"), starts_at__lte=now, ends_at__gt=now
    )
    candidates = (
        with_recent_incidents(Camera.objects.filter(flapping_alerted_at__isnull=True), now)
        .filter(recent_incidents__gte=settings.CCTV_FLAP_OUTAGES)
        .exclude(Exists(in_maintenance))
        .values_list("pk", flat=True)
    )
    claimed = []
    for camera_id in candidates:
        # The conditional UPDATE is the guard: a second tick or worker finds the camera taken.
        if Camera.objects.filter(pk=camera_id, flapping_alerted_at__isnull=True).update(
            flapping_alerted_at=now
        ):
            claimed.append(camera_id)
    return claimed


def held_back(now: datetime.datetime) -> Q:
    """Incidents whose own alert waits: their camera's flapping alert stands and they have not
    yet lasted the whole window."""
    return Q(camera__flapping_alerted_at__isnull=False, started_at__gt=now - window())


def outages_before(camera: Camera, at: datetime.datetime) -> QuerySet[Incident]:
    """The incidents that made ``camera`` unstable at ``at``, oldest first."""
    return Incident.objects.filter(
        camera=camera, started_at__gt=at - window(), started_at__lte=at
    ).order_by("started_at")
