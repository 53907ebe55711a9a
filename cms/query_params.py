"""Reading the public pages' query-string filters so that odd values never reach the database.

PostgreSQL refuses a string with a NUL character and SQLite an integer beyond 64 bits; either
would be a server error. A filter value that cannot be a slug or a row id names nothing, so it
is answered like any unknown value (404) or ignored, before any query runs.
"""

from __future__ import annotations

import re

from django.http import Http404, HttpRequest

#: A slug as Wagtail and taggit make them (Unicode letters allowed, as for tags in Cyrillic).
SLUG = re.compile(r"^[-\w]+\Z")
#: Larger ids do not exist (and do not fit every database's integer).
MAX_ID = 2**31 - 1


def slug_param(request: HttpRequest, name: str, max_length: int = 255) -> str | None:
    """The query parameter ``name`` as a slug; None if absent; 404 if it cannot be a slug."""
    value = request.GET.get(name)
    if not value:
        return None
    if len(value) > max_length or not SLUG.match(value):
        raise Http404(f"No such {name}.")
    return value


def as_id(value: str) -> int | None:
    """``value`` as a row id (ASCII digits, 1 to MAX_ID), or None."""
    if value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_ID:
        return int(value)
    return None
