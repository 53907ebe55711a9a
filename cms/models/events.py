"""Events: one-off dates and recurring formats, listed as upcoming and past, and as iCalendar."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from babel.dates import get_day_names
from dateutil import rrule
from dateutil.relativedelta import relativedelta
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.functional import SimpleLazyObject
from django.utils.text import format_lazy
from django.utils.translation import get_language, ngettext, to_locale
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.base import SectionIndexPage, SitePage, SlugPageForm

#: iCalendar weekday codes, Monday first, as stored in ``EventPage.weekdays``.
WEEKDAY_CODES = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
RRULE_WEEKDAYS = dict(zip(WEEKDAY_CODES, rrule.weekdays, strict=True))
#: How far ahead an event page lists the dates of a recurring event.
UPCOMING_HORIZON = datetime.timedelta(days=60)


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    YEARLY = "yearly", _("Yearly")


RRULE_FREQUENCIES = {
    Frequency.WEEKLY: rrule.WEEKLY,
    Frequency.MONTHLY: rrule.MONTHLY,
    Frequency.YEARLY: rrule.YEARLY,
}


class EventPageForm(SlugPageForm):
    """Weekdays as check boxes, stored as iCalendar codes ("TU,TH")."""

    weekdays = forms.MultipleChoiceField(
        label=_("on these days"),
        choices=[(code, WEEKDAYS[i]) for i, code in enumerate(WEEKDAY_CODES)],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Weekly events only. Empty: the weekday of the first date."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance and self.instance.weekdays:
            self.initial["weekdays"] = self.instance.weekday_codes

    def clean_weekdays(self):
        chosen = set(self.cleaned_data.get("weekdays") or [])
        return ",".join(code for code in WEEKDAY_CODES if code in chosen)


class EventIndexPage(RoutablePageMixin, SectionIndexPage):
    """Upcoming events and recurring formats; past events on their own page; an iCal feed."""

    subpage_types = ["cms.EventPage"]
    past_page_size = 20

    class Meta:
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")

    def events(self):
        return (
            EventPage.objects.child_of(self).live().public().for_listing().select_related("locale")
        )

    @path("")
    def upcoming_route(self, request):
        now = timezone.now()
        return self.render(
            request,
            context_overrides={
                # Lazy: read where the template shows them (cms.page_cache.fragments).
                "upcoming": SimpleLazyObject(lambda: upcoming(self.events(), now)),
                "formats": SimpleLazyObject(
                    lambda: [e for e in self.events().order_by("title") if e.is_recurring]
                ),
            },
        )

    @path("past/", name="past")
    def past_route(self, request):
        now = timezone.now()
        past = self.events().filter(start__lt=now).order_by("-start", "-pk")
        past = [event for event in past if not event.next_occurrence(now)]
        return self.render(
            request,
            template="cms/event_index_page_past.html",
            context_overrides={
                "past_page": Paginator(past, self.past_page_size).get_page(request.GET.get("page"))
            },
        )

    @path("ical/", name="ical")
    def ical_route(self, request):
        from cms.ical import calendar_response

        return calendar_response(request, self, self.events().order_by("start", "pk"))


class EventPage(RoutablePageMixin, SitePage):
    """An event; with a frequency it is a recurring format (a reception, a monthly meeting)."""

    start = models.DateTimeField(_("starts"), help_text=_("The first date of a recurring event."))
    end = models.DateTimeField(
        _("ends"), null=True, blank=True, help_text=_("Of the first date, if it repeats.")
    )
    location = models.CharField(_("place"), max_length=255, blank=True)
    intro = models.TextField(_("lead"), help_text=_("One or two sentences shown in lists."))
    area = models.ForeignKey(
        "cms.PriorityAreaPage",
        verbose_name=_("priority area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    frequency = models.CharField(_("repeats"), max_length=10, choices=Frequency.choices, blank=True)
    interval = models.PositiveSmallIntegerField(
        _("every"), default=1, help_text=_("1: every week (month, year); 2: every other one.")
    )
    weekdays = models.CharField(_("on these days"), max_length=20, blank=True)
    repeat_until = models.DateField(_("until"), null=True, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    base_form_class = EventPageForm
    content_panels = [
        *SitePage.content_panels,
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldPanel("location"),
        FieldPanel("intro"),
        FieldPanel("area"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("interval")]),
                FieldPanel("weekdays"),
                FieldPanel("repeat_until"),
            ],
            heading=_("Recurrence"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("location"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    parent_page_types = ["cms.EventIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        errors = {}
        if self.end and self.start and self.end <= self.start:
            errors["end"] = _("The event must end after it starts.")
        if self.repeat_until and not self.frequency:
            errors["repeat_until"] = _("Choose how often the event repeats, or clear this date.")
        if self.repeat_until and self.start and self.repeat_until < self.local_start.date():
            errors["repeat_until"] = _("The last date is before the first one.")
        if self.weekdays and self.frequency != Frequency.WEEKLY:
            errors["weekdays"] = _("Weekdays apply to weekly events only.")
        if not self.interval:
            errors["interval"] = _("The interval is at least 1.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_recurring(self) -> bool:
        return bool(self.frequency)

    @property
    def weekday_codes(self) -> list[str]:
        return [code for code in self.weekdays.split(",") if code in RRULE_WEEKDAYS]

    @property
    def local_start(self) -> datetime.datetime:
        return timezone.localtime(self.start, ZoneInfo(settings.TIME_ZONE))

    @property
    def duration(self) -> datetime.timedelta | None:
        return self.end - self.start if self.end else None

    def rule(self, near: datetime.datetime | None = None) -> rrule.rrule | None:
        """The recurrence in local wall-clock time (a 10:00 reception stays at 10:00 in summer).

        With ``near`` (naive local time) the rule starts a whole number of periods later, just
        before that moment, with the first date's weekdays, day and month pinned, so it gives
        the same dates from there on without walking through every date since the first one
        (a twice-weekly reception since 2018 has hundreds).
        """
        if not self.frequency:
            return None
        until = None
        if self.repeat_until:
            until = datetime.datetime.combine(self.repeat_until, datetime.time.max)
        first = self.local_start.replace(tzinfo=None)
        interval = self.interval or 1
        pinned: dict = {"byweekday": [RRULE_WEEKDAYS[c] for c in self.weekday_codes] or None}
        start = first
        if self.frequency == Frequency.WEEKLY:
            pinned["byweekday"] = pinned["byweekday"] or [first.weekday()]
            # Align to the Monday of the first week: weeks are counted from there.
            week_start = first - datetime.timedelta(days=first.weekday())
            if near is not None and near > first:
                periods = ((near - week_start).days // 7) // interval - 1
                if periods > 0:
                    start = week_start + relativedelta(weeks=periods * interval)
        elif near is not None and near > first:
            months_apart = (near.year - first.year) * 12 + near.month - first.month
            step = interval if self.frequency == Frequency.MONTHLY else 12 * interval
            periods = months_apart // step - 1
            if periods > 0:
                start = first + relativedelta(months=periods * step)
                start = start.replace(day=1)  # the pinned day decides, even the 31st
        if self.frequency == Frequency.MONTHLY:
            pinned["bymonthday"] = first.day
        elif self.frequency == Frequency.YEARLY:
            pinned.update(bymonth=first.month, bymonthday=first.day)
        return rrule.rrule(
            RRULE_FREQUENCIES[self.frequency],
            dtstart=start,
            interval=interval,
            until=until,
            **pinned,
        )

    def occurrences(self, after: datetime.datetime, before: datetime.datetime) -> list:
        """Start times of this event within ``[after, before)``, time-zone aware."""
        zone = ZoneInfo(settings.TIME_ZONE)
        local_after = timezone.localtime(after, zone).replace(tzinfo=None)
        local_before = timezone.localtime(before, zone).replace(tzinfo=None)
        rule = self.rule(near=local_after)
        if rule is None:
            return [self.start] if after <= self.start < before else []
        return [
            moment.replace(tzinfo=zone)
            for moment in rule.between(local_after, local_before, inc=True)
            if moment < local_before
        ]

    def next_occurrence(self, now: datetime.datetime) -> datetime.datetime | None:
        zone = ZoneInfo(settings.TIME_ZONE)
        local_now = timezone.localtime(now, zone).replace(tzinfo=None)
        rule = self.rule(near=local_now)
        if rule is None:  # a one-off event is still to come until it has ended
            return self.start if (self.end or self.start) >= now else None
        moment = rule.after(local_now, inc=True)
        return moment.replace(tzinfo=zone) if moment else None

    def schedule(self) -> str:
        """The recurrence in words: "every week on Tuesday and Thursday"."""
        if not self.frequency:
            return ""
        n = self.interval or 1
        if self.frequency == Frequency.WEEKLY:
            every = str(_("every week")) if n == 1 else every_n_weeks(n)
            days = [weekday_name(WEEKDAY_CODES.index(c)) for c in self.weekday_codes]
            if days:
                return str(format_lazy(_("{every}, on {days}"), every=every, days=", ".join(days)))
            return every
        if self.frequency == Frequency.MONTHLY:
            return str(_("every month")) if n == 1 else every_n_months(n)
        return str(_("every year")) if n == 1 else every_n_years(n)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        context["next_dates"] = self.occurrences(now, now + UPCOMING_HORIZON)[:6]
        return context

    @path("")
    def event_route(self, request):
        return self.render(request)

    @path("ical/", name="ical")
    def ical_route(self, request):
        from cms.ical import calendar_response

        return calendar_response(request, self, [self])


def weekday_name(index: int) -> str:
    """A weekday as it reads inside a sentence: "Tuesday", "вівторок" (CLDR, via Babel)."""
    return get_day_names("wide", locale=to_locale(get_language() or settings.LANGUAGE_CODE))[index]


def every_n_weeks(n: int) -> str:
    return ngettext("every %(n)d week", "every %(n)d weeks", n) % {"n": n}


def every_n_months(n: int) -> str:
    return ngettext("every %(n)d month", "every %(n)d months", n) % {"n": n}


def every_n_years(n: int) -> str:
    return ngettext("every %(n)d year", "every %(n)d years", n) % {"n": n}


def may_come_q(now: datetime.datetime) -> Q:
    """Events that may still have a date after ``now``: a superset of what ``next_occurrence``
    finds (a series is kept until the day after its last date, whatever the time zone)."""
    one_off = Q(frequency="") & (Q(end__gte=now) | Q(end__isnull=True, start__gte=now))
    until = now.date() - datetime.timedelta(days=1)
    series = ~Q(frequency="") & (Q(repeat_until__isnull=True) | Q(repeat_until__gte=until))
    return one_off | series


def upcoming(events, now: datetime.datetime) -> list[dict]:
    """Each event that is still to come, once, at its next date, soonest first.

    The events are read in one query and recurring ones expanded in Python, so the number of
    queries does not depend on how many events or dates there are; a queryset is narrowed
    first to the events that can still have a date (past one-off events and finished series,
    the bulk of an archive, are not read).
    """
    if isinstance(events, QuerySet):
        events = events.filter(may_come_q(now))
    dates = []
    for event in events:
        moment = event.next_occurrence(now)
        if moment is not None:
            end = moment + event.duration if event.duration else None
            dates.append({"event": event, "start": moment, "end": end})
    dates.sort(key=lambda d: (d["start"], d["event"].pk))
    return dates
