"""One sitemap for both language trees, each URL with its hreflang alternates.

Wagtail's own sitemap lists only the tree of the active language. Views outside Wagtail (the
tracker, the camera status) are listed by URL name: their apps register them with
``register_views`` when they start, so the content app imports neither of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps.views import sitemap as sitemap_view
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from wagtail.models import Page, Site

from cms.i18n import servable
from cms.page_cache import cache_public, lists


class BilingualPageSitemap(Sitemap):
    """Every servable page of the site in every language."""

    def __init__(self, request: HttpRequest):
        self.request = request
        self.site = Site.find_for_request(request)

    def items(self) -> list[Page]:
        if self.site is None:
            return []
        roots = Page.objects.filter(translation_key=self.site.root_page.translation_key)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return list(
            servable(pages)
            .filter(locale__language_code__in=[code for code, _ in settings.LANGUAGES])
            .select_related("locale")
            .order_by("path")
            .specific(defer=True)
        )

    def get_urls(self, page=1, site=None, protocol=None):
        # Wagtail pages know their own absolute URLs (a site may span several hosts).
        urls = [
            {
                "item": item,
                "location": item.get_full_url(self.request),
                "lastmod": item.last_published_at,
                "changefreq": None,
                "priority": "",
                "alternates": [],
            }
            for item in self.paginator.page(page).object_list
        ]
        by_key: dict = defaultdict(list)
        for entry in urls:
            by_key[entry["item"].translation_key].append(entry)
        for group in by_key.values():
            if len(group) < 2:
                continue
            alternates = [
                {"lang_code": entry["item"].locale.language_code, "location": entry["location"]}
                for entry in group
            ]
            default = next(
                (a for a in alternates if a["lang_code"] == settings.LANGUAGE_CODE), None
            )
            if default is not None:
                alternates.append({"lang_code": "x-default", "location": default["location"]})
            for entry in group:
                entry["alternates"] = alternates
        return urls


@dataclass(frozen=True)
class SitemapView:
    """A view outside Wagtail that the sitemap lists in every language: its URL name and
    arguments."""

    url_name: str
    args: tuple = ()


#: Callables that list the views to include; each says what its list depends on
#: (``cms.page_cache.depends_on``) so that the cached sitemap is purged when it changes.
_view_sources: list[Callable[[], Iterable[SitemapView]]] = []


def register_views(source: Callable[[], Iterable[SitemapView]]) -> None:
    """Include the views ``source()`` lists (called at each sitemap render)."""
    if source not in _view_sources:
        _view_sources.append(source)


class BilingualViewSitemap(Sitemap):
    """The registered views, each in every language with its alternates and x-default."""

    i18n = True
    alternates = True
    x_default = True

    def items(self) -> list[SitemapView]:
        return [view for source in _view_sources for view in source()]

    def location(self, item: SitemapView) -> str:
        return reverse(item.url_name, args=item.args)


@cache_public
def sitemap(request: HttpRequest) -> HttpResponse:
    """``/sitemap.xml``: every page of every type, so any page change makes it stale."""
    lists(Page)
    return sitemap_view(
        request,
        sitemaps={"pages": BilingualPageSitemap(request), "views": BilingualViewSitemap()},
    )
