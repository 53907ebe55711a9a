"""Probes of real simulated cameras move statuses, incidents and daily uptime; maintenance,
retention and duty alerts behave as the office expects."""

from __future__ import annotations

import datetime
import itertools
import socket

import pytest
from django.core import mail
from django.utils import timezone, translation

from cctv_bridge.models import (
    Camera,
    DailyUptime,
    DutyShift,
    Incident,
    Maintenance,
    Probe,
    Snapshot,
)
from cctv_bridge.probing import probe, take_baseline
from cctv_bridge.retention import apply_retention
from cctv_bridge.simulator.controller import CameraSimulator
from cctv_bridge.tasks import alert_duty, offsets_ms, send_duty_alert
from tests.cctv.camera_helpers import camera
from tests.harness.servers import free_port
from tests.workflow_helpers import member

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def sim():
    with CameraSimulator(count=4, rtsp=False) as simulator:
        yield simulator


@pytest.fixture
def fast_probes(settings):
    settings.CCTV_OPEN_TIMEOUT = 1.0
    settings.CCTV_READ_TIMEOUT = 1.0
    settings.CCTV_PROBE_DEADLINE = 2.5


def test_a_healthy_camera_is_online_and_counted(sim, fast_probes):
    cam = camera(sim.cameras[1].snapshot_url)
    take_baseline(cam)
    cam.refresh_from_db()
    row = probe(cam)
    cam.refresh_from_db()
    assert row.reachable and row.findings == [] and cam.status == "online"
    assert (row.width, row.height) == (640, 360)
    assert cam.last_seen_at == row.at and cam.failures == 0
    day = DailyUptime.objects.get(camera=cam)
    assert (day.probes, day.up, day.healthy) == (1, 1, 1)
    assert Snapshot.objects.filter(camera=cam).count() == 1
    assert not Incident.objects.filter(camera=cam).exists()


def test_a_picture_fault_degrades_and_opens_one_incident_with_words(sim, fast_probes):
    cam = camera(sim.cameras[2].snapshot_url)
    take_baseline(cam)
    sim.set_fault(2, "covered")
    try:
        cam.refresh_from_db()
        probe(cam)
        cam.refresh_from_db()
        probe(cam)
        cam.refresh_from_db()
    finally:
        sim.set_fault(2, "healthy")
    assert cam.status == "degraded"
    (incident,) = Incident.objects.filter(camera=cam)
    assert incident.status == "degraded" and "covered" in incident.codes and incident.open
    from cctv_bridge.describe import describe_detail

    with translation.override("en"):
        assert any("cover" in line.lower() for line in describe_detail(cam.status_detail))
    # The camera recovers: the incident closes.
    probe(cam)
    cam.refresh_from_db()
    incident.refresh_from_db()
    assert cam.status == "online" and incident.ended_at is not None


def test_an_unreachable_camera_is_offline_after_two_failures_from_the_first(fast_probes):
    cam = camera(f"http://127.0.0.1:{free_port()}/cam/1/snapshot.jpg")
    first = probe(cam)
    cam.refresh_from_db()
    assert first.error == "refused" and cam.status == "unknown" and cam.failures == 1
    assert not Incident.objects.filter(camera=cam).exists()
    probe(cam)
    cam.refresh_from_db()
    assert cam.status == "offline"
    (incident,) = Incident.objects.filter(camera=cam)
    assert incident.started_at == first.at  # the outage began with the first failure
    assert incident.codes == ["refused"]
    assert DailyUptime.objects.get(camera=cam).up == 0


def test_a_silent_camera_goes_offline_within_the_timeout(fast_probes):
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(8)  # accepts connections, never answers
        port = server.getsockname()[1]
        cam = camera(f"http://127.0.0.1:{port}/snapshot.jpg")
        rows = [probe(cam), probe(cam)]
    cam.refresh_from_db()
    assert cam.status == "offline" and {r.error for r in rows} == {"timeout"}
    assert all(r.duration < 2.5 + 1.0 for r in rows)


def test_maintenance_is_not_an_incident(fast_probes):
    cam = camera(f"http://127.0.0.1:{free_port()}/x.jpg")
    now = timezone.now()
    Maintenance.objects.create(
        camera=cam,
        starts_at=now - datetime.timedelta(minutes=5),
        ends_at=now + datetime.timedelta(hours=1),
    )
    probe(cam)
    probe(cam)
    cam.refresh_from_db()
    assert cam.status == "maintenance" and not Incident.objects.filter(camera=cam).exists()
    assert DailyUptime.objects.get(camera=cam).maintenance == 2


def test_an_unsafe_url_in_the_database_is_refused_at_probe_time(fast_probes):
    cam = camera("http://127.0.0.1:1/x.jpg")
    Camera.objects.filter(pk=cam.pk).update(
        stream_url_sealed=Camera(stream_url="file:///etc/passwd").stream_url_sealed
    )
    cam.refresh_from_db()
    row = probe(cam)
    assert row.error == "unsafe_url" and not row.reachable


