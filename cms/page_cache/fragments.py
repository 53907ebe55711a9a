"""Parts of a page kept between responses: what a visitor with a session gets cheaply too.

The whole-response cache serves only visitors without a session. The document around the user
bar (``base.html``) is the same for every anonymous visitor, session or not, so it is kept as a
*fragment* under the address, the host and the language, with the tags of everything the
response had read by the time the fragment was rendered (the page found by routing, what
``get_context`` loaded, what the fragment itself loaded) and the purge marks of those tags,
exactly as a whole response is
(``store``): a purge of any of them makes it stale, and one rendered while a purge was under
way is not kept. A response that reuses a fragment depends on the fragment's tags, so a
whole response built around it is purged with it.

Never kept or reused: for a signed-in user (a view may show them more), a preview, a response
no view marked cacheable, a query with parameters the listings do not use, or a fragment that
asked for a CSRF token (a form: the token is the visitor's own) or showed the visitor's
messages.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import get_language

from cms.page_cache import store
from cms.page_cache.collect import current, lifetime
from cms.page_cache.invalidation import EVERYTHING

logger = logging.getLogger(__name__)
CSRF_USED = "CSRF_COOKIE_NEEDS_UPDATE"  # set by django.middleware.csrf.get_token


def fragment(request: HttpRequest | None, name: str, render: Callable[[], str]) -> str:
    """``render()``, or the fragment an earlier response kept while nothing it showed changed."""
    collector = current.get()
    if not _may_keep(request, collector):
        return render()
    key = _key(request, name)
    try:
        found = store.fetch_value(key)
    except Exception:
        logger.warning("The page cache does not answer; rendering %s.", name, exc_info=True)
        return render()
    if found is not None:
        collector.tags.update(found.tags)
        lifetime(max(1, int(found.expires - time.time())))
        return found.value
    earlier = request.META.pop(CSRF_USED, None)
    messages = getattr(request, "_messages", None)
    messages_shown = getattr(messages, "used", False)
    html = render()
    asked_for_token = request.META.get(CSRF_USED)
    if earlier and not asked_for_token:
        request.META[CSRF_USED] = earlier
    if asked_for_token or (getattr(messages, "used", False) and not messages_shown):
        return html  # the visitor's own token or messages
    tags = collector.final_tags() | {EVERYTHING}
    seconds = min(collector.lifetime or settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_SECONDS)
    try:
        store.keep_value(key, html, tags, collector.started, seconds)
    except Exception:
        logger.warning("The page cache does not answer; %s not kept.", name, exc_info=True)
    return html


def _may_keep(request: HttpRequest | None, collector) -> bool:
    return (
        settings.PAGE_CACHE_FRAGMENTS
        and request is not None
        and collector is not None
        and collector.fragments
        and collector.cacheable
        and not getattr(request, "is_preview", False)
        and not request.user.is_authenticated
    )


def _key(request: HttpRequest, name: str) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.blake2b(f"{name}|{get_language()}|{address}".encode(), digest_size=16)
    return store.value_key("f:" + digest.hexdigest())
