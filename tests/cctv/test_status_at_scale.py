"""The public camera pages cost the same for 3 cameras as for 30, show problems first in groups
and pages, keep the uptime history for the day, rebuild the shared snapshot once when it
expires (the others serve the previous copy), and never show a stream detail."""

from __future__ import annotations

import datetime
import pickle
import re
import threading
import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cctv_bridge.models import Camera, DailyUptime, Incident, Maintenance
from cctv_bridge.probe_records import roll_up
from cctv_bridge.public import PAGE_SIZE, home_summary
from cctv_bridge.public_snapshot import SNAPSHOT_KEY
from cctv_bridge.stale_cache import Stamped, lock_key, shared
from cctv_bridge.uptime_history import daily_charts
from tests.cctv.camera_helpers import SECRET, camera

pytestmark = pytest.mark.django_db

HOST = "10.20.30.41"
URL = f"http://{HOST}:8081/cam/1/snapshot.jpg"
PAGES = ["/cameras/", "/en/cameras/", "/api/cameras/"]
#: A mix like a real network's: every seventh offline, every fifth degraded, some unknown,
#: some in maintenance, the rest online; 90 days of history ending yesterday.
_made = iter(range(10_000))


def make_cameras(count: int, now: datetime.datetime | None = None) -> list[Camera]:
    now = now or timezone.now()
    yesterday = timezone.localdate(now) - datetime.timedelta(days=1)
    made = []
    for _ in range(count):
        index = next(_made)
        cam = camera(URL, code=f"cam-{index:04d}", name_en=f"Camera {index:04d}")
        if index % 11 != 3:  # never probed: unknown
            Camera.objects.filter(pk=cam.pk).update(last_probe_at=now, last_seen_at=now)
        if index % 7 == 0:
            Incident.objects.create(
                camera=cam,
                status="offline",
                codes=["refused"],
                started_at=now - datetime.timedelta(hours=1 + index % 5),
            )
        elif index % 5 == 0:
            Incident.objects.create(
                camera=cam,
                status="degraded",
                codes=["covered"],
                started_at=now - datetime.timedelta(hours=2),
            )
        elif index % 13 == 0:
            Maintenance.objects.create(
                camera=cam,
                starts_at=now - datetime.timedelta(hours=1),
                ends_at=now + datetime.timedelta(hours=1),
            )
        Incident.objects.create(
            camera=cam,
            status="offline",
            codes=["timeout"],
            started_at=now - datetime.timedelta(days=3),
            ended_at=now - datetime.timedelta(days=3) + datetime.timedelta(minutes=20),
        )
        DailyUptime.objects.bulk_create(
            DailyUptime(
                camera=cam,
                day=yesterday - datetime.timedelta(days=back),
                probes=1440,
                up=1440 - (index + back) % 40,
            )
            for back in range(90)
        )
        made.append(cam)
    return made


def queries(fn) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return [query["sql"] for query in captured.captured_queries]


def page_queries(client, url: str) -> list[str]:
    return queries(lambda: client.get(url).status_code == 200 or pytest.fail(url))


def test_queries_do_not_grow_with_the_number_of_cameras(client, no_page_cache):
    make_cameras(3)
    for url in PAGES:
        client.get(url)  # the first request also loads sites, locales and settings
    rebuilt, served = {}, {}
    for count in (3, 30):
        if count == 30:
            make_cameras(27)
        cache.clear()  # the snapshot and the day's history are worked out again: the worst case
        rebuilt[count] = [len(page_queries(client, url)) for url in PAGES]
        rebuilt[count].append(len(queries(home_summary)))
        served[count] = {url: page_queries(client, url) for url in PAGES}
    assert Camera.objects.count() == 30
    assert rebuilt[3] == rebuilt[30]
    assert [len(q) for q in served[3].values()] == [len(q) for q in served[30].values()]
    # Served from the snapshot and the day's history, the pages read no camera table at all.
    assert not [sql for sqls in served[30].values() for sql in sqls if "cctv_bridge" in sql]
    assert not [sql for sql in queries(home_summary) if "cctv_bridge" in sql]


def listed_codes(html: str) -> list[str]:
    return re.findall(r'camera__name">(?:<span lang="uk">)?Camera (\d{4})', html)


