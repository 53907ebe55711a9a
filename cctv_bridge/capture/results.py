"""What a probe ends with: its result, its error codes, and the one failure type every path raises.

``CaptureResult`` is what callers get; ``CaptureFailure`` is how the HTTP and RTSP paths (and
picture decoding) stop a probe with a code, and ``probe_result`` is the one place that turns
frames gathered so far plus a failure (or none) into a result.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from cctv_bridge.capture.timing import Budget

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


class CaptureFailure(Exception):
    """A probe stopped with a result ``code`` and an English ``message`` free of URL parts."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


_ERROR_TEXT = {
    UNSAFE_URL: _("The stream address is not allowed."),
    DNS_ERROR: _("The camera's host name does not resolve."),
    REFUSED: _("The camera refused the connection."),
    TIMEOUT: _("The camera did not answer in time."),
    CONNECTION_ERROR: _("The connection to the camera broke."),
    TLS_ERROR: _("The camera's secure connection failed."),
    HTTP_ERROR: _("The camera answered with an error."),
    NOT_AN_IMAGE: _("The camera did not send a picture."),
    TOO_LARGE: _("The camera's picture is too large."),
    NO_FRAMES: _("The camera's stream gave no pictures."),
    STREAM_ERROR: _("The camera's stream could not be opened."),
}


def describe_error(code: str | None) -> str:
    """A translated sentence for an error code (for operators' pages; lazy, so call ``str``
    inside the right language)."""
    if code is None:
        return ""
    return _ERROR_TEXT.get(code, _("The probe failed."))  # type: ignore[return-value]


def frame_rate(timestamps: list[float]) -> float | None:
    """Frames per second over ``timestamps`` (seconds, ascending); None when undefined."""
    if len(timestamps) < 2:
        return None
    span = timestamps[-1] - timestamps[0]
    if span <= 0:
        return None
    return round((len(timestamps) - 1) / span, 2)


def probe_result(
    kind: str,
    budget: Budget,
    failure: CaptureFailure | None,
    *,
    frames: Sequence[np.ndarray] = (),
    times: Sequence[float] = (),
    fps: float | None = None,
    bytes_read: int | None = None,
) -> CaptureResult:
    """The result of a probe that gathered ``frames`` (arrival ``times`` on the monotonic clock)
    and then stopped with ``failure``, or finished (``failure`` None)."""
    first = frames[0] if frames else None
    return CaptureResult(
        kind=kind,
        reachable=bool(frames),
        error=failure.code if failure else None,
        message=failure.message if failure else f"{len(frames)} frame(s) read",
        time_to_first_frame=(times[0] - budget.start) if times else None,
        resolution=(int(first.shape[1]), int(first.shape[0])) if first is not None else None,
        fps=fps,
        frames=tuple(frames),
        bytes_read=bytes_read,
        elapsed=budget.elapsed(),
    )
