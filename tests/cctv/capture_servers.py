"""Small servers on 127.0.0.1 for the capture tests: silent, dripping and awkward cameras.

The simulator (``cctv_bridge.simulator``) plays well-behaved and faulty cameras; these give the
answers it does not (a socket that never speaks, a byte at a time, 401 with Basic or Digest,
redirects, pages, picture bombs). Fixtures that start them are in ``conftest.py``.
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler

import cv2
import numpy as np

from cctv_bridge.capture.results import CaptureResult

SLACK = 0.6  # scheduling noise on a busy 2-core machine
SIZE = (640, 360)


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


def fast(**overrides) -> dict:
    options = {"open_timeout": 1.0, "read_timeout": 1.0, "deadline": 5.0}
    options.update(overrides)
    return options


def assert_healthy(result: CaptureResult, frames: int = 5) -> None:
    assert result.ok, (result.error, result.message)
    assert result.reachable and result.error is None
    assert len(result.frames) == frames
    assert result.resolution == SIZE
    for frame in result.frames:
        assert frame.shape == (SIZE[1], SIZE[0], 3) and frame.dtype == np.uint8
    assert 0 < result.time_to_first_frame <= result.elapsed
