"""Which pages are public, without a query per listing.

Wagtail's ``PageQuerySet.public()`` reads every view restriction from the database each time it
is called, and a home page calls it for each of its lists. The restricted sections' paths are
kept in the cache instead and refreshed whenever a restriction or a page's place changes.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Q
from wagtail.query import PageQuerySet

RESTRICTED_PATHS_KEY = "restricted-page-paths"


def restricted_paths() -> list[str]:
    paths = cache.get(RESTRICTED_PATHS_KEY)
    if paths is None:
        from wagtail.models import PageViewRestriction

        paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
        cache.set(RESTRICTED_PATHS_KEY, paths, None)
    return paths


def forget_restricted_paths(*args, **kwargs) -> None:
    """Signal receiver: a restriction was added or removed, or a page moved."""
    cache.delete(RESTRICTED_PATHS_KEY)


class SitePageQuerySet(PageQuerySet):
    def private_q(self) -> Q:
        q = Q()
        for path in restricted_paths():
            q |= Q(path__startswith=path)
        return q if q else Q(pk__in=[])
