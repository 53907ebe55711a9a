"""Stream URL rules: what is accepted at save and probe time, and how URLs are hidden."""

from __future__ import annotations

import logging
import re
import socket

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cctv_bridge.capture import grab
from cctv_bridge.capture.results import UNSAFE_URL
from cctv_bridge.stream_hosts import resolve_stream_host
from cctv_bridge.stream_secrets import StreamURLLogFilter, hide_secrets, redact, scrub
from cctv_bridge.stream_urls import StreamURL, parse_stream_url, validate_stream_url

# (url, kind): every one must be refused at save time *and* by a probe.
UNSAFE = [
    # Schemes FFmpeg would open as local files or other non-camera things.
    ("file:///etc/passwd", "rtsp"),
    ("file:///etc/passwd", "snapshot"),
    ("FILE:///etc/passwd", "mjpeg"),
    ("concat:/etc/passwd|/etc/hostname", "rtsp"),
    ("concat:rtsp://127.0.0.1/a|file:///etc/passwd", "rtsp"),
    ("subfile:,,start,0,end,0,,:/etc/passwd", "rtsp"),
    ("pipe:0", "rtsp"),
    ("data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==", "snapshot"),
    ("ftp://127.0.0.1/snapshot.jpg", "snapshot"),
    ("gopher://127.0.0.1:70/_GET", "snapshot"),
    ("rtmp://127.0.0.1/live", "rtsp"),
    ("tcp://127.0.0.1:554", "rtsp"),
    ("udp://127.0.0.1:554", "rtsp"),
    ("hls+http://127.0.0.1/x.m3u8", "mjpeg"),
    ("/etc/passwd", "rtsp"),
    ("rtsp:/127.0.0.1/stream", "rtsp"),
    ("rtsp:127.0.0.1/stream", "rtsp"),
    # Wrong scheme for the kind.
    ("http://127.0.0.1:8080/video", "rtsp"),
    ("rtsp://127.0.0.1/stream", "snapshot"),
    ("rtsps://127.0.0.1/stream", "mjpeg"),
    # No host.
    ("rtsp://", "rtsp"),
    ("http:///snapshot.jpg", "snapshot"),
    ("rtsp://user:pw@/stream", "rtsp"),
    # Link-local and metadata addresses, in every spelling.
    ("http://169.254.169.254/latest/meta-data/", "snapshot"),
    ("rtsp://169.254.10.20/stream", "rtsp"),
    ("rtsp://[fe80::1]/stream", "rtsp"),
    ("rtsp://[fe80::1%25eth0]/stream", "rtsp"),
    ("http://[fd00:ec2::254]/latest/meta-data/", "snapshot"),
    ("http://100.100.100.200/latest/meta-data/", "snapshot"),
    ("http://metadata.google.internal/computeMetadata/v1/", "snapshot"),
    ("http://METADATA.google.internal./computeMetadata/v1/", "snapshot"),
    ("http://metadata/computeMetadata/v1/", "snapshot"),
    ("http://instance-data/latest/", "snapshot"),
    ("http://[::ffff:169.254.169.254]/", "snapshot"),
    ("http://[::ffff:a9fe:a9fe]/", "snapshot"),
    ("http://[64:ff9b::a9fe:a9fe]/", "snapshot"),
    ("http://[2002:a9fe:a9fe::1]/", "snapshot"),
    # IPv4-compatible, SIIT, local-use NAT64 (RFC 8215, every RFC 6052 position) and Teredo.
    ("http://[::169.254.169.254]/", "snapshot"),
    ("http://[::a9fe:a9fe]/", "snapshot"),
    ("http://[::ffff:0:a9fe:a9fe]/", "snapshot"),
    ("http://[64:ff9b:1::a9fe:a9fe]/", "snapshot"),
    ("http://[64:ff9b:1:a9fe:a9:fe00::]/", "snapshot"),
    ("http://[64:ff9b:1:a9:fe:a9fe::]/", "snapshot"),
    ("http://[64:ff9b:1:0:a9:fea9:fe00:0]/", "snapshot"),
    ("http://[2001:0:4136:e378:8000:63bf:5601:5601]/", "snapshot"),
    ("rtsp://[2001:0:4136:e378:8000:63bf:ff:fffe]/stream", "rtsp"),
    ("http://2852039166/", "snapshot"),
    ("http://0xa9fea9fe/", "snapshot"),
    ("http://0251.0376.0251.0376/", "snapshot"),
    ("http://169.254.43518/", "snapshot"),
    ("http://0x7f.1/", "snapshot"),
    # Not a host at all.
    ("http://0.0.0.0:8080/", "snapshot"),
    ("rtsp://224.0.0.1/stream", "rtsp"),
    ("http://255.255.255.255/", "snapshot"),
    ("http://[::]/", "snapshot"),
    ("http://[ff02::1]/", "snapshot"),
    # Control characters, whitespace, non-ASCII, parser tricks.
    ("rtsp://127.0.0.1/stream\n", "rtsp"),
    (" rtsp://127.0.0.1/stream", "rtsp"),
    ("rtsp://127.0.0.1/a stream", "rtsp"),
    ("rtsp://127.0.0.1/stream\x00.jpg", "rtsp"),
    ("http://127.0.0.1/snap.jpg\r\nHost: elsewhere", "snapshot"),
    ("http://127.0.0.1/\tsnap.jpg", "snapshot"),
    ("https://камера.example/snap.jpg", "snapshot"),
    ("rtsp://user:p@ss@127.0.0.1/stream", "rtsp"),
    ("rtsp://user:p#ss@127.0.0.1/stream", "rtsp"),
    ("http://localhost\\@169.254.169.254/", "snapshot"),
    ("http://[::1/", "snapshot"),
    ("http://exa_mple-.lan/", "snapshot"),
    # Ports.
    ("rtsp://127.0.0.1:0/stream", "rtsp"),
    ("rtsp://127.0.0.1:99999/stream", "rtsp"),
    ("rtsp://127.0.0.1:abc/stream", "rtsp"),
    ("rtsp://127.0.0.1:/stream", "rtsp"),
    # Unknown kind.
    ("rtsp://127.0.0.1/stream", "webrtc"),
    ("", "rtsp"),
    ("rtsp://127.0.0.1/" + "a" * 3000, "rtsp"),
]

