"""The public uptime history, worked out once a day instead of on every request.

The public bars and shares end with yesterday (``reporting``: today's would tell of an outage
within the public delay), and past days' roll-ups do not change, so both are kept in the cache
under the day they end with: the shares of every listed camera in one entry, each camera's
90-day bar chart (an SVG, in each language) in an entry of its own, so a page of cameras reads
its charts in one ``get_many``. A camera missing from the day's entries (listed since) is
worked out in one query and added. The next day's keys are new: nothing needs purging.
"""

from __future__ import annotations

import datetime
import logging
from collections import defaultdict

from django.core.cache import cache
from django.db.models import Case, IntegerField, Sum, When
from django.utils import timezone
from django.utils.formats import date_format, localize
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cctv_bridge.models import DailyUptime
from cctv_bridge.reporting import PERIODS
from cms.charts import bands

logger = logging.getLogger(__name__)
BAR_DAYS = 90
#: Day entries outlive their day a little (a request just after midnight may still ask).
DAY_SECONDS = 26 * 3600
#: Probes under way at midnight are rolled up into yesterday a few seconds later: entries made
#: this soon after midnight are made again once, when this much of the day has passed.
SETTLE_SECONDS = 600


def day_seconds(now: datetime.datetime | None = None) -> int:
    """How long an entry made now for the day just ended is kept."""
    local = timezone.localtime(now)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    elapsed = int((local - midnight).total_seconds())
    return SETTLE_SECONDS - elapsed + 1 if elapsed < SETTLE_SECONDS else DAY_SECONDS


def last_day(now: datetime.datetime | None = None) -> datetime.date:
    """The last day the public history shows: yesterday."""
    return timezone.localdate(now) - datetime.timedelta(days=1)


def share(probes: int, up: int, maintenance: int) -> float | None:
    counted = probes - maintenance
    return up / counted if counted else None


def period_shares(
    camera_ids: list[int], until: datetime.date
) -> dict[int, dict[str, float | None]]:
    """Each camera's share up over every period of ``PERIODS`` ending with ``until``, in one
    query (a sum per period, maintenance left out)."""
    longest = max(PERIODS.values())
    sums = {}
    for period, days in PERIODS.items():
        since = until - datetime.timedelta(days=days - 1)
        for field in ("probes", "up", "maintenance"):
            sums[f"{field}_{period}"] = Sum(
                Case(When(day__gte=since, then=field), default=0, output_field=IntegerField())
            )
    rows = (
        DailyUptime.objects.filter(
            camera_id__in=camera_ids,
            day__gte=until - datetime.timedelta(days=longest - 1),
            day__lte=until,
        )
        .values("camera_id")
        .annotate(**sums)
    )
    result = {pk: dict.fromkeys(PERIODS) for pk in camera_ids}
    for row in rows:
        result[row["camera_id"]] = {
            period: share(
                row[f"probes_{period}"], row[f"up_{period}"], row[f"maintenance_{period}"]
            )
            for period in PERIODS
        }
    return result


def shares_key(day: datetime.date) -> str:
    return f"cctv:uptime-shares:{day.isoformat()}"


def daily_shares(camera_ids: list[int], now: datetime.datetime | None = None) -> dict[int, dict]:
    """``period_shares`` up to yesterday, from the day's cache entry (cameras missing from it
    are worked out and added)."""
    day = last_day(now)
    known: dict[int, dict] = cached(cache.get, shares_key(day)) or {}
    missing = [pk for pk in camera_ids if pk not in known]
    if missing:
        known = {**known, **period_shares(missing, day)}
        cached(cache.set, shares_key(day), known, day_seconds(now))
    return {pk: known[pk] for pk in camera_ids}


def cached(operation, *args):
    """A cache operation whose failure is logged, not raised: without the cache the history is
    worked out for the request (slower, not broken)."""
    try:
        return operation(*args)
    except Exception:
        logger.warning("The cache does not answer (uptime history).", exc_info=True)
        return None


def daily_bars(camera_ids: list[int], until: datetime.date, days: int = BAR_DAYS) -> dict:
    """For each camera, ``days`` entries (oldest first): (day, share up or None), one query."""
    since = until - datetime.timedelta(days=days - 1)
    found: dict[int, dict] = defaultdict(dict)
    for row in DailyUptime.objects.filter(
        camera_id__in=camera_ids, day__gte=since, day__lte=until
    ).values("camera_id", "day", "probes", "up", "maintenance"):
        found[row["camera_id"]][row["day"]] = share(row["probes"], row["up"], row["maintenance"])
    calendar = [since + datetime.timedelta(days=n) for n in range(days)]
    return {pk: [(day, found[pk].get(day)) for day in calendar] for pk in camera_ids}


def bar_level(value: float | None) -> str:
    """No data is grey; the colour follows the share up."""
    if value is None:
        return "none"
    if value >= 0.99:
        return "up"
    if value >= 0.9:
        return "partial"
    return "down"


def uptime_bars(bars: list, width: int = 450, height: int = 28) -> SafeString:
    """One SVG bar per day, with the day and its share as the bar's tooltip, in the active
    language."""
    positions, bar = bands(len(bars), width)
    no_data = _("no data")
    label = _("Uptime over the last %(days)s days") % {"days": len(bars)}
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" class="uptime" '
        f'role="img" aria-label="{escape(label)}">'
    )
    rects = []
    for x, (day, value) in zip(positions, bars, strict=True):
        shown = no_data if value is None else f"{localize(round(value * 100, 1))} %"
        when = date_format(day, "SHORT_DATE_FORMAT")
        rects.append(
            f'<rect x="{x}" y="0" width="{bar}" height="{height}" '
            f'class="uptime__{bar_level(value)}">'
            f"<title>{escape(when)}: {escape(shown)}</title></rect>"
        )
    return mark_safe(head + "".join(rects) + "</svg>")  # noqa: S308 - every value escaped above


def chart_key(day: datetime.date, language: str, camera_id: int) -> str:
    return f"cctv:uptime-chart:{day.isoformat()}:{language}:{camera_id}"


def daily_charts(camera_ids: list[int], now: datetime.datetime | None = None) -> dict[int, str]:
    """Each camera's 90-day chart (ending yesterday) in the active language: one cache read
    for all of them; those not drawn yet today are drawn from one query and kept for the day."""
    day, language = last_day(now), get_language()
    keys = {chart_key(day, language, pk): pk for pk in camera_ids}
    found = cached(cache.get_many, list(keys)) or {}
    charts = {keys[key]: mark_safe(svg) for key, svg in found.items()}  # noqa: S308 - ours
    missing = [pk for pk in camera_ids if pk not in charts]
    if missing:
        drawn = {pk: uptime_bars(bars) for pk, bars in daily_bars(missing, day).items()}
        svgs = {chart_key(day, language, pk): str(svg) for pk, svg in drawn.items()}
        cached(cache.set_many, svgs, day_seconds(now))
        charts.update(drawn)
    return charts
