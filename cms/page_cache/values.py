"""Values computed from the database that many responses show (the tracker's counts and
filter choices), kept between responses and purged exactly like the responses.

``kept_value(name, compute)`` runs ``compute`` while collecting what it depends on, as for a
response (rows loaded, ``depends_on``, ``lists``), and keeps the value with the purge marks of
those tags. Later calls use it while none of the tags has been purged since, and a value
computed while one of them was being purged is not kept (``store``). Either way the response
being rendered depends on the same tags, so a purge that drops the value also drops the
responses that showed it.

The value must pickle (plain data: numbers, strings, tuples, dicts, small dataclasses of
them, not model instances) and be the same for every visitor; ``name`` must say everything it
varies by (the language, say).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings

from cms.page_cache import store
from cms.page_cache.collect import Collector, current
from cms.page_cache.invalidation import EVERYTHING

logger = logging.getLogger(__name__)
T = TypeVar("T")


def kept_value(name: str, compute: Callable[[], T]) -> T:
    """``compute()``, or the value an earlier call kept while nothing it showed has changed."""
    if not settings.PAGE_CACHE_ENABLED:
        return compute()
    key = store.value_key(name)
    outer = current.get()
    try:
        found = store.fetch_value(key)
        started = store.generation() if found is None else 0
    except Exception:
        logger.warning("The page cache does not answer; computing %s.", name, exc_info=True)
        return compute()
    if found is not None:
        if outer is not None:
            outer.tags.update(found.tags)
        return found.value
    inner = Collector(started=started)
    token = current.set(inner)
    try:
        value = compute()
    finally:
        current.reset(token)
    tags = inner.final_tags() | {EVERYTHING}
    if outer is not None:
        outer.tags.update(tags)
        if inner.lifetime is not None:
            outer.lifetime = min(inner.lifetime, outer.lifetime or inner.lifetime)
    seconds = min(inner.lifetime or settings.PAGE_CACHE_SECONDS, settings.PAGE_CACHE_SECONDS)
    try:
        store.keep_value(key, value, tags, started, seconds)
    except Exception:
        logger.warning("The page cache does not answer; %s not kept.", name, exc_info=True)
    return value
