"""Cached responses and the purge marks of their tags, in one of Django's caches.

Every purge takes the next number of a shared counter (the *generation*), writes it on the tags
it purges, and then moves the counter on once more. An entry records its tags' marks when it was
stored and is valid while they are unchanged; a tag missing from the cache (evicted) makes every
entry that needs it a miss. A response is stored only if none of its tags was purged after it
started rendering, so data read before a commit is never kept.

A hit costs one round trip while nothing was purged: the entry and the counter are read
together, and an entry stamped with the current generation is valid without looking at its
tags (the counter moves on only after a purge's marks are written, and the stamp is read before
the marks are checked). After a purge an entry's tags are read once, and if they still hold it
is stamped with the new generation.

Works on any shared cache backend (Redis in production); the in-memory default is per process,
which suits only the single-process embedded site.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, replace

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)
GENERATION_KEY = "pc:generation"
#: Part of every entry's key: a release that changes ``Entry`` changes it, so entries pickled
#: by the previous release are never read back.
FORMAT = 2


@dataclass(frozen=True)
class Entry:
    tags: dict[str, int]
    status: int
    headers: tuple[tuple[str, str], ...]
    content: bytes
    #: The generation at which the tags were last seen unchanged.
    stamp: int
    expires: float

    def response(self) -> HttpResponse:
        response = HttpResponse(self.content, status=self.status, headers=dict(self.headers))
        response["X-Page-Cache"] = "hit"
        return response


def _cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def _tag_key(tag: str) -> str:
    return f"pc:t:{tag}"


def entry_key(request: HttpRequest) -> str:
    url = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    return f"pc:e{FORMAT}:" + hashlib.blake2b(url.encode(), digest_size=16).hexdigest()


def generation() -> int:
    """The current generation, read before a response is rendered."""
    cache = _cache()
    value = cache.get(GENERATION_KEY)
    if value is None:
        # First use or evicted: restart above any mark already written (milliseconds since
        # the epoch grow faster than purges do).
        cache.add(GENERATION_KEY, int(time.time() * 1000), None)
        value = cache.get(GENERATION_KEY)
    return value


def fetch(key: str) -> Entry | None:
    return _fetch_valid(key, Entry)


def _fetch_valid(key: str, kind: type):
    """The ``kind`` (an entry or a kept value) stored at ``key`` if its tags are unpurged."""
    cache = _cache()
    found = cache.get_many([key, GENERATION_KEY])
    entry, current_generation = found.get(key), found.get(GENERATION_KEY)
    if not isinstance(entry, kind) or current_generation is None:
        return None
    if entry.stamp == current_generation:
        return entry
    marks = cache.get_many([_tag_key(tag) for tag in entry.tags])
    for tag, stored in entry.tags.items():
        if marks.get(_tag_key(tag)) != stored:
            return None
    remaining = entry.expires - time.time()
    if remaining > 1:
        entry = replace(entry, stamp=current_generation)
        cache.set(key, entry, remaining)
    return entry


def keep(key: str, response: HttpResponse, tags: set[str], started: int, seconds: int) -> bool:
    """Store ``response`` unless one of its tags was purged after generation ``started``."""
    stamp = generation()  # before the marks are read: see the module's docstring
    marks = _unpurged_marks(tags, started)
    if marks is None:
        return False
    entry = Entry(
        tags=marks,
        status=response.status_code,
        headers=tuple((name, value) for name, value in response.items() if name != "X-Page-Cache"),
        content=response.content,
        stamp=stamp,
        expires=time.time() + seconds,
    )
    _cache().set(key, entry, seconds)
    return True


def _unpurged_marks(tags: set[str], started: int) -> dict[str, int] | None:
    """The purge marks of ``tags`` (a missing one written as 0), or None if one of them was
    purged after generation ``started``."""
    cache = _cache()
    keys = {_tag_key(tag): tag for tag in tags}
    marks = cache.get_many(list(keys))
    for tag_key in keys.keys() - marks.keys():
        cache.add(tag_key, 0, None)
        marks[tag_key] = cache.get(tag_key)
    if any(mark is None or mark > started for mark in marks.values()):
        return None
    return {tag: marks[tag_key] for tag_key, tag in keys.items()}


@dataclass(frozen=True)
class KeptValue:
    """A value computed from the database (``cms.page_cache.values``), with its tags' marks."""

    value: object
    tags: dict[str, int]
    stamp: int
    expires: float


def value_key(name: str) -> str:
    return f"pc:v{FORMAT}:{name}"


def fetch_value(key: str) -> KeptValue | None:
    return _fetch_valid(key, KeptValue)


def keep_value(key: str, value: object, tags: set[str], started: int, seconds: int) -> bool:
    """Store ``value`` unless one of its tags was purged after generation ``started``."""
    stamp = generation()  # before the marks are read, as for a response
    marks = _unpurged_marks(tags, started)
    if marks is None:
        return False
    kept = KeptValue(value=value, tags=marks, stamp=stamp, expires=time.time() + seconds)
    _cache().set(key, kept, seconds)
    return True


def _next_generation() -> int:
    cache = _cache()
    generation()  # make sure the counter exists
    try:
        return cache.incr(GENERATION_KEY)
    except ValueError:  # evicted between the two calls
        return generation() + 1


def purge_tags(tags: set[str]) -> None:
    """Mark ``tags`` purged. A cache that does not answer is logged, not raised: an editor's
    publishing must not fail for it, and while it is down nothing is served from it either
    (what was cached before lives at most ``PAGE_CACHE_SECONDS``)."""
    try:
        mark = _next_generation()
        _cache().set_many({_tag_key(tag): mark for tag in tags}, None)
        _next_generation()  # only now may a stamp skip the tags again
    except Exception:
        logger.exception("The page cache could not be purged (%d tags).", len(tags))
