"""The public state of the whole camera network, worked out once per
``CCTV_STATUS_CACHE_SECONDS`` and shared by the status page (both languages, every page of it),
the JSON API and the home page's summary.

It is plain data (no model instances, no stream URL: the queries do not even load that column),
so it is small to keep in the cache and cannot leak what the public must not see. It is rebuilt
by one request when it expires while the others serve the previous copy (``stale_cache``), in a
fixed number of queries whatever the number of cameras.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from cctv_bridge.models import Camera, Incident, Maintenance
from cctv_bridge.reporting import overall, public_states
from cctv_bridge.stale_cache import Stamped, shared
from cctv_bridge.uptime_history import daily_shares
from cms.texts import LocalizedText, localized

SNAPSHOT_KEY = "cctv:public-snapshot"
#: Problems first, the longest first within each state: what a duty volunteer looks for.
STATUS_ORDER = (
    Camera.Status.OFFLINE,
    Camera.Status.DEGRADED,
    Camera.Status.UNKNOWN,
    Camera.Status.MAINTENANCE,
    Camera.Status.ONLINE,
)
PROBLEMS = frozenset(STATUS_ORDER[:-1])
#: What the public pages read of a camera (never the stream URL, the passport or calibration).
PUBLIC_FIELDS = (
    "code",
    "name_uk",
    "name_en",
    "address_uk",
    "address_en",
    "latitude",
    "longitude",
    "public_delay_minutes",
    "last_probe_at",
    "last_seen_at",
)
#: Past incidents shown (the page and the API list the current ones and this many of the rest).
PAST_INCIDENTS = 30


@dataclass(frozen=True)
class CameraState:
    """One listed camera as the public sees it."""

    pk: int
    code: str
    name_uk: str
    name_en: str
    address_uk: str
    address_en: str
    latitude: float | None
    longitude: float | None
    status: str
    since_ts: float | None
    last_seen_ts: float | None
    as_of_ts: float
    #: Share up per period of ``reporting.PERIODS`` (ending yesterday), None without probes.
    uptime: dict[str, float | None] = field(default_factory=dict)

    @property
    def name(self) -> LocalizedText:
        return localized(self, "name")

    @property
    def since(self) -> datetime.datetime | None:
        return aware(self.since_ts)

    @property
    def last_seen(self) -> datetime.datetime | None:
        return aware(self.last_seen_ts)

    @property
    def as_of(self) -> datetime.datetime:
        return aware(self.as_of_ts)

    @property
    def address(self) -> LocalizedText:
        return localized(self, "address")

    @property
    def status_label(self) -> str:
        return Camera.Status(self.status).label

    @property
    def problem(self) -> bool:
        return self.status in PROBLEMS


@dataclass(frozen=True)
class PublicIncident:
    pk: int
    camera_code: str
    name_uk: str
    name_en: str
    status: str
    codes: list[str]
    started_ts: float
    #: None while it is under way as of the camera's public delay.
    ended_ts: float | None

    @property
    def started_at(self) -> datetime.datetime:
        return aware(self.started_ts)

    @property
    def ended_at(self) -> datetime.datetime | None:
        return aware(self.ended_ts)

    @property
    def camera_name(self) -> LocalizedText:
        return localized(self, "name")

    @property
    def status_label(self) -> str:
        return Camera.Status(self.status).label


@dataclass(frozen=True)
class PublicMaintenance:
    name_uk: str
    name_en: str
    starts_ts: float
    ends_ts: float
    note_uk: str
    note_en: str

    @property
    def starts_at(self) -> datetime.datetime:
        return aware(self.starts_ts)

    @property
    def ends_at(self) -> datetime.datetime:
        return aware(self.ends_ts)

    @property
    def camera_name(self) -> LocalizedText:
        return localized(self, "name")


@dataclass(frozen=True)
class Snapshot:
    built_ts: float
    #: Every listed camera, problems first (``STATUS_ORDER``), the longest problem first.
    cameras: list[CameraState]
    #: Under way as of each camera's delay, newest first.
    current: list[PublicIncident]
    #: The latest ``PAST_INCIDENTS`` that ended (as of each camera's delay), newest first.
    past: list[PublicIncident]
    maintenance: list[PublicMaintenance]
    #: (status, number of cameras) for every state some camera is in, problems first.
    state_counts: list[tuple[str, int]]
    overall_status: str | None
    #: Positions in ``cameras`` in the order of the cameras' codes (the API's stable order).
    by_code: list[int] = field(default_factory=list)

    @property
    def overall(self) -> Camera.Status | None:
        return Camera.Status(self.overall_status) if self.overall_status else None

    def counts(self) -> list[tuple[str, int]]:
        return list(self.state_counts)


def moment(value: datetime.datetime | None) -> float | None:
    """A time as POSIX seconds: a snapshot of a thousand cameras unpickles in a quarter of the
    time it takes with datetime objects (which only the shown rows need)."""
    return value.timestamp() if value is not None else None


def aware(seconds: float | None) -> datetime.datetime | None:
    if seconds is None:
        return None
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.UTC)


def state_counts(cameras: list[CameraState]) -> list[tuple[str, int]]:
    found: dict[str, int] = {}
    for camera in cameras:
        found[camera.status] = found.get(camera.status, 0) + 1
    return [(status.value, found[status]) for status in STATUS_ORDER if status in found]


def status_seconds() -> int:
    return settings.CCTV_STATUS_CACHE_SECONDS


def network_snapshot() -> Stamped[Snapshot]:
    """The shared snapshot and until when it is fresh (rebuilt by one request at a time)."""
    return shared(SNAPSHOT_KEY, build_snapshot, status_seconds())


def sort_key(state: CameraState) -> tuple:
    rank = STATUS_ORDER.index(state.status)
    since = state.since_ts if state.since_ts is not None and state.problem else float("inf")
    return (rank, since, state.code)


def build_snapshot(now: datetime.datetime | None = None) -> Snapshot:
    """Work the snapshot out from the database: six queries, whatever the number of cameras
    (cameras, three for their states, incidents, maintenance; plus one for the day's uptime
    shares the first time each day)."""
    now = now or timezone.now()
    cameras = list(Camera.objects.filter(public=True, active=True).only(*PUBLIC_FIELDS))
    shares = daily_shares([camera.pk for camera in cameras], now)
    states = [
        CameraState(
            pk=state.camera.pk,
            code=state.camera.code,
            name_uk=state.camera.name_uk,
            name_en=state.camera.name_en,
            address_uk=state.camera.address_uk,
            address_en=state.camera.address_en,
            latitude=float(state.camera.latitude) if state.camera.latitude is not None else None,
            longitude=float(state.camera.longitude) if state.camera.longitude is not None else None,
            status=state.status,
            since_ts=moment(state.since),
            last_seen_ts=moment(state.last_seen),
            as_of_ts=moment(state.as_of),
            uptime=shares[state.camera.pk],
        )
        for state in public_states(cameras, now)
    ]
    current, past = public_incident_lists(cameras, now)
    maintenance = [
        PublicMaintenance(
            name_uk=window.camera.name_uk,
            name_en=window.camera.name_en,
            starts_ts=moment(window.starts_at),
            ends_ts=moment(window.ends_at),
            note_uk=window.note_uk,
            note_en=window.note_en,
        )
        for window in Maintenance.objects.filter(camera__in=cameras, ends_at__gt=now)
        .select_related("camera")
        .only("starts_at", "ends_at", "note_uk", "note_en", "camera__name_uk", "camera__name_en")
    ]
    ordered = sorted(states, key=sort_key)
    return Snapshot(
        built_ts=moment(now),
        cameras=ordered,
        by_code=sorted(range(len(ordered)), key=lambda n: ordered[n].code),
        current=current,
        past=past,
        maintenance=maintenance,
        state_counts=state_counts(states),
        overall_status=overall(states) if states else None,
    )


def public_incident_lists(
    cameras: list[Camera], now: datetime.datetime, days: int = 90
) -> tuple[list[PublicIncident], list[PublicIncident]]:
    """The incidents under way and the latest ``PAST_INCIDENTS`` ended ones, each as of its
    camera's public delay, in two bounded queries (``reporting.public_incidents`` reads all
    of the last 90 days, which a network of a thousand cameras makes thousands of rows).

    An incident that ended before every camera's moment (``earliest``) is past for all of
    them, so the newest of those come straight from the database; the few around the delays
    are placed camera by camera.
    """
    if not cameras:
        return [], []
    delays = {camera.pk: camera.public_delay_minutes for camera in cameras}
    earliest = now - datetime.timedelta(minutes=max(delays.values()))
    columns = ("pk", "camera_id", "status", "codes", "started_at", "ended_at")
    around = Incident.objects.filter(
        camera__in=cameras, started_at__gte=now - datetime.timedelta(days=days)
    ).only(*columns)
    near = around.filter(Q(ended_at__isnull=True) | Q(ended_at__gt=earliest))
    older = around.filter(ended_at__lte=earliest).order_by("-started_at")[:PAST_INCIDENTS]
    named = {camera.pk: camera for camera in cameras}
    current, past = [], []
    for incident in [*near, *older]:
        camera = named[incident.camera_id]
        as_of = now - datetime.timedelta(minutes=delays[camera.pk])
        if incident.started_at > as_of:
            continue  # not public yet
        ended = incident.ended_at if incident.ended_at and incident.ended_at <= as_of else None
        entry = PublicIncident(
            pk=incident.pk,
            camera_code=camera.code,
            name_uk=camera.name_uk,
            name_en=camera.name_en,
            status=incident.status,
            codes=list(incident.codes),
            started_ts=moment(incident.started_at),
            ended_ts=moment(ended),
        )
        (past if ended else current).append(entry)
    newest = lambda entry: (entry.started_ts, entry.pk)  # noqa: E731
    return sorted(current, key=newest, reverse=True), sorted(past, key=newest, reverse=True)[
        :PAST_INCIDENTS
    ]
