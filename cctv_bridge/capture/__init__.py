"""Camera probes, networking half: open a stream safely, read a few frames, close, in bounded time.

``grab(url, kind, …)`` is one probe; ``probe_many`` runs many on a thread pool (what a worker
process does with its share of cameras). Neither raises for anything a camera can do: every
outcome is a ``CaptureResult`` with an error code and a message that never contains the URL,
host or credentials. Image health is not judged here (``cctv_bridge.analysis`` does that on
``CaptureResult.frames``).

Paths:

* ``snapshot`` (HTTP/HTTPS): ``frames`` JPEG/PNG snapshots ~150 ms apart (``capture.http``).
* ``mjpeg`` (HTTP/HTTPS): the first ``frames`` pictures of a multipart stream (``capture.http``).
* ``rtsp`` (RTSP/RTSPS): OpenCV's FFmpeg backend in a capture thread (``capture.ffmpeg``;
  importing this package configures FFmpeg once for the process, see ``configure_ffmpeg``).

Timeouts: ``open_timeout`` bounds name resolution, TCP connect and (RTSP) stream opening;
``read_timeout`` bounds a silence while reading (HTTP: any single socket read; RTSP: one frame,
so it must exceed the camera's keyframe interval); ``deadline`` is the whole probe's budget in
seconds, kept in every path: a slow-drip server is cut off by it, whatever the other two say.

This package module holds the entry points only; the result type, error codes and the failure
type are in ``capture.results``, picture decoding and encoding in ``capture.pictures``.
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor

from django.core.exceptions import ValidationError

from cctv_bridge.capture import ffmpeg, http
from cctv_bridge.capture.results import UNSAFE_URL, CaptureFailure, CaptureResult, probe_result
from cctv_bridge.capture.timing import Budget
from cctv_bridge.stream_secrets import hide_secrets, redact
from cctv_bridge.stream_urls import KIND_RTSP, KINDS
from cctv_bridge.stream_urls import parse_stream_url as _parse

logger = logging.getLogger(__name__)

DEFAULT_FRAMES = 5
MAX_FRAMES = 50
DEFAULT_OPEN_TIMEOUT = 3.0
#: Above the usual 1-2 s keyframe interval of RTSP cameras (see the module docstring).
DEFAULT_READ_TIMEOUT = 4.0
DEFAULT_DEADLINE = 10.0


def grab(
    url: str,
    kind: str,
    *,
    frames: int = DEFAULT_FRAMES,
    open_timeout: float,
    read_timeout: float,
    deadline: float,
    verify_tls: bool = True,
) -> CaptureResult:
    """Probe one camera: validate the URL again, connect, read ``frames`` frames, close.

    ``kind`` is ``rtsp``, ``mjpeg`` or ``snapshot``. ``deadline`` is the probe's total budget
    in seconds from the call: the function returns by then (plus scheduling noise) in every
    path. ``verify_tls`` checks HTTPS certificates (set False for a LAN camera with a
    self-signed one; RTSPS is never verified by FFmpeg).
    """
    budget = Budget(deadline)
    frames = max(1, min(int(frames), MAX_FRAMES))
    with hide_secrets(url):
        try:
            target = _parse(url, kind)
        except ValidationError as exc:
            failure = CaptureFailure(
                UNSAFE_URL, f"the stream address breaks a rule ({exc.code or 'invalid'})"
            )
            result = probe_result(kind if kind in KINDS else "unknown", budget, failure)
        else:
            common = {
                "frames": frames,
                "open_timeout": float(open_timeout),
                "read_timeout": float(read_timeout),
                "budget": budget,
            }
            if kind == KIND_RTSP:
                result = ffmpeg.grab_rtsp(target, **common)
            else:
                result = http.grab_http(target, kind=kind, verify_tls=verify_tls, **common)
        logger.debug(
            "probe %s: %s (%s) in %.2f s, %d frame(s)",
            redact(url),
            result.error or "ok",
            result.message,
            result.elapsed,
            len(result.frames),
        )
    return result


def probe_many(
    targets: Iterable[tuple[str, str]],
    *,
    workers: int = 32,
    frames: int = DEFAULT_FRAMES,
    open_timeout: float = DEFAULT_OPEN_TIMEOUT,
    read_timeout: float = DEFAULT_READ_TIMEOUT,
    deadline: float = DEFAULT_DEADLINE,
    verify_tls: bool = True,
    on_result: Callable[[int, CaptureResult], None] | None = None,
    keep_frames: bool = True,
) -> list[CaptureResult]:
    """Probe ``(url, kind)`` pairs on ``workers`` threads; results in the order of ``targets``.

    Probes spend nearly all their time waiting on sockets (FFmpeg and JPEG decoding release
    the GIL), so threads, not processes: a silent camera holds one thread for at most its
    deadline and never delays the others. ``on_result(index, result)`` runs in the worker
    thread right after each probe, frames included (analyse there); with ``keep_frames=False``
    the returned results drop their frames, so memory stays bounded by ``workers`` probes, not
    by the number of cameras. An exception from ``on_result`` propagates.
    """
    pairs: Sequence[tuple[str, str]] = list(targets)

    def one(index: int) -> CaptureResult:
        url, kind = pairs[index]
        result = grab(
            url,
            kind,
            frames=frames,
            open_timeout=open_timeout,
            read_timeout=read_timeout,
            deadline=deadline,
            verify_tls=verify_tls,
        )
        if on_result is not None:
            on_result(index, result)
        if not keep_frames and result.frames:
            result = dataclasses.replace(result, frames=())
        return result

    if not pairs:
        return []
    with ThreadPoolExecutor(
        max_workers=max(1, min(workers, len(pairs))), thread_name_prefix="cctv-probe"
    ) as pool:
        return list(pool.map(one, range(len(pairs))))
