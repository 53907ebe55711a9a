"""Each picture fault, served by the simulator over HTTP and RTSP, is found by a real probe
(capture + analysis + status), and a healthy stream is never flagged."""

from __future__ import annotations

import os

import pytest

from cctv_bridge.models import Incident
from cctv_bridge.probing import probe, take_baseline
from cctv_bridge.simulator import rtsp_available
from cctv_bridge.simulator.controller import CameraSimulator
from tests.cctv.camera_helpers import camera

pytestmark = pytest.mark.django_db

FAULTS = ["dark", "frozen", "blurred", "covered", "moved"]


def rtsp_or_skip() -> bool:
    support = rtsp_available()
    if not support and os.environ.get("REQUIRE_SERVICES"):
        pytest.fail(f"RTSP cameras are required in this run: {support.reason}")
    return bool(support)


@pytest.fixture(scope="module")
def sim():
    with CameraSimulator(count=2 * (len(FAULTS) + 1), rtsp=None) as simulator:
        yield simulator


@pytest.fixture
def timeouts(settings):
    settings.CCTV_OPEN_TIMEOUT = 4.0
    settings.CCTV_READ_TIMEOUT = 4.0
    settings.CCTV_PROBE_DEADLINE = 8.0


def commissioned(sim, index: int, source: str):
    cam = sim.cameras[index]
    url = cam.rtsp_url if source == "rtsp" else cam.snapshot_url
    registered = camera(url, source=source)
    take_baseline(registered)
    registered.refresh_from_db()
    return registered


@pytest.mark.parametrize("source", ["snapshot", "rtsp"])
def test_a_healthy_stream_stays_online(sim, timeouts, source):
    if source == "rtsp" and not rtsp_or_skip():
        pytest.skip("no GStreamer RTSP server on this machine")
    index = 1 if source == "snapshot" else len(FAULTS) + 2
    cam = commissioned(sim, index, source)
    for _ in range(3):
        row = probe(cam)
        cam.refresh_from_db()
        assert row.findings == [], (source, row.measures)
    assert cam.status == "online" and not Incident.objects.filter(camera=cam).exists()


@pytest.mark.parametrize("source", ["snapshot", "rtsp"])
@pytest.mark.parametrize("fault", FAULTS)
def test_each_fault_is_found_and_named(sim, timeouts, source, fault):
    if source == "rtsp" and not rtsp_or_skip():
        pytest.skip("no GStreamer RTSP server on this machine")
    offset = 1 if source == "snapshot" else len(FAULTS) + 2
    index = offset + 1 + FAULTS.index(fault)
    sim.set_fault(index, "healthy")
    cam = commissioned(sim, index, source)
    sim.set_fault(index, fault)
    try:
        rows = []
        for _ in range(2):  # a frozen picture is told apart across probes too
            rows.append(probe(cam))
            cam.refresh_from_db()
    finally:
        sim.set_fault(index, "healthy")
    assert fault in rows[-1].findings, (fault, source, rows[-1].measures)
    # Nothing unrelated: a dark or covered lens is not also "moved" or "blurred".
    assert set(rows[-1].findings) <= {fault, "frozen"} or fault == "frozen", rows[-1].findings
    assert cam.status == "degraded"
    (incident,) = Incident.objects.filter(camera=cam, ended_at__isnull=True)
    assert fault in incident.codes