SAFE = [
    ("rtsp://admin:pa%40ss@192.168.1.20:554/Streaming/Channels/101", "rtsp"),
    ("rtsps://camera-3.lan/stream1", "rtsp"),
    ("RTSP://Camera-3.LAN/stream1", "rtsp"),
    ("rtsp://172.16.0.3/cam/realmonitor?channel=1&subtype=0", "rtsp"),
    ("rtsp://[::1]:8554/cam1", "rtsp"),
    ("http://127.0.0.1:8080/snapshot.jpg", "snapshot"),
    ("https://user:secret@10.0.0.5/cgi-bin/snapshot.cgi?channel=1", "snapshot"),
    ("http://localhost:8000/video.mjpg", "mjpeg"),
    ("http://[::1]:8080/mjpeg", "mjpeg"),
    ("http://cameras.example.org/live/7.jpg#anchor", "snapshot"),
    ("http://8.8.8.8/snap.jpg", "snapshot"),
]


@pytest.mark.parametrize(("url", "kind"), SAFE)
def test_camera_addresses_on_the_lan_and_loopback_are_accepted(url, kind):
    assert validate_stream_url(url, kind) == url


@pytest.mark.parametrize(("url", "kind"), UNSAFE)
def test_unsafe_urls_are_refused_at_save(url, kind):
    with pytest.raises(ValidationError) as caught:
        validate_stream_url(url, kind)
    for lang in ("uk", "en"):
        with translation.override(lang):
            for message in caught.value.messages:
                assert message
                assert not url.strip() or url.strip() not in message
                assert "169.254" not in message and "passwd" not in message
                assert "127.0.0.1" not in message and "ss@" not in message


@pytest.mark.parametrize(("url", "kind"), UNSAFE)
def test_unsafe_urls_are_refused_at_probe_time(url, kind, caplog):
    """A row saved before a rule existed, or edited in the database, still cannot be opened."""
    caplog.set_level(logging.DEBUG)
    result = grab(url, kind, open_timeout=1, read_timeout=1, deadline=2)
    assert result.error == UNSAFE_URL
    assert not result.reachable and result.frames == ()
    assert result.elapsed < 0.5
    quoted = url.strip()
    if len(quoted) > len("rtsps://"):  # more than a bare scheme, which redact() keeps
        assert quoted not in result.message
        for record in caplog.records:
            assert quoted not in record.getMessage()


def test_form_errors_are_translated():
    with pytest.raises(ValidationError) as caught:
        validate_stream_url("file:///etc/passwd", "rtsp")
    with translation.override("en"):
        english = caught.value.messages[0]
    with translation.override("uk"):
        ukrainian = caught.value.messages[0]
    assert "rtsp://" in english
    assert english and ukrainian


def test_parsed_url_keeps_what_the_probe_needs_and_hides_credentials():
    parsed = parse_stream_url("rtsp://admin:pa%40ss@Camera-3.LAN:8554/live?channel=1", "rtsp")
    assert (parsed.scheme, parsed.host, parsed.port) == ("rtsp", "camera-3.lan", 8554)
    assert (parsed.username, parsed.password) == ("admin", "pa@ss")
    assert parsed.path == "/live?channel=1"
    assert parsed.url_for("192.168.1.4", credentials=True) == (
        "rtsp://admin:pa%40ss@192.168.1.4:8554/live?channel=1"
    )
    assert parsed.url_for("::1", credentials=False) == "rtsp://[::1]:8554/live?channel=1"
    assert "pa" not in repr(parsed) and "camera-3" not in repr(parsed)
    assert parse_stream_url("http://10.0.0.5/snap.jpg", "snapshot").port == 80
    assert parse_stream_url("rtsps://10.0.0.5/s", "rtsp").port == 322


