"""HTTP snapshot and MJPEG probes: urllib, locked down, with a hard deadline.

* The opener is built by hand: only HTTP/HTTPS handlers (no file, ftp, data, no proxy from the
  environment), auth handlers fed by a password manager (so credentials never travel in the
  URL and are never sent to another host after a redirect), and a redirect handler that runs
  every ``Location`` through the stream URL rules (a redirect to ``file:``, another scheme, a
  link-local or metadata address is refused, before any connection).
* Every connection, the first and any after a redirect, goes to an address that was resolved
  and checked just before (``resolve_stream_host``); the Host header and TLS SNI keep the name.
* Socket timeouts are per operation, so a slow-drip server would keep a plain read loop alive:
  the process-wide ``Reaper`` shuts the probe's sockets down at its deadline, whatever call
  is blocked on them.
* Bodies are capped (``MAX_BODY_BYTES``), pictures are size-checked before decoding.
"""

from __future__ import annotations

import http.client
import socket
import ssl
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urljoin, urlsplit

import numpy as np
from django.core.exceptions import ValidationError

from cctv_bridge.capture.addresses import checked_addresses
from cctv_bridge.capture.multipart import MultipartJPEG
from cctv_bridge.capture.pictures import decode_picture
from cctv_bridge.capture.results import (
    CONNECTION_ERROR,
    HTTP_ERROR,
    MAX_BODY_BYTES,
    NOT_AN_IMAGE,
    REFUSED,
    TIMEOUT,
    TLS_ERROR,
    TOO_LARGE,
    UNSAFE_URL,
    CaptureFailure,
    CaptureResult,
    frame_rate,
    probe_result,
)
from cctv_bridge.capture.timing import Budget, Watch, reaper
from cctv_bridge.stream_urls import KIND_MJPEG, StreamURL, parse_stream_url

#: Spacing between the starts of successive snapshot requests: far enough apart for a live
#: scene to change (the frozen-picture check), close enough to keep a probe short.
SNAPSHOT_SPACING = 0.15
#: Redirects followed at most (each one re-validated).
MAX_REDIRECTS = 3
USER_AGENT = "safe-community-cctv-probe/1"
_CHUNK = 64 * 1024


_tls_contexts: dict[bool, ssl.SSLContext] = {}
_tls_lock = threading.Lock()


def tls_context(verify: bool) -> ssl.SSLContext:
    """One shared TLS context per mode: building one loads the CA store (~30 ms of CPU), too
    much to repeat for every probe. Contexts are safe to share between threads."""
    with _tls_lock:
        context = _tls_contexts.get(verify)
        if context is None:
            context = ssl.create_default_context()
            if not verify:
                context.check_hostname = False
                context.verify_mode = ssl.CERT_NONE
            _tls_contexts[verify] = context
        return context


class _Session:
    """Per-probe state the urllib handlers share: the deadline, the timeouts, the sockets."""

    def __init__(
        self,
        kind: str,
        target: StreamURL,
        frames: int,
        budget: Budget,
        open_timeout: float,
        read_timeout: float,
        verify_tls: bool,
    ) -> None:
        self.kind = kind
        self.target = target
        self.frames = frames
        self.budget = budget
        self.open_timeout = open_timeout
        self.read_timeout = read_timeout
        self.verify_tls = verify_tls
        self.watch: Watch = reaper.watch(budget.end)

    @property
    def tls_context(self) -> ssl.SSLContext:
        return tls_context(self.verify_tls)

    def connect(self, scheme: str, host: str, port: int) -> socket.socket:
        """A connected socket to a checked address of ``host``, registered with the reaper."""
        authority = f"[{host}]" if ":" in host else host
        try:
            target = parse_stream_url(f"{scheme}://{authority}:{port}/", self.kind)
        except ValidationError:
            raise CaptureFailure(UNSAFE_URL, "the address is not allowed for a camera") from None
        addresses = checked_addresses(target, self.budget, self.open_timeout)
        error: OSError | None = None
        for address in addresses:
            timeout = self.budget.cap(self.open_timeout)
            if timeout <= 0:
                break
            try:
                sock = socket.create_connection((address, port), timeout=timeout)
            except OSError as exc:
                error = exc
                continue
            sock.settimeout(max(self.budget.cap(self.read_timeout), 0.001))
            self.watch.add(sock)
            return sock
        if error is None or isinstance(error, TimeoutError) or self.budget.expired:
            raise CaptureFailure(TIMEOUT, "the connection was not accepted in time")
        raise error

    def close(self) -> None:
        self.watch.close()


