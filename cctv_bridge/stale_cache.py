"""A shared cache entry that is rebuilt by one request while the others keep the previous one.

``shared(key, build, fresh_seconds)`` returns the cached value while it is fresh. Once it is
stale, the first request to take the rebuild lock (``cache.add``, atomic on Redis and in local
memory) rebuilds it; every other request meanwhile gets the stale copy, which is kept
``keep_seconds`` beyond its freshness for that purpose. Only when there is no copy at all (first
use, a flushed cache) do the others wait for the one rebuilding, up to ``wait_seconds``, before
building it themselves. So when the camera status expires under load, the database sees one
rebuild, not one per request in flight.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from django.core.cache import cache

logger = logging.getLogger(__name__)
T = TypeVar("T")
#: How often a request with nothing to serve looks for the copy another one is building.
POLL_SECONDS = 0.05


@dataclass(frozen=True)
class Stamped(Generic[T]):
    """A value and the moment (``time.time()``) until which it is fresh."""

    value: T
    fresh_until: float

    @property
    def fresh(self) -> bool:
        return time.time() < self.fresh_until

    def seconds_left(self) -> int:
        """Whole seconds it stays fresh, at least 1 (a stale copy is served for a moment)."""
        return max(1, int(self.fresh_until - time.time()))


def lock_key(key: str) -> str:
    return f"{key}:rebuilding"


def shared(
    key: str,
    build: Callable[[], T],
    fresh_seconds: int,
    *,
    keep_seconds: int = 300,
    lock_seconds: int = 60,
    wait_seconds: float = 5.0,
) -> Stamped[T]:
    """The value under ``key``, rebuilt with ``build()`` by one caller once it is stale.

    ``lock_seconds`` bounds how long a crashed rebuilder holds the others back. A rebuild that
    raises while a stale copy exists is logged and the stale copy served; with no copy at all it
    raises. A cache that does not answer is logged and the value worked out for this request:
    the page is slower, not broken.
    """
    try:
        entry = cache.get(key)
    except Exception:
        logger.warning("The cache does not answer; working %s out here.", key, exc_info=True)
        return Stamped(build(), time.time() + fresh_seconds)
    if isinstance(entry, Stamped) and entry.fresh:
        return entry
    token = uuid.uuid4().hex
    if cache.add(lock_key(key), token, lock_seconds):
        try:
            return _rebuild(key, build, fresh_seconds, keep_seconds)
        except Exception:
            if isinstance(entry, Stamped):
                logger.exception("Rebuilding %s failed; serving the previous copy.", key)
                return entry
            raise
        finally:
            if cache.get(lock_key(key)) == token:
                cache.delete(lock_key(key))
    if isinstance(entry, Stamped):
        return entry  # someone else is rebuilding: the previous version meanwhile
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        entry = cache.get(key)
        if isinstance(entry, Stamped):
            return entry
        if cache.get(lock_key(key)) is None:
            break  # the rebuilder gave up or crashed: do it here
    return _rebuild(key, build, fresh_seconds, keep_seconds)


def _rebuild(key: str, build: Callable[[], T], fresh_seconds: int, keep_seconds: int) -> Stamped:
    entry = Stamped(build(), time.time() + fresh_seconds)
    try:
        cache.set(key, entry, fresh_seconds + keep_seconds)
    except Exception:
        logger.warning("The cache does not answer; %s not kept.", key, exc_info=True)
    return entry
