"""Trend charts for the operator console, drawn on the server as SVG geometry: a time axis with
hour ticks, a value axis with round ticks and its unit, and the series as polylines (a gap in
the data is a gap in the line). The template only places what is computed here; scales, ticks
and polylines are the site's shared chart geometry in ``cms.charts``."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.formats import number_format

from cms.charts import Tick, coordinate, nice_ticks, polyline, scale

WIDTH = 640
HEIGHT = 200
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 12, 32


@dataclass(frozen=True)
class TrendChart:
    """One chart: title with its unit, ticks on both axes, and the line's segments."""

    title: str
    segments: list[str] = field(default_factory=list)
    y_ticks: list[Tick] = field(default_factory=list)
    x_ticks: list[Tick] = field(default_factory=list)
    summary: str = ""
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM

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
    x = scale(start, end, LEFT, WIDTH - RIGHT)
    y = scale(low, high, HEIGHT - BOTTOM, TOP)

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
