"""Server-rendered charts: the numbers become SVG coordinates here, the template draws them.

No JavaScript is involved, so a chart shows in any browser, in feeds and in print.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Sequence
from dataclasses import dataclass


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


def nice_ceiling(value: int) -> int:
    """The round number an axis should end at: 20 → 20, 21 → 25, 140 → 150."""
    if value <= 5:
        return 5
    step = 10 ** math.floor(math.log10(value))
    for multiple in (1, 1.5, 2, 2.5, 5, 10):
        if value <= step * multiple:
            return int(step * multiple)
    return value  # pragma: no cover - the loop always returns


def coordinate(value: float) -> str:
    """An SVG number: always a dot as decimal separator, whatever the page's language."""
    return f"{value:.1f}".removesuffix(".0")


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
    span = (end - start).days
    top = nice_ceiling(max(point.count for point in series))
    plot_w, plot_h = width - 2 * margin, height - 2 * margin

    def x(day: datetime.date) -> float:
        return margin + plot_w * (day - start).days / span

    def y(count: int) -> float:
        return margin + plot_h * (1 - count / top)

    path = [f"M{coordinate(x(series[0].date))},{coordinate(y(series[0].count))}"]
    for point in series[1:]:  # a step: the count holds until it changes
        path.append(f"H{coordinate(x(point.date))}V{coordinate(y(point.count))}")
    path.append(f"H{coordinate(x(end))}")
    year_width = plot_w / (end.year - start.year)
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
