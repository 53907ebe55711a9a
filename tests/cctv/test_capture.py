"""Probes against real sockets on 127.0.0.1: the camera simulator and small servers of our own.

No mocks: refused ports, silent and dripping sockets, redirects and pictures are served for real,
and RTSP goes through OpenCV's FFmpeg backend to GStreamer's RTSP server (the simulator).
"""

from __future__ import annotations

import contextlib
import logging
import os
import socket
import struct
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import cv2
import numpy as np
import pytest

from cctv_bridge import capture
from cctv_bridge.capture import (
    CONNECTION_ERROR,
    HTTP_ERROR,
    NOT_AN_IMAGE,
    REFUSED,
    STREAM_ERROR,
    TIMEOUT,
    TOO_LARGE,
    UNSAFE_URL,
    CaptureResult,
    grab,
    probe_many,
)
from cctv_bridge.simulator.controller import CameraSimulator

SLACK = 0.6  # scheduling noise on a busy 2-core machine
SIZE = (640, 360)


# --- Servers -------------------------------------------------------------------------------------


class SocketServer:
    """Accepts TCP connections on 127.0.0.1 and hands each to ``handler`` in a thread."""

    def __init__(self, handler: Callable[[socket.socket, threading.Event], None]) -> None:
        self.handler = handler
        self.stop_event = threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0), backlog=64)
        self.port = self.listener.getsockname()[1]
        self.connections: list[socket.socket] = []
        self.accepted = 0
        self.thread = threading.Thread(target=self._accept, daemon=True)
        self.thread.start()

    def _accept(self) -> None:
        while not self.stop_event.is_set():
            try:
                conn, _addr = self.listener.accept()
            except OSError:
                return
            self.accepted += 1
            self.connections.append(conn)
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            self.handler(conn, self.stop_event)

    def close(self) -> None:
        self.stop_event.set()
        self.listener.close()
        for conn in self.connections:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)
            conn.close()


def stay_silent(conn: socket.socket, stop: threading.Event) -> None:
    """Accept and never say a word (nor read)."""
    stop.wait(60)


def drip(payload: bytes, interval: float) -> Callable[[socket.socket, threading.Event], None]:
    """Send ``payload`` one byte every ``interval`` seconds: no per-read timeout ever fires."""

    def handler(conn: socket.socket, stop: threading.Event) -> None:
        for byte in payload:
            if stop.wait(interval):
                return
            conn.sendall(bytes([byte]))
        stop.wait(60)

    return handler


@pytest.fixture
def silent():
    server = SocketServer(stay_silent)
    yield server
    server.close()


@pytest.fixture
def refused_port():
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()  # bound, never listened: connections are refused
    return port


def jpeg(width: int = 320, height: int = 240, seed: int = 0) -> bytes:
    rng = np.random.default_rng(seed)
    frame = rng.integers(0, 255, size=(height, width, 3), dtype=np.uint8)
    ok, data = cv2.imencode(".jpg", frame)
    assert ok
    return data.tobytes()


def bomb_jpeg() -> bytes:
    """A JPEG header that claims 60000 x 60000 pixels (a 10 GB frame if decoded)."""
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, 60000, 60000, 1) + b"\x01\x11\x00"
    return b"\xff\xd8" + sof + b"\xff\xd9"


USER, PASSWORD = "viewer", "S3cretPass42"


REALM, NONCE = "IP Camera", "5f1d3c0a9b"


def digest_ok(header: str, uri: str) -> bool:
    """Check an RFC 7616 (MD5, qop=auth) Digest answer, as IP cameras ask for."""
    import hashlib
    import re

    if not header.startswith("Digest "):
        return False
    fields = dict(re.findall(r'(\w+)="?([^",]*)"?', header[len("Digest ") :]))

    def md5(text: str) -> str:
        return hashlib.md5(text.encode()).hexdigest()

    ha1 = md5(f"{USER}:{REALM}:{PASSWORD}")
    ha2 = md5(f"GET:{uri}")
    expected = md5(f"{ha1}:{NONCE}:{fields.get('nc')}:{fields.get('cnonce')}:auth:{ha2}")
    return fields.get("username") == USER and fields.get("response") == expected


