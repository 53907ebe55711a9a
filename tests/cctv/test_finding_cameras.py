"""A resident looking for "the camera at the bus station" finds it on the status page, without
JavaScript, in either language; the page costs the same number of queries for 12 cameras as
for 100, and each camera's public state is still the one of its own delay."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cctv_bridge.models import Camera, DailyUptime, Incident, Maintenance
from cctv_bridge.reporting import public_states
from tests.cctv.camera_helpers import camera

pytestmark = pytest.mark.django_db

URL = "http://10.20.30.40:8081/cam/1/snapshot.jpg"


def listed_names(html: str) -> list[str]:
    """The camera names in the status list, in order."""
    rows = html.split('class="cameras"', 1)[1].split("</table>", 1)[0]
    names = [part.split("<br", 1)[0].split("</th>", 1)[0] for part in rows.split('"camera__name">')]
    return [re.sub(r"<[^>]+>", "", name).strip() for name in names[1:]]


@pytest.mark.parametrize(
    ("url", "found", "absent"),
    [
        ("/cameras/?q=автостанція", "Автостанція", "Стадіон"),
        ("/cameras/?q=біля+автостанції", "Автостанція", "Стадіон"),
        ("/cameras/?q=Тарасова", "Автостанція", "Міський ринок"),
        ("/en/cameras/?q=camera+at+the+bus+station", "Bus station", "Stadium"),
        ("/en/cameras/?q=BUS+STATION", "Bus station", "Town market"),
    ],
)
def test_a_resident_finds_the_bus_station_camera(client, demo, url, found, absent):
    response = client.get(url)
    assert response.status_code == 200
    names = listed_names(response.content.decode())
    assert found in names
    assert absent not in names


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_search_form_works_without_javascript(client, demo, lang):
    prefix = "" if lang == "uk" else "/en"
    html = client.get(f"{prefix}/cameras/").content.decode()
    form = html.split('class="camera-search"', 1)[1].split("</form>", 1)[0]
    assert 'method="get"' in form and f'action="{prefix}/cameras/"' in form
    assert 'type="search"' in form and 'name="q"' in form
    assert len(listed_names(html)) == Camera.objects.filter(public=True, active=True).count()


def test_a_search_that_finds_nothing_says_so_and_leads_back(client, demo):
    html = client.get("/en/cameras/?q=lighthouse").content.decode()
    assert listed_names(html) == []
    assert "No camera matches “lighthouse”." in html
    assert 'href="/en/cameras/"' in html
    assert 'value="lighthouse"' in html  # the query stays in the field


def test_the_shown_count_names_the_query(client, demo):
    html = client.get("/en/cameras/?q=crossing").content.decode()
    assert len(listed_names(html)) == 2
    assert "Cameras found: 2 of 11." in html
    assert len(listed_names(client.get("/cameras/?q=перехрестя").content.decode())) == 2


def make_cameras(count: int) -> None:
    now = timezone.now()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    for index in range(count):
        made = camera(URL, public_delay_minutes=index % 3 * 10)
        Camera.objects.filter(pk=made.pk).update(last_probe_at=now, last_seen_at=now)
        DailyUptime.objects.create(camera=made, day=yesterday, probes=100, up=97)
        if index % 4 == 0:
            Incident.objects.create(
                camera=made,
                status="offline",
                codes=["refused"],
                started_at=now - datetime.timedelta(hours=2),
                ended_at=now - datetime.timedelta(hours=1),
            )
        if index % 5 == 0:
            Maintenance.objects.create(
                camera=made,
                starts_at=now - datetime.timedelta(hours=1),
                ends_at=now + datetime.timedelta(hours=1),
            )


def queries_for_status_page(client) -> int:
    cache.clear()  # the shared snapshot and the day's uptime history are worked out again
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/cameras/").status_code == 200
    return len(queries.captured_queries)


def test_the_status_page_costs_the_same_for_12_and_100_cameras(client, no_page_cache):
    Camera.objects.all().delete()
    make_cameras(12)
    client.get("/cameras/")  # the first request also loads sites, locales and settings
    with_12 = queries_for_status_page(client)
    make_cameras(88)
    assert Camera.objects.count() == 100
    assert queries_for_status_page(client) == with_12


def test_each_camera_is_shown_as_of_its_own_delay():
    now = timezone.now()
    minutes = datetime.timedelta(minutes=1)
    prompt = camera(URL, public_delay_minutes=0)
    delayed = camera(URL, public_delay_minutes=30)
    quiet = camera(URL, public_delay_minutes=30)
    Camera.objects.update(last_probe_at=now, last_seen_at=now)
    for cam in (prompt, delayed):
        # Offline from 20 minutes ago until 5 minutes ago; an older outage ended 2 hours ago.
        Incident.objects.create(
            camera=cam, status="offline", started_at=now - 20 * minutes, ended_at=now - 5 * minutes
        )
        Incident.objects.create(
            camera=cam,
            status="degraded",
            started_at=now - 200 * minutes,
            ended_at=now - 120 * minutes,
        )
    Incident.objects.create(camera=quiet, status="degraded", started_at=now - 40 * minutes)
    Maintenance.objects.create(
        camera=quiet, starts_at=now - 50 * minutes, ends_at=now - 35 * minutes
    )
    cameras = list(Camera.objects.filter(pk__in=[prompt.pk, delayed.pk, quiet.pk]).order_by("pk"))
    states = {state.camera.pk: state for state in public_states(cameras, now)}
    # Seen now: the outage is over; online since it ended.
    assert states[prompt.pk].status == "online"
    assert states[prompt.pk].since == now - 5 * minutes
    # Seen half an hour ago: the recent outage had not begun; online since the older one ended.
    assert states[delayed.pk].status == "online"
    assert states[delayed.pk].since == now - 120 * minutes
    assert states[delayed.pk].last_seen == now - 30 * minutes
    # Seen half an hour ago: the maintenance had ended and the incident had begun.
    assert states[quiet.pk].status == "degraded"
    assert states[quiet.pk].since == now - 40 * minutes
