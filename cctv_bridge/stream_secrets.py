"""Hiding camera stream URLs: in messages, in log records, in tracebacks.

The URL usually carries a password, so it never appears in a message, an exception or a log
line: ``redact`` gives ``rtsp://<camera-stream 3fa2c1>`` (scheme and a keyed fingerprint, stable
for one deployment), ``scrub`` replaces any URL with credentials (and any ``rtsp``/``rtsps`` URL)
and the passwords of probes running now (``hide_secrets``) in a text, and
``StreamURLLogFilter`` applies ``scrub`` to log records, including formatted tracebacks.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import logging
import re
import secrets
import threading
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from cctv_bridge.stream_urls import SCHEME_PATTERN
from ops.scrubbing import ScrubbingLogFilter

_process_key = secrets.token_bytes(32)


def _fingerprint_key() -> bytes:
    """The deployment's SECRET_KEY when Django is configured (stable fingerprints across
    processes), otherwise a per-process random key."""
    try:
        from django.conf import settings

        key = settings.SECRET_KEY
    except Exception:  # settings not configured (a bench or a script)
        key = ""
    if not key:
        return _process_key
    # The label names the module redact() was first written in; it stays so that fingerprints
    # in existing logs keep matching.
    return hashlib.sha256(b"cctv_bridge.stream_urls.redact\0" + key.encode()).digest()


def redact(url: str) -> str:
    """``rtsp://<camera-stream 3fa2c1>``: scheme and a short keyed fingerprint, nothing else.

    Safe for operators' logs and error messages. The fingerprint is an HMAC (keyed with
    SECRET_KEY) of the address without credentials, so it stays the same when the password
    changes, tells two cameras apart in a log, and cannot be reversed or brute-forced into the
    host or password by someone who only reads the log.
    """
    text = url if isinstance(url, str) else repr(url)
    scheme, sep, _rest = text.partition("://")
    scheme = scheme.lower() if sep and SCHEME_PATTERN.match(scheme.lower()) else ""
    try:
        parts = urlsplit(text)
        identity = f"{parts.scheme}://{parts.hostname}:{parts.port}{parts.path}?{parts.query}"
    except ValueError:
        identity = text
    digest = hmac.new(_fingerprint_key(), identity.encode("utf-8", "replace"), "sha256")
    label = f"<camera-stream {digest.hexdigest()[:6]}>"
    return f"{scheme}://{label}" if scheme else label


# Any URL with userinfo, of any scheme, or any rtsp/rtsps URL at all.
_URL_WITH_CREDENTIALS = re.compile(
    r"(?i)\b[a-z][a-z0-9+.-]{0,15}://[^\s/?#@<>\"'`]*@[^\s<>\"'`]*"
    r"|\brtsps?://[^\s<>\"'`]+"
)

_secrets_lock = threading.Lock()
_live_secrets: dict[str, int] = {}
MIN_SECRET_LENGTH = 4


def scrub(text: str) -> str:
    """``text`` with every URL carrying credentials, every rtsp(s) URL and every password of a
    stream being probed right now replaced by its redacted form (or ``***``)."""
    if not text:
        return text
    text = _URL_WITH_CREDENTIALS.sub(lambda m: redact(m.group(0)), text)
    if _live_secrets:
        with _secrets_lock:
            live = sorted(_live_secrets, key=len, reverse=True)
        for secret in live:
            if secret in text:
                text = text.replace(secret, "***")
    return text


@contextlib.contextmanager
def hide_secrets(url: str) -> Iterator[None]:
    """While the block runs, ``scrub`` (and so the log filter) also hides this URL's password,
    user:password pair and the URL itself wherever they appear, URL or not (FFmpeg, OpenCV and
    urllib messages quote them in pieces)."""
    pieces: set[str] = {url}
    with contextlib.suppress(ValueError):
        parts = urlsplit(url)
        userinfo = parts.netloc.rpartition("@")[0]
        password = userinfo.partition(":")[2]
        pieces.update({userinfo, password, unquote(password)})
    pieces = {p for p in pieces if len(p) >= MIN_SECRET_LENGTH}
    with _secrets_lock:
        for piece in pieces:
            _live_secrets[piece] = _live_secrets.get(piece, 0) + 1
    try:
        yield
    finally:
        with _secrets_lock:
            for piece in pieces:
                left = _live_secrets.get(piece, 1) - 1
                if left:
                    _live_secrets[piece] = left
                else:
                    _live_secrets.pop(piece, None)


class StreamURLLogFilter(ScrubbingLogFilter):
    """Scrub stream URLs and passwords from every log record."""

    def scrub_text(self, text: str) -> str:
        return scrub(text)


def install_log_filter(logger: logging.Logger | None = None) -> StreamURLLogFilter:
    """Add ``StreamURLLogFilter`` to every handler of ``logger`` (the root logger by default).

    For scripts and benches; a Django project should list the filter in ``LOGGING`` instead.
    """
    log_filter = StreamURLLogFilter()
    for handler in (logger or logging.getLogger()).handlers:
        handler.addFilter(log_filter)
    return log_filter
