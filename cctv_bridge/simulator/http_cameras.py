"""HTTP cameras: JPEG snapshots and MJPEG streams of many synthetic cameras on one port.

One threaded HTTP server on 127.0.0.1 serves every camera; a camera is only a few numbers
(its scene, viewpoint and fault) until someone looks at it, so a thousand of them cost little.
Frames are rendered on request and shared: all readers of a camera within one frame period get
the same JPEG.

URLs, for camera ``i`` (numbered from 1):

* ``GET /cam/<i>/snapshot.jpg`` — one JPEG;
* ``GET /cam/<i>/mjpeg`` — ``multipart/x-mixed-replace`` stream at the frame rate;
* ``GET /cameras.json`` — the cameras, their faults and URLs;
* ``POST /cam/<i>/fault`` with the fault name as the body — change a fault from outside.

Network faults, as a prober meets them: ``offline`` resets the connection (RST) as soon as the
request has arrived (the port is shared, so it cannot refuse per camera; a stopped simulator
refuses); ``hanging`` accepts, reads the request and never answers; ``slow-drip`` answers
``DRIP_BYTES`` bytes every ``DRIP_INTERVAL`` seconds, so no per-read timeout ever fires and the
response never completes. An MJPEG stream whose camera turns faulty mid-way behaves the same
from that moment: it is reset, falls silent, or starts to drip.
"""

from __future__ import annotations

import contextlib
import json
import re
import select
import socket
import struct
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import cv2

from . import scenes

DRIP_BYTES = 16
DRIP_INTERVAL = 0.5  # seconds; shorter than any sensible per-read timeout
BOUNDARY = "camsimframe"
JPEG_QUALITY = 80
THREAD_PREFIX = "camsim"


class JpegCache:
    """The latest JPEG of the cameras looked at most recently.

    Readers of one camera within a frame period share a JPEG; a thousand cameras probed once a
    minute would otherwise each keep a stale one. Frozen pictures need no cache to stay
    byte-identical: rendering and encoding the same moment give the same bytes.
    """

    def __init__(self, size: int = 128):
        self.size = size
        self._items: OrderedDict[int, tuple[tuple, bytes]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, index: int, key: tuple) -> bytes | None:
        with self._lock:
            item = self._items.get(index)
            if item is None or item[0] != key:
                return None
            self._items.move_to_end(index)
            return item[1]

    def put(self, index: int, key: tuple, data: bytes) -> None:
        with self._lock:
            self._items[index] = (key, data)
            self._items.move_to_end(index)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class CameraState:
    """A camera's scene, viewpoint and fault: all a camera is until someone looks at it."""

    def __init__(self, index: int, view: scenes.View, fault: str = scenes.HEALTHY):
        self.index = index
        self.view = view
        self.fault = scenes.check_fault(fault)
        self.frozen_at = time.time()
        self._lock = threading.Lock()

    def set_fault(self, fault: str, moment: float | None = None) -> None:
        """Switch the fault; ``frozen`` keeps the picture of ``moment`` (default: now)."""
        scenes.check_fault(fault)
        with self._lock:
            self.fault = fault
            self.frozen_at = time.time() if moment is None else moment

    def jpeg(self, renderer: scenes.SceneRenderer, now: float, cache: JpegCache) -> bytes:
        """The JPEG this camera shows at ``now``; rendered once per frame period.

        Network faults get a healthy picture: it is what a dripping camera sends, slowly.
        """
        with self._lock:  # one renderer per camera at a time; the others wait and share
            fault = self.fault
            if fault == scenes.FROZEN:
                key: tuple = (fault, self.frozen_at)
                fault, now = scenes.HEALTHY, self.frozen_at
            else:
                if fault in scenes.NETWORK_FAULTS:
                    fault = scenes.HEALTHY
                key = (fault, renderer.tick(now))
            data = cache.get(self.index, key)
            if data is None:
                frame = renderer.frame(self.view, fault, now)
                ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
                if not ok:  # pragma: no cover - OpenCV always encodes a uint8 BGR frame
                    raise RuntimeError("JPEG encoding failed")
                data = encoded.tobytes()
                cache.put(self.index, key, data)
            return data


