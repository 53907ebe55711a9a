"""Answer anonymous GETs from the page cache, and store the responses that may be kept."""

from __future__ import annotations

import logging
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from cms.page_cache import store
from cms.page_cache.collect import Collector, current
from cms.page_cache.invalidation import EVERYTHING

logger = logging.getLogger(__name__)


class PageCacheMiddleware:
    """First in ``MIDDLEWARE``: a hit skips the rest of the stack, and a stored response
    already carries the headers the rest of the stack added (CSP, referrer policy…).

    A request is looked up only if it is a GET without a session or messages cookie (so never
    for staff) and its query uses only the parameters public listings understand; anything
    else (a search, a tracking parameter) is served normally and not stored.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.enabled = settings.PAGE_CACHE_ENABLED
        self.excluded = tuple(settings.PAGE_CACHE_EXCLUDED_PATHS)
        self.parameters = frozenset(settings.PAGE_CACHE_QUERY_PARAMETERS)
        # django.contrib.messages' cookie: a page would show the visitor's messages.
        self.cookies = (settings.SESSION_COOKIE_NAME, "messages")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.eligible(request):
            if self.listable(request):
                return self.collecting(request)
            return self.get_response(request)
        key = store.entry_key(request)  # a bad Host header raises here: a 400, as usual
        try:
            entry = store.fetch(key)
            started = store.generation() if entry is None else 0
        except Exception:
            # The cache does not answer: the site still does, uncached.
            logger.warning("The page cache does not answer; serving without it.", exc_info=True)
            return self.get_response(request)
        if entry is not None:
            return entry.response()
        collector = Collector(started=started, fragments=True)
        token = current.set(collector)
        try:
            response = self.get_response(request)
        finally:
            current.reset(token)
        if self.storable(response, collector):
            seconds = min(
                collector.lifetime or settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_SECONDS
            )
            tags = collector.final_tags() | {EVERYTHING}
            try:
                kept = store.keep(key, response, tags, collector.started, seconds)
            except Exception:
                logger.warning("The page cache does not answer; not stored.", exc_info=True)
                kept = False
            response["X-Page-Cache"] = "miss" if kept else "skip"
        return response

    def collecting(self, request: HttpRequest) -> HttpResponse:
        """A response that is not stored whole, but whose parts may be (a visitor with a
        session: ``cms.page_cache.fragments``): what it shows is collected all the same."""
        try:
            started = store.generation()
        except Exception:
            logger.warning("The page cache does not answer; serving without it.", exc_info=True)
            return self.get_response(request)
        token = current.set(Collector(started=started, fragments=True))
        try:
            return self.get_response(request)
        finally:
            current.reset(token)

    def eligible(self, request: HttpRequest) -> bool:
        if not self.listable(request):
            return False
        cookies = request.COOKIES
        return not any(name in cookies for name in self.cookies)

    def listable(self, request: HttpRequest) -> bool:
        """A GET of a public address whose query uses only the listings' parameters."""
        if not self.enabled or request.method != "GET":
            return False
        if request.path_info.startswith(self.excluded):
            return False
        query = request.GET
        return all(
            name in self.parameters and len(values) == 1 and len(values[0]) <= 100
            for name, values in query.lists()
        )

    @staticmethod
    def storable(response: HttpResponse, collector: Collector) -> bool:
        return (
            collector.cacheable
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(
                word in response.get("Cache-Control", "") for word in ("private", "no-store")
            )
        )
