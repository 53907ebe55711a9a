"""Server-rendered charts: the numbers become SVG coordinates here, the template draws them.

No JavaScript is involved, so a chart shows in any browser, in feeds and in print. This module
holds what every chart of the site shares: scales from values to SVG coordinates, round ticks,
bands for bar charts, polylines, and SVG numbers written the same way in every language. The
charts drawn from it are the Memorandum's growth chart and the time charts of the operator
console's trends (both below), the initiative pipeline (``workflows.public``) and the cameras'
uptime bars (``cctv_bridge.public``).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.formats import number_format


def coordinate(value: float, *, trim: bool = True) -> str:
    """An SVG number with one decimal: always a dot as decimal separator, whatever the page's
    language (templates would localise a float as "220,0"). A whole number drops its ".0"
    unless ``trim`` is false."""
    text = f"{value:.1f}"
    return text.removesuffix(".0") if trim else text


def scale(low: Any, high: Any, start: float, end: float) -> Callable[[Any], float]:
    """The function mapping values from ``low``..``high`` onto SVG coordinates ``start``..``end``;
    for a value axis drawn upwards ``end`` is above ``start``. Values may be numbers, dates or
    datetimes (for dates the span is a ``timedelta``). It runs once per point, so the spans are
    worked out here, once."""
    span = high - low
    length = end - start

    def position(value: Any) -> float:
        return start + (value - low) / span * length

    return position


@dataclass(frozen=True)
class Tick:
    """A tick: its SVG coordinate, already written out (never localised: "12,5" is not a
    length), and its label, localised."""

    position: str
    label: str


def nice_ceiling(value: int) -> int:
    """The round number an axis should end at: 20 → 20, 21 → 25, 140 → 150."""
    if value <= 5:
        return 5
    step = 10 ** math.floor(math.log10(value))
    for multiple in (1, 1.5, 2, 2.5, 5, 10):
        if value <= step * multiple:
            return int(step * multiple)
    return value  # pragma: no cover - the loop always returns


def nice_ticks(low: float, high: float, target: int = 5) -> list[float]:
    """Round tick values (steps of 1, 2, 2.5 or 5 times a power of ten) covering low..high;
    about ``target`` of them (the rounded step can give one or two more)."""
    if high < low:
        low, high = high, low
    if math.isclose(low, high):
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / target
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw * 0.999)
    first = math.floor(low / step + 1e-9) * step
    last = math.ceil(high / step - 1e-9) * step
    count = round((last - first) / step)
    return [round(first + i * step, 10) for i in range(count + 1)]


def bar_length(value: float, top: float, span: float) -> float:
    """The length of a bar for ``value`` when ``top`` fills ``span``."""
    return span * value / top


def bands(count: int, width: float, fill: float = 0.8) -> tuple[list[str], str]:
    """``count`` equal bands side by side across ``width``: the x of each band and the width
    of the bar drawn in it (``fill`` of the band, the rest is the gap)."""
    step = width / count
    return [coordinate(index * step, trim=False) for index in range(count)], coordinate(
        step * fill, trim=False
    )


def polyline(points: list[tuple[float, float]]) -> str:
    """SVG points of a run; a lone point becomes a short flat line, so that it shows."""
    if len(points) == 1:
        ((px, py),) = points
        points = [(px - 4, py), (px + 4, py)]
    return " ".join(f"{coordinate(px)},{coordinate(py)}" for px, py in points)


@dataclass(frozen=True)
class CountAt:
    """A number at a date, and what the figure rests on."""

    date: datetime.date
    count: int
    note: str = ""


def signatory_series(totals: Sequence, organisations: Sequence) -> list[CountAt]:
    """How many organisations had signed the Memorandum, date by date.

    ``totals`` are official figures on record (``date``, ``count``, ``note``). A recorded total
    covers every joining and leaving up to its date, so only the organisations' dates after the
    last total change the count; with no totals the count is built from the organisations
    alone. Steps on the same day are merged.
    """
    points = [CountAt(t.date, t.count, t.note) for t in sorted(totals, key=lambda t: t.date)]
    last_recorded = points[-1].date if points else datetime.date.min
    count = points[-1].count if points else 0
    changes: dict[datetime.date, int] = {}
    for org in organisations:
        if org.joined and org.joined > last_recorded:
            changes[org.joined] = changes.get(org.joined, 0) + 1
        if org.left and org.left > last_recorded:
            changes[org.left] = changes.get(org.left, 0) - 1
    for day in sorted(changes):
        count += changes[day]
        points.append(CountAt(day, count))
    return points


def growth_chart(
    series: Sequence[CountAt], width: int = 640, height: int = 260, margin: int = 40
) -> dict | None:
    """Geometry of a step chart of ``series``: the path, the dots and the axis ticks, with
    every coordinate already a string (templates would localise a float as "220,0")."""
    if not series:
        return None
    first, last = series[0].date, series[-1].date
    start = datetime.date(first.year, 1, 1)
    end = datetime.date(last.year + 1, 1, 1)
    top = nice_ceiling(max(point.count for point in series))
    x = scale(start, end, margin, width - margin)
    y = scale(0, top, height - margin, margin)

    path = [f"M{coordinate(x(series[0].date))},{coordinate(y(series[0].count))}"]
    for point in series[1:]:  # a step: the count holds until it changes
        path.append(f"H{coordinate(x(point.date))}V{coordinate(y(point.count))}")
    path.append(f"H{coordinate(x(end))}")
    year_width = (width - 2 * margin) / (end.year - start.year)
    step = max(1, top // 5)
    return {
        "width": width,
        "height": height,
        "left": str(margin),
        "right": str(width - margin),
        "top": str(margin),
        "bottom": str(height - margin),
        "path": "".join(path),
        "dots": [
            {
                "x": coordinate(x(point.date)),
                "y": coordinate(y(point.count)),
                "label_y": coordinate(y(point.count) - 10),
                "point": point,
            }
            for point in series
        ],
        "y_ticks": [
            {"y": coordinate(y(value)), "label": value, "label_x": str(margin - 6)}
            for value in range(0, top + 1, step)
        ],
        "x_ticks": [
            {
                "x": coordinate(x(datetime.date(year, 1, 1))),
                "label_x": coordinate(x(datetime.date(year, 1, 1)) + year_width / 2),
                "label": year,
            }
            for year in range(start.year, end.year)
        ],
        "x_label_y": str(height - margin + 18),
    }


TREND_WIDTH = 640
TREND_HEIGHT = 200
#: The trend chart's margins: room for the value labels on the left and the hours below.
TREND_LEFT, TREND_RIGHT, TREND_TOP, TREND_BOTTOM = 56, 16, 12, 32


@dataclass(frozen=True)
class TrendChart:
    """A time chart (the operator console's trends): title with its unit, ticks on both axes,
    and the line's segments (a gap in the data is a gap in the line)."""

    title: str
    segments: list[str] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    summary: str = ""
    width: int = TREND_WIDTH
    height: int = TREND_HEIGHT
    left: int = TREND_LEFT
    right: int = TREND_WIDTH - TREND_RIGHT
    top: int = TREND_TOP
    bottom: int = TREND_HEIGHT - TREND_BOTTOM

    @property
    def empty(self) -> bool:
        return not self.segments


def format_value(value: float) -> str:
    decimals = 0 if float(value).is_integer() else (1 if abs(value) >= 1 else 2)
    return number_format(value, decimal_pos=decimals)


def time_chart(
    title: str,
    samples: list[tuple[datetime.datetime, float | None]],
    start: datetime.datetime,
    end: datetime.datetime,
    *,
    bounds: tuple[float, float] | None = None,
    unit: str = "",
    hours_between_ticks: int = 4,
) -> TrendChart:
    """``samples`` (time, value or None for a gap) between ``start`` and ``end`` as a chart;
    ``bounds`` fixes the value axis (0-100 for a percentage), otherwise it fits the data;
    ``unit`` follows each value-axis label ("100 %")."""
    values = [v for _, v in samples if v is not None]
    if not values:
        return TrendChart(title=title)
    if bounds:
        low, high = bounds
        ticks = [tick for tick in nice_ticks(low, high) if low <= tick <= high]
    else:
        # A response time or a rate reads against zero, not against its own minimum.
        ticks = nice_ticks(min(0.0, min(values)), max(values))
        low, high = ticks[0], ticks[-1]
    x = scale(start, end, TREND_LEFT, TREND_WIDTH - TREND_RIGHT)
    y = scale(low, high, TREND_HEIGHT - TREND_BOTTOM, TREND_TOP)

    runs: list[list[tuple[float, float]]] = [[]]
    for at, value in samples:
        if value is None:
            runs.append([])
        else:
            runs[-1].append((x(at), y(value)))
    return TrendChart(
        title=title,
        segments=[polyline(run) for run in runs if run],
        y_ticks=[
            Tick(coordinate(y(value)), f"{format_value(value)} {unit}".strip()) for value in ticks
        ],
        x_ticks=hour_ticks(start, end, hours_between_ticks, x),
        summary=f"{format_value(min(values))} – {format_value(max(values))} {unit}".strip(),
    )


def hour_ticks(start, end, every: int, x) -> list[Tick]:
    """Ticks at whole local hours divisible by ``every``, labelled HH:MM."""
    local = timezone.localtime(start).replace(minute=0, second=0, microsecond=0)
    local += datetime.timedelta(hours=1)
    ticks = []
    while local <= end:
        if local.hour % every == 0:
            ticks.append(Tick(coordinate(x(local)), local.strftime("%H:%M")))
        local += datetime.timedelta(hours=1)
    return ticks