def test_problems_come_first_in_groups_by_state(client):
    now = timezone.now()
    make_cameras(30, now)
    html = client.get("/en/cameras/").content.decode()
    table = html.split('class="cameras"', 1)[1]
    groups = re.findall(r'<th scope="colgroup" colspan="5">([^<]+)</th>', table)
    assert groups == ["Offline", "Degraded", "Unknown", "Maintenance", "Online"]
    statuses = re.findall(r'<span class="status status--(\w+)">', table)
    order = ["offline", "degraded", "unknown", "maintenance", "online"]
    assert statuses == sorted(statuses, key=order.index)
    # The longest outage first.
    offline = Incident.objects.filter(status="offline", ended_at__isnull=True).order_by(
        "started_at", "camera__code"
    )
    codes = listed_codes(html)
    assert codes[: offline.count()] == [i.camera.code.removeprefix("cam-") for i in offline]
    # The summary at the top: every state with its number, each a link to its cameras.
    summary = html.split('class="camera-summary"', 1)[1].split("</nav>", 1)[0]
    counts = dict(re.findall(r'href="\?state=(\w+)"[^>]*>[^:<]+: (\d+)<', summary))
    assert sum(int(n) for n in counts.values()) == 30
    assert int(counts["offline"]) == offline.count()
    only = client.get("/en/cameras/?state=offline").content.decode()
    assert set(re.findall(r'<span class="status status--(\w+)">', only)) == {"offline"}
    assert f"Cameras found: {offline.count()} of 30." in only
    assert client.get("/en/cameras/?state=burning").status_code == 404


def test_the_page_and_the_api_are_paginated(client):
    make_cameras(30)
    first = client.get("/en/cameras/").content.decode()
    second = client.get("/en/cameras/?page=2").content.decode()
    assert len(listed_codes(first)) == PAGE_SIZE
    assert len(listed_codes(second)) == 30 - PAGE_SIZE
    assert not set(listed_codes(first)) & set(listed_codes(second))
    assert 'rel="next" href="?page=2"' in first and 'rel="prev" href="?page=1"' in second
    assert "Page 2 of 2" in second
    # A filter is kept from page to page.
    online = client.get("/en/cameras/?state=online").content.decode()
    count = int(re.search(r"Cameras found: (\d+) of 30", online).group(1))
    if count > PAGE_SIZE:
        assert 'href="?state=online&amp;page=2"' in online

    data = client.get("/api/cameras/?limit=10&offset=25").json()
    assert data["count"] == 30 and data["limit"] == 10 and data["offset"] == 25
    codes = sorted(Camera.objects.values_list("code", flat=True))
    assert [c["code"] for c in data["cameras"]] == codes[25:]
    everything = client.get("/api/cameras/?limit=500").json()["cameras"]
    assert [c["code"] for c in everything] == codes
    assert set(everything[0]) == {
        "code",
        "name",
        "address",
        "latitude",
        "longitude",
        "status",
        "since",
        "last_seen",
        "as_of",
        "uptime",
    }
    assert sum(client.get("/api/cameras/").json()["summary"].values()) == 30
    for odd in ("limit=0", "limit=501", "offset=-1", "limit=ten", "offset=1e3"):
        response = client.get(f"/api/cameras/?{odd}")
        assert response.status_code == 400, odd
        assert "limit" in response.json()["error"]


def test_the_uptime_history_is_drawn_once_a_day_and_ends_with_yesterday():
    now = timezone.now()
    today = timezone.localdate(now)
    yesterday = today - datetime.timedelta(days=1)
    cam = camera(URL)
    DailyUptime.objects.create(camera=cam, day=yesterday, probes=100, up=50)
    roll_up(cam, now, "offline", up=False, healthy=False)  # a probe today, failed
    chart = daily_charts([cam.pk], now)[cam.pk]
    assert chart.count("<rect") == 90
    last = chart.rsplit("<rect", 1)[1]
    assert 'class="uptime__down"' in last and "50" in last  # yesterday, from the daily store
    assert today.strftime("%d.%m.%Y") not in chart and today.strftime("%m/%d/%Y") not in chart
    # Yesterday's roll-ups do not change: the chart is read back for the rest of the day
    # without a query.
    DailyUptime.objects.filter(camera=cam, day=yesterday).update(up=100)
    assert queries(lambda: daily_charts([cam.pk], now)) == []
    assert daily_charts([cam.pk], now)[cam.pk] == chart
    # Tomorrow the chart is drawn again and ends with today, with today's probe in it.
    tomorrow = daily_charts([cam.pk], now + datetime.timedelta(days=1))[cam.pk]
    assert tomorrow != chart
    today_bar = tomorrow.rsplit("<rect", 1)[1]
    assert 'class="uptime__down"' in today_bar and "0 %" in today_bar
    assert 'class="uptime__up"' in tomorrow.rsplit("<rect", 2)[1]  # yesterday, now 100 %


