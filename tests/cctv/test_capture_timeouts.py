"""Dead, silent and dripping cameras: every probe ends within its timeouts and its deadline."""

from __future__ import annotations

import pytest

from cctv_bridge.capture import grab
from cctv_bridge.capture.results import CONNECTION_ERROR, REFUSED, STREAM_ERROR, TIMEOUT
from tests.cctv.capture_servers import SLACK, SocketServer, drip, fast

# --- Dead, silent and dripping cameras -----------------------------------------------------------


@pytest.mark.parametrize("kind", ["snapshot", "mjpeg", "rtsp"])
def test_refused_port_is_refused_quickly(kind, refused_port):
    scheme = "rtsp" if kind == "rtsp" else "http"
    result = grab(f"{scheme}://127.0.0.1:{refused_port}/cam", kind, **fast())
    assert result.error == REFUSED
    assert not result.reachable
    assert result.elapsed < 0.5


@pytest.mark.parametrize("kind", ["snapshot", "mjpeg", "rtsp"])
def test_silent_socket_times_out_within_the_timeout(kind, silent):
    """Accepts the connection, never answers: open (RTSP) or read (HTTP) timeout, not longer."""
    scheme = "rtsp" if kind == "rtsp" else "http"
    result = grab(f"{scheme}://127.0.0.1:{silent.port}/cam", kind, **fast(deadline=10))
    assert result.error == TIMEOUT
    assert not result.reachable
    assert 0.9 <= result.elapsed <= 1.0 + SLACK
    assert silent.accepted >= 1


@pytest.mark.parametrize("kind", ["snapshot", "mjpeg"])
def test_simulated_hanging_http_camera_times_out(kind, sim):
    url = getattr(sim.cameras[3], f"{kind}_url")
    result = grab(url, kind, **fast(deadline=10))
    assert result.error == TIMEOUT
    assert result.elapsed <= 1.0 + SLACK


def test_simulated_hanging_rtsp_camera_times_out(rtsp):
    result = grab(rtsp.rtsp_url(3), "rtsp", open_timeout=1.5, read_timeout=1.5, deadline=10)
    assert result.error == TIMEOUT
    assert result.elapsed <= 1.5 + SLACK


@pytest.mark.parametrize("kind", ["snapshot", "mjpeg", "rtsp"])
def test_slow_drip_is_cut_off_at_the_deadline(kind):
    """A byte every 0.2 s: per-read timeouts never fire, only the overall deadline does."""
    if kind == "rtsp":
        payload = b"RTSP/1.0 200 OK\r\nCSeq: 1\r\n" + b"X-Pad: " + b"a" * 500
    else:
        boundary = "multipart/x-mixed-replace; boundary=x" if kind == "mjpeg" else "image/jpeg"
        payload = f"HTTP/1.0 200 OK\r\nContent-Type: {boundary}\r\n".encode() + b"X: " + b"a" * 500
    server = SocketServer(drip(payload, 0.2))
    try:
        scheme = "rtsp" if kind == "rtsp" else "http"
        result = grab(
            f"{scheme}://127.0.0.1:{server.port}/cam",
            kind,
            open_timeout=10,
            read_timeout=10,
            deadline=1.5,
        )
    finally:
        server.close()
    assert result.error == TIMEOUT
    assert 1.4 <= result.elapsed <= 1.5 + SLACK


@pytest.mark.parametrize("kind", ["snapshot", "mjpeg"])
def test_simulated_slow_drip_http_camera_is_cut_off_at_the_deadline(kind, sim):
    url = getattr(sim.cameras[6], f"{kind}_url")
    result = grab(url, kind, open_timeout=3, read_timeout=3, deadline=2)
    assert result.error == TIMEOUT  # its headers were still dripping in
    assert result.elapsed <= 2 + SLACK


def test_simulated_slow_drip_rtsp_camera_is_cut_off_at_the_deadline(rtsp):
    # a frame every 3 s: each read would succeed under its 5 s timeout, the deadline stops it
    result = grab(rtsp.rtsp_url(6), "rtsp", open_timeout=5, read_timeout=5, deadline=2.5)
    assert result.error == TIMEOUT
    assert result.elapsed <= 2.5 + SLACK


def test_simulated_offline_cameras(sim, rtsp):
    cam = sim.cameras[2]
    for url, kind in ((cam.snapshot_url, "snapshot"), (cam.mjpeg_url, "mjpeg")):
        result = grab(url, kind, **fast())
        assert result.error == CONNECTION_ERROR and result.elapsed < 0.5
    result = grab(rtsp.rtsp_url(2), "rtsp", **fast())
    assert result.error == STREAM_ERROR and result.elapsed < 0.5  # DESCRIBE answers 404


def test_a_camera_going_down_is_reported_by_the_next_probe(sim):
    url = sim.cameras[5].snapshot_url
    assert grab(url, "snapshot", frames=1, **fast()).ok
    sim.set_fault(5, "hanging")
    try:
        result = grab(url, "snapshot", frames=1, **fast())
        assert result.error == TIMEOUT and result.elapsed <= 1.0 + SLACK
    finally:
        sim.set_fault(5, "healthy")
    assert grab(url, "snapshot", frames=1, **fast()).ok