class Camera(BaseHTTPRequestHandler):
    """A small HTTP camera with the awkward answers the simulator does not give."""

    protocol_version = "HTTP/1.0"
    requests: list[str] = []

    def log_message(self, format, *args):
        pass

    def _send(self, status, body=b"", content_type="image/jpeg", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        Camera.requests.append(self.path)
        path, _q, query = self.path.partition("?")
        if path == "/snap.jpg":
            return self._send(200, jpeg())
        if path == "/private/snap.jpg":
            import base64

            expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
            if self.headers.get("Authorization") != expected:
                return self._send(
                    401, b"", "text/plain", [("WWW-Authenticate", 'Basic realm="cam"')]
                )
            return self._send(200, jpeg(640, 360))
        if path == "/digest/snap.jpg":
            if not digest_ok(self.headers.get("Authorization", ""), self.path):
                challenge = f'Digest realm="{REALM}", nonce="{NONCE}", qop="auth", algorithm=MD5'
                return self._send(401, b"", "text/plain", [("WWW-Authenticate", challenge)])
            return self._send(200, jpeg(640, 360))
        if path == "/redirect":
            from urllib.parse import unquote

            return self._send(302, b"", "text/plain", [("Location", unquote(query))])
        if path == "/page.html":
            return self._send(200, b"<html>login</html>", "text/html")
        if path == "/bomb.jpg":
            return self._send(200, bomb_jpeg())
        if path == "/huge.jpg":
            self.send_response(200)
            self.send_header("Content-Length", str(50 * 1024 * 1024))
            self.end_headers()
            return None
        if path in ("/mjpeg-nolength", "/mjpeg-bare"):
            bare = path == "/mjpeg-bare"
            self.send_response(200)
            kind = "image/jpeg" if bare else 'multipart/x-mixed-replace;boundary="--frame"'
            self.send_header("Content-Type", kind)
            self.end_headers()
            for i in range(6):
                part = jpeg(160, 120, seed=i)
                self.wfile.write(part if bare else b"----frame\r\n\r\n" + part + b"\r\n")
                time.sleep(0.05)
            return None
        return self._send(404, b"not here", "text/plain")


@pytest.fixture(scope="module")
def camera():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Camera)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1})
    thread.daemon = True
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def sim():
    """Simulated cameras: 1, 4, 5 healthy, 2 offline, 3 hanging, 6 slow-drip."""
    with CameraSimulator(
        count=6, faults={2: "offline", 3: "hanging", 6: "slow-drip"}, size=SIZE, fps=10
    ) as simulator:
        yield simulator


@pytest.fixture
def rtsp(sim):
    if not sim.rtsp_enabled:
        pytest.skip(f"RTSP cameras unavailable: {sim.rtsp_reason}")
    return sim


def fast(**overrides) -> dict:
    options = {"open_timeout": 1.0, "read_timeout": 1.0, "deadline": 5.0}
    options.update(overrides)
    return options


# --- Healthy cameras -----------------------------------------------------------------------------


def assert_healthy(result: CaptureResult, frames: int = 5) -> None:
    assert result.ok, (result.error, result.message)
    assert result.reachable and result.error is None
    assert len(result.frames) == frames
    assert result.resolution == SIZE
    for frame in result.frames:
        assert frame.shape == (SIZE[1], SIZE[0], 3) and frame.dtype == np.uint8
    assert 0 < result.time_to_first_frame <= result.elapsed


def test_healthy_snapshot_camera(sim):
    result = grab(sim.cameras[1].snapshot_url, "snapshot", **fast())
    assert_healthy(result)
    assert result.fps is None
    assert result.bytes_read > 5 * 10_000
    # five snapshots spaced ~150 ms apart
    assert 0.55 <= result.elapsed < 2.0


def test_healthy_mjpeg_camera(sim):
    result = grab(sim.cameras[4].mjpeg_url, "mjpeg", **fast())
    assert_healthy(result)
    assert 7 <= result.fps <= 13  # the simulator streams at 10 fps
    assert result.bytes_read > 5 * 10_000


