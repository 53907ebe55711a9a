"""The Wagtail ``Site`` of a request, found once per process per host instead of per request.

``Site.find_for_request`` runs an annotated query (with the root page joined) on every request;
its answer changes only when an administrator edits the sites. Each process keeps the answer
per host and port for ``LIFETIME`` seconds: saving or deleting a site or a page that is a
site's root clears this process's copy at once, and other processes see the change within the
lifetime. A host never seen before is always looked up, so a new community's site is found
at once everywhere.
"""

from __future__ import annotations

import time

from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest
from django.http.request import split_domain_port
from wagtail.models import Site

LIFETIME = 60  # seconds
_found: dict[tuple[str, int | str], tuple[float, Site | None]] = {}


def forget(*args, **kwargs) -> None:
    """Signal receiver: a site changed."""
    _found.clear()


post_save.connect(forget, sender=Site, dispatch_uid="cms.sites.saved")
post_delete.connect(forget, sender=Site, dispatch_uid="cms.sites.deleted")


def site_for_request(request: HttpRequest | None) -> Site | None:
    """``Site.find_for_request``, from this process's copy when it is fresh; the answer is
    also left on the request, where Wagtail's own lookups find it."""
    if request is None:
        return None
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = (split_domain_port(request._get_raw_host())[0], request.get_port())
    now = time.monotonic()
    found = _found.get(key)
    if found is None or found[0] < now:
        if len(_found) > 1000:  # any Host header can be sent: keep the copy small
            _found.clear()
        found = _found[key] = (now + LIFETIME, Site._find_for_request(request))
    request._wagtail_site = found[1]
    return found[1]
