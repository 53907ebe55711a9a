"""Campaigns (current and past) and events (recurrence, upcoming and past lists, iCalendar)."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from cms.models import CampaignIndexPage, CampaignPage, EventIndexPage, EventPage

pytestmark = pytest.mark.django_db
KYIV = ZoneInfo("Europe/Kyiv")


def campaign_index(lang: str) -> CampaignIndexPage:
    return CampaignIndexPage.objects.get(locale__language_code=lang)


def event_index(lang: str) -> EventIndexPage:
    return EventIndexPage.objects.get(locale__language_code=lang)


def add_campaign(title: str, start: datetime.date, end: datetime.date | None) -> CampaignPage:
    page = CampaignPage(title=title, intro="Коротко.", start_date=start, end_date=end)
    campaign_index("uk").add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_campaign_pages_render_in_both_languages(client, demo, lang):
    index = campaign_index(lang)
    html = client.get(index.url).content.decode()
    assert f'<html lang="{lang}">' in html
    campaigns = CampaignPage.objects.child_of(index).live()
    assert campaigns.count() == (4 if lang == "uk" else 3)  # one is Ukrainian-only
    for campaign in campaigns:
        assert campaign.title in html
        page = client.get(campaign.url).content.decode()
        assert campaign.intro in page
    resort = campaigns.get(
        slug__in=["bezpechnyi-vidpochynok-na-kurortakh", "safe-holidays-at-the-resorts"]
    )
    page = client.get(resort.url).content.decode()
    assert ("Лебедівка" if lang == "uk" else "Lebedivka") in page


def test_current_and_past_campaigns(client, demo):
    today = timezone.localdate()
    running = add_campaign("Осінні рейди", today - datetime.timedelta(days=10), None)
    finished = add_campaign(
        "Зимова кампанія", datetime.date(2020, 1, 1), today - datetime.timedelta(days=1)
    )
    context = client.get(campaign_index("uk").url).context
    assert running in list(context["current_campaigns"])
    assert finished in list(context["past_campaigns"])
    assert finished not in list(context["current_campaigns"])
    home = client.get("/").content.decode()
    assert "Осінні рейди" in home and "Зимова кампанія" not in home


def test_campaign_cannot_end_before_it_starts(demo):
    page = CampaignPage(
        title="x",
        intro="x",
        start_date=datetime.date(2020, 5, 1),
        end_date=datetime.date(2020, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "end_date" in error.value.message_dict


def test_campaign_shows_partners_and_related_news_in_its_language(client, demo):
    english = CampaignPage.objects.get(
        locale__language_code="en", slug="safe-holidays-at-the-resorts"
    )
    html = client.get(english.url).content.decode()
    assert "Tatarbunary Police Station" in html
    assert "Татарбунарське" not in html
    for link in english.news_links.all():
        assert link.news_page.locale.language_code == "en"
        assert link.news_page.title in html


def test_weekly_event_on_two_days_keeps_its_local_time_across_summer_time():
    event = EventPage(
        title="Прийом",
        intro="x",
        start=datetime.datetime(2026, 3, 24, 10, 0, tzinfo=KYIV),  # a Tuesday, winter time
        end=datetime.datetime(2026, 3, 24, 12, 0, tzinfo=KYIV),
        frequency="weekly",
        weekdays="TU,TH",
    )
    after = datetime.datetime(2026, 3, 25, tzinfo=KYIV)
    dates = event.occurrences(after, after + datetime.timedelta(days=9))
    assert [d.strftime("%a %d %H:%M") for d in dates] == [
        "Thu 26 10:00",
        "Tue 31 10:00",
        "Thu 02 10:00",
    ]
    assert {d.utcoffset() for d in dates} == {
        datetime.timedelta(hours=2),
        datetime.timedelta(hours=3),
    }
    assert event.next_occurrence(after).day == 26
    with translation.override("uk"):
        assert event.schedule() == "щотижня, у такі дні: вівторок, четвер"
    with translation.override("en"):
        assert event.schedule() == "every week, on Tuesday, Thursday"
    event.interval = 2
    with translation.override("uk"):
        assert event.schedule().startswith("кожні 2 тижні")


def test_recurrence_ends_on_its_last_date():
    event = EventPage(
        title="x",
        intro="x",
        frequency="monthly",
        repeat_until=datetime.date(2026, 6, 30),
        start=datetime.datetime(2026, 1, 15, 10, 0, tzinfo=KYIV),
    )
    start = datetime.datetime(2026, 1, 1, tzinfo=KYIV)
    assert len(event.occurrences(start, start + datetime.timedelta(days=400))) == 6
    assert event.next_occurrence(datetime.datetime(2026, 7, 1, tzinfo=KYIV)) is None


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"end": datetime.datetime(2026, 1, 1, 9, 0, tzinfo=KYIV)}, "end"),
        ({"repeat_until": datetime.date(2026, 6, 1)}, "repeat_until"),
        ({"frequency": "monthly", "weekdays": "TU"}, "weekdays"),
        ({"frequency": "weekly", "repeat_until": datetime.date(2025, 1, 1)}, "repeat_until"),
    ],
)
def test_bad_event_dates_are_explained(fields, field):
    event = EventPage(
        title="x", intro="x", start=datetime.datetime(2026, 1, 1, 10, 0, tzinfo=KYIV), **fields
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert field in error.value.message_dict


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_event_index_lists_upcoming_dates_and_formats(client, demo, lang):
    index = event_index(lang)
    response = client.get(index.url)
    html = response.content.decode()
    upcoming = response.context["upcoming"]
    # The recurring formats go on (reception, coffee meetings, the yearly forum).
    assert len(upcoming) == 4
    assert all(item["start"] >= timezone.now() for item in upcoming)
    assert [item["start"] for item in upcoming] == sorted(item["start"] for item in upcoming)
    assert len(response.context["formats"]) == 4
    assert "text/calendar" in html  # the feed is announced in <head>
    past = client.get(index.url + "past/")
    assert past.status_code == 200
    assert all(not event.is_recurring for event in past.context["past_page"])


@pytest.mark.parametrize("query", [{"page": "abc"}, {"page": "999999"}, {"page": "-1"}])
def test_past_events_answer_odd_pages(client, demo, query):
    assert client.get(event_index("uk").url + "past/", query).status_code == 200


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_ical_feed_is_valid_and_uses_rrule_and_the_kyiv_zone(client, demo, lang):
    index = event_index(lang)
    response = client.get(index.url + "ical/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content
    assert body.startswith(b"BEGIN:VCALENDAR\r\n") and body.endswith(b"END:VCALENDAR\r\n")
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))  # RFC 5545 line folding
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = calendar.walk("VEVENT")
    pages = EventPage.objects.child_of(index).live()
    assert len(events) == pages.count()
    assert len({str(e["UID"]) for e in events}) == len(events)
    for event in events:
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY", "URL"} <= set(event.keys())
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Kyiv"]
    reception = next(e for e in events if e.get("RRULE", {}).get("BYDAY"))
    assert reception["RRULE"]["FREQ"] == ["WEEKLY"]
    assert reception["RRULE"]["BYDAY"] == ["TU", "TH"]
    assert reception["DTSTART"].params["TZID"] == "Europe/Kyiv"
    assert reception["DTSTART"].dt.hour == 10
    forum = next(e for e in events if e.get("RRULE", {}).get("FREQ") == ["YEARLY"])
    assert forum["DTSTART"].dt.month == 12 and forum["DTSTART"].dt.day == 19


def test_single_event_calendar_file(client, demo):
    event = EventPage.objects.filter(locale__language_code="uk", frequency="").first()
    response = client.get(event.url + "ical/")
    calendar = icalendar.Calendar.from_ical(response.content)
    (component,) = calendar.walk("VEVENT")
    assert str(component["SUMMARY"]) == event.title
    assert "RRULE" not in component


def test_until_is_given_in_utc_in_the_feed(client, demo):
    event = EventPage.objects.filter(locale__language_code="uk", frequency="monthly").first()
    event.repeat_until = datetime.date(2027, 6, 30)
    event.save_revision().publish()
    calendar = icalendar.Calendar.from_ical(client.get(event.url + "ical/").content)
    (component,) = calendar.walk("VEVENT")
    (until,) = component["RRULE"]["UNTIL"]
    assert until.utcoffset() == datetime.timedelta(0)


def test_event_listings_make_the_same_number_of_queries_with_more_events(
    client, demo, no_page_cache
):
    index = event_index("uk")

    def count(url):
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    urls = [index.url, index.url + "past/", index.url + "ical/", "/"]
    before = [count(url) for url in urls]
    for number in range(20):
        start = timezone.now() + datetime.timedelta(days=number + 1) * (1 if number % 2 else -1)
        page = EventPage(
            title=f"Подія {number}",
            intro="x",
            start=start,
            frequency="weekly" if number % 3 == 0 else "",
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    assert [count(url) for url in urls] == before


@pytest.mark.parametrize(
    ("frequency", "interval", "weekdays", "first"),
    [
        ("weekly", 1, "TU,TH", datetime.datetime(2018, 6, 5, 10, 0)),
        ("weekly", 2, "MO,FR", datetime.datetime(2018, 6, 8, 18, 30)),
        ("weekly", 3, "", datetime.datetime(2019, 1, 2, 9, 0)),
        ("monthly", 1, "", datetime.datetime(2018, 7, 12, 10, 0)),
        ("monthly", 1, "", datetime.datetime(2018, 1, 31, 10, 0)),  # skips short months
        ("monthly", 5, "", datetime.datetime(2018, 3, 30, 10, 0)),
        ("yearly", 1, "", datetime.datetime(2019, 12, 19, 10, 0)),
        ("yearly", 1, "", datetime.datetime(2016, 2, 29, 10, 0)),  # leap days only
        ("yearly", 3, "", datetime.datetime(2017, 8, 22, 10, 0)),
    ],
)
def test_the_shortcut_to_recent_dates_gives_the_same_dates_as_the_full_rule(
    frequency, interval, weekdays, first
):
    event = EventPage(
        title="x",
        intro="x",
        frequency=frequency,
        interval=interval,
        weekdays=weekdays,
        start=first.replace(tzinfo=KYIV),
    )
    full = event.rule()
    for days in (0, 1, 6, 13, 40, 200, 365 * 3 + 17, 365 * 8 + 100):
        near = first + datetime.timedelta(days=days, hours=5)
        shortcut = event.rule(near=near)
        assert shortcut.after(near, inc=True) == full.after(near, inc=True), near
        window_end = near + datetime.timedelta(days=800)
        assert shortcut.between(near, window_end, inc=True) == full.between(
            near, window_end, inc=True
        )


def test_campaign_index_queries_do_not_grow_with_campaigns(client, demo, no_page_cache):
    index = campaign_index("uk")

    def count():
        client.get(index.url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index.url).status_code == 200
        return len(queries)

    before = count()
    for number in range(15):
        add_campaign(f"Кампанія {number}", datetime.date(2020, 1, 1 + number), None)
        add_campaign(
            f"Минула {number}", datetime.date(2019, 1, 1), datetime.date(2019, 2, 1 + number)
        )
    assert count() == before


def test_language_switcher_keeps_the_sub_page(client, demo):
    html = client.get(event_index("uk").url + "past/").content.decode()
    switcher = html.split('class="language-switcher"', 1)[1].split("</nav>")[0]
    assert 'href="/en/events/past/"' in switcher