def test_healthy_rtsp_camera(rtsp):
    result = grab(rtsp.rtsp_url(1), "rtsp", open_timeout=5, read_timeout=3, deadline=10)
    assert_healthy(result)
    assert 8 <= result.fps <= 12
    # the first frame waits for the next keyframe (1 s apart in the simulator) plus opening
    assert result.time_to_first_frame < 3.0
    assert result.bytes_read is None
    assert result.elapsed < 4.0


def test_mjpeg_without_part_lengths_or_boundaries(camera):
    for path in ("/mjpeg-nolength", "/mjpeg-bare"):
        result = grab(camera + path, "mjpeg", frames=4, **fast())
        assert result.ok, (path, result.error, result.message)
        assert result.resolution == (160, 120)
        assert len(result.frames) == 4
        # each part is the picture drawn from its own seed, in order
        assert not np.array_equal(result.frames[0], result.frames[1])


@pytest.mark.parametrize(
    ("declared", "sent", "with_length"),
    [
        (b"camsimframe", b"--camsimframe", True),
        (b"--frame", b"----frame", False),
        (b"--frame", b"--frame", False),  # dashes declared and sent as they are
        (b"frame", b"frame", False),  # no dashes at all
        (b"declared-but-never-sent", b"--other", False),  # falls back to JPEG markers
        (None, b"", False),  # bare concatenated JPEGs
    ],
)
def test_mjpeg_parser_cuts_pictures_from_any_chunking(declared, sent, with_length):
    from cctv_bridge.capture_http import MultipartJPEG

    pictures = [jpeg(64, 48, seed=i) for i in range(4)]
    stream = b""
    for picture in pictures:
        if sent:
            head = sent + b"\r\nContent-Type: image/jpeg\r\n"
            if with_length:
                head += b"Content-Length: %d\r\n" % len(picture)
            stream += head + b"\r\n" + picture + b"\r\n"
        else:
            stream += picture
    stream += (sent or b"") + b"--\r\n"
    if declared == b"declared-but-never-sent":
        stream += b"\0" * (MultipartJPEG.BOUNDARY_GIVE_UP + 1)
    sizes = (4096, len(stream)) if len(stream) > 100_000 else (1, 7, 4096, len(stream))
    for size in sizes:
        parser = MultipartJPEG(declared)
        got = []
        for at in range(0, len(stream), size):
            got += parser.feed(stream[at : at + size])
        assert got == pictures, (declared, size)


def test_snapshot_with_credentials(camera):
    url = camera.replace("http://", f"http://{USER}:{PASSWORD}@") + "/private/snap.jpg"
    result = grab(url, "snapshot", frames=2, **fast())
    assert result.ok, result.message
    assert result.resolution == (640, 360)
    wrong = camera.replace("http://", f"http://{USER}:wrong-{PASSWORD}@") + "/private/snap.jpg"
    result = grab(wrong, "snapshot", frames=2, **fast())
    assert result.error == HTTP_ERROR and "401" in result.message
    no_credentials = grab(camera + "/private/snap.jpg", "snapshot", frames=1, **fast())
    assert no_credentials.error == HTTP_ERROR


def test_snapshot_with_digest_credentials(camera):
    """Most IP cameras answer 401 with a Digest challenge; the password is never sent plain."""
    url = camera.replace("http://", f"http://{USER}:{PASSWORD}@") + "/digest/snap.jpg"
    result = grab(url, "snapshot", frames=2, **fast())
    assert result.ok, result.message
    assert result.resolution == (640, 360)
    wrong = camera.replace("http://", f"http://{USER}:nope@") + "/digest/snap.jpg"
    assert grab(wrong, "snapshot", frames=1, **fast()).error == HTTP_ERROR


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


# --- What comes back is not a picture ------------------------------------------------------------


