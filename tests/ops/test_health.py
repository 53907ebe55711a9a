"""/healthz/ tells a load balancer whether the database, cache, broker, scheduler and camera
probes work, without naming hosts or secrets."""

import datetime

import pytest
from django.utils import timezone

from cctv_bridge.models import Camera, Probe
from ops.models import Heartbeat
from ops.tasks import scheduler_heartbeat as heartbeat
from tests.factories.cctv import CameraFactory, ProbeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def cameras():
    """Two probed cameras whose stream addresses hold a password and a host."""
    for number in (1, 2):
        CameraFactory(stream_url=f"http://operator:demo-camera-secret@127.0.0.1:8554/cam{number}")


def probed_recently():
    for camera in Camera.objects.filter(active=True):
        ProbeFactory(camera=camera, duration=0.1)


def results(client):
    response = client.get("/healthz/", HTTP_ACCEPT="application/json")
    return response.status_code, response.json()


def test_healthy_when_everything_answers(client, cameras):
    heartbeat.fn()
    probed_recently()
    status, body = results(client)
    assert status == 200, body
    assert response_has_no_secrets(client)


def test_a_silent_scheduler_is_unhealthy(client, cameras):
    probed_recently()
    status, body = results(client)
    assert status == 500 and "heartbeat" in str(body)
    Heartbeat.objects.create(name="scheduler", at=timezone.now() - datetime.timedelta(minutes=5))
    status, body = results(client)
    assert status == 500 and "three minutes" in str(body)


def test_stale_camera_probes_are_unhealthy(client, cameras):
    heartbeat.fn()
    Probe.objects.create(
        camera=Camera.objects.first(),
        at=timezone.now() - datetime.timedelta(hours=1),
        reachable=True,
        duration=0.1,
        status="online",
    )
    status, body = results(client)
    assert status == 500 and "probed" in str(body)
    Camera.objects.update(active=False)
    assert results(client)[0] == 200


def response_has_no_secrets(client) -> bool:
    body = client.get("/healthz/?format=text").content.decode()
    return "demo-camera-secret" not in body and "127.0.0.1" not in body and "redis://" not in body