def test_probe_resolves_names_and_checks_every_address():
    local = parse_stream_url("rtsp://localhost:8554/cam", "rtsp")
    addresses = resolve_stream_host(local, timeout=5)
    assert addresses and all(a in ("127.0.0.1", "::1") for a in addresses)
    # A name the save-time check would refuse, as if it had reached the database some other
    # way: inet_aton resolves it to 169.254.169.254, and the probe refuses the resolved address.
    sneaky = StreamURL(
        scheme="http",
        host="2852039166",
        port=80,
        username="",
        password="",
        userinfo="",
        path="/",
        is_ip=False,
    )
    assert socket.getaddrinfo("2852039166", 80)[0][4][0] == "169.254.169.254"
    with pytest.raises(ValidationError) as caught:
        resolve_stream_host(sneaky, timeout=5)
    assert caught.value.code == "resolves_unsafe"


def test_unresolvable_name_is_a_dns_error_not_a_hang():
    missing = parse_stream_url("http://no-such-camera.invalid/snap.jpg", "snapshot")
    with pytest.raises(OSError):
        resolve_stream_host(missing, timeout=5)
    result = grab(
        "http://user:hunter22@no-such-camera.invalid/snap.jpg",
        "snapshot",
        open_timeout=2,
        read_timeout=2,
        deadline=3,
    )
    assert result.error in ("dns_error", "timeout")
    assert result.elapsed < 3.5
    assert "no-such-camera" not in result.message and "hunter22" not in result.message


REDACTED = re.compile(r"^(rtsps?|https?)://<camera-stream [0-9a-f]{6}>$")


def test_redact_gives_scheme_and_a_stable_fingerprint_only():
    url = "rtsp://admin:Secr3t!@192.168.1.20:554/Streaming/Channels/101"
    shown = redact(url)
    assert REDACTED.match(shown), shown
    for secret in ("admin", "Secr3t", "192.168", "554", "Streaming"):
        assert secret not in shown
    assert redact(url) == shown  # stable
    # the password changing does not change the camera's fingerprint; another camera differs
    assert redact(url.replace("Secr3t!", "n3w-pass")) == shown
    assert redact(url.replace("1.20", "1.21")) != shown
    assert redact("not a url").startswith("<camera-stream ")


def test_scrub_hides_urls_with_credentials_and_rtsp_urls():
    text = (
        "failed: http://bob:hunter22@10.1.2.3/snap.jpg and rtsp://10.1.2.4/live "
        "and https://example.org/ok"
    )
    cleaned = scrub(text)
    assert "hunter22" not in cleaned and "10.1.2.3" not in cleaned and "10.1.2.4" not in cleaned
    assert "https://example.org/ok" in cleaned  # a plain public URL is left alone
    assert "http://<camera-stream " in cleaned and "rtsp://<camera-stream " in cleaned


def test_passwords_of_streams_being_probed_are_hidden_anywhere():
    url = "rtsp://operator:Tr1cky-Pass@10.9.8.7/stream"
    with hide_secrets(url):
        assert scrub("DESCRIBE failed for user operator, password Tr1cky-Pass") == (
            "DESCRIBE failed for user operator, password ***"
        )
    assert "Tr1cky-Pass" in scrub("password Tr1cky-Pass")  # only while the probe runs


def test_log_filter_scrubs_messages_arguments_and_tracebacks():
    url = "rtsp://operator:Tr1cky-Pass@10.9.8.7:554/stream"
    records: list[str] = []

    class Collect(logging.Handler):
        def emit(self, record):
            records.append(self.format(record))

    handler = Collect()
    handler.setFormatter(logging.Formatter("%(message)s"))
    handler.addFilter(StreamURLLogFilter())
    log = logging.getLogger("tests.cctv.scrub")
    log.addHandler(handler)
    log.propagate = False
    try:
        log.warning("opening %s", url)
        log.warning(f"opening {url}")
        try:
            raise OSError(f"cannot open {url}")
        except OSError:
            log.exception("probe failed")
        log.warning("percent %d%% done", 50)
    finally:
        log.removeHandler(handler)
        log.propagate = True
    assert len(records) == 4
    for text in records[:3]:
        assert "Tr1cky-Pass" not in text and "10.9.8.7" not in text and "operator" not in text
        assert "rtsp://<camera-stream " in text
    assert "OSError" in records[2]
    assert records[3] == "percent 50% done"
