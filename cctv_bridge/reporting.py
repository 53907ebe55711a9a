"""Uptime from the daily roll-ups, and what the public may see of a camera's state.

The public sees each listed camera as it was ``public_delay_minutes`` ago (the camera's own
setting): a live "this camera is blind now" would advertise a blind spot. Incidents appear
once they are that old; the uptime bars end with yesterday.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Max, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cctv_bridge.models import Camera, DailyUptime, Incident, Maintenance

PERIODS = {"24h": 1, "7d": 7, "30d": 30, "90d": 90}
#: How the periods read on pages.
PERIOD_LABELS = {
    "24h": _("24 hours"),
    "7d": _("7 days"),
    "30d": _("30 days"),
    "90d": _("90 days"),
}


def uptime(camera_ids: list[int], days: int, until: datetime.date | None = None) -> dict:
    """Share of answered probes per camera over ``days`` days ending with ``until`` (today by
    default), maintenance left out; None for a camera without probes in the period."""
    until = until or timezone.localdate()
    since = until - datetime.timedelta(days=days - 1)
    rows = (
        DailyUptime.objects.filter(camera_id__in=camera_ids, day__gte=since, day__lte=until)
        .values("camera_id")
        .annotate(probes=Sum("probes"), up=Sum("up"), maintenance=Sum("maintenance"))
    )
    result = dict.fromkeys(camera_ids)
    for row in rows:
        counted = row["probes"] - row["maintenance"]
        result[row["camera_id"]] = row["up"] / counted if counted else None
    return result


@dataclass
class PublicState:
    camera: Camera
    status: str
    since: datetime.datetime | None
    last_seen: datetime.datetime | None
    as_of: datetime.datetime

    @property
    def status_label(self) -> str:
        return Camera.Status(self.status).label


def public_state(camera: Camera, now: datetime.datetime | None = None) -> PublicState:
    """The camera's state as of its public delay, from incidents and maintenance windows."""
    return public_states([camera], now)[0]


def public_states(cameras: list[Camera], now: datetime.datetime | None = None) -> list[PublicState]:
    """Each camera's state as of its own public delay, in three queries whatever their number.

    Every camera is seen at ``now`` minus its delay, so the queries ask for what any of those
    moments needs (from the longest delay ago on) and each camera picks its own in Python:
    the incident and maintenance under way at its moment, else when its last incident ended.
    """
    now = now or timezone.now()
    if not cameras:
        return []
    as_of = {c.pk: now - datetime.timedelta(minutes=c.public_delay_minutes) for c in cameras}
    earliest, latest = min(as_of.values()), max(as_of.values())
    recent = defaultdict(list)  # under way at some camera's moment, or ended since the earliest
    for incident in Incident.objects.filter(camera__in=cameras, started_at__lte=latest).filter(
        Q(ended_at__isnull=True) | Q(ended_at__gt=earliest)
    ):
        recent[incident.camera_id].append(incident)
    ended_before = dict(
        Incident.objects.filter(camera__in=cameras, ended_at__lte=earliest)
        .values("camera_id")
        .annotate(last=Max("ended_at"))
        .values_list("camera_id", "last")
    )
    windows = defaultdict(list)
    for window in Maintenance.objects.filter(
        camera__in=cameras, starts_at__lte=latest, ends_at__gt=earliest
    ):
        windows[window.camera_id].append(window)
    return [
        state_as_of(
            camera,
            as_of[camera.pk],
            recent[camera.pk],
            ended_before.get(camera.pk),
            windows[camera.pk],
        )
        for camera in cameras
    ]


def state_as_of(
    camera: Camera,
    as_of: datetime.datetime,
    incidents: list[Incident],
    ended_before: datetime.datetime | None,
    windows: list[Maintenance],
) -> PublicState:
    """One camera's public state at ``as_of`` from its incidents and maintenance windows around
    that moment, and the last end of an incident before them."""
    last_seen = camera.last_seen_at
    if last_seen and last_seen > as_of:
        last_seen = as_of
    maintenance = next((w for w in windows if w.starts_at <= as_of < w.ends_at), None)
    if maintenance:
        return PublicState(
            camera, Camera.Status.MAINTENANCE, maintenance.starts_at, last_seen, as_of
        )
    ongoing = [
        i for i in incidents if i.started_at <= as_of and (i.ended_at is None or i.ended_at > as_of)
    ]
    if ongoing:
        incident = max(ongoing, key=lambda i: i.started_at)
        return PublicState(camera, incident.status, incident.started_at, last_seen, as_of)
    if camera.last_probe_at is None or camera.last_seen_at is None:
        return PublicState(camera, Camera.Status.UNKNOWN, None, last_seen, as_of)
    ends = [i.ended_at for i in incidents if i.ended_at is not None and i.ended_at <= as_of]
    if ended_before is not None:
        ends.append(ended_before)
    return PublicState(camera, Camera.Status.ONLINE, max(ends, default=None), last_seen, as_of)


def public_incidents(cameras: list[Camera], now: datetime.datetime | None = None, days: int = 90):
    """Incidents the public may see: started at least the camera's delay ago; an incident that
    ended within the delay still shows as ongoing."""
    now = now or timezone.now()
    shown = []
    for incident in (
        Incident.objects.filter(
            camera__in=cameras, started_at__gte=now - datetime.timedelta(days=days)
        )
        .select_related("camera")
        .order_by("-started_at")
    ):
        as_of = now - datetime.timedelta(minutes=incident.camera.public_delay_minutes)
        if incident.started_at > as_of:
            continue
        ended = incident.ended_at if incident.ended_at and incident.ended_at <= as_of else None
        shown.append({"incident": incident, "ended_at": ended, "camera": incident.camera})
    return shown


def overall(states: list[PublicState]) -> str:
    """The network's status: online when every listed camera is, else the worst there is."""
    statuses = {state.status for state in states}
    for worst in (Camera.Status.OFFLINE, Camera.Status.DEGRADED, Camera.Status.MAINTENANCE):
        if worst in statuses:
            return worst
    return Camera.Status.ONLINE if statuses == {Camera.Status.ONLINE} else Camera.Status.UNKNOWN