def _connection_classes(session: _Session) -> tuple[type, type]:
    """HTTPConnection/HTTPSConnection subclasses that connect through ``session``."""

    class PinnedHTTPConnection(http.client.HTTPConnection):
        def connect(self) -> None:
            self.sock = session.connect("http", self.host, self.port)

    class PinnedHTTPSConnection(http.client.HTTPSConnection):
        def connect(self) -> None:
            raw = session.connect("https", self.host, self.port)
            self.sock = session.tls_context.wrap_socket(raw, server_hostname=self.host)

    return PinnedHTTPConnection, PinnedHTTPSConnection


def _build_opener(session: _Session, target: StreamURL) -> urllib.request.OpenerDirector:
    http_class, https_class = _connection_classes(session)

    class HTTPHandler(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(http_class, req)

    class HTTPSHandler(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(https_class, req, context=session.tls_context)

    class RedirectHandler(urllib.request.HTTPRedirectHandler):
        max_redirections = MAX_REDIRECTS
        max_repeats = 1

        def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
            location = headers.get("location") or headers.get("uri")
            if location:
                new_url = urljoin(req.full_url, location)
                try:
                    parse_stream_url(new_url, session.kind)
                except ValidationError:
                    fp.close()
                    raise CaptureFailure(
                        UNSAFE_URL, "the camera redirected to a forbidden address"
                    ) from None
                if urlsplit(new_url).username is not None:
                    fp.close()
                    raise CaptureFailure(
                        UNSAFE_URL, "the camera redirected to an address with credentials"
                    )
            return super().http_error_302(req, fp, code, msg, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    opener = urllib.request.OpenerDirector()
    for handler in (
        HTTPHandler(),
        HTTPSHandler(),
        RedirectHandler(),
        urllib.request.HTTPDefaultErrorHandler(),
        urllib.request.HTTPErrorProcessor(),
    ):
        opener.add_handler(handler)
    if target.userinfo:
        # The password goes only to this scheme/host/port, and only when the camera asks for it
        # (Basic or Digest): never to a host a redirect points at.
        passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
        root = f"{target.scheme}://{target.netloc_for(target.host, credentials=False)}/"
        passwords.add_password(None, root, target.username, target.password)
        opener.add_handler(urllib.request.HTTPBasicAuthHandler(passwords))
        opener.add_handler(urllib.request.HTTPDigestAuthHandler(passwords))
    return opener


def _classify(exc: BaseException, session: _Session) -> CaptureFailure:
    """Map whatever urllib/http.client/ssl raised to a result code. Never uses ``str(exc)``:
    those messages may quote the URL."""
    if isinstance(exc, CaptureFailure):
        return exc
    if isinstance(exc, urllib.error.HTTPError):
        return CaptureFailure(HTTP_ERROR, f"the camera answered HTTP {int(exc.code)}")
    if session.watch.expired or session.budget.expired:
        return CaptureFailure(TIMEOUT, "the probe's deadline passed")
    if isinstance(exc, urllib.error.URLError) and isinstance(exc.reason, BaseException):
        return _classify(exc.reason, session)
    if isinstance(exc, ConnectionRefusedError):
        return CaptureFailure(REFUSED, "the camera refused the connection")
    if isinstance(exc, TimeoutError | socket.timeout):
        return CaptureFailure(TIMEOUT, "the camera did not answer in time")
    if isinstance(exc, ssl.SSLError | ssl.CertificateError):
        return CaptureFailure(TLS_ERROR, "the TLS handshake failed")
    if isinstance(exc, http.client.HTTPException | OSError):
        return CaptureFailure(CONNECTION_ERROR, f"the connection failed ({type(exc).__name__})")
    return CaptureFailure(CONNECTION_ERROR, f"the request failed ({type(exc).__name__})")


def _open(
    opener: urllib.request.OpenerDirector, target: StreamURL, accept: str
) -> http.client.HTTPResponse:
    # Only http/https reach here (validated) and the opener has no other handlers.
    request = urllib.request.Request(  # noqa: S310
        target.url_for(target.host, credentials=False),
        headers={"User-Agent": USER_AGENT, "Accept": accept},
    )
    response = opener.open(request)
    length = response.headers.get("Content-Length")
    if length and length.strip().isdigit() and int(length) > MAX_BODY_BYTES:
        response.close()
        raise CaptureFailure(TOO_LARGE, "the camera announced a body over the size cap")
    return response


def _read_body(response: http.client.HTTPResponse, session: _Session, got: _Collected) -> bytes:
    body = bytearray()
    while True:
        if session.budget.expired:
            raise CaptureFailure(TIMEOUT, "the picture did not arrive before the probe's deadline")
        chunk = response.read1(_CHUNK)
        if not chunk:
            if session.watch.expired:
                raise CaptureFailure(
                    TIMEOUT, "the picture did not arrive before the probe's deadline"
                )
            return bytes(body)
        body += chunk
        got.bytes_read += len(chunk)
        if len(body) > MAX_BODY_BYTES:
            raise CaptureFailure(TOO_LARGE, "the picture is over the size cap")


class _Collected:
    """Frames and counters gathered so far (kept when a later step fails)."""

    def __init__(self) -> None:
        self.frames: list[np.ndarray] = []
        self.times: list[float] = []
        self.bytes_read = 0

    def add(self, frame: np.ndarray) -> None:
        self.frames.append(frame)
        self.times.append(time.monotonic())


def grab_http(
    target: StreamURL,
    *,
    kind: str,
    frames: int,
    open_timeout: float,
    read_timeout: float,
    budget: Budget,
    verify_tls: bool = True,
) -> CaptureResult:
    """``frames`` snapshots (``kind`` ``snapshot``) or the first ``frames`` pictures of an MJPEG
    stream (``mjpeg``), by the budget's deadline; every failure becomes a result code."""
    session = _Session(kind, target, frames, budget, open_timeout, read_timeout, verify_tls)
    collected = _Collected()
    read = _read_mjpeg if kind == KIND_MJPEG else _read_snapshots
    failure: CaptureFailure | None = None
    try:
        read(_build_opener(session, target), session, collected)
    except Exception as exc:  # every failure becomes a result code, nothing escapes with a URL
        failure = _classify(exc, session)
    finally:
        session.close()
    return probe_result(
        kind,
        budget,
        failure,
        frames=collected.frames,
        times=collected.times,
        fps=frame_rate(collected.times) if kind == KIND_MJPEG else None,
        bytes_read=collected.bytes_read,
    )


def _read_snapshots(
    opener: urllib.request.OpenerDirector, session: _Session, got: _Collected
) -> None:
    """``frames`` snapshots, their requests started ``SNAPSHOT_SPACING`` apart."""
    for index in range(session.frames):
        started = time.monotonic()
        response = _open(opener, session.target, "image/jpeg, image/png;q=0.9, */*;q=0.1")
        try:
            data = _read_body(response, session, got)
        finally:
            response.close()
        got.add(decode_picture(data))
        if index + 1 < session.frames:
            pause = SNAPSHOT_SPACING - (time.monotonic() - started)
            if pause > 0:
                if pause >= session.budget.remaining():
                    raise CaptureFailure(TIMEOUT, "the probe's deadline passed between snapshots")
                time.sleep(pause)


def _read_mjpeg(opener: urllib.request.OpenerDirector, session: _Session, got: _Collected) -> None:
    """The first ``frames`` pictures of a multipart (``multipart/x-mixed-replace``) stream."""
    response = _open(opener, session.target, "multipart/x-mixed-replace, image/jpeg;q=0.5")
    try:
        parser = MultipartJPEG(_boundary(response.headers.get("Content-Type", "")))
        while len(got.frames) < session.frames:
            if session.budget.expired:
                raise CaptureFailure(TIMEOUT, "the stream's frames did not arrive in time")
            chunk = response.read1(_CHUNK)
            if not chunk:
                if session.watch.expired:
                    raise CaptureFailure(TIMEOUT, "the stream's frames did not arrive in time")
                if got.frames:
                    raise CaptureFailure(TIMEOUT, "the stream ended early")
                raise CaptureFailure(NOT_AN_IMAGE, "the stream ended before a whole picture")
            got.bytes_read += len(chunk)
            if got.bytes_read > MAX_BODY_BYTES:
                raise CaptureFailure(TOO_LARGE, "the stream sent more than the size cap")
            for picture in parser.feed(chunk):
                got.add(decode_picture(picture))
                if len(got.frames) >= session.frames:
                    break
    finally:
        response.close()


def _boundary(content_type: str) -> bytes | None:
    """The multipart boundary token, or None (then pictures are found by JPEG markers)."""
    for param in content_type.split(";")[1:]:
        name, _eq, value = param.strip().partition("=")
        if name.strip().lower() == "boundary":
            token = value.strip().strip('"')
            if token and token.isascii():
                return token.encode("ascii")
    return None
