"""The camera simulator serves real streams with the faults the probes must recognise.

Everything here talks to 127.0.0.1 over real sockets and decodes with real OpenCV: no mocks and
no database. RTSP needs Debian's GStreamer RTSP server; without it those tests are skipped,
except when ``REQUIRE_SERVICES=1`` (CI), where a missing RTSP server is a failure.
"""

from __future__ import annotations

import os
import select
import socket
import sys
import threading
import time
import urllib.request
from urllib.error import URLError
from urllib.parse import urlsplit

import cv2
import numpy as np
import pytest
from django.core.management import CommandError, call_command

from cctv_bridge.simulator import CameraSimulator, rtsp_available
from cctv_bridge.simulator.http_cameras import DRIP_BYTES, THREAD_PREFIX

FAULTS = {
    2: "frozen",
    3: "dark",
    4: "covered",
    5: "offline",
    6: "hanging",
    7: "slow-drip",
    8: "blurred",
}
DUPLICATE, DUPLICATED = 10, 9  # camera 10 looks at camera 9's scene from nearby
FAST_RTSP = "analyzeduration;0|probesize;32"  # skip FFmpeg's ~2 s of stream analysis


def require_rtsp() -> None:
    support = rtsp_available()
    if support:
        return
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(f"RTSP cameras are required in this run: {support.reason}")
    pytest.skip(f"RTSP cameras unavailable here: {support.reason}")


@pytest.fixture(scope="module")
def sim():
    with CameraSimulator(
        count=10, faults=FAULTS, scenes={DUPLICATE: DUPLICATED}, rtsp=bool(rtsp_available())
    ) as simulator:
        yield simulator


def fetch(url: str, timeout: float = 3.0) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def snapshot(sim: CameraSimulator, index: int, colour: bool = True) -> np.ndarray:
    data = fetch(sim.cameras[index].snapshot_url)
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR if colour else 0)
    assert image is not None, "the snapshot is not a JPEG"
    return image


def request(url: str) -> socket.socket:
    """Send a GET by hand, to watch what the server does with the connection."""
    parts = urlsplit(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=3)
    sock.sendall(f"GET {parts.path} HTTP/1.1\r\nHost: {parts.netloc}\r\n\r\n".encode())
    return sock


def sharpness(image: np.ndarray) -> float:
    return float(cv2.Laplacian(cv2.cvtColor(image, cv2.COLOR_BGR2GRAY), cv2.CV_64F).var())


def match(a: np.ndarray, b: np.ndarray) -> tuple[int, float, float]:
    """ORB inliers between two frames, and the rotation (degrees) and shift (pixels) found."""
    orb = cv2.ORB_create(1000)
    ka, da = orb.detectAndCompute(cv2.cvtColor(a, cv2.COLOR_BGR2GRAY), None)
    kb, db = orb.detectAndCompute(cv2.cvtColor(b, cv2.COLOR_BGR2GRAY), None)
    pairs = cv2.BFMatcher(cv2.NORM_HAMMING, crossCheck=True).match(da, db)
    pa = np.float32([ka[p.queryIdx].pt for p in pairs])
    pb = np.float32([kb[p.trainIdx].pt for p in pairs])
    model, inliers = cv2.estimateAffinePartial2D(pa, pb, method=cv2.RANSAC)
    if model is None:
        return 0, 0.0, 0.0
    angle = float(np.degrees(np.arctan2(model[1, 0], model[0, 0])))
    return int(inliers.sum()), angle, float(np.hypot(model[0, 2], model[1, 2]))


def open_capture(url: str) -> cv2.VideoCapture:
    """OpenCV as any client would open the stream. Where ``cctv_bridge.capture`` was imported
    in this process (other test modules), its FFmpeg options let only RTSP through, so they are
    lifted for this one open (OpenCV reads them at each open)."""
    params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, 5000, cv2.CAP_PROP_READ_TIMEOUT_MSEC, 5000]
    saved = os.environ.pop("OPENCV_FFMPEG_CAPTURE_OPTIONS", None)
    try:
        return cv2.VideoCapture(url, cv2.CAP_FFMPEG, params)
    finally:
        if saved is not None:
            os.environ["OPENCV_FFMPEG_CAPTURE_OPTIONS"] = saved


# -- pictures -----------------------------------------------------------------------------


def test_snapshots_are_jpegs_of_the_configured_size(sim):
    assert snapshot(sim, 1).shape == (360, 640, 3)


