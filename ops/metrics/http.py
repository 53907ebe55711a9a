"""Request latency and the ``/metrics`` endpoint.

Access: with ``METRICS_TOKEN`` set, a scrape must send ``Authorization: Bearer <token>``
(compared in constant time) and anything else gets 401. Without a token the endpoint does not
exist (404), except in debug mode for a client on this machine, so ``make run`` can be looked
at without setting one up. Client addresses are not trusted otherwise: behind the TLS proxy
every request comes from the proxy's own (loopback or private) address.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import CollectorRegistry, Histogram
from prometheus_client.exposition import choose_encoder
from prometheus_client.multiprocess import MultiProcessCollector

from ops.logs import route_of
from ops.metrics.sources import PREFIX, ScrapeTimeCollector

#: prometheus_client decides at import time whether values live in shared files; so do we.
MULTIPROCESS = bool(os.environ.get("PROMETHEUS_MULTIPROC_DIR"))

#: This process's own metrics (the only ones outside multiprocess mode).
LOCAL_REGISTRY = CollectorRegistry(auto_describe=False)
SCRAPE_TIME = ScrapeTimeCollector()
LOCAL_REGISTRY.register(SCRAPE_TIME)

REQUEST_DURATION = Histogram(
    f"{PREFIX}_http_request_duration_seconds",
    "Time from the request reaching Django to the response leaving it, by method, route "
    "(the URL pattern's name, not the path) and status class.",
    labelnames=["method", "route", "status"],
    registry=LOCAL_REGISTRY,
)

#: Any other method (a scanner's invention) is counted as OTHER: labels stay bounded.
METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})


def observe_request(method: str, route: str, status: int, seconds: float) -> None:
    """Record one request in the latency histogram."""
    REQUEST_DURATION.labels(
        method=method if method in METHODS else "OTHER",
        route=route,
        status=f"{status // 100}xx",
    ).observe(seconds)


class RequestMetricsMiddleware:
    """Time every request into :data:`REQUEST_DURATION`. Sits near the top of ``MIDDLEWARE``,
    so redirects, static files and error pages are counted too."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        observe_request(
            request.method or "OTHER",
            route_of(request, response),
            response.status_code,
            time.perf_counter() - started,
        )
        return response


def exposition_registry() -> CollectorRegistry:
    """What a scrape reports: every process's files in multiprocess mode, else this one's."""
    if not MULTIPROCESS:
        return LOCAL_REGISTRY
    registry = CollectorRegistry(auto_describe=False)
    MultiProcessCollector(registry)
    registry.register(SCRAPE_TIME)
    return registry


def _is_loopback(address: str | None) -> bool:
    try:
        return ipaddress.ip_address(address or "").is_loopback
    except ValueError:
        return False


def refusal(request: HttpRequest) -> HttpResponse | None:
    """None when ``request`` may read the metrics, otherwise the response that refuses it."""
    token: str = getattr(settings, "METRICS_TOKEN", "")
    if token:
        scheme, _space, offered = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() == "bearer" and hmac.compare_digest(
            offered.strip().encode(), token.encode()
        ):
            return None
        response = HttpResponse(
            "A bearer token is required.\n", status=401, content_type="text/plain"
        )
        response["WWW-Authenticate"] = 'Bearer realm="metrics"'
        return response
    if settings.DEBUG and _is_loopback(request.META.get("REMOTE_ADDR")):
        return None
    return HttpResponse("Not found.\n", status=404, content_type="text/plain")


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    """``/metrics``: Prometheus text format (OpenMetrics when the scraper asks for it)."""
    refused = refusal(request)
    if refused is not None:
        return refused
    encoder, content_type = choose_encoder(request.headers.get("Accept", ""))
    return HttpResponse(encoder(exposition_registry()), content_type=content_type)
