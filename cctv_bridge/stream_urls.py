"""Camera stream addresses: what is accepted when a URL is saved, and its parts for a probe.

A stream URL is an instruction to open something. Handed to FFmpeg (and so to OpenCV) it can
open far more than a camera: ``file:``, ``concat:``, ``subfile:``, ``pipe:``, ``data:`` read local
files, and a URL that points at a link-local or cloud metadata address makes the worker fetch
cloud credentials for whoever typed it. So the same rules run twice:

* when the URL is saved (``validate_stream_url``, a clear form error, nothing stored), and
* when a probe opens it (``parse_stream_url`` + ``stream_hosts.resolve_stream_host``): a row may
  predate a rule or have been edited in the database, and a host name may resolve to something
  else today. The probe connects only to the addresses it has just checked (no second look-up
  by FFmpeg or urllib that DNS could answer differently).

Loopback and private LAN addresses are allowed on purpose: the situational centre's cameras are
on a LAN, and the tests and the simulator use 127.0.0.1.

The rules about hosts and addresses are in ``cctv_bridge.stream_hosts``; hiding the URL (it
usually carries a password) in messages and logs is ``cctv_bridge.stream_secrets``.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from cctv_bridge.stream_hosts import HostMessages, check_host

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


SCHEME_PATTERN = re.compile(r"^[a-z][a-z0-9+.-]*$")
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
    port = _("The port in the stream address is not valid.")
    userinfo = _(
        "The user name or password in the stream address contains characters that must be "
        "percent-encoded (such as @, /, ? or #)."
    )


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
    if not sep or not SCHEME_PATTERN.match(scheme) or not url[len(scheme) + 1 :].startswith("//"):
        raise ValidationError(scheme_message, code="scheme")
    if scheme not in SCHEMES_BY_KIND[kind]:
        raise ValidationError(scheme_message, code="scheme")

    try:
        parts = urlsplit(url)
    except ValueError:  # "[::1" and similar
        raise ValidationError(HostMessages.host, code="host") from None
    netloc = parts.netloc
    userinfo, at, hostport = netloc.rpartition("@")
    if at and (not _USERINFO.match(userinfo) or "@" in userinfo):
        raise ValidationError(_Msg.userinfo, code="userinfo")
    host = check_host(hostport)
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