def test_answers_that_are_not_pictures(camera):
    cases = {
        "/page.html": NOT_AN_IMAGE,
        "/bomb.jpg": TOO_LARGE,
        "/huge.jpg": TOO_LARGE,
        "/missing.jpg": HTTP_ERROR,
    }
    for path, code in cases.items():
        result = grab(camera + path, "snapshot", frames=1, **fast())
        assert result.error == code, (path, result.message)
        assert not result.reachable


# --- Redirects -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "location",
    [
        "file:///etc/passwd",
        "http://169.254.169.254/latest/meta-data/iam/security-credentials/",
        "http://[::ffff:169.254.169.254]/latest/meta-data/",
        "http://metadata.google.internal/computeMetadata/v1/",
        "http://2852039166/latest/meta-data/",
        "ftp://127.0.0.1/snap.jpg",
        "rtsp://127.0.0.1/stream",
        "data:image/jpeg;base64,/9j/4AAQ",
        "http://user:pass@127.0.0.1:1/snap.jpg",
    ],
)
def test_redirects_are_validated_again(camera, location):
    from urllib.parse import quote

    Camera.requests.clear()
    result = grab(f"{camera}/redirect?{quote(location, safe='')}", "snapshot", **fast())
    assert result.error == UNSAFE_URL, result.message
    assert not result.reachable and result.frames == ()
    assert Camera.requests == [f"/redirect?{quote(location, safe='')}"]
    assert location not in result.message


def test_a_redirect_within_the_camera_is_followed(camera):
    result = grab(f"{camera}/redirect?/snap.jpg", "snapshot", frames=2, **fast())
    assert result.ok, result.message
    assert result.resolution == (320, 240)


# --- Secrets -------------------------------------------------------------------------------------


def test_no_message_or_log_record_contains_the_password_or_host(
    caplog, capfd, camera, silent, refused_port, sim
):
    caplog.set_level(logging.DEBUG)
    secret = "Xy7-very-secret-pw"
    host_port = camera.removeprefix("http://")
    cases = [
        (f"http://admin:{secret}@{host_port}/private/snap.jpg", "snapshot"),  # 401
        (f"http://admin:{secret}@{host_port}/redirect?file:///etc/passwd", "snapshot"),
        (f"http://admin:{secret}@{host_port}/page.html", "snapshot"),
        (f"http://admin:{secret}@127.0.0.1:{silent.port}/snap.jpg", "snapshot"),
        (f"http://admin:{secret}@127.0.0.1:{refused_port}/video", "mjpeg"),
        (f"rtsp://admin:{secret}@127.0.0.1:{silent.port}/live", "rtsp"),
        (f"rtsp://admin:{secret}@127.0.0.1:{refused_port}/live", "rtsp"),
        (f"rtsp://admin:{secret}@169.254.169.254/live", "rtsp"),
        (f"file:///etc/passwd?{secret}", "rtsp"),
    ]
    if sim.rtsp_enabled:
        rtsp_host_port = f"127.0.0.1:{sim.rtsp_port}"
        cases.append((f"rtsp://admin:{secret}@{rtsp_host_port}/no-such-camera", "rtsp"))
    results = [grab(url, kind, **fast()) for url, kind in cases]
    assert all(not r.ok for r in results)
    hosts = [host_port, f"127.0.0.1:{silent.port}", f"127.0.0.1:{refused_port}", "169.254"]
    texts = [r.message for r in results] + [repr(r) for r in results]
    texts += [record.getMessage() for record in caplog.records]
    texts += [record.exc_text or "" for record in caplog.records]
    out, err = capfd.readouterr()  # FFmpeg and OpenCV write straight to fd 2
    texts += [out, err]
    assert caplog.records, "the probes log at DEBUG (redacted)"
    for text in texts:
        assert secret not in text
        assert "admin" not in text
        for host in hosts:
            assert host not in text


# --- One hanging camera must not delay the others ------------------------------------------------