def test_a_healthy_scene_changes_a_little_between_frames(sim):
    first = snapshot(sim, 1)
    time.sleep(0.25)
    second = snapshot(sim, 1)
    change = float(np.abs(first.astype(np.int16) - second).mean())
    assert 0.3 < change < 15, change
    assert 80 < first.mean() < 170
    assert sharpness(first) > 300


def test_a_frozen_camera_sends_the_same_bytes_forever(sim):
    first = fetch(sim.cameras[2].snapshot_url)
    time.sleep(0.25)
    assert fetch(sim.cameras[2].snapshot_url) == first


def test_a_dark_camera_is_nearly_black(sim):
    gray = snapshot(sim, 3, colour=False)
    assert gray.mean() < 10
    assert gray.std() < 5


def test_a_covered_lens_shows_one_colour_without_texture(sim):
    image = snapshot(sim, 4)
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    assert gray.std() < 4
    assert gray.mean() > 15  # not dark: something is in front of the lens
    assert sharpness(image) < 20


def test_a_blurred_camera_loses_its_edges(sim):
    assert sharpness(snapshot(sim, 8)) < 0.05 * sharpness(snapshot(sim, 1))


def test_cameras_sharing_a_scene_match_and_others_do_not(sim):
    duplicate, original = snapshot(sim, DUPLICATE), snapshot(sim, DUPLICATED)
    inliers, angle, shift = match(original, duplicate)
    assert inliers > 150 and abs(angle) < 1 and 10 < shift < 80
    unrelated, _, _ = match(original, snapshot(sim, 1))
    assert unrelated < 40


def test_a_moved_camera_sees_its_scene_turned_and_shifted(sim):
    before = snapshot(sim, 1)
    sim.set_fault(1, "moved")
    try:
        assert sim.cameras[1].fault == "moved"
        inliers, angle, shift = match(before, snapshot(sim, 1))
    finally:
        sim.set_fault(1, "healthy")
    assert inliers > 50  # still the same street: a matcher can tell it moved
    assert abs(angle) > 5 or shift > 0.1 * 640


def test_a_fault_set_over_http_takes_effect(sim):
    url = sim.cameras[9].snapshot_url.replace("snapshot.jpg", "fault")
    with urllib.request.urlopen(url, data=b"dark", timeout=3) as response:
        assert response.status == 204
    try:
        assert snapshot(sim, 9, colour=False).mean() < 10
    finally:
        sim.set_fault(9, "healthy")
    assert snapshot(sim, 9, colour=False).mean() > 60


def test_unknown_cameras_and_faults_are_refused(sim):
    with pytest.raises(URLError):
        fetch(sim.cameras[1].snapshot_url.replace("/cam/1/", "/cam/99/"))
    with pytest.raises(ValueError):
        sim.set_fault(1, "exploded")
    with pytest.raises(KeyError):
        sim.set_fault(99, "dark")


# -- the network --------------------------------------------------------------------------


def test_an_offline_camera_resets_the_connection(sim):
    with request(sim.cameras[5].snapshot_url) as sock, pytest.raises(ConnectionResetError):
        sock.recv(1024)


def test_a_hanging_camera_accepts_and_says_nothing(sim):
    with request(sim.cameras[6].snapshot_url) as sock:
        readable, _, _ = select.select([sock], [], [], 1.0)
        assert readable == []  # no answer and no close within a second


def test_a_slow_drip_camera_sends_a_few_bytes_at_a_time(sim):
    received: list[tuple[float, int]] = []
    with request(sim.cameras[7].snapshot_url) as sock:
        start = time.monotonic()
        while time.monotonic() - start < 1.6:
            chunk = sock.recv(4096)
            received.append((time.monotonic() - start, len(chunk)))
    total = sum(size for _, size in received)
    assert 0 < total <= 5 * DRIP_BYTES
    assert received[-1][0] - received[0][0] > 0.8  # spread over time, not one burst
    assert total < 200  # far from a whole JPEG


def test_mjpeg_streams_frames_that_opencv_reads(sim):
    capture = open_capture(sim.cameras[1].mjpeg_url)
    try:
        frames = [capture.read() for _ in range(5)]
    finally:
        capture.release()
    assert all(ok for ok, _ in frames)
    assert frames[-1][1].shape == (360, 640, 3)