def test_an_expired_snapshot_is_rebuilt_once_while_the_others_serve_the_old_one():
    cache.set("stampede", Stamped("old", time.time() - 1), 300)
    release, builds = threading.Event(), []

    def build() -> str:
        builds.append(threading.current_thread().name)
        assert release.wait(10)
        return "new"

    results: dict[int, str] = {}

    def visitor(n: int) -> None:
        results[n] = shared("stampede", build, 30).value

    threads = [threading.Thread(target=visitor, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + 10
    while len(results) < 7 and time.monotonic() < deadline:
        time.sleep(0.01)
    # While one request rebuilds, the seven others have already been answered, from the copy.
    assert len(builds) == 1 and sorted(results.values()) == ["old"] * 7
    release.set()
    for thread in threads:
        thread.join(10)
    assert sorted(results.values()) == ["new"] + ["old"] * 7
    assert shared("stampede", build, 30).value == "new" and len(builds) == 1
    assert cache.get(lock_key("stampede")) is None


def test_without_any_copy_the_others_wait_for_the_one_rebuilding():
    release, builds = threading.Event(), []

    def build() -> str:
        builds.append(1)
        release.wait(10)
        return "first"

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(shared("cold", build, 30).value))
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.3)
    release.set()
    for thread in threads:
        thread.join(10)
    assert results == ["first"] * 4 and len(builds) == 1


def test_a_failed_rebuild_serves_the_previous_copy():
    cache.set("flaky", Stamped("old", time.time() - 1), 300)

    def broken() -> str:
        raise ConnectionError("database restarting")

    assert shared("flaky", broken, 30).value == "old"
    assert cache.get(lock_key("flaky")) is None  # the next request tries again


def test_the_page_serves_the_previous_snapshot_while_another_request_rebuilds(client):
    make_cameras(2)
    client.get("/api/cameras/")
    stale = cache.get(SNAPSHOT_KEY)
    cache.set(SNAPSHOT_KEY, Stamped(stale.value, time.time() - 1), 300)
    make_cameras(1)
    cache.add(lock_key(SNAPSHOT_KEY), "another request", 60)
    served = client.get("/api/cameras/?limit=50")
    assert served.json()["count"] == 2  # the previous copy
    cache.delete(lock_key(SNAPSHOT_KEY))
    assert client.get("/api/cameras/?limit=51").json()["count"] == 3  # rebuilt


def test_no_stream_detail_reaches_the_pages_the_api_or_the_snapshot(client):
    cams = make_cameras(30)
    Camera.objects.filter(pk=cams[0].pk).update(public=False, name_uk="Прихована")
    urls = [
        *PAGES,
        "/cameras/?page=2",
        "/en/cameras/?state=offline",
        "/api/cameras/?limit=5&offset=5",
    ]
    for url in urls:
        body = client.get(url).content.decode()
        for secret in (SECRET, "viewer", HOST, "8081", "snapshot.jpg", "Прихована"):
            assert secret not in body, (url, secret)
        assert cams[0].stream_url_sealed[:20] not in body
    kept = pickle.dumps(cache.get(SNAPSHOT_KEY))
    assert SECRET.encode() not in kept and cams[1].stream_url_sealed[:20].encode() not in kept
    assert "Прихована".encode() not in kept


def test_without_the_cache_the_api_is_worked_out_per_request(client, settings):
    from tests.harness.servers import free_port

    make_cameras(3)
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",  # nothing listens there
        }
    }
    response = client.get("/api/cameras/")
    assert response.status_code == 200 and response.json()["count"] == 3
