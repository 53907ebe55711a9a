"""The public camera status page, its JSON API and the incident feeds.

Nothing here reads a stream URL, a snapshot or a live status: the public sees listed cameras
only, each as of its public delay, by name, published location, status and uptime.
"""

from __future__ import annotations

from itertools import groupby

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cctv_bridge.describe import PUBLIC_CAUSES, public_cause
from cctv_bridge.finding import MAX_QUERY, matching_cameras
from cctv_bridge.models import Camera
from cctv_bridge.public_snapshot import STATUS_ORDER, network_snapshot
from cctv_bridge.reporting import PERIOD_LABELS, PERIODS, public_incidents
from cctv_bridge.uptime_history import BAR_DAYS, daily_charts
from cms.page_cache import cache_public, lifetime

#: Cameras per page of the status page: a phone scrolls through 25 rows of bars comfortably.
PAGE_SIZE = 25
#: The API's pages: ``limit`` cameras from ``offset``, in the order of their codes.
API_DEFAULT_LIMIT = 100
API_MAX_LIMIT = 500
API_MAX_OFFSET = 100_000
#: Current incidents and maintenance windows listed at the top; the rest are counted (their
#: cameras head the list below anyway), so a bad day on a large network stays one screen.
LISTED_AT_TOP = 10
STATES = frozenset(status.value for status in STATUS_ORDER)


def status_seconds() -> int:
    """How long a cached status page is served: the status moves with the clock (the public
    delay), so it expires instead of being purged by every probe."""
    return settings.CCTV_STATUS_CACHE_SECONDS


def listed_cameras() -> list[Camera]:
    return list(Camera.objects.filter(public=True, active=True).select_related("owner"))


def chosen_state(request: HttpRequest) -> str:
    """``?state=``: one public state, or "" for all; anything else is a 404, like the
    tracker's filters."""
    state = request.GET.get("state", "")
    if state and state not in STATES:
        raise Http404("No such state.")
    return state


@cache_public(seconds=status_seconds)
def status_page(request):
    """``/cameras/``: the network's status without video, snapshots or stream details.

    At the top, how many cameras are in each state (each a link to those cameras alone,
    ``?state=``); then the cameras, problems first, in groups by state, ``PAGE_SIZE`` to a
    page (``?page=``). ``?q=`` narrows the list to cameras whose name or address matches.
    The network's state comes from the shared snapshot and each camera's 90-day chart from
    the day's history, so a page costs the same whatever the number of cameras.
    """
    stamped = network_snapshot()
    lifetime(stamped.seconds_left())
    snapshot = stamped.value
    state = chosen_state(request)
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    shown = snapshot.cameras
    if state:
        shown = [camera for camera in shown if camera.status == state]
    if query:
        shown = matching_cameras(shown, query)
    page = Paginator(shown, PAGE_SIZE).get_page(request.GET.get("page"))
    charts = daily_charts([camera.pk for camera in page])
    labels = [(period, str(PERIOD_LABELS[period])) for period in PERIODS]
    rows = [
        {"camera": camera, "chart": charts[camera.pk], "figures": uptime_figures(camera, labels)}
        for camera in page
    ]
    groups = [
        {"status": Camera.Status(status), "rows": list(members)}
        for status, members in groupby(rows, key=lambda row: row["camera"].status)
    ]
    return TemplateResponse(
        request,
        "cctv_bridge/status.html",
        {
            "snapshot": snapshot,
            "overall": snapshot.overall,
            "counts": [(Camera.Status(s), n) for s, n in snapshot.counts()],
            "total": len(snapshot.cameras),
            "state": Camera.Status(state) if state else None,
            "query": query,
            "found": len(shown),
            "page": page,
            "groups": groups,
            "current": with_causes(snapshot.current[:LISTED_AT_TOP]),
            "current_more": max(0, len(snapshot.current) - LISTED_AT_TOP),
            "past": with_causes(snapshot.past),
            "maintenance": snapshot.maintenance[:LISTED_AT_TOP],
            "maintenance_more": max(0, len(snapshot.maintenance) - LISTED_AT_TOP),
            "bar_days": BAR_DAYS,
        },
    )


def uptime_figures(camera, labels: list[tuple[str, str]]) -> SafeString:
    """The camera's uptime per period as a definition list ("7 days 99 %"), built here rather
    than by a template loop per camera."""
    return format_html(
        '<dl class="uptime-figures">{}</dl>',
        format_html_join(
            "",
            "<dt>{}</dt><dd>{}</dd>",
            (
                (label, "—" if share is None else f"{round(share * 100)}\u00a0%")
                for period, label in labels
                for share in (camera.uptime.get(period),)
            ),
        ),
    )


