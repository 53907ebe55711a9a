"""Which pages are public, without a query per listing.

Wagtail's ``PageQuerySet.public()`` reads every view restriction from the database each time it
is called, and a home page calls it for each of its lists. The restricted sections' paths are
kept in the cache instead and refreshed whenever a restriction or a page's place changes.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Q
from wagtail.query import PageQuerySet

from cms.per_request import forget, once_per_request

RESTRICTED_PATHS_KEY = "restricted-page-paths"


def restricted_paths() -> list[str]:
    """The tree paths of the restricted sections (read once per request)."""
    return once_per_request(RESTRICTED_PATHS_KEY, _restricted_paths)


def _restricted_paths() -> list[str]:
    paths = cache.get(RESTRICTED_PATHS_KEY)
    if paths is None:
        from wagtail.models import PageViewRestriction

        paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True).distinct())
        cache.set(RESTRICTED_PATHS_KEY, paths, None)
    return paths


def restricted_q() -> Q:
    """Pages inside a restricted section (an empty condition when there is none)."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q


def public_q() -> Q:
    """Pages outside every restricted section (``PageQuerySet.public``, without its query)."""
    q = restricted_q()
    return ~q if q else Q()


def forget_restricted_paths(*args, **kwargs) -> None:
    """Signal receiver: a restriction was added or removed, or a page moved."""
    cache.delete(RESTRICTED_PATHS_KEY)
    forget(RESTRICTED_PATHS_KEY)


class SitePageQuerySet(PageQuerySet):
    def live(self):
        """Every public list of pages asks for live ones: the response being rendered now
        depends on every page of this type (cms.page_cache)."""
        from cms.page_cache import lists

        lists(self.model)
        return super().live()

    def private_q(self) -> Q:
        q = restricted_q()
        return q if q else Q(pk__in=[])

    def for_listing(self):
        """Rows for a list of cards: no StreamField is read or parsed (a page's body is the
        bulk of its row), a priority area comes along with its title only, and a lead image
        with its picture renditions (one query for the whole list, not one per card)."""
        qs = self.defer_streamfields()
        field_names = {field.name for field in self.model._meta.get_fields()}
        if "area" in field_names:
            from cms.models.areas import PriorityAreaPage

            deferred = [f"area__{name}" for name in PriorityAreaPage.get_streamfield_names()]
            qs = qs.select_related("area").defer(*deferred)
        if "lead_image" in field_names:
            from cms.renditions import picture_renditions

            qs = qs.select_related("lead_image").prefetch_related(
                picture_renditions("lead_image__renditions")
            )
        return qs
