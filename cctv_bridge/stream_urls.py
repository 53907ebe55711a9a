"""Camera stream addresses: what is accepted, how a probe re-checks it, how it is hidden.

A stream URL is an instruction to open something. Handed to FFmpeg (and so to OpenCV) it can
open far more than a camera: ``file:``, ``concat:``, ``subfile:``, ``pipe:``, ``data:`` read local
files, and a URL that points at a link-local or cloud metadata address makes the worker fetch
cloud credentials for whoever typed it. So the same rules run twice:

* when the URL is saved (``validate_stream_url``, a clear form error, nothing stored), and
* when a probe opens it (``parse_stream_url`` + ``resolve_stream_host``): a row may predate a
  rule or have been edited in the database, and a host name may resolve to something else
  today. The probe connects only to the addresses it has just checked (no second look-up by
  FFmpeg or urllib that DNS could answer differently).

Loopback and private LAN addresses are allowed on purpose: the situational centre's cameras are
on a LAN, and the tests and the simulator use 127.0.0.1.

The URL usually carries a password, so it never appears in a message, an exception or a log
line: ``redact`` gives ``rtsp://<camera-stream 3fa2c1>`` (scheme and a keyed fingerprint, stable
for one deployment), and ``StreamURLLogFilter`` scrubs any URL with credentials (and any
``rtsp``/``rtsps`` URL) from log records, including formatted tracebacks.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import ipaddress
import logging
import re
import secrets
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ops.scrubbing import ScrubbingLogFilter

__all__ = [
    "DEFAULT_PORTS",
    "KINDS",
    "SCHEMES_BY_KIND",
    "StreamURL",
    "StreamURLLogFilter",
    "check_ip",
    "hide_secrets",
    "install_log_filter",
    "parse_stream_url",
    "redact",
    "resolve_stream_host",
    "scrub",
    "validate_stream_url",
]

KIND_RTSP = "rtsp"
KIND_MJPEG = "mjpeg"
KIND_SNAPSHOT = "snapshot"
KINDS = (KIND_RTSP, KIND_MJPEG, KIND_SNAPSHOT)

#: The only schemes ever opened. FFmpeg's other protocols (file, concat, subfile, pipe, data,
#: http for RTSP tunnelling, …) stay out.
SCHEMES_BY_KIND: dict[str, frozenset[str]] = {
    KIND_RTSP: frozenset({"rtsp", "rtsps"}),
    KIND_MJPEG: frozenset({"http", "https"}),
    KIND_SNAPSHOT: frozenset({"http", "https"}),
}
DEFAULT_PORTS = {"rtsp": 554, "rtsps": 322, "http": 80, "https": 443}

MAX_URL_LENGTH = 2048

#: Link-local ranges: cloud metadata services and other hosts' autoconfigured neighbours live here.
_LINK_LOCAL = (ipaddress.ip_network("169.254.0.0/16"), ipaddress.ip_network("fe80::/10"))
#: Metadata services outside the link-local ranges (AWS IPv6, Alibaba, Oracle's legacy one).
_METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in ("169.254.169.254", "fd00:ec2::254", "100.100.100.200", "192.0.0.192")
)
#: Addresses that are never a camera: "this network", broadcast, multicast, reserved.
_NOT_A_HOST = (
    ipaddress.ip_network("0.0.0.0/8"),
    ipaddress.ip_network("224.0.0.0/4"),
    ipaddress.ip_network("240.0.0.0/4"),  # reserved, includes 255.255.255.255
    ipaddress.ip_network("::/128"),
    ipaddress.ip_network("ff00::/8"),
)
#: IPv6 prefixes whose last 32 bits are an IPv4 address: the well-known NAT64 prefix, the
#: IPv4-compatible ``::a.b.c.d`` (deprecated, still routed by some stacks) and SIIT's
#: IPv4-translated ``::ffff:0:a.b.c.d``. The embedded address is checked too.
_LAST_32_BITS_IPV4 = (
    ipaddress.ip_network("64:ff9b::/96"),
    ipaddress.ip_network("::/96"),
    ipaddress.ip_network("::ffff:0:0:0/96"),
)
#: The local-use NAT64 prefix (RFC 8215): a translator may use any prefix length inside it, so
#: the IPv4 address may sit at each of RFC 6052's positions; every one of them is checked.
_LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")
#: Byte slices of the embedded IPv4 address for RFC 6052's prefix lengths /48, /56, /64, /96
#: (byte 8, bits 64-71, is always skipped).
_RFC6052_SLICES = (
    ((6, 8), (9, 11)),
    ((7, 8), (9, 12)),
    ((9, 13),),
    ((12, 16),),
)
#: Host names of metadata services: any name whose first label is one of these.
_METADATA_LABELS = frozenset({"metadata", "instance-data"})

_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*$")
# Userinfo may hold only URL-safe characters (RFC 3986 unreserved, sub-delims, ':' and
# percent-escapes): anything else would let urllib and FFmpeg split the address differently.
_USERINFO = re.compile(r"^[A-Za-z0-9\-._~!$&'()*+,;=:%]*$")


class _Msg:
    """Form error texts. Fixed sentences: a message never repeats the URL or any part of it."""

    empty = _("Enter the camera's stream address.")
    too_long = _("The stream address is too long.")
    characters = _(
        "The stream address must not contain spaces, control characters or non-ASCII "
        "characters. Percent-encode them in the password and use the punycode form of the "
        "host name."
    )
    kind = _("Unknown kind of camera source.")
    scheme_rtsp = _("An RTSP camera needs an address that starts with rtsp:// or rtsps://.")
    scheme_http = _("This kind of camera needs an address that starts with http:// or https://.")
    host = _("The stream address needs a valid host name or IP address.")
    ip_form = _("Write the camera's IPv4 address as four decimal numbers, like 192.168.1.20.")
    port = _("The port in the stream address is not valid.")
    userinfo = _(
        "The user name or password in the stream address contains characters that must be "
        "percent-encoded (such as @, /, ? or #)."
    )
    link_local = _("Link-local and cloud metadata addresses cannot be cameras.")
    not_a_host = _("A multicast, broadcast or unspecified address cannot be a camera.")
    resolves_unsafe = _("The camera's host name resolves to an address that cannot be a camera.")


@dataclass(frozen=True, slots=True)
class StreamURL:
    """A validated stream address, split into the parts a probe needs.

    ``repr`` hides the credentials, so a StreamURL in a traceback's locals or a debugger print
    does not show the password.
    """

    scheme: str
    host: str  # lower-case name or IP literal without brackets
    port: int
    username: str  # percent-decoded
    password: str  # percent-decoded
    userinfo: str  # as written, still percent-encoded (FFmpeg takes it this way)
    path: str  # path + "?query", at least "/"
    is_ip: bool

    def __repr__(self) -> str:
        return f"StreamURL({self.scheme}://<hidden>)"

    __str__ = __repr__

    def netloc_for(self, address: str, *, credentials: bool) -> str:
        """``[user[:pass]@]address:port`` with ``address`` (an IP) in place of the host name."""
        host = f"[{address}]" if ":" in address else address
        auth = f"{self.userinfo}@" if credentials and self.userinfo else ""
        return f"{auth}{host}:{self.port}"

    def url_for(self, address: str, *, credentials: bool) -> str:
        """The same URL aimed at ``address``: what FFmpeg opens after the probe's own check."""
        return f"{self.scheme}://{self.netloc_for(address, credentials=credentials)}{self.path}"

    @property
    def host_header(self) -> str:
        """The Host header value (the name as written, with a non-default port)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        if self.port != DEFAULT_PORTS[self.scheme]:
            return f"{host}:{self.port}"
        return host


def validate_stream_url(url: str, kind: str) -> str:
    """Check a stream URL for a camera of ``kind`` (``rtsp``, ``mjpeg`` or ``snapshot``).

    Returns the URL unchanged. Raises ``ValidationError`` with a translatable message that
    never contains the URL. Does not touch the network: the host name is resolved and checked
    again at probe time (``resolve_stream_host``).
    """
    parse_stream_url(url, kind)
    return url


def parse_stream_url(url: str, kind: str) -> StreamURL:
    """Validate ``url`` as ``validate_stream_url`` does and return its parts."""
    if not isinstance(url, str) or not url:
        raise ValidationError(_Msg.empty, code="empty")
    if len(url) > MAX_URL_LENGTH:
        raise ValidationError(_Msg.too_long, code="too_long")
    # Whitespace, control characters (CR/LF header injection, NUL truncation in C code) and
    # non-ASCII (where parsers disagree) are refused outright, not stripped.
    if not url.isascii() or not url.isprintable() or any(c.isspace() for c in url):
        raise ValidationError(_Msg.characters, code="characters")
    if "\\" in url:
        raise ValidationError(_Msg.characters, code="characters")
    if kind not in SCHEMES_BY_KIND:
        raise ValidationError(_Msg.kind, code="kind")
    scheme_message = _Msg.scheme_rtsp if kind == KIND_RTSP else _Msg.scheme_http

    scheme, sep, _rest = url.partition(":")
    scheme = scheme.lower()
    # FFmpeg-style "concat:a|b", "subfile:,,start,0,end,0,,:x" and plain paths have no "//".
    if not sep or not _SCHEME.match(scheme) or not url[len(scheme) + 1 :].startswith("//"):
        raise ValidationError(scheme_message, code="scheme")
    if scheme not in SCHEMES_BY_KIND[kind]:
        raise ValidationError(scheme_message, code="scheme")

    try:
        parts = urlsplit(url)
    except ValueError:  # "[::1" and similar
        raise ValidationError(_Msg.host, code="host") from None
    netloc = parts.netloc
    userinfo, at, hostport = netloc.rpartition("@")
    if at and (not _USERINFO.match(userinfo) or "@" in userinfo):
        raise ValidationError(_Msg.userinfo, code="userinfo")
    host = _check_host(hostport)
    try:
        port = parts.port
    except ValueError:
        raise ValidationError(_Msg.port, code="port") from None
    if port is None:
        if hostport.endswith(":"):
            raise ValidationError(_Msg.port, code="port")
        port = DEFAULT_PORTS[scheme]
    if not 0 < port < 65536:
        raise ValidationError(_Msg.port, code="port")

    username, _colon, password = userinfo.partition(":")
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    return StreamURL(
        scheme=scheme,
        host=host.compressed if isinstance(host, ipaddress._BaseAddress) else host,
        port=port,
        username=unquote(username),
        password=unquote(password),
        userinfo=userinfo,
        path=path,
        is_ip=isinstance(host, ipaddress._BaseAddress),
    )


def _check_host(hostport: str) -> str | ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The host of ``host[:port]``: an IP address object or a lower-case DNS name."""
    if hostport.startswith("["):
        literal, bracket, _after = hostport[1:].partition("]")
        if not bracket or "%" in literal:  # no zone ids ("fe80::1%eth0")
            raise ValidationError(_Msg.host, code="host")
        try:
            address = ipaddress.IPv6Address(literal)
        except ValueError:
            raise ValidationError(_Msg.host, code="host") from None
        check_ip(address)
        return address
    host = hostport.rsplit(":", 1)[0] if ":" in hostport else hostport
    if not host:
        raise ValidationError(_Msg.host, code="host")
    host = host.lower()
    try:
        address = ipaddress.IPv4Address(host)
    except ValueError:
        address = None
    if address is not None:
        check_ip(address)
        return address
    # "2852039166", "0xa9fea9fe", "0251.0376.0251.0376", "169.254.43518" are 169.254.169.254 to
    # inet_aton (and so to getaddrinfo and FFmpeg); only the plain dotted form is accepted.
    with contextlib.suppress(OSError):
        socket.inet_aton(host)
        raise ValidationError(_Msg.ip_form, code="ip_form")
    if host[-1:].isdigit() and all(c.isdigit() or c == "." for c in host):
        raise ValidationError(_Msg.ip_form, code="ip_form")
    name = host[:-1] if host.endswith(".") else host
    labels = name.split(".")
    if len(name) > 253 or not all(_LABEL.match(label) for label in labels):
        raise ValidationError(_Msg.host, code="host")
    if labels[0] in _METADATA_LABELS:
        raise ValidationError(_Msg.link_local, code="link_local")
    return name


