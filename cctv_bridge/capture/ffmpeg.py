"""RTSP probes through OpenCV's FFmpeg backend, bounded in time, one camera unable to stall another.

What OpenCV's FFmpeg backend does (read in its source, ``cap_ffmpeg_impl.hpp``, and measured
here with opencv-python-headless 5.0 / FFmpeg avformat 62):

* ``OPENCV_FFMPEG_CAPTURE_OPTIONS`` and ``OPENCV_FFMPEG_IS_THREAD_SAFE`` are read with
  ``getenv`` on *every* ``open``, not once at import. Setting them after ``import cv2`` works;
  but ``setenv`` racing a ``getenv`` in another thread is undefined behaviour in C, so
  ``configure_ffmpeg`` sets them once, when this module is imported, before any probe thread
  exists, and nothing changes them per capture. Per-capture values go through the
  ``VideoCapture`` parameters instead (open/read timeouts).
* Without ``OPENCV_FFMPEG_IS_THREAD_SAFE=1`` every open takes a process-wide mutex: a camera
  that accepts TCP and stays silent held every other open for its whole open timeout
  (measured: three healthy cameras finished at 5.0, 5.4, 6.4 s instead of 1.7 s). With it they
  finish at their own speed (``tests/cctv/test_capture_concurrency.py`` checks exactly this).
  The Python binding releases the GIL inside ``VideoCapture()`` and ``read()``.
* ``OPENCV_FFMPEG_LOGLEVEL`` is read once, at the first open: FFmpeg's own error lines
  ("Connection to tcp://HOST:PORT failed") go to stderr unless it is 0 (panic only).
* The open timeout covers ``avformat_open_input`` and ``avformat_find_stream_info``; the read
  timeout restarts at every ``read()`` (it bounds one frame, not the probe). Neither can be
  changed after the open. So the probe's overall deadline is kept by running the capture in
  its own thread and waiting for it no longer than the deadline: past it the probe returns
  ``timeout`` with the frames it has, and the abandoned capture ends by itself within one read
  timeout (then releases). No call here can block for ever: FFmpeg's interrupt callback
  bounds every network wait, and FFmpeg never resolves a host name (it gets the IP the probe
  checked), so no uninterruptible ``getaddrinfo`` runs inside it.
* Default stream analysis (``analyzeduration`` 5 s, ``probesize`` 5 MB) made every open take
  ~2.9 s here; 0.5 s of analysis opens in ~0.7 s and still finds H.264 size and rate. The
  first frame still waits for the camera's next keyframe: the read timeout must exceed the
  camera's keyframe interval.

``refused`` vs ``timeout`` vs ``stream_error``: OpenCV only says "not opened". A plain TCP
connect to the camera's port first tells a refused or silent port from an RTSP-level failure
(404, 401, codec), at the cost of one extra connection per probe.

Limits, on purpose or not:

* The options are process-wide: in a process that imported this module, OpenCV's FFmpeg
  backend opens nothing but RTSP (no local video files, no HTTP). Probe workers only.
* An RTSP server may answer 3xx and FFmpeg follows it by itself; the protocol whitelist keeps
  that to a TCP/TLS connection, but to an address this module never sees. Block link-local
  and metadata ranges for the worker at the network level as well (egress firewall).
* RTSPS certificates are not verified (FFmpeg's ``tls_verify`` is off by default, and the
  probe connects to an IP address, so there is no name to verify against).
"""

from __future__ import annotations

import itertools
import os
import socket
import threading
import time

import cv2
import numpy as np

from cctv_bridge.capture.addresses import checked_addresses
from cctv_bridge.capture.results import (
    NO_FRAMES,
    REFUSED,
    STREAM_ERROR,
    TIMEOUT,
    CaptureFailure,
    CaptureResult,
    frame_rate,
    probe_result,
)
from cctv_bridge.capture.timing import Budget
from cctv_bridge.stream_urls import StreamURL

