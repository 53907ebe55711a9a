"""What the duty volunteer's console shows, computed once for the page and for each refresh:
every camera with its problem first, the counts per state, open incidents and who is on duty.

The cost does not grow with the number of cameras: one query for the cameras (with their
latest snapshot and recent incidents), one for the open incidents, one for the shifts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cctv_bridge import flapping
from cctv_bridge.describe import describe_detail
from cctv_bridge.models import Camera, DutyShift, Incident, Snapshot

#: Console states, most urgent first. "unstable" is a camera that answers now but keeps going
#: down and coming back (cctv_bridge.flapping): as urgent as a degraded picture.
STATES = {
    "offline": (0, Camera.Status.OFFLINE.label, "✕"),
    "degraded": (1, Camera.Status.DEGRADED.label, "⚠"),
    "unstable": (1, _("Unstable"), "↯"),
    "unknown": (2, Camera.Status.UNKNOWN.label, "?"),
    "maintenance": (3, Camera.Status.MAINTENANCE.label, "⚒"),
    "online": (4, Camera.Status.ONLINE.label, "✓"),
}
#: With no probe result for this long, the states shown may be out of date: the probes (the
#: scheduler or the workers) have stopped.
PROBES_LATE_AFTER = datetime.timedelta(minutes=5)


def refresh_seconds() -> int:
    return max(int(settings.CCTV_CONSOLE_REFRESH_SECONDS), 2)


def console_state(camera: Camera) -> str:
    """The camera's row state: its status, except a flapping camera that answers now."""
    if camera.status == Camera.Status.ONLINE and camera.unstable:
        return "unstable"
    return camera.status


def problem_order(camera: Camera) -> tuple:
    """Sort key: most urgent state first; within a problem state, the longest-lasting first;
    healthy and maintenance cameras by code."""
    rank = STATES[camera.state][0]
    if rank <= STATES["unknown"][0] and camera.status_since is not None:
        return (rank, 0, camera.status_since.timestamp(), camera.code)
    return (rank, 1, 0.0, camera.code)


@dataclass
class StateCount:
    state: str
    label: str
    icon: str
    count: int


@dataclass
class Board:
    """Everything on the console that changes by itself."""

    generated_at: datetime.datetime
    cameras: list[Camera]
    counts: list[StateCount]
    incidents: list[Incident]
    on_duty: list[DutyShift]
    next_shifts: list[DutyShift]
    last_probe_at: datetime.datetime | None
    probes_late: bool

    @property
    def problems(self) -> int:
        return sum(c.count for c in self.counts if STATES[c.state][0] <= STATES["unstable"][0])


def latest_snapshots():
    return Snapshot.objects.filter(camera=OuterRef("pk")).order_by("-taken_at")


def board(now: datetime.datetime | None = None) -> Board:
    now = now or timezone.now()
    cameras = Camera.objects.select_related("owner").annotate(
        snapshot_id=Subquery(latest_snapshots().values("pk")[:1]),
        snapshot_at=Subquery(latest_snapshots().values("taken_at")[:1]),
    )
    cameras = list(flapping.with_recent_incidents(cameras, now))
    for camera in cameras:
        camera.details = describe_detail(camera.status_detail)
        camera.unstable = camera.flapping_alerted_at is not None or (
            camera.recent_incidents >= settings.CCTV_FLAP_OUTAGES
        )
        camera.state = console_state(camera)
        camera.state_label, camera.state_icon = STATES[camera.state][1:]
        camera.problem_since = camera.status_since if camera.state != "online" else None
    cameras.sort(key=problem_order)
    tally = dict.fromkeys(STATES, 0)
    for camera in cameras:
        tally[camera.state] += 1
    shifts = list(
        DutyShift.objects.filter(
            ends_at__gt=now, starts_at__lt=now + datetime.timedelta(days=2)
        ).select_related("operator")
    )
    probed = [c.last_probe_at for c in cameras if c.active and c.last_probe_at]
    last_probe_at = max(probed) if probed else None
    return Board(
        generated_at=now,
        cameras=cameras,
        counts=[
            StateCount(state, label, icon, tally[state])
            for state, (_rank, label, icon) in STATES.items()
        ],
        incidents=list(
            Incident.objects.filter(ended_at__isnull=True)
            .select_related("camera", "acknowledged_by")
            .order_by("started_at")
        ),
        on_duty=[s for s in shifts if s.starts_at <= now],
        next_shifts=[s for s in shifts if s.starts_at > now][:3],
        last_probe_at=last_probe_at,
        probes_late=any(c.active for c in cameras)
        and (last_probe_at is None or now - last_probe_at > PROBES_LATE_AFTER),
    )


@dataclass
class RosterDay:
    day: datetime.date
    shifts: list[DutyShift]


def roster(now: datetime.datetime | None = None, days: int = 14) -> tuple[list, list]:
    """Today's shifts (also those already over) and the upcoming ones for ``days`` days,
    each marked ``on_duty`` if it is running now; the upcoming ones grouped by day."""
    now = now or timezone.now()
    today_start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    tomorrow = today_start + datetime.timedelta(days=1)
    shifts = list(
        DutyShift.objects.filter(
            ends_at__gt=today_start, starts_at__lt=today_start + datetime.timedelta(days=days)
        )
        .select_related("operator")
        .order_by("starts_at", "ends_at")
    )
    for shift in shifts:
        shift.on_duty = shift.starts_at <= now < shift.ends_at
    today = [s for s in shifts if s.starts_at < tomorrow]
    upcoming: list[RosterDay] = []
    for shift in shifts:
        if shift.starts_at < tomorrow:
            continue
        day = timezone.localtime(shift.starts_at).date()
        if not upcoming or upcoming[-1].day != day:
            upcoming.append(RosterDay(day, []))
        upcoming[-1].shifts.append(shift)
    return today, upcoming
