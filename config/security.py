"""Security middleware: the client's address behind trusted proxies, and a strict
Content-Security-Policy for the public site with a looser one for the Wagtail admin, whose own
templates use inline scripts and styles.

Public templates carry no inline script, style or event handler (charts are SVG styled from
site.css), so the public policy has no ``unsafe-inline``; a test keeps it that way.
"""

from __future__ import annotations

import ipaddress

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest

from config.csp_policy import ADMIN_DIRECTIVES


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy under ``/admin/``."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and request.path_info.startswith("/admin/"):
            parts.config = ADMIN_DIRECTIVES
        return parts


#: Longer ``X-Forwarded-For`` headers are not read (no real chain of proxies is this long).
MAX_FORWARDED_FOR_LENGTH = 1000


def forwarded_client(forwarded_for: str, trusted_proxies: int) -> str | None:
    """The client's address in ``X-Forwarded-For`` behind ``trusted_proxies`` proxies, or None.

    Each proxy appends the address that connected to it, so the last ``trusted_proxies``
    entries were written by our own proxies and the one they name first — counting from the
    right — is the client. Anything to its left was sent by the client and is never believed.
    A header with fewer entries, or an entry that is not an IP address, gives None.
    """
    if trusted_proxies < 1 or not forwarded_for or len(forwarded_for) > MAX_FORWARDED_FOR_LENGTH:
        return None
    entries = [entry.strip() for entry in forwarded_for.split(",")]
    if len(entries) < trusted_proxies:
        return None
    return _ip_address(entries[-trusted_proxies])


def _ip_address(entry: str) -> str | None:
    """``entry`` as a plain IP address, without a port ("[2001:db8::5]:4711", "1.2.3.4:80")."""
    if entry.startswith("["):
        entry = entry[1:].partition("]")[0]
    elif entry.count(":") == 1:
        entry = entry.partition(":")[0]
    try:
        return str(ipaddress.ip_address(entry))
    except ValueError:
        return None


class ClientAddressMiddleware:
    """Put the client's address in ``REMOTE_ADDR`` when the site runs behind trusted proxies.

    ``settings.TRUSTED_PROXY_COUNT`` says how many proxies in front of the site append to
    ``X-Forwarded-For`` (0, the default: none, the header is ignored and the socket's address
    is the client's). Placed first, so that everything after it — the login lock-out
    (django-axes reads ``REMOTE_ADDR``), the forms' rate limits, logs and metrics — sees one
    and the same address. A missing or malformed header leaves the socket's address.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        client = forwarded_client(
            request.META.get("HTTP_X_FORWARDED_FOR", ""), settings.TRUSTED_PROXY_COUNT
        )
        if client is not None:
            request.META["REMOTE_ADDR"] = client
        return self.get_response(request)