def check_ip(address: ipaddress.IPv4Address | ipaddress.IPv6Address | str) -> None:
    """Refuse an address no probe may connect to (link-local, metadata, multicast, …).

    IPv6 forms that embed an IPv4 address (mapped, IPv4-compatible, NAT64, 6to4, Teredo) are
    judged by every embedded address as well.
    """
    if isinstance(address, str):
        try:
            address = ipaddress.ip_address(address.split("%", 1)[0])
        except ValueError:
            raise ValidationError(_Msg.host, code="host") from None
    candidates: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [address]
    if isinstance(address, ipaddress.IPv6Address):
        candidates += embedded_ipv4(address)
    for candidate in candidates:
        if candidate in _METADATA_ADDRESSES or any(candidate in net for net in _LINK_LOCAL):
            raise ValidationError(_Msg.link_local, code="link_local")
        if any(candidate.version == net.version and candidate in net for net in _NOT_A_HOST):
            raise ValidationError(_Msg.not_a_host, code="not_a_host")


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """Every IPv4 address that ``address`` may carry to a translator or tunnel."""
    found: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found.extend(address.teredo)  # the Teredo server and the client behind it
    if not address.is_loopback and any(address in net for net in _LAST_32_BITS_IPV4):
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    if address in _LOCAL_NAT64:
        packed = address.packed
        for slices in _RFC6052_SLICES:
            found.append(ipaddress.IPv4Address(b"".join(packed[a:b] for a, b in slices)))
    return found


