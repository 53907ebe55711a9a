"""What every probe path shares: the result type, error codes, the time budget, frame decoding.

Kept apart from ``capture.py`` so the HTTP and FFmpeg modules can use it without importing each
other. Import the public names from ``cctv_bridge.capture``.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import struct
import threading
import time
from dataclasses import dataclass, field

import cv2
import numpy as np

# --- Error codes ---------------------------------------------------------------------------------
#: The stream URL breaks a rule (scheme, link-local or metadata address, …), at probe time.
UNSAFE_URL = "unsafe_url"
#: The host name did not resolve.
DNS_ERROR = "dns_error"
#: The camera's port actively refused the connection (nothing listening, or a firewall reject).
REFUSED = "refused"
#: Nothing arrived in time: connect, open, a read, or the probe's overall deadline.
TIMEOUT = "timeout"
#: The connection broke (reset, closed early, malformed HTTP).
CONNECTION_ERROR = "connection_error"
#: The TLS handshake failed (certificate, protocol).
TLS_ERROR = "tls_error"
#: The camera answered with an HTTP error status (401, 404, 500, …).
HTTP_ERROR = "http_error"
#: The camera answered, but not with a JPEG/PNG picture (or it did not decode).
NOT_AN_IMAGE = "not_an_image"
#: A picture or body over the size cap.
TOO_LARGE = "too_large"
#: The stream opened but ended or failed before any frame.
NO_FRAMES = "no_frames"
#: The RTSP stream could not be opened although its port answered (wrong path, credentials,
#: unsupported codec): FFmpeg does not say which.
STREAM_ERROR = "stream_error"

ERROR_CODES = (
    UNSAFE_URL,
    DNS_ERROR,
    REFUSED,
    TIMEOUT,
    CONNECTION_ERROR,
    TLS_ERROR,
    HTTP_ERROR,
    NOT_AN_IMAGE,
    TOO_LARGE,
    NO_FRAMES,
    STREAM_ERROR,
)

#: A body (snapshot) or a whole multipart read (MJPEG) larger than this is refused.
MAX_BODY_BYTES = 10 * 1024 * 1024
#: Pictures with more pixels are not decoded (a 10 MB JPEG can claim 65535 x 65535 and make the
#: decoder allocate gigabytes). 20 Mpx covers 4K and 12 Mpx cameras.
MAX_PIXELS = 20_000_000


@dataclass(frozen=True, slots=True, eq=False)
class CaptureResult:
    """What one probe saw. Never holds the URL, host or credentials, not even in ``message``.

    ``reachable`` is true when at least one frame was decoded; ``error`` is None only when all
    requested frames arrived. A stream that delivered some frames and then stalled is
    ``reachable`` with ``error == "timeout"`` and the frames it got.
    """

    kind: str
    reachable: bool
    error: str | None
    #: English detail for operators' logs (the UI translates ``error``, see ``describe_error``).
    message: str
    #: Seconds from the start of the probe to the first decoded frame.
    time_to_first_frame: float | None = None
    #: (width, height) of the first frame.
    resolution: tuple[int, int] | None = None
    #: Frames per second measured over the frames read (stream timestamps for RTSP, arrival
    #: times for MJPEG); None for snapshots and for fewer than two frames.
    fps: float | None = None
    #: Decoded BGR frames (numpy uint8, h x w x 3), oldest first.
    frames: tuple[np.ndarray, ...] = field(default=(), repr=False)
    #: Bytes received from the camera (HTTP body bytes); None for RTSP (FFmpeg does not say).
    bytes_read: int | None = None
    #: Seconds the probe took, start to return.
    elapsed: float = 0.0

    @property
    def ok(self) -> bool:
        return self.reachable and self.error is None


class Budget:
    """The probe's hard deadline, on the monotonic clock."""

    __slots__ = ("end", "start")

    def __init__(self, seconds: float) -> None:
        self.start = time.monotonic()
        self.end = self.start + max(float(seconds), 0.0)

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def remaining(self) -> float:
        return max(self.end - time.monotonic(), 0.0)

    def cap(self, seconds: float) -> float:
        """``seconds``, but no later than the deadline."""
        return max(min(float(seconds), self.end - time.monotonic()), 0.0)

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.end