def with_causes(incidents: list) -> list[dict]:
    """Each incident with its cause in words, in the visitor's language."""
    return [{"incident": entry, "cause": public_cause(entry.codes)} for entry in incidents]


def bad_request(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400)


@cache_public(seconds=status_seconds)
def status_api(request):
    """``/api/cameras/``: the same, as JSON, the cameras in pages in the order of their codes.

    ``limit`` (1–500, default 100) cameras from ``offset`` (default 0); ``count`` is the number
    of listed cameras and ``summary`` how many are in each state. The network's status and the
    incidents (under way, and the latest 30 past ones) are the whole network's on every page.
    """
    try:
        limit = int(request.GET.get("limit", API_DEFAULT_LIMIT))
        offset = int(request.GET.get("offset", 0))
    except ValueError:
        return bad_request("limit and offset must be whole numbers")
    if not (1 <= limit <= API_MAX_LIMIT) or not (0 <= offset <= API_MAX_OFFSET):
        return bad_request(f"limit must be 1–{API_MAX_LIMIT} and offset 0–{API_MAX_OFFSET}")
    stamped = network_snapshot()
    lifetime(stamped.seconds_left())
    snapshot = stamped.value
    ordered = snapshot.cameras
    cameras = [
        {
            "code": camera.code,
            "name": {"uk": camera.name_uk, "en": camera.name_en or camera.name_uk},
            "address": {"uk": camera.address_uk, "en": camera.address_en or camera.address_uk},
            "latitude": camera.latitude,
            "longitude": camera.longitude,
            "status": camera.status,
            "since": camera.since.isoformat() if camera.since else None,
            "last_seen": camera.last_seen.isoformat() if camera.last_seen else None,
            "as_of": camera.as_of.isoformat(),
            "uptime": camera.uptime,
        }
        for camera in (ordered[n] for n in snapshot.by_code[offset : offset + limit])
    ]
    incidents = [
        {
            "camera": entry.camera_code,
            "status": entry.status,
            "cause": entry.codes and public_codes(entry.codes),
            "started_at": entry.started_at.isoformat(),
            "ended_at": entry.ended_at.isoformat() if entry.ended_at else None,
        }
        for entry in snapshot.current + snapshot.past
    ]
    overall = snapshot.overall
    return JsonResponse(
        {
            "status": overall.value if overall else None,
            "count": len(ordered),
            "limit": limit,
            "offset": offset,
            "summary": dict(snapshot.counts()),
            "cameras": cameras,
            "incidents": incidents,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def public_codes(codes: list[str]) -> list[str]:
    """Picture-problem codes as they are; any network error only as "unreachable"."""
    return sorted({code if code in PUBLIC_CAUSES else "unreachable" for code in codes})


class IncidentsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def get_object(self, request):
        self.language = get_language()
        return None

    def title(self):
        return _("Camera network: incidents")

    def link(self):
        return reverse("cctv_bridge:status")

    def description(self):
        return _("When the office's public cameras went offline or had picture problems.")

    def items(self):
        return public_incidents(listed_cameras())[:50]

    def item_title(self, entry):
        return f"{entry['camera'].name}: {entry['incident'].get_status_display()}"

    def item_description(self, entry):
        cause = capfirst(public_cause(entry["incident"].codes))
        if entry["ended_at"]:
            with translation.override(get_language()):
                ended = timezone.localtime(entry["ended_at"]).strftime("%Y-%m-%d %H:%M")
            return _("%(cause)s. Resolved at %(time)s.") % {"cause": cause, "time": ended}
        return _("%(cause)s. Not resolved yet.") % {"cause": cause}

    def item_link(self, entry):
        return reverse("cctv_bridge:status") + f"#incident-{entry['incident'].pk}"

    def item_guid(self, entry):
        state = "closed" if entry["ended_at"] else "open"
        return f"camera-incident-{entry['incident'].pk}-{state}-{get_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry["ended_at"] or entry["incident"].started_at


class IncidentsAtomFeed(IncidentsRssFeed):
    feed_type = Atom1Feed
    subtitle = IncidentsRssFeed.description


@cache_public(seconds=status_seconds)
def incidents_rss(request):
    return IncidentsRssFeed()(request)


@cache_public(seconds=status_seconds)
def incidents_atom(request):
    return IncidentsAtomFeed()(request)


def home_summary() -> tuple[dict, int]:
    """How many listed cameras are in each public state (as of their delay), from the shared
    snapshot, and for how many seconds more that is fresh."""
    stamped = network_snapshot()
    snapshot = stamped.value
    return {
        "total": len(snapshot.cameras),
        "overall": snapshot.overall,
        "counts": [(Camera.Status(s).label, s, n) for s, n in snapshot.counts()],
    }, stamped.seconds_left()