#: FFmpeg options for every OpenCV capture in this process (``key;value`` pairs joined by ``|``).
FFMPEG_CAPTURE_OPTIONS = "|".join(
    (
        # Only the network protocols an RTSP camera needs: no file, concat, subfile, pipe, data,
        # http (RTSP-over-HTTP tunnelling), udp. A second wall behind the URL whitelist, and the
        # one that also holds for anything FFmpeg opens on its own (RTSP redirects, SDP).
        "protocol_whitelist;rtsp,rtsps,tcp,tls",
        # Only the RTSP demuxer: no format probing of whatever a server sends.
        "format_whitelist;rtsp",
        # Interleaved RTP over the RTSP TCP connection: no UDP ports, no loss on busy links.
        "rtsp_transport;tcp",
        # 0.5 s of stream analysis instead of FFmpeg's default 5 s (see the module docstring).
        "analyzeduration;500000",
        "probesize;500000",
        # Hand frames over as they arrive instead of buffering for smooth playback.
        "fflags;nobuffer",
        "max_delay;500000",
    )
)

FFMPEG_ENVIRONMENT = {
    "OPENCV_FFMPEG_CAPTURE_OPTIONS": FFMPEG_CAPTURE_OPTIONS,
    "OPENCV_FFMPEG_IS_THREAD_SAFE": "1",
}
#: Set only when absent: an administrator may raise them to debug (FFmpeg's lines then name
#: hosts and ports on stderr, never passwords). 0 = AV_LOG_PANIC.
FFMPEG_ENVIRONMENT_DEFAULTS = {
    "OPENCV_FFMPEG_LOGLEVEL": "0",
    # The decoder's own cap (read once by OpenCV), behind our header check before decoding.
    "OPENCV_IO_MAX_IMAGE_PIXELS": "20000000",
}

_configured = False
_configure_lock = threading.Lock()


def configure_ffmpeg() -> None:
    """Set the process-wide FFmpeg/OpenCV options, once. Called when this module is imported.

    Overwrites ``OPENCV_FFMPEG_CAPTURE_OPTIONS`` and ``OPENCV_FFMPEG_IS_THREAD_SAFE`` (the
    protocol whitelist is a safety rule, not a preference), sets the log level variables only
    when absent, and turns OpenCV's own log down to errors (its per-open warning about the
    thread-safe flag would otherwise print on every probe).
    """
    global _configured
    with _configure_lock:
        if _configured:
            return
        for name, value in FFMPEG_ENVIRONMENT.items():
            os.environ[name] = value
        for name, value in FFMPEG_ENVIRONMENT_DEFAULTS.items():
            os.environ.setdefault(name, value)
        logging_api = getattr(getattr(cv2, "utils", None), "logging", None)
        if logging_api is not None and hasattr(logging_api, "setLogLevel"):
            logging_api.setLogLevel(logging_api.LOG_LEVEL_ERROR)
        _configured = True


configure_ffmpeg()


