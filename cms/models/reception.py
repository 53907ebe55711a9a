"""When and where the office receives residents: a weekly schedule that editors keep on the
contact page of each language, shown there and in every page's footer."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError

#: schema.org's day codes (``openingHours``), Monday first like ``django.utils.dates.WEEKDAYS``.
SCHEMA_DAYS = ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"]


class ReceptionSlotBlock(blocks.StructBlock):
    """One weekday's reception hours."""

    weekday = blocks.ChoiceBlock(
        label=_("Day"), choices=[(str(day), name) for day, name in WEEKDAYS.items()]
    )
    starts = blocks.TimeBlock(label=_("From"))
    ends = blocks.TimeBlock(label=_("Until"))

    class Meta:
        icon = "time"
        label = _("Reception day")

    def clean(self, value):
        value = super().clean(value)
        if value["starts"] and value["ends"] and value["starts"] >= value["ends"]:
            raise StructBlockValidationError(
                block_errors={"ends": ValidationError(_("The reception must end after it starts."))}
            )
        return value


def reception_rows(slots: Iterable) -> list[dict]:
    """The schedule as it reads: days with the same hours together, in weekday order.

    Each row has ``days`` (the translated day names), ``hours`` ("10:00–13:00") and
    ``opening_hours``, the schema.org form ("Tu,Th 10:00-13:00").
    """
    by_hours: dict[tuple, list[int]] = {}
    for slot in slots:
        value = getattr(slot, "value", slot)
        day = int(value["weekday"])
        by_hours.setdefault((value["starts"], value["ends"]), []).append(day)
    rows = []
    for (starts, ends), days in sorted(by_hours.items(), key=lambda item: min(item[1])):
        days = sorted(set(days))
        hours = (starts.strftime("%H:%M"), ends.strftime("%H:%M"))
        rows.append(
            {
                "days": ", ".join(str(WEEKDAYS[day]) for day in days),
                "hours": "–".join(hours),
                "opening_hours": ",".join(SCHEMA_DAYS[day] for day in days) + " " + "-".join(hours),
            }
        )
    return rows