def test_retention_deletes_what_is_due_and_nothing_else(sim, fast_probes):
    keep = camera(sim.cameras[3].snapshot_url, retention_days=3, probe_retention_days=10)
    none_kept = camera(sim.cameras[4].snapshot_url, retention_days=0)
    probe(keep)
    now = timezone.now()
    old, recent = now - datetime.timedelta(days=4), now - datetime.timedelta(days=2)
    for cam in (keep, none_kept):
        Snapshot.objects.create(camera=cam, taken_at=old, image=b"x", width=1, height=1)
        Snapshot.objects.create(camera=cam, taken_at=recent, image=b"x", width=1, height=1)
    Probe.objects.create(
        camera=keep,
        at=now - datetime.timedelta(days=11),
        reachable=True,
        duration=1,
        status="online",
    )
    Probe.objects.create(
        camera=keep,
        at=now - datetime.timedelta(days=9),
        reachable=True,
        duration=1,
        status="online",
    )
    deleted = apply_retention(now)
    assert deleted["snapshots"] == 3  # the old one of `keep`, both of `none_kept`
    assert list(
        Snapshot.objects.filter(camera=keep).values_list("taken_at", flat=True).order_by("taken_at")
    ) == [
        recent,
        *Snapshot.objects.filter(camera=keep, taken_at__gt=recent).values_list(
            "taken_at", flat=True
        ),
    ]
    assert not Snapshot.objects.filter(camera=none_kept).exists()
    assert deleted["probes"] == 1 and Probe.objects.filter(camera=keep).count() == 2


def open_incident(cam: Camera, minutes_ago: int) -> Incident:
    return Incident.objects.create(
        camera=cam,
        status="offline",
        codes=["refused"],
        detail={"error": "refused"},
        started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago),
    )


def on_duty(email: str):
    user = member("administrator")
    user.email = email
    user.save()
    now = timezone.now()
    DutyShift.objects.create(
        operator=user,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
    )
    return user


def test_alerts_go_to_the_person_on_duty_once_per_incident(monkeypatch):
    sent = []
    monkeypatch.setattr(send_duty_alert, "send", lambda pk: sent.append(pk))
    cam = camera("http://127.0.0.1:1/x.jpg")
    fresh = open_incident(cam, minutes_ago=1)
    # Nobody on duty: nothing is claimed, so the next shift still gets it.
    stale_cam = camera("http://127.0.0.1:1/y.jpg")
    stale = open_incident(stale_cam, minutes_ago=30)
    alert_duty.fn()
    assert sent == []
    off_duty = member("administrator")
    off_duty.email = "off@example.org"
    off_duty.save()
    on_duty("duty@example.org")
    alert_duty.fn()
    alert_duty.fn()
    assert sent == [stale.pk]  # once, and not the fresh one
    send_duty_alert.fn(stale.pk)
    (message,) = mail.outbox
    assert message.to == ["duty@example.org"] and stale_cam.code in message.subject
    assert "s3cret" not in message.body and "127.0.0.1" not in message.body
    fresh.refresh_from_db()
    assert fresh.alerted_at is None


def test_no_alert_for_a_camera_in_maintenance(monkeypatch):
    sent = []
    monkeypatch.setattr(send_duty_alert, "send", lambda pk: sent.append(pk))
    on_duty("duty2@example.org")
    cam = camera("http://127.0.0.1:1/z.jpg")
    open_incident(cam, minutes_ago=30)
    now = timezone.now()
    Maintenance.objects.create(
        camera=cam,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(hours=1),
    )
    alert_duty.fn()
    assert sent == []


@pytest.mark.parametrize("interval", [10, 30, 45, 60, 300])
def test_probes_keep_their_interval_across_minutes(interval):
    times = [m * 60_000 + o for m in range(1000, 1030) for o in offsets_ms(42, interval, m)]
    assert {b - a for a, b in itertools.pairwise(times)} == {interval * 1000}


def test_cameras_are_spread_over_the_minute():
    firsts = {offsets_ms(pk, 60, 5000)[0] // 1000 for pk in range(1, 200)}
    assert len(firsts) > 40


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_silent_camera_does_not_hold_up_other_probes(sim, fast_probes):
    """The embedded worker: probes run on threads of their own, so while one probe waits on
    a silent camera, the next camera is probed at once (and ordinary jobs never queue behind
    a probe: they have their own worker)."""
    import time

    import dramatiq

    from cctv_bridge.tasks import probe_camera
    from config.broker import InProcessBroker, start_in_process_worker, stop_in_process_worker

    if not isinstance(dramatiq.get_broker(), InProcessBroker):
        pytest.skip("the embedded worker runs on the in-process broker")
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        hanging = camera(f"http://127.0.0.1:{silent.getsockname()[1]}/x.jpg")
        healthy = camera(sim.cameras[1].snapshot_url)
        start_in_process_worker()
        try:
            started = time.monotonic()
            probe_camera.send(hanging.pk)
            probe_camera.send(healthy.pk)
            while not Probe.objects.filter(camera=healthy).exists():
                assert time.monotonic() - started < 2.0, "the healthy camera waited"
                time.sleep(0.05)
        finally:
            stop_in_process_worker()