class _Capture:
    """State of one capture thread, read by the probe when it finishes or gives up."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.abandoned = False
        self.opened = False
        self.open_seconds = 0.0
        self.read_failed_after: float | None = None
        self.frames: list[np.ndarray] = []
        self.times: list[float] = []
        self.positions: list[float] = []


def _capture(url: str, frames: int, open_ms: int, read_ms: int, state: _Capture) -> None:
    capture = None
    try:
        started = time.monotonic()
        capture = cv2.VideoCapture(
            url,
            cv2.CAP_FFMPEG,
            [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, open_ms, cv2.CAP_PROP_READ_TIMEOUT_MSEC, read_ms],
        )
        state.open_seconds = time.monotonic() - started
        state.opened = bool(capture.isOpened())
        while state.opened and len(state.frames) < frames and not state.abandoned:
            read_started = time.monotonic()
            ok, frame = capture.read()
            if not ok or frame is None:
                state.read_failed_after = time.monotonic() - read_started
                break
            state.times.append(time.monotonic())
            state.positions.append(float(capture.get(cv2.CAP_PROP_POS_MSEC)))
            state.frames.append(frame)
    except Exception:  # cv2.error carries no URL, but the probe reports by code alone
        state.read_failed_after = 0.0
    finally:
        if capture is not None:
            capture.release()
        state.done.set()


def _preconnect(addresses: list[str], port: int, budget: Budget, open_timeout: float) -> str:
    """The first address whose port accepts a TCP connection (closed again at once)."""
    refused = False
    for address in addresses:
        timeout = budget.cap(open_timeout)
        if timeout <= 0:
            break
        try:
            with socket.create_connection((address, port), timeout=timeout):
                return address
        except ConnectionRefusedError:
            refused = True
        except OSError:
            continue
    if refused:
        raise CaptureFailure(REFUSED, "the camera refused the connection")
    raise CaptureFailure(TIMEOUT, "the camera's port did not accept a connection in time")


def grab_rtsp(
    target: StreamURL,
    *,
    frames: int,
    open_timeout: float,
    read_timeout: float,
    budget: Budget,
) -> CaptureResult:
    """Open ``target`` with OpenCV/FFmpeg, read ``frames`` frames, release; by the deadline."""
    try:
        addresses = checked_addresses(target, budget, open_timeout)
        address = _preconnect(addresses, target.port, budget, open_timeout)
    except CaptureFailure as failure:
        return probe_result("rtsp", budget, failure)

    open_seconds = budget.cap(open_timeout)
    read_seconds = budget.cap(read_timeout)
    if open_seconds <= 0:
        return probe_result(
            "rtsp", budget, CaptureFailure(TIMEOUT, "no time left to open the stream")
        )
    state = _Capture()
    thread = threading.Thread(
        target=_capture,
        args=(
            target.url_for(address, credentials=True),
            frames,
            max(int(open_seconds * 1000), 1),
            max(int(read_seconds * 1000), 1),
            state,
        ),
        name="cctv-rtsp",
        daemon=True,
    )
    thread.start()
    finished = state.done.wait(budget.remaining())
    if not finished:
        state.abandoned = True  # the thread stops after its current read and releases
    frame_list = list(state.frames)
    times = list(state.times)
    positions = list(state.positions)

    failure: CaptureFailure | None = None
    if not finished:
        failure = CaptureFailure(TIMEOUT, "the probe's deadline passed while reading the stream")
    elif not state.opened:
        if state.open_seconds >= open_seconds * 0.9:
            failure = CaptureFailure(
                TIMEOUT, f"the stream did not open within {open_seconds:.1f} s"
            )
        else:
            failure = CaptureFailure(
                STREAM_ERROR,
                "the camera's port answered but the stream did not open "
                "(path, credentials or codec)",
            )
    elif len(frame_list) < frames:
        waited = state.read_failed_after or 0.0
        if waited >= read_seconds * 0.9:
            what = "the next frame" if frame_list else "a first frame (keyframe)"
            failure = CaptureFailure(TIMEOUT, f"no {what} within {read_seconds:.1f} s")
        elif frame_list:
            failure = CaptureFailure(NO_FRAMES, "the stream ended early")
        else:
            failure = CaptureFailure(NO_FRAMES, "the stream opened but gave no frame")

    return probe_result(
        "rtsp",
        budget,
        failure,
        frames=frame_list,
        times=times,
        fps=_stream_fps(positions, times),
    )


def _stream_fps(positions_ms: list[float], times: list[float]) -> float | None:
    """Frame rate from the stream's timestamps when they increase (a burst of buffered frames
    arrives all at once, so arrival times would overstate it), else from arrival times."""
    if len(positions_ms) >= 2 and all(b > a for a, b in itertools.pairwise(positions_ms)):
        return frame_rate([p / 1000.0 for p in positions_ms])
    return frame_rate(times)
