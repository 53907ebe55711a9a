"""The public status page shows status and nothing that locates or opens a stream; operators
see everything and every look at a picture is logged; the registry never shows a URL back."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from cctv_bridge.models import Camera, DailyUptime, Incident, Snapshot, SnapshotAccess
from tests.cctv.camera_helpers import SECRET, camera
from tests.two_factor_helpers import verified_login
from tests.workflow_helpers import member

pytestmark = pytest.mark.django_db

HOST = "10.20.30.40"
URL = f"http://{HOST}:8081/cam/7/snapshot.jpg"
PUBLIC_URLS = [
    "/cameras/",
    "/en/cameras/",
    "/api/cameras/",
    "/cameras/incidents/rss/",
    "/en/cameras/incidents/atom/",
    "/",
    "/en/",
    "/cameras/no-such-page/",
]


@pytest.fixture
def network(demo):
    now = timezone.now()
    listed = camera(URL, code="pub-01", name_uk="Площа", name_en="Square", public_delay_minutes=30)
    hidden = camera(URL.replace("7", "8"), code="priv-01", name_uk="Двір ради", public=False)
    for cam in (listed, hidden):
        Camera.objects.filter(pk=cam.pk).update(
            status="offline",
            last_probe_at=now,
            last_seen_at=now - datetime.timedelta(minutes=5),
            status_detail={"error": "refused"},
        )
        DailyUptime.objects.create(
            camera=cam, day=timezone.localdate() - datetime.timedelta(days=1), probes=100, up=90
        )
        Snapshot.objects.create(camera=cam, taken_at=now, image=b"\xff\xd8jpeg", width=4, height=3)
    # An outage an hour old (public), and one that began a minute ago (operators only).
    Incident.objects.create(
        camera=listed,
        status="degraded",
        codes=["covered"],
        detail={"findings": []},
        started_at=now - datetime.timedelta(hours=1),
        ended_at=now - datetime.timedelta(minutes=40),
    )
    Incident.objects.create(
        camera=listed,
        status="offline",
        codes=["refused"],
        started_at=now - datetime.timedelta(minutes=1),
    )
    return listed, hidden


def test_the_status_page_lists_public_cameras_as_of_their_delay(client, network):
    html = client.get("/cameras/").content.decode()
    assert "Площа" in html and "Двір ради" not in html
    # Live, it is offline since a minute ago; the public sees it as it was 30 minutes ago.
    assert "status--online" in html and "status--offline" not in html.split("<table")[1]
    assert "<svg" in html and "uptime__partial" in html  # 90 % yesterday
    english = client.get("/en/cameras/").content.decode()
    assert "Square" in english and "Camera network status" in english
    assert "The lens is covered" in english  # the past incident's cause, in words


def test_the_api_and_feeds_say_the_same(client, network):
    data = client.get("/api/cameras/").json()
    cameras = {c["code"]: c for c in data["cameras"]}
    assert "pub-01" in cameras and "priv-01" not in cameras
    assert cameras["pub-01"]["status"] == "online"
    assert cameras["pub-01"]["uptime"]["24h"] == 0.9
    assert [i["cause"] for i in data["incidents"] if i["camera"] == "pub-01"] == [["covered"]]
    import feedparser

    feed = feedparser.parse(client.get("/en/cameras/incidents/rss/").content)
    assert [e.title for e in feed.entries] == ["Square: Degraded"]


def test_no_public_response_carries_a_stream_detail(client, network):
    listed, _hidden = network
    for url in PUBLIC_URLS:
        response = client.get(url)
        body = response.content.decode("utf-8", "replace")
        for secret in (
            SECRET,
            "viewer",
            HOST,
            "8081",
            "snapshot.jpg",
            "/cam/7",
            "rtsp://",
            listed.stream_url_sealed[:20],
        ):
            assert secret not in body, (url, secret)
        assert "/admin/cctv/snapshot/" not in body
        assert "Двір ради" not in body and "priv-01" not in body


def test_the_home_page_shows_the_network_summary(client, network):
    html = client.get("/").content.decode()
    assert 'href="/cameras/"' in html and "home-cameras" in html


def test_the_operator_view_is_for_operators_only(client, network):
    listed, _hidden = network
    urls = ["/admin/cctv/", f"/admin/cctv/camera/{listed.pk}/", "/admin/cctv/coverage/"]
    snapshot = Snapshot.objects.get(camera=listed)
    for url in [*urls, f"/admin/cctv/snapshot/{snapshot.pk}/"]:
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    editor = member("coordinator")
    client.force_login(editor)
    for url in [*urls, f"/admin/cctv/snapshot/{snapshot.pk}/"]:
        response = client.get(url)
        assert response.status_code in (302, 403) and b"jpeg" not in response.content
        assert response.status_code == 403 or response["Location"] == "/admin/"
    assert not SnapshotAccess.objects.exists()


def operator():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user("duty-volunteer", password="x")
    user.groups.add(Group.objects.get(name="Situational centre operators"))
    return user


def test_operators_see_every_camera_live_and_each_look_is_logged(client, network):
    _listed, hidden = network
    verified_login(client, operator())
    html = client.get("/admin/cctv/").content.decode()
    assert "priv-01" in html and "pub-01" in html
    assert SECRET not in html and HOST not in html
    detail = client.get(f"/admin/cctv/camera/{hidden.pk}/").content.decode()
    snapshot = Snapshot.objects.get(camera=hidden)
    assert f"/admin/cctv/snapshot/{snapshot.pk}/" in detail
    response = client.get(f"/admin/cctv/snapshot/{snapshot.pk}/")
    assert response["Content-Type"] == "image/jpeg" and response.content == b"\xff\xd8jpeg"
    assert "no-store" in response["Cache-Control"]
    (entry,) = SnapshotAccess.objects.all()
    assert (entry.username, entry.camera) == ("duty-volunteer", hidden)


def test_operators_acknowledge_incidents_with_a_note(client, network):
    listed, _hidden = network
    user = operator()
    verified_login(client, user)
    incident = Incident.objects.get(camera=listed, ended_at__isnull=True)
    response = client.post(f"/admin/cctv/incident/{incident.pk}/acknowledge/", {"note": "Виїхали"})
    assert response.status_code == 302
    incident.refresh_from_db()
    assert incident.acknowledged_by == user and incident.note == "Виїхали"


def test_administrators_read_and_export_the_access_log(client, network):
    listed, _hidden = network
    SnapshotAccess.objects.create(
        username="someone", camera=listed, snapshot_taken_at=timezone.now()
    )
    verified_login(client, operator())
    assert client.get("/admin/snapshot-access/").status_code in (302, 403)
    verified_login(client, member("administrator"))
    assert "someone" in client.get("/admin/snapshot-access/").content.decode()
    export = client.get("/admin/snapshot-access/?export=csv")
    content = b"".join(export.streaming_content).decode()
    assert export.status_code == 200 and "someone" in content
    assert client.get(
        f"/admin/snapshot-access/edit/{SnapshotAccess.objects.get().pk}/"
    ).status_code in (302, 403, 404)


def form(**values) -> dict:
    data = {
        "code": "new-01",
        "name_uk": "Нова камера",
        "name_en": "",
        "address_uk": "",
        "address_en": "",
        "latitude": "",
        "longitude": "",
        "owner": "",
        "source": "rtsp",
        "stream_url": f"rtsp://admin:{SECRET}@192.168.1.20:554/stream1",
        "probe_interval": "60",
        "active": "on",
        "thresholds": "{}",
        "public_delay_minutes": "60",
        "purpose_uk": "",
        "purpose_en": "",
        "legal_basis": "",
        "responsible_person": "",
        "retention_days": "3",
        "probe_retention_days": "30",
        "installed_on": "",
        "field_of_view_uk": "",
        "field_of_view_en": "",
    }
    data.update(values)
    return data


def test_the_registry_stores_the_url_encrypted_and_never_shows_it(client, demo):
    verified_login(client, member("administrator"))
    response = client.post("/admin/cameras/new/", form())
    assert response.status_code == 302, response.content.decode()[:3000]
    cam = Camera.objects.get(code="new-01")
    assert SECRET not in cam.stream_url_sealed and "192.168" not in cam.stream_url_sealed
    assert cam.stream_url == f"rtsp://admin:{SECRET}@192.168.1.20:554/stream1"
    for url in (
        f"/admin/cameras/edit/{cam.pk}/",
        f"/admin/cameras/inspect/{cam.pk}/",
        "/admin/cameras/",
    ):
        body = client.get(url).content.decode()
        assert SECRET not in body and "192.168.1.20" not in body and "stream1" not in body
    assert re.search(
        r"rtsp://&lt;camera-stream [0-9a-f]{6}&gt;",
        client.get(f"/admin/cameras/edit/{cam.pk}/").content.decode(),
    )
    # An empty address keeps the stored one.
    response = client.post(
        f"/admin/cameras/edit/{cam.pk}/", form(stream_url="", name_uk="Перейменована")
    )
    assert response.status_code == 302
    cam.refresh_from_db()
    assert cam.name_uk == "Перейменована" and "192.168.1.20" in cam.stream_url


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "concat:/etc/passwd|/etc/hosts",
        "subfile:,,start,0,end,0,,:/etc/passwd",
        "pipe:0",
        "data:text/plain;base64,AAAA",
        "rtsp://169.254.169.254/latest",
        "http://metadata.google.internal/",
        "rtsp://[fe80::1]/x",
        "ftp://camera.local/x",
        "rtsp://cam\r\n.local/",
    ],
)
def test_unsafe_addresses_get_a_clear_error_and_nothing_is_saved(client, demo, url):
    verified_login(client, member("administrator"))
    response = client.post("/admin/cameras/new/", form(stream_url=url))
    assert response.status_code == 200
    body = response.content.decode()
    assert "error-message" in body or "w-field__errors" in body
    assert url not in body and "169.254" not in body
    assert not Camera.objects.filter(code="new-01").exists()


def test_a_new_source_kind_needs_the_address_again(client, demo):
    verified_login(client, member("administrator"))
    client.post("/admin/cameras/new/", form())
    cam = Camera.objects.get(code="new-01")
    response = client.post(f"/admin/cameras/edit/{cam.pk}/", form(stream_url="", source="snapshot"))
    assert response.status_code == 200
    cam.refresh_from_db()
    assert cam.source == "rtsp"


def test_administrators_commission_a_camera_from_its_page(client, demo, monkeypatch):
    from cctv_bridge.tasks import commission_camera

    sent = []
    monkeypatch.setattr(commission_camera, "send", lambda pk: sent.append(pk))
    verified_login(client, member("administrator"))
    client.post("/admin/cameras/new/", form())
    cam = Camera.objects.get(code="new-01")
    page = client.get(f"/admin/cameras/edit/{cam.pk}/").content.decode()
    assert f'action="/admin/cameras/{cam.pk}/commission/"' in page
    assert client.post(f"/admin/cameras/{cam.pk}/commission/").status_code == 302
    assert sent == [cam.pk]
    verified_login(client, operator())
    assert client.post(f"/admin/cameras/{cam.pk}/commission/").status_code in (302, 403)
    assert sent == [cam.pk]


def test_the_scheduler_sends_each_active_camera_its_probes(demo, monkeypatch):
    from cctv_bridge.tasks import probe_camera, schedule_probes

    sent = []
    monkeypatch.setattr(
        probe_camera, "send_with_options", lambda args, delay=None, **kw: sent.append(args[0])
    )
    fast = camera(URL, probe_interval=20)
    idle = camera(URL, active=False)
    schedule_probes.fn()
    assert sent.count(fast.pk) == 3 and idle.pk not in sent
    for demo_camera in Camera.objects.filter(code__startswith="tb-"):
        assert sent.count(demo_camera.pk) == 1


def test_the_status_page_names_its_other_language_version(client, network):
    html = client.get("/en/cameras/").content.decode()
    assert '<link rel="alternate" hreflang="uk" href="http://testserver/cameras/">' in html
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/cameras/">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/cameras/">' in html


def test_an_untranslated_camera_name_is_marked_ukrainian(client, network):
    Camera.objects.filter(code="pub-01").update(name_en="", address_uk="вул. Миру, 1")
    html = client.get("/en/cameras/").content.decode()
    assert '<span lang="uk">Площа</span>' in html
    assert '<small lang="uk">вул. Миру, 1</small>' in html