class _Server(ThreadingHTTPServer):
    """A threaded server that knows its connections, so that stopping it ends them all."""

    daemon_threads = True
    request_queue_size = 1024  # probes of a thousand cameras arrive in bursts
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], owner: HttpCameras):
        self.owner = owner
        self.stopping = threading.Event()
        self._conn_lock = threading.Lock()
        self._active: dict[threading.Thread, socket.socket] = {}
        super().__init__(address, _Handler)

    def process_request(self, request, client_address) -> None:
        thread = threading.Thread(
            target=self._serve,
            args=(request, client_address),
            name=f"{THREAD_PREFIX}-http-conn",
            daemon=True,
        )
        with self._conn_lock:
            self._active[thread] = request
        thread.start()

    def _serve(self, request, client_address) -> None:
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self._conn_lock:
                self._active.pop(threading.current_thread(), None)

    def handle_error(self, request, client_address) -> None:
        """Clients hanging up mid-stream are normal for cameras; stay quiet about them."""

    def close_connections(self, timeout: float = 3.0) -> None:
        with self._conn_lock:
            active = list(self._active.items())
        for _thread, sock in active:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        deadline = time.monotonic() + timeout
        for thread, _sock in active:
            thread.join(max(0.0, deadline - time.monotonic()))


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "CameraSimulator/1.0"
    timeout = 30  # a reader that stops reading cannot hold a thread for ever

    _path = re.compile(r"^/cam/(\d+)/(snapshot\.jpg|mjpeg|fault)/?$")

    def log_message(self, *args) -> None:
        """One line per request would drown an operator's terminal; stay quiet."""

    # -- routing ---------------------------------------------------------------------------

    def do_GET(self) -> None:
        owner = self.server.owner
        path = self.path.split("?", 1)[0]
        if path in ("/", "/cameras.json"):
            return self._send(200, "application/json", json.dumps(owner.describe()).encode())
        match = self._path.match(path)
        cam = owner.cameras.get(int(match.group(1))) if match else None
        if cam is None or match.group(2) == "fault":
            return self._send(404, "text/plain", b"no such camera\n")
        fault = cam.fault
        if fault == scenes.OFFLINE:
            return self._reset()
        if fault == scenes.HANGING:
            return self._hang()
        if match.group(2) == "mjpeg":
            return self._stream(cam)
        jpeg = owner.jpeg(cam)
        if fault == scenes.SLOW_DRIP:
            return self._drip(self._head(200, "image/jpeg", len(jpeg)) + jpeg)
        self.wfile.write(self._head(200, "image/jpeg", len(jpeg)) + jpeg)

    def do_POST(self) -> None:
        match = self._path.match(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(min(length, 100)).decode("ascii", "replace").strip()
        fault = body.split("=", 1)[-1].strip()
        if not match or match.group(2) != "fault":
            return self._send(404, "text/plain", b"not found\n")
        try:
            self.server.owner.request_fault(int(match.group(1)), fault)
        except (KeyError, ValueError) as exc:
            return self._send(400, "text/plain", f"{exc}\n".encode())
        self._send(204, "text/plain", b"")

    # -- answers ---------------------------------------------------------------------------

    def _head(self, status: int, content_type: str, length: int | None) -> bytes:
        lines = [
            f"HTTP/1.0 {status} {self.responses.get(status, ('',))[0]}",
            f"Server: {self.server_version}",
            f"Content-Type: {content_type}",
            "Cache-Control: no-store",
            "Connection: close",
        ]
        if length is not None:
            lines.append(f"Content-Length: {length}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.wfile.write(self._head(status, content_type, len(body)) + body)

    def _reset(self) -> None:
        """Abort the connection with a TCP reset, as a camera that is down or rebooting does."""
        self.close_connection = True
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.connection.close()  # really closed (RST) when the handler's files close

    def _hang(self) -> None:
        """Hold the connection open and say nothing until the client or the server gives up."""
        self.close_connection = True
        conn = self.connection
        while not self.server.stopping.is_set():
            readable, _, _ = select.select([conn], [], [], 0.25)
            if readable:
                try:
                    if not conn.recv(4096):
                        return
                except OSError:
                    return

    def _drip(self, payload: bytes, repeat: bytes = b"") -> None:
        """Send ``payload`` (then ``repeat`` over and over) a few bytes at a time, slowly
        enough that it never really ends."""
        self.close_connection = True
        data, start = payload, 0
        while not self.server.stopping.is_set():
            if start >= len(data):
                if not repeat:
                    return self._hang()
                data, start = repeat, 0
            try:
                self.connection.sendall(data[start : start + DRIP_BYTES])
            except OSError:
                return
            start += DRIP_BYTES
            self.server.stopping.wait(DRIP_INTERVAL)

    def _part(self, jpeg: bytes) -> bytes:
        head = f"--{BOUNDARY}\r\nContent-Type: image/jpeg\r\nContent-Length: {len(jpeg)}\r\n\r\n"
        return head.encode("ascii") + jpeg + b"\r\n"

    def _stream(self, cam: CameraState) -> None:
        """MJPEG at the frame rate until the client leaves, the camera fails or we stop."""
        self.close_connection = True
        owner = self.server.owner
        renderer = owner.renderer
        head = self._head(200, f"multipart/x-mixed-replace; boundary={BOUNDARY}", None)
        period = 1.0 / renderer.fps
        next_frame = time.monotonic()
        first = True
        while not self.server.stopping.is_set():
            fault = cam.fault
            if fault == scenes.OFFLINE:
                return self._reset()
            if fault == scenes.HANGING:
                return self._hang()
            part = self._part(owner.jpeg(cam))
            if fault == scenes.SLOW_DRIP:
                return self._drip((head if first else b"") + part, repeat=part)
            try:
                self.wfile.write((head if first else b"") + part)
            except OSError:
                return
            first = False
            next_frame += period
            delay = next_frame - time.monotonic()
            if delay < -period:  # the reader is slow: skip frames rather than queue them
                next_frame = time.monotonic()
            elif delay > 0:
                self.server.stopping.wait(delay)


class HttpCameras:
    """The HTTP side of the simulator: one server for all cameras.

    ``on_fault`` is called for ``POST /cam/<i>/fault``, so that the owner (the controller)
    changes the fault everywhere, RTSP included; by default only the HTTP camera changes.
    ``rtsp_url`` adds each camera's RTSP URL to ``/cameras.json``.
    """

    def __init__(
        self,
        cameras: dict[int, CameraState],
        renderer: scenes.SceneRenderer,
        host: str = "127.0.0.1",
        port: int = 0,
        on_fault: Callable[[int, str], None] | None = None,
        rtsp_url: Callable[[int], str | None] | None = None,
    ):
        self.cameras = cameras
        self.renderer = renderer
        self.host = host
        self._wanted_port = port
        self._on_fault = on_fault
        self._rtsp_url = rtsp_url
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._jpegs = JpegCache()

    def jpeg(self, cam: CameraState) -> bytes:
        """Camera ``cam``'s picture of this moment, as JPEG."""
        return cam.jpeg(self.renderer, time.time(), self._jpegs)

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the HTTP cameras are not running")
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> None:
        """Bind (``port`` 0: any free port) and serve in a background thread."""
        self._server = _Server((self.host, self._wanted_port), self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"{THREAD_PREFIX}-http",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, end open connections and free the port."""
        server, self._server = self._server, None
        if server is None:
            return
        server.stopping.set()
        server.shutdown()
        server.server_close()
        server.close_connections()
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None

    def request_fault(self, index: int, fault: str) -> None:
        scenes.check_fault(fault)
        if index not in self.cameras:
            raise KeyError(f"no camera {index}")
        if self._on_fault is not None:
            self._on_fault(index, fault)
        else:
            self.cameras[index].set_fault(fault)

    def urls(self, index: int) -> tuple[str, str]:
        """The snapshot and MJPEG URLs of camera ``index``."""
        base = self.base_url
        return f"{base}/cam/{index}/snapshot.jpg", f"{base}/cam/{index}/mjpeg"

    def describe(self) -> list[dict]:
        """The cameras as ``/cameras.json`` lists them."""
        out = []
        for index, cam in sorted(self.cameras.items()):
            snapshot, mjpeg = self.urls(index)
            rtsp = self._rtsp_url(index) if self._rtsp_url else None
            out.append(
                {
                    "index": index,
                    "fault": cam.fault,
                    "snapshot": snapshot,
                    "mjpeg": mjpeg,
                    "rtsp": rtsp,
                }
            )
        return out
