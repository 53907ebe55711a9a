"""Finding the page of a URL in two queries instead of two per level.

Wagtail routes level by level: the localized home page, then each child by its slug, each
loaded twice (the generic row, then ``.specific``), so an article three levels down costs
seven queries. Here every page on the path is read in one query of a few columns (by
``url_path``, which Wagtail keeps equal to the ancestors' slugs), then only the page served is
loaded with its own type. The walk follows ``Page.route`` exactly: a page type that routes
differently (a routable index whose own sub-route matches, or any other ``route``) is handed
the rest of the path, as Wagtail would hand it, so every sub-route keeps working.

The result is left where Wagtail's ``serve`` view looks for it first
(``request._wagtail_route_for_request``); hooks, view restrictions and ``serve`` itself run
unchanged.
"""

from __future__ import annotations

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.urls import Resolver404
from wagtail import views as wagtail_views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from cms.locales import active_locale, attach_locale
from cms.sites import site_for_request

#: Deeper addresses are not looked up in one query (one parameter per level).
MAX_DEPTH = 32
COLUMNS = ("pk", "url_path", "content_type_id", "live", "locale_id", "translation_key")
#: Localized home page per (site root, locale): its id and url_path, checked on every use.
_localized_roots: dict[tuple[int, int], tuple[int, str]] = {}


def forget() -> None:
    """Drop this process's copy of the localized home pages (they are checked on every use,
    so this is only for tests that build a new tree under the same ids)."""
    _localized_roots.clear()


def serve(request: HttpRequest, path: str):
    """Wagtail's ``serve`` view, with the page found by ``route`` (an address deeper than any
    page is left to Wagtail, which stops at the first missing level)."""
    if not hasattr(request, "_wagtail_route_for_request") and path.count("/") <= MAX_DEPTH:
        try:
            request._wagtail_route_for_request = route(request, path)
        except Http404:
            request._wagtail_route_for_request = None
    return wagtail_views.serve(request, path)


def route(request: HttpRequest, path: str) -> RouteResult | None:
    """What ``Page.route_for_request`` returns for ``path``, in two queries."""
    site = site_for_request(request)
    if site is None:
        return None
    components = [component for component in path.split("/") if component]
    locale = active_locale()
    root_id = site.root_page_id
    guess = _localized_roots.get((root_id, locale.pk))
    rows, root = _rows(site, locale.pk, components, guess)
    if root is None:
        return None  # the site's root page is gone
    if guess is None or (root["pk"], root["url_path"]) != guess:
        _localized_roots[(root_id, locale.pk)] = (root["pk"], root["url_path"])
        rows, root = _rows(site, locale.pk, components, (root["pk"], root["url_path"]))
    by_path = {row["url_path"]: row for row in rows}
    return _walk(request, root, components, by_path)


def _rows(site, locale_id: int, components: list[str], guess: tuple[int, str] | None):
    """The site root's language versions and the pages on the path under the guessed
    localized root; then the localized root: the version in ``locale_id`` if live, else the
    site root itself (``Page.localized``)."""
    root_page = site.root_page
    condition = Q(translation_key=root_page.translation_key) | Q(pk=root_page.pk)
    if guess is not None:
        prefix = guess[1]
        paths = [prefix + "/".join(components[: i + 1]) + "/" for i in range(len(components))]
        if paths:
            condition |= Q(url_path__in=paths)
    rows = list(Page.objects.filter(condition).values(*COLUMNS))
    own = next((row for row in rows if row["pk"] == root_page.pk), None)
    localized = next(
        (
            row
            for row in rows
            if row["translation_key"] == root_page.translation_key
            and row["locale_id"] == locale_id
            and row["live"]
        ),
        None,
    )
    return rows, localized or own


def _walk(request, node: dict, remaining: list[str], by_path: dict[str, dict]) -> RouteResult:
    while True:
        model = ContentType.objects.get_for_id(node["content_type_id"]).model_class()
        if model is None or _routes_itself(model, node, remaining):
            return _load(model or Page, node).route(request, remaining)
        if not remaining:
            if not node["live"]:
                raise Http404
            return RouteResult(_load(model, node))
        child = by_path.get(node["url_path"] + remaining[0] + "/")
        if child is None:
            raise Http404
        node, remaining = child, remaining[1:]


def _routes_itself(model: type[Page], node: dict, remaining: list[str]) -> bool:
    """Whether ``Page.route`` of ``model`` would not simply go on to the child (or serve the
    page): another ``route``, or a routable page's own sub-route matching the rest."""
    if model.route is Page.route:
        return False
    if model.route is not RoutablePageMixin.route:
        return True
    if not node["live"]:
        return False  # a routable page that is not live routes like any page
    subpath = "/" + "".join(f"{component}/" for component in remaining)
    try:
        model.get_resolver().resolve(subpath)
    except (Http404, Resolver404):
        return False
    return True


def _load(model: type[Page], node: dict) -> Page:
    page = model._default_manager.get(pk=node["pk"])
    attach_locale(page)
    return page
