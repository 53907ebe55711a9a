"""Which hosts and addresses a camera may have, and the probe-time look-up that checks them.

A host is a lower-case DNS name or a plain IP literal; an address is refused when it is
link-local, a cloud metadata service, multicast, broadcast or unspecified, also when it hides
inside an IPv6 form (mapped, NAT64, 6to4, Teredo). A probe resolves the name itself, within its
budget, and connects only to the addresses checked here.
"""

from __future__ import annotations

import contextlib
import ipaddress
import re
import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

if TYPE_CHECKING:
    from cctv_bridge.stream_urls import StreamURL

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


class HostMessages:
    """Form error texts about the host. Fixed sentences: never a part of the URL."""

    host = _("The stream address needs a valid host name or IP address.")
    ip_form = _("Write the camera's IPv4 address as four decimal numbers, like 192.168.1.20.")
    link_local = _("Link-local and cloud metadata addresses cannot be cameras.")
    not_a_host = _("A multicast, broadcast or unspecified address cannot be a camera.")
    resolves_unsafe = _("The camera's host name resolves to an address that cannot be a camera.")


def check_host(hostport: str) -> str | ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The host of ``host[:port]``: an IP address object or a lower-case DNS name."""
    if hostport.startswith("["):
        literal, bracket, _after = hostport[1:].partition("]")
        if not bracket or "%" in literal:  # no zone ids ("fe80::1%eth0")
            raise ValidationError(HostMessages.host, code="host")
        try:
            address = ipaddress.IPv6Address(literal)
        except ValueError:
            raise ValidationError(HostMessages.host, code="host") from None
        check_ip(address)
        return address
    host = hostport.rsplit(":", 1)[0] if ":" in hostport else hostport
    if not host:
        raise ValidationError(HostMessages.host, code="host")
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
        raise ValidationError(HostMessages.ip_form, code="ip_form")
    if host[-1:].isdigit() and all(c.isdigit() or c == "." for c in host):
        raise ValidationError(HostMessages.ip_form, code="ip_form")
    name = host[:-1] if host.endswith(".") else host
    labels = name.split(".")
    if len(name) > 253 or not all(_LABEL.match(label) for label in labels):
        raise ValidationError(HostMessages.host, code="host")
    if labels[0] in _METADATA_LABELS:
        raise ValidationError(HostMessages.link_local, code="link_local")
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
            raise ValidationError(HostMessages.host, code="host") from None
    candidates: list[ipaddress.IPv4Address | ipaddress.IPv6Address] = [address]
    if isinstance(address, ipaddress.IPv6Address):
        candidates += embedded_ipv4(address)
    for candidate in candidates:
        if candidate in _METADATA_ADDRESSES or any(candidate in net for net in _LINK_LOCAL):
            raise ValidationError(HostMessages.link_local, code="link_local")
        if any(candidate.version == net.version and candidate in net for net in _NOT_A_HOST):
            raise ValidationError(HostMessages.not_a_host, code="not_a_host")


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
            raise ValidationError(HostMessages.resolves_unsafe, code="resolves_unsafe") from None
        if address not in addresses:
            addresses.append(address)
    if not addresses:
        raise socket.gaierror(socket.EAI_NONAME, "no address")
    return addresses