# --- Probe-time resolution -----------------------------------------------------------------------

# getaddrinfo cannot be interrupted, so look-ups run here and the probe waits only as long as
# its own budget allows. A few threads: look-ups are rare (IP literals skip this entirely).
_resolver = ThreadPoolExecutor(max_workers=8, thread_name_prefix="cctv-dns")


class ResolveTimeout(TimeoutError):
    """The host name did not resolve in time."""


def resolve_stream_host(target: StreamURL, *, timeout: float) -> list[str]:
    """The checked IP addresses to connect to for ``target``, in getaddrinfo's order.

    Every address the name resolves to is checked: one link-local or metadata address refuses
    the whole name (``ValidationError``), so a name cannot mix a LAN address with a metadata
    one. Raises ``ResolveTimeout`` past ``timeout`` and ``socket.gaierror`` when the name does
    not resolve.
    """
    if target.is_ip:
        check_ip(target.host)
        return [target.host]
    future = _resolver.submit(socket.getaddrinfo, target.host, target.port, type=socket.SOCK_STREAM)
    try:
        infos = future.result(timeout=max(timeout, 0.001))
    except FutureTimeout:
        raise ResolveTimeout from None
    addresses: list[str] = []
    for family, _type, _proto, _name, sockaddr in infos:
        if family not in (socket.AF_INET, socket.AF_INET6):
            continue
        address = str(sockaddr[0]).split("%", 1)[0]
        try:
            check_ip(address)
        except ValidationError:
            raise ValidationError(_Msg.resolves_unsafe, code="resolves_unsafe") from None
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise socket.gaierror(socket.EAI_NONAME, "no address")
    return addresses


# --- Hiding URLs ---------------------------------------------------------------------------------

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
    scheme = scheme.lower() if sep and _SCHEME.match(scheme.lower()) else ""
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
