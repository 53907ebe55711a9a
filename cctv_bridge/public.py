"""The public camera status page, its JSON API and the incident feeds.

Nothing here reads a stream URL, a snapshot or a live status: the public sees listed cameras
only, each as of its public delay, by name, published location, status and uptime.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.http import JsonResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.formats import date_format, localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cctv_bridge.describe import public_cause
from cctv_bridge.finding import MAX_QUERY, matching_cameras
from cctv_bridge.models import Camera, Maintenance
from cctv_bridge.reporting import (
    PERIOD_LABELS,
    PERIODS,
    daily_bars,
    overall,
    public_incidents,
    public_states,
    uptime,
)
from cms.charts import bands
from cms.page_cache import cache_public

BAR_DAYS = 90
HOME_SUMMARY_KEY = "cctv-home-summary"


def status_seconds() -> int:
    """How long a cached status page is served: the status moves with the clock (the public
    delay), so it expires instead of being purged by every probe."""
    return settings.CCTV_STATUS_CACHE_SECONDS


def listed_cameras() -> list[Camera]:
    return list(Camera.objects.filter(public=True, active=True).select_related("owner"))


def bar_level(share: float | None) -> str:
    """No data is grey; the colour follows the share up."""
    if share is None:
        return "none"
    if share >= 0.99:
        return "up"
    if share >= 0.9:
        return "partial"
    return "down"


def uptime_bars(bars: list, width: int = 450, height: int = 28) -> SafeString:
    """One SVG bar per day, with the day and its share as the bar's tooltip.

    Built here rather than through the template engine: 90 bars × every listed camera made the
    template loop most of the status page's CPU. The markup is what the template wrote.
    """
    positions, bar = bands(len(bars), width)
    no_data = _("no data")
    label = _("Uptime over the last %(days)s days") % {"days": len(bars)}
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="uptime" '
        f'role="img" aria-label="{escape(label)}">'
    )
    rects = []
    for x, (day, share) in zip(positions, bars, strict=True):
        shown = no_data if share is None else f"{localize(round(share * 100, 1))} %"
        when = date_format(day, "SHORT_DATE_FORMAT")
        rects.append(
            f'<rect x="{x}" y="0" width="{bar}" height="{height}" '
            f'class="uptime__{bar_level(share)}">'
            f"<title>{escape(when)}: {escape(shown)}</title></rect>"
        )
    return mark_safe(head + "".join(rects) + "</svg>")  # noqa: S308 - every value escaped above


def status_context(now=None) -> dict:
    now = now or timezone.now()
    cameras = listed_cameras()
    ids = [camera.pk for camera in cameras]
    yesterday = timezone.localdate(now) - datetime.timedelta(days=1)
    bars = daily_bars(ids, BAR_DAYS, until=yesterday)
    shares = {period: uptime(ids, days, until=yesterday) for period, days in PERIODS.items()}
    states = []
    for state in public_states(cameras, now):
        camera = state.camera
        state.chart = uptime_bars(bars[camera.pk])
        state.uptime = {period: shares[period][camera.pk] for period in PERIODS}
        state.uptime_shown = [
            (PERIOD_LABELS[period], share) for period, share in state.uptime.items()
        ]
        states.append(state)
    incidents = public_incidents(cameras, now)
    for entry in incidents:
        entry["cause"] = public_cause(entry["incident"].codes)
    return {
        "states": states,
        "overall": Camera.Status(overall(states)) if states else None,
        "current": [entry for entry in incidents if entry["ended_at"] is None],
        "past": [entry for entry in incidents if entry["ended_at"] is not None][:30],
        "maintenance": Maintenance.objects.filter(
            camera__in=cameras, ends_at__gt=now
        ).select_related("camera"),
        "bar_days": BAR_DAYS,
    }


@cache_public(seconds=status_seconds)
def status_page(request):
    """``/cameras/``: the network's status without video, snapshots or stream details.

    ``?q=`` narrows the list of cameras to those whose name or address matches (the status of
    the whole network, incidents and maintenance stay as they are)."""
    context = status_context()
    query = request.GET.get("q", "").strip()[:MAX_QUERY]
    if query:
        found = {
            camera.pk for camera in matching_cameras((s.camera for s in context["states"]), query)
        }
        context["shown"] = [state for state in context["states"] if state.camera.pk in found]
    else:
        context["shown"] = context["states"]
    context["query"] = query
    return TemplateResponse(request, "cctv_bridge/status.html", context)


@cache_public(seconds=status_seconds)
def status_api(request):
    """``/api/cameras/``: the same, as JSON."""
    context = status_context()
    cameras = []
    for state in context["states"]:
        camera = state.camera
        cameras.append(
            {
                "code": camera.code,
                "name": {"uk": camera.name_uk, "en": camera.name_en or camera.name_uk},
                "address": {"uk": camera.address_uk, "en": camera.address_en or camera.address_uk},
                "latitude": float(camera.latitude) if camera.latitude is not None else None,
                "longitude": float(camera.longitude) if camera.longitude is not None else None,
                "status": state.status,
                "since": state.since.isoformat() if state.since else None,
                "last_seen": state.last_seen.isoformat() if state.last_seen else None,
                "as_of": state.as_of.isoformat(),
                "uptime": state.uptime,
            }
        )
    incidents = [
        {
            "camera": entry["camera"].code,
            "status": entry["incident"].status,
            "cause": entry["incident"].codes and public_codes(entry["incident"].codes),
            "started_at": entry["incident"].started_at.isoformat(),
            "ended_at": entry["ended_at"].isoformat() if entry["ended_at"] else None,
        }
        for entry in context["current"] + context["past"]
    ]
    return JsonResponse(
        {
            "status": context["overall"].value if context["overall"] else None,
            "cameras": cameras,
            "incidents": incidents,
        },
        json_dumps_params={"ensure_ascii": False},
    )


def public_codes(codes: list[str]) -> list[str]:
    """Picture-problem codes as they are; any network error only as "unreachable"."""
    from cctv_bridge.describe import PUBLIC_CAUSES

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


def home_summary() -> dict:
    """How many listed cameras are in each public state (as of their delay).

    Kept in the cache as plain numbers for as long as a cached status page: working it out
    takes a few queries per camera, and the home page, which shows it, is the busiest page.
    """
    summary = cache.get(HOME_SUMMARY_KEY)
    if summary is None:
        states = public_states(listed_cameras())
        counts: dict[str, int] = {}
        for state in states:
            counts[state.status] = counts.get(state.status, 0) + 1
        summary = {
            "total": len(states),
            "overall": overall(states) if states else None,
            "counts": list(counts.items()),
        }
        cache.set(HOME_SUMMARY_KEY, summary, status_seconds())
    return {
        "total": summary["total"],
        "overall": Camera.Status(summary["overall"]) if summary["overall"] else None,
        "counts": [(Camera.Status(status).label, status, n) for status, n in summary["counts"]],
    }