def timed_grabs(jobs: list[tuple[str, str, dict]], stagger: int = 0) -> list[CaptureResult]:
    """Run the probes on threads at once (the first ``stagger`` ones 0.2 s ahead)."""
    results: list[CaptureResult | None] = [None] * len(jobs)

    def run(i: int) -> None:
        url, kind, options = jobs[i]
        results[i] = grab(url, kind, **options)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(jobs))]
    for i, thread in enumerate(threads):
        thread.start()
        if i + 1 == stagger:
            time.sleep(0.2)  # the hanging ones are already inside FFmpeg's open
    for thread in threads:
        thread.join(30)
    return results  # type: ignore[return-value]


def test_one_hanging_rtsp_camera_does_not_delay_the_others(rtsp, silent):
    """Without OPENCV_FFMPEG_IS_THREAD_SAFE=1 OpenCV serialises opens behind a process-wide
    lock: the healthy cameras would wait for the silent one's whole open timeout (6 s here)."""
    healthy = {"open_timeout": 6.0, "read_timeout": 3.0, "deadline": 12.0}
    solo = grab(rtsp.rtsp_url(1), "rtsp", **healthy)
    assert solo.ok
    hanging_jobs = [
        (f"rtsp://127.0.0.1:{silent.port}/live", "rtsp", healthy),
        (rtsp.rtsp_url(3), "rtsp", healthy),  # answers RTSP, never sends a frame
    ]
    healthy_jobs = [(rtsp.rtsp_url(i), "rtsp", healthy) for i in (1, 4, 5)]
    results = timed_grabs(hanging_jobs + healthy_jobs, stagger=len(hanging_jobs))
    for result in results[:2]:
        assert result.error == TIMEOUT
        assert result.elapsed >= 5.5
    for result in results[2:]:
        assert result.ok, result.message
        assert result.elapsed < solo.elapsed + 1.5
        assert result.elapsed < 4.0


def test_hanging_http_cameras_do_not_delay_the_others(sim, silent):
    targets = [
        (f"http://127.0.0.1:{silent.port}/snap.jpg", "snapshot"),
        (sim.cameras[3].snapshot_url, "snapshot"),
        (sim.cameras[6].mjpeg_url, "mjpeg"),
        (sim.cameras[1].snapshot_url, "snapshot"),
        (sim.cameras[4].mjpeg_url, "mjpeg"),
        (sim.cameras[5].snapshot_url, "snapshot"),
    ]
    seen: list[int] = []
    started = time.monotonic()
    results = probe_many(
        targets,
        workers=8,
        open_timeout=2,
        read_timeout=2,
        deadline=3,
        on_result=lambda i, r: seen.append(i) if r.frames else None,
        keep_frames=False,
    )
    took = time.monotonic() - started
    assert [r.error for r in results[:3]] == [TIMEOUT, TIMEOUT, TIMEOUT]
    assert all(r.ok for r in results[3:])
    assert all(r.elapsed < 1.5 for r in results[3:])  # not held up by the three above
    assert all(r.frames == () for r in results)  # dropped after on_result saw them
    assert sorted(seen) == [3, 4, 5]
    assert took < 3 + SLACK


# --- FFmpeg configuration ------------------------------------------------------------------------


def test_ffmpeg_is_configured_once_for_the_process():
    assert os.environ["OPENCV_FFMPEG_IS_THREAD_SAFE"] == "1"
    options = os.environ["OPENCV_FFMPEG_CAPTURE_OPTIONS"]
    assert options == capture.FFMPEG_CAPTURE_OPTIONS
    assert "protocol_whitelist;rtsp,rtsps,tcp,tls" in options.split("|")
    assert "format_whitelist;rtsp" in options.split("|")


def test_ffmpeg_itself_refuses_local_files(tmp_path):
    """The second wall: even handed a file path directly, OpenCV's FFmpeg will not read it."""
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 10, (64, 48))
    for i in range(5):
        writer.write(np.full((48, 64, 3), i * 40, dtype=np.uint8))
    writer.release()
    assert path.stat().st_size > 0
    for name in (str(path), f"file:{path}", f"concat:{path}|{path}"):
        cap = cv2.VideoCapture(name, cv2.CAP_FFMPEG)
        try:
            assert not cap.isOpened(), name
        finally:
            cap.release()
