"""One hanging camera must not delay the others; FFmpeg is configured once, and safely."""

from __future__ import annotations

import os
import threading
import time

import cv2
import numpy as np

from cctv_bridge.capture import grab, probe_many
from cctv_bridge.capture.ffmpeg import FFMPEG_CAPTURE_OPTIONS
from cctv_bridge.capture.results import TIMEOUT, CaptureResult
from tests.cctv.capture_servers import SLACK

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
    assert options == FFMPEG_CAPTURE_OPTIONS
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
