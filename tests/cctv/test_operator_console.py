"""The duty volunteers' console: a live board (problems first, refreshed without reloading),
acknowledgements that say who and when, trends with scales, recent snapshots (each look
logged) and the duty roster by people's names."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.translation import gettext

from cctv_bridge.models import Camera, DutyShift, Incident, Probe, Snapshot, SnapshotAccess
from tests.cctv.camera_helpers import SECRET, camera
from tests.two_factor_helpers import confirmed_device_for, verified_login
from tests.workflow_helpers import member

pytestmark = pytest.mark.django_db

URL = "http://10.20.30.40:8081/cam/7/snapshot.jpg"
BOARD = "/admin/cctv/board/"


def operator(username: str = "duty-volunteer", first_name: str = "", last_name: str = ""):
    user = get_user_model().objects.create_user(
        username, password="x", first_name=first_name, last_name=last_name
    )
    user.groups.add(Group.objects.get(name="Situational centre operators"))
    return user


def in_state(code: str, status: str, since_minutes: float | None = None, **values) -> Camera:
    made = camera(URL, code=code, **values)
    since = (
        timezone.now() - datetime.timedelta(minutes=since_minutes)
        if since_minutes is not None
        else None
    )
    Camera.objects.filter(pk=made.pk).update(status=status, status_since=since)
    return made


def board_order(html: str) -> list[str]:
    return re.findall(r'data-camera="([^"]+)"', html)


def test_the_board_is_for_verified_operators_only_and_never_cached(client, demo):
    in_state("cam-01", "offline", 5)
    assert "/admin/login/" in client.get(BOARD)["Location"]
    client.force_login(member("coordinator"))
    refused = client.get(BOARD)
    assert refused.status_code in (302, 403) and b"cam-01" not in refused.content
    assert refused.status_code == 403 or refused["Location"] == "/admin/"
    unenrolled = operator("no-app-yet")
    client.force_login(unenrolled)
    response = client.get(BOARD)
    assert response.status_code == 302 and "/admin/two-factor/" in response["Location"]
    verified_login(client, operator())
    response = client.get(BOARD)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    body = response.content.decode()
    assert "cam-01" in body
    for secret in (SECRET, "10.20.30.40", "8081", "snapshot.jpg", "viewer", "rtsp://"):
        assert secret not in body


def test_problems_come_first_longest_first_with_counts(client, demo):
    in_state("a-healthy", "online", 300)
    in_state("b-unknown", "unknown")
    in_state("c-degraded", "degraded", 10)
    in_state("d-offline-new", "offline", 5)
    in_state("e-offline-old", "offline", 120)
    flapping = in_state("f-unstable", "online", 2)
    Camera.objects.filter(pk=flapping.pk).update(flapping_alerted_at=timezone.now())
    in_state("g-degraded-old", "degraded", 60)
    verified_login(client, operator())
    html = client.get(BOARD).content.decode()
    mine = [code for code in board_order(html) if "-" in code and code[0] in "abcdefg"]
    assert mine == [
        "e-offline-old",
        "d-offline-new",
        "g-degraded-old",
        "c-degraded",
        "f-unstable",
        "b-unknown",
        "a-healthy",
    ]
    # Not colour alone: each state is written out, and the counts lead the board.
    assert re.search(r'data-state="offline"[^>]*>.*?\b2\b', html, re.S)
    with translation.override("uk"):  # the operator's admin language
        assert gettext("Unstable") in html


def test_the_board_costs_the_same_for_12_and_100_cameras(client, demo):
    verified_login(client, operator())

    def queries_with(count: int) -> int:
        existing = Camera.objects.count()
        for number in range(existing, count):
            made = in_state(f"load-{number:03d}", "offline" if number % 3 else "degraded", 7)
            Incident.objects.create(
                camera=made, status=made.status, started_at=timezone.now(), codes=["refused"]
            )
            Snapshot.objects.create(
                camera=made, taken_at=timezone.now(), image=b"\xff\xd8", width=4, height=3
            )
        with CaptureQueriesContext(connection) as captured:
            assert client.get(BOARD).status_code == 200
        return len(captured)

    assert queries_with(12) == queries_with(100)


def test_the_console_refreshes_itself_at_the_configured_interval(client, demo, settings):
    settings.CCTV_CONSOLE_REFRESH_SECONDS = 7
    verified_login(client, operator())
    html = client.get("/admin/cctv/").content.decode()
    assert 'data-refresh-seconds="7"' in html and f'data-refresh-url="{BOARD}"' in html
    assert 'aria-live="polite"' in html
    assert '<h1 class="w-header__title"' in html  # the page has its heading
    assert re.search(r'<script [^>]*src="[^"]*cctv_bridge/operator_console\.js"', html)
    # Without JavaScript it is still a whole page: the board is in it.
    in_state("cam-live", "offline", 3)
    assert "cam-live" in client.get("/admin/cctv/").content.decode()


def test_acknowledging_uses_a_labelled_textarea_and_shows_who_and_when(client, demo):
    broken = in_state("cam-ack", "offline", 15)
    incident = Incident.objects.create(
        camera=broken, status="offline", started_at=timezone.now(), codes=["refused"]
    )
    user = operator("olena", "Олена", "Коваль")
    verified_login(client, user)
    html = client.get("/admin/cctv/").content.decode()
    assert re.search(rf'<label[^>]*for="note-{incident.pk}"', html)
    assert re.search(rf'<textarea[^>]*id="note-{incident.pk}"', html)
    client.post(f"/admin/cctv/incident/{incident.pk}/acknowledge/", {"note": "Виїхав технік"})
    incident.refresh_from_db()
    for page in (BOARD, f"/admin/cctv/camera/{broken.pk}/"):
        html = client.get(page).content.decode()
        assert "Олена Коваль" in html and "Виїхав технік" in html
        assert f'datetime="{incident.acknowledged_at.isoformat()}"' in html
        assert f'id="note-{incident.pk}"' not in html


def test_the_camera_page_shows_recent_snapshots_and_each_look_is_logged(client, demo):
    watched = in_state("cam-snaps", "online", 30)
    now = timezone.now()
    snapshots = [
        Snapshot.objects.create(
            camera=watched,
            taken_at=now - datetime.timedelta(minutes=10 * age),
            image=b"\xff\xd8" + bytes([age]),
            width=4,
            height=3,
        )
        for age in range(8)
    ]
    verified_login(client, operator())
    html = client.get(f"/admin/cctv/camera/{watched.pk}/").content.decode()
    shown = [int(pk) for pk in re.findall(r'src="/admin/cctv/snapshot/(\d+)/"', html)]
    assert shown == [s.pk for s in snapshots[:6]]  # newest first, the last six
    for snapshot in snapshots[:6]:
        assert snapshot.taken_at.isoformat() in html
    assert not SnapshotAccess.objects.exists()  # the page itself shows no picture
    for pk in shown:
        assert client.get(f"/admin/cctv/snapshot/{pk}/").status_code == 200
    assert SnapshotAccess.objects.filter(camera=watched).count() == 6


def test_trends_have_axes_with_units_and_ticks(client, demo):
    watched = in_state("cam-trend", "online", 30)
    now = timezone.now()
    for minutes in range(0, 24 * 60, 30):
        Probe.objects.create(
            camera=watched,
            at=now - datetime.timedelta(minutes=minutes),
            reachable=minutes % 120 != 0,
            first_frame_seconds=0.2 + minutes / 10000,
            duration=1.0,
            status="online",
            measures={"measure": {"brightness_mean": 120.0, "normalised_sharpness": 0.9}},
        )
    verified_login(client, operator())
    html = client.get(f"/admin/cctv/camera/{watched.pk}/").content.decode()
    with translation.override("uk"):  # the operator's admin language
        assert gettext("Response time, ms (time to the first frame)") in html
        assert gettext("Availability: the share of probes answered, hour by hour") in html
    charts = re.findall(r"<svg[^>]*class=\"trend-chart\".*?</svg>", html, re.S)
    assert len(charts) >= 3
    response_chart = charts[0]
    assert re.findall(r'class="tick-label y"[^>]*>(\d+)<', response_chart)
    assert len(re.findall(r'class="tick-label x"', response_chart)) >= 4
    availability = charts[1]
    assert re.findall(r'class="tick-label y"[^>]*>([^<]+)<', availability)[-1] == "100 %"
    # Coordinates are SVG lengths, never localised numbers ("12,5" in Ukrainian).
    for chart in charts:
        assert not re.search(r'\b(?:x|y|x1|x2|y1|y2)="[^"]*,', chart)
    # A fixed scale keeps to its bounds: brightness tops out at 255, not at a round 300.
    brightness = charts[2]
    assert max(int(t) for t in re.findall(r'class="tick-label y"[^>]*>(\d+)<', brightness)) <= 255


def test_nice_ticks_cover_the_range_in_round_steps():
    from cms.charts import nice_ticks

    assert nice_ticks(0, 100) == [0, 20, 40, 60, 80, 100]
    assert nice_ticks(203, 347) == [200, 250, 300, 350]
    flat = nice_ticks(5, 5)
    assert len(flat) >= 2 and flat[0] < 5 < flat[-1]


def test_the_roster_names_people_and_marks_who_is_on_duty(client, demo):
    now = timezone.now()
    hour = datetime.timedelta(hours=1)
    on_duty = operator("ivan", "Іван", "Петренко")
    nameless = operator("mykola-k")
    later = operator("oksana", "Оксана", "Бондар")
    DutyShift.objects.create(operator=on_duty, starts_at=now - 2 * hour, ends_at=now + 2 * hour)
    DutyShift.objects.create(operator=nameless, starts_at=now + 2 * hour, ends_at=now + 6 * hour)
    DutyShift.objects.create(operator=later, starts_at=now + 30 * hour, ends_at=now + 38 * hour)
    DutyShift.objects.create(operator=later, starts_at=now - 34 * hour, ends_at=now - 26 * hour)
    verified_login(client, operator())
    dashboard = client.get("/admin/cctv/").content.decode()
    assert 'href="/admin/cctv/roster/"' in dashboard
    html = client.get("/admin/cctv/roster/").content.decode()
    assert "Іван Петренко" in html and "mykola-k" in html and "Оксана Бондар" in html
    assert "ivan" not in html.replace("Іван", "") and "oksana" not in html
    current = re.search(r'<tr[^>]*class="[^"]*on-duty[^"]*"[^>]*>.*?</tr>', html, re.S)
    assert current and "Іван Петренко" in current.group(0)
    assert html.count("Оксана Бондар") == 1  # yesterday's shift is over


def test_the_roster_is_in_the_situational_centre_menu_not_under_settings(client, demo):
    from django.test import RequestFactory
    from wagtail.admin.menu import admin_menu, settings_menu

    person = operator("petro", "Петро", "Сидоренко")
    DutyShift.objects.create(
        operator=person,
        starts_at=timezone.now(),
        ends_at=timezone.now() + datetime.timedelta(hours=8),
    )
    administrator = member("administrator")
    verified_login(client, administrator)
    assert "Петро Сидоренко" in client.get("/admin/duty-roster/").content.decode()
    # Shifts are planned for people who may operate the cameras, chosen by name.
    bystander = member("coordinator", "not-an-operator")
    choices = client.get("/admin/duty-roster/new/").content.decode()
    assert re.search(r"<option[^>]*>Петро Сидоренко</option>", choices)
    assert bystander.username not in choices

    volunteer = operator("another-volunteer")
    confirmed_device_for(volunteer)  # without one the admin shows no menu at all
    for user in (administrator, volunteer):
        request = RequestFactory().get("/admin/")  # the menu is cached on the request
        request.user = user
        assert "/admin/duty-roster/" not in [
            item.url for item in settings_menu.menu_items_for_request(request)
        ]
        centre = next(
            item
            for item in admin_menu.menu_items_for_request(request)
            if item.name == "situational-centre"
        )
        inside = [item.url for item in centre.menu.menu_items_for_request(request)]
        assert "/admin/cctv/" in inside and "/admin/cctv/roster/" in inside
