"""Date rules of a workflow item: the dates its steps set happen in order, and none that
records a fact lies in the future."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import gettext


class DateRules:
    """Mixed into :class:`~workflows.engine.workflow.WorkflowModel`; configured by
    :attr:`DATE_ORDER`, :attr:`PLANNED_DATES` and :attr:`DATE_LABELS`."""

    #: Date (or date-time) fields in the order their events happen: none may be earlier than
    #: one before it. A step that sets one is refused when it would break the order.
    DATE_ORDER: tuple[str, ...] = ()
    #: The dates in DATE_ORDER that plan something ahead (a meeting, an end date); every other
    #: one records what happened, so it cannot be in the future.
    PLANNED_DATES: frozenset[str] = frozenset()
    #: How a date field is named in messages, where its verbose name would not do.
    DATE_LABELS: dict[str, Promise | str] = {}

    @staticmethod
    def site_today() -> datetime.date:
        """Today in the site's time zone (TIME_ZONE), whatever zone the admin shows a staff
        member's times in: the community's day decides what is "in the future"."""
        return timezone.localdate(timezone=timezone.get_default_timezone())

    def _date_of(self, name: str) -> datetime.date | None:
        value = getattr(self, name)
        if isinstance(value, datetime.datetime):
            if timezone.is_naive(value):
                return value.date()
            return timezone.localdate(value, timezone=timezone.get_default_timezone())
        return value

    def _date_label(self, name: str) -> str:
        return str(self.DATE_LABELS.get(name) or self._meta.get_field(name).verbose_name)

    def date_errors(
        self,
        fields: Iterable[str],
        today: datetime.date | None = None,
        *,
        against_later: bool = True,
    ) -> dict[str, list[str]]:
        """What is wrong with the dates in ``fields``, by field, in the user's language.

        A date may not be earlier than a date before it in :attr:`DATE_ORDER` nor later than one
        after it, and a date that records a fact may not be after ``today`` (in the site's time
        zone). Only the dates named are judged, so older rows that break the rules can still
        take steps that do not touch them. Without ``against_later`` a date is compared with the
        dates before it only, so that a pair out of order is told once.
        """
        today = today or self.site_today()
        dates = [(self._date_of(name), name) for name in self.DATE_ORDER]
        errors: dict[str, list[str]] = {}
        for name in fields:
            if name not in self.DATE_ORDER:
                continue
            position = self.DATE_ORDER.index(name)
            value = dates[position][0]
            if value is None:
                continue
            if name not in self.PLANNED_DATES and value > today:
                errors.setdefault(name, []).append(
                    gettext("This date is in the future: a step records what has happened.")
                )
            earlier = [(date, other) for date, other in dates[:position] if date is not None]
            later = [(date, other) for date, other in dates[position + 1 :] if date is not None]
            if earlier and value < max(earlier)[0]:
                limit, other = max(earlier)
                errors.setdefault(name, []).append(
                    gettext("This cannot be earlier than the %(event)s (%(date)s).")
                    % {"event": self._date_label(other), "date": date_format(limit)}
                )
            if against_later and later and value > min(later)[0]:
                limit, other = min(later)
                errors.setdefault(name, []).append(
                    gettext("This cannot be later than the %(event)s (%(date)s).")
                    % {"event": self._date_label(other), "date": date_format(limit)}
                )
        return errors

    def date_problems(self, today: datetime.date | None = None) -> list[str]:
        """Every date of this item that breaks the rules, as sentences: rows written before the
        rules existed keep their dates, and the admin shows what is wrong with them."""
        errors = self.date_errors(self.DATE_ORDER, today, against_later=False)
        return [
            f"{capfirst(self._date_label(name))}: {message}"
            for name, messages in errors.items()
            for message in messages
        ]

    def step_errors(self, fields: Iterable[str]) -> dict[str, list[str]]:
        """What is wrong with the values a step sets (``fields``), by field; empty when all is
        well. Subclasses add their own rules to the dates' order."""
        return self.date_errors(fields)