def test_an_mjpeg_stream_stops_when_its_camera_goes_offline(sim):
    sock = request(sim.cameras[9].mjpeg_url)
    try:
        assert b"multipart/x-mixed-replace" in sock.recv(4096)
        sim.set_fault(9, "offline")
        with pytest.raises(ConnectionResetError):
            deadline = time.monotonic() + 3
            while time.monotonic() < deadline:
                if not sock.recv(65536):
                    break
    finally:
        sock.close()
        sim.set_fault(9, "healthy")


# -- RTSP ---------------------------------------------------------------------------------


def test_rtsp_streams_frames_that_opencv_reads(sim):
    require_rtsp()
    capture = open_capture(sim.cameras[1].rtsp_url)
    try:
        frames = [capture.read() for _ in range(3)]
    finally:
        capture.release()
    assert all(ok for ok, _ in frames)
    assert frames[0][1].shape == (360, 640, 3)
    assert 80 < frames[0][1].mean() < 170


def test_rtsp_faults_change_at_run_time(sim, monkeypatch):
    require_rtsp()
    monkeypatch.setenv("OPENCV_FFMPEG_CAPTURE_OPTIONS", FAST_RTSP)
    capture = open_capture(sim.cameras[3].rtsp_url)
    try:
        ok, dark = capture.read()
    finally:
        capture.release()
    assert ok and dark.mean() < 10
    sim.set_fault(3, "offline")
    try:
        started = time.monotonic()
        capture = open_capture(sim.cameras[3].rtsp_url)
        assert not capture.isOpened()  # DESCRIBE answers 404
        assert time.monotonic() - started < 2
        capture.release()
    finally:
        sim.set_fault(3, "dark")


# -- scale and clean-up -------------------------------------------------------------------


def test_a_thousand_cameras_at_720p_on_one_server():
    with CameraSimulator(count=1000, rtsp=False, size=(1280, 720), faults={1000: "dark"}) as sim:
        cameras = sim.cameras
        assert len(cameras) == 1000
        for index in (1, 250, 500, 999):
            assert snapshot(sim, index).shape == (720, 1280, 3)
        assert snapshot(sim, 1000, colour=False).mean() < 10


def test_stop_ends_everything_and_frees_the_ports():
    before = set(threading.enumerate())  # the module's simulator keeps running meanwhile
    sim = CameraSimulator(count=3, faults={2: "hanging"}, rtsp=bool(rtsp_available())).start()
    http_port, rtsp_port = sim.http_port, sim.rtsp_port
    child = sim._rtsp.proc if sim._rtsp else None
    hung = request(sim.cameras[2].snapshot_url)  # a connection the server must end
    streaming = open_capture(sim.cameras[1].mjpeg_url)
    assert streaming.read()[0]
    sim.stop()
    streaming.release()
    hung.close()
    left = [t for t in set(threading.enumerate()) - before if t.name.startswith(THREAD_PREFIX)]
    assert not left
    if child is not None:
        assert child.poll() is not None
    for port in filter(None, (http_port, rtsp_port)):
        with socket.socket() as probe:
            assert probe.connect_ex(("127.0.0.1", port)) != 0, f"port {port} still answers"
    # The port can be served again at once.
    with CameraSimulator(count=1, rtsp=False, http_port=http_port) as again:
        assert snapshot(again, 1).shape == (360, 640, 3)


def test_without_gstreamer_the_simulator_says_why_and_serves_http():
    no_gi = sys.executable  # the virtualenv's python cannot import GObject introspection
    support = rtsp_available(no_gi)
    assert not support and "gi" in support.reason
    with CameraSimulator(count=2, python=no_gi) as sim:
        assert not sim.rtsp_enabled and sim.rtsp_reason == support.reason
        assert sim.cameras[1].rtsp_url is None
        assert snapshot(sim, 2).shape == (360, 640, 3)
    with pytest.raises(RuntimeError, match="RTSP"):
        CameraSimulator(count=2, python=no_gi, rtsp=True).start()


@pytest.mark.parametrize(
    "arguments",
    [
        ["--fault", "3"],
        ["--fault", "3=exploded"],
        ["--size", "big"],
        ["--count", "2", "--fault", "5=dark"],
    ],
)
def test_the_command_refuses_bad_arguments_before_serving(arguments):
    with pytest.raises(CommandError):
        call_command("simulate_cameras", "--no-rtsp", "--http-port", "0", *arguments)
