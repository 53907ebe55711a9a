"""Probes against real sockets on 127.0.0.1: the camera simulator and small servers of our own.

No mocks: refused ports, silent and dripping sockets, redirects and pictures are served for real,
and RTSP goes through OpenCV's FFmpeg backend to GStreamer's RTSP server (the simulator).
Timeouts are in ``test_capture_timeouts.py``, concurrency and FFmpeg's configuration in
``test_capture_concurrency.py``; the servers in ``capture_servers.py``.
"""

from __future__ import annotations

import logging

import numpy as np
import pytest

from cctv_bridge.capture import grab
from cctv_bridge.capture.multipart import MultipartJPEG
from cctv_bridge.capture.results import HTTP_ERROR, NOT_AN_IMAGE, TOO_LARGE, UNSAFE_URL
from tests.cctv.capture_servers import PASSWORD, USER, Camera, assert_healthy, fast, jpeg

# --- Healthy cameras -----------------------------------------------------------------------------


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
