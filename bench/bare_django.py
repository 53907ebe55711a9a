"""Settings and URLs of the bench's bare Django view (``bench/pages.py``).

The production settings — the same middleware, request log and metrics — answering one
constant response: the most this stack can do per request, next to which the page cache's
hits are measured. The page cache itself is off here: there is nothing for it to find.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.settings.production import *  # noqa: F403

ROOT_URLCONF = "bench.bare_django"
PAGE_CACHE_ENABLED = False
BODY = b"<!DOCTYPE html><html lang='uk'><title>bare</title><p>ok</p></html>"


def constant(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BODY)


urlpatterns = [path("", constant)]