class Reaper:
    """One thread that cuts the sockets of probes past their deadline.

    Socket timeouts count per operation, so a server that drips a byte a second keeps a plain
    ``recv`` loop (and ``http.client``'s header parser) alive for ever. Shutting the socket down
    from here makes the blocked call return at once, whichever library is inside it. One thread
    for the whole process, not a timer per probe: a worker probes hundreds of cameras.
    """

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Watch]] = []
        self._counter = itertools.count()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: float) -> Watch:
        entry = Watch(deadline)
        with self._cond:
            heapq.heappush(self._heap, (deadline, next(self._counter), entry))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="cctv-reaper", daemon=True)
                self._thread.start()
            self._cond.notify()
        return entry

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._heap:
                    self._cond.wait()
                deadline, _n, entry = self._heap[0]
                delay = deadline - time.monotonic()
                if delay > 0:
                    self._cond.wait(delay)
                    continue
                heapq.heappop(self._heap)
            entry.expire()


class Watch:
    """The sockets of one probe; ``expire`` shuts them all down (once, idempotent)."""

    __slots__ = ("_lock", "_sockets", "deadline", "done", "expired")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self.done = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                _shutdown(sock)
            self._sockets.append(sock)

    def expire(self) -> None:
        with self._lock:
            if self.done:
                return
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)

    def close(self) -> None:
        """The probe is over: nothing more to cut. (Closed sockets are also safe to shut down:
        Python forgets the descriptor on close, so a reused fd is never touched.)"""
        with self._lock:
            self.done = True
            self._sockets.clear()


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


reaper = Reaper()


# --- Pictures ------------------------------------------------------------------------------------

JPEG_SOI = b"\xff\xd8"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
# SOFn markers carry the frame size; C4 (DHT), C8 (JPG) and CC (DAC) share the range but do not.
_SOF_MARKERS = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


class PictureError(Exception):
    """A body that is not a usable picture; ``code`` is NOT_AN_IMAGE or TOO_LARGE."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def picture_size(data: bytes | bytearray | memoryview) -> tuple[int, int]:
    """(width, height) from a JPEG or PNG header, without decoding.

    Only JPEG and PNG are accepted: cameras send JPEG, and OpenCV's rarer decoders (TIFF,
    JPEG 2000, …) are attack surface a snapshot does not need.
    """
    view = memoryview(data)
    if bytes(view[:8]) == PNG_MAGIC:
        if len(view) < 24 or bytes(view[12:16]) != b"IHDR":
            raise PictureError(NOT_AN_IMAGE, "truncated PNG header")
        width, height = struct.unpack(">II", view[16:24])
        return width, height
    if bytes(view[:2]) != JPEG_SOI:
        raise PictureError(NOT_AN_IMAGE, "the camera did not send a JPEG or PNG picture")
    pos, end = 2, len(view)
    while pos + 4 <= end:
        if view[pos] != 0xFF:
            raise PictureError(NOT_AN_IMAGE, "damaged JPEG header")
        marker = view[pos + 1]
        if marker == 0xFF:  # fill byte
            pos += 1
            continue
        if marker in (0x01, *range(0xD0, 0xD8)):  # markers without a length
            pos += 2
            continue
        (length,) = struct.unpack(">H", view[pos + 2 : pos + 4])
        if marker in _SOF_MARKERS:
            if pos + 9 > end:
                break
            height, width = struct.unpack(">HH", view[pos + 5 : pos + 9])
            return width, height
        if marker == 0xDA:  # start of scan before any frame header
            break
        pos += 2 + length
    raise PictureError(NOT_AN_IMAGE, "JPEG without a frame header")


def decode_picture(data: bytes | bytearray | memoryview) -> np.ndarray:
    """A BGR frame from JPEG/PNG bytes; ``PictureError`` when it is not one or is too big."""
    width, height = picture_size(data)
    if width <= 0 or height <= 0:
        raise PictureError(NOT_AN_IMAGE, "picture with no size")
    if width * height > MAX_PIXELS:
        raise PictureError(TOO_LARGE, f"picture of {width}x{height} pixels is over the cap")
    frame = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
    if frame is None or frame.size == 0:
        raise PictureError(NOT_AN_IMAGE, "the picture did not decode")
    return frame


def frame_rate(timestamps: list[float]) -> float | None:
    """Frames per second over ``timestamps`` (seconds, ascending); None when undefined."""
    if len(timestamps) < 2:
        return None
    span = timestamps[-1] - timestamps[0]
    if span <= 0:
        return None
    return round((len(timestamps) - 1) / span, 2)
