"""iCalendar (RFC 5545) feeds of events, built with the ``icalendar`` library.

A recurring event is one VEVENT with an RRULE, so a calendar app shows every future date of
the reception or the monthly meeting without the feed listing them one by one. Times carry
the Europe/Kyiv zone with its VTIMEZONE, so a 10:00 reception stays at 10:00 in summer.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit

import icalendar
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from cms.models.events import EventPage, Frequency

PRODID = "-//Safe Community platform//Events//UK"
ICAL_FREQUENCIES = {
    Frequency.WEEKLY: "WEEKLY",
    Frequency.MONTHLY: "MONTHLY",
    Frequency.YEARLY: "YEARLY",
}


def event_component(event: EventPage, request: HttpRequest) -> icalendar.Event:
    url = event.get_full_url(request)
    component = icalendar.Event()
    # Stable across edits and distinct per language, so apps update an event, never duplicate it.
    host = urlsplit(url).hostname or "localhost"
    component.add("uid", f"event-{event.translation_key}-{event.locale.language_code}@{host}")
    stamp = event.last_published_at or timezone.now()
    component.add("dtstamp", stamp)
    component.add("dtstart", event.local_start)
    if event.end:
        component.add("dtend", timezone.localtime(event.end, event.local_start.tzinfo))
    component.add("summary", event.title)
    component.add("description", event.intro)
    if event.location:
        component.add("location", event.location)
    component.add("url", url)
    if event.frequency:
        rule: dict = {"freq": ICAL_FREQUENCIES[event.frequency]}
        if event.interval and event.interval > 1:
            rule["interval"] = event.interval
        if event.weekday_codes:
            rule["byday"] = event.weekday_codes
        if event.repeat_until:
            # RFC 5545: with a zoned DTSTART, UNTIL is given in UTC.
            last_moment = datetime.datetime.combine(
                event.repeat_until, datetime.time(23, 59, 59), tzinfo=event.local_start.tzinfo
            )
            rule["until"] = last_moment.astimezone(datetime.UTC)
        component.add("rrule", rule)
    return component


def build_calendar(request: HttpRequest, name: str, events: Iterable[EventPage]) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Kyiv")
    for event in events:
        calendar.add_component(event_component(event, request))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(request: HttpRequest, page, events: Iterable[EventPage]) -> HttpResponse:
    """The events as an ``.ics`` file that calendar apps can subscribe to."""
    body = build_calendar(request, page.title, events)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    filename = f"{page.slug or 'events'}-{get_language()}.ics"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
