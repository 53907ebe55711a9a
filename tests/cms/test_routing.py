"""cms.routing finds the same page, with the same sub-route, as Wagtail's own routing."""

from __future__ import annotations

import pytest
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from cms import routing
from cms.models import NewsIndexPage, NewsPage

pytestmark = pytest.mark.django_db


def wagtail_route(request, path):
    try:
        return Page.route_for_request(request, path)
    except Http404:
        return None


def fast_route(path: str, language: str):
    with translation.override(language):
        try:
            return routing.route(RequestFactory().get("/"), path)
        except Http404:
            return None


def same(path: str, language: str) -> tuple:
    """Both routings of ``path`` in ``language``: (page id, page type, sub-route args)."""
    results = []
    for find in (fast_route, lambda p, lang: wagtail_route(RequestFactory().get("/"), p)):
        with translation.override(language):
            result = find(path, language)
        if result is None:
            results.append(None)
            continue
        page, args, kwargs = result
        view = args[0].__name__ if args else None
        results.append((page.pk, type(page).__name__, view, args[1:] if args else (), kwargs))
    return tuple(results)


def test_every_demo_address_routes_as_wagtail_does(demo):
    paths = set()
    for page in Page.objects.filter(depth__gt=2).select_related("locale"):
        language = page.locale.language_code
        _site_id, _root, path = page.get_url_parts()
        prefix = f"/{language}/" if language != "uk" else "/"
        paths.add((path[len(prefix) - 1 :] if path.startswith(prefix) else path, language))
    # Sub-routes of routable pages, unknown addresses, and the home pages.
    paths |= {
        ("/", "uk"),
        ("/", "en"),
        ("/podii/past/", "uk"),
        ("/events/past/", "en"),
        ("/novyny/no-such-article/", "uk"),
        ("/no-such-page/", "en"),
        ("/novyny/kava-z-politseiskym-16-zustrichei-i-novi-initsiatyvy/extra/", "uk"),
    }
    assert len(paths) > 30
    for path, language in sorted(paths):
        ours, wagtails = same(path.lstrip("/"), language)
        assert ours == wagtails, (path, language)


def test_a_page_under_a_draft_section_is_served_and_a_draft_is_not(demo):
    index = NewsIndexPage.objects.get(locale__language_code="uk")
    article = NewsPage.objects.child_of(index).live().first()
    index.live = False
    index.save(update_fields=["live"])
    path = article.url_path[len(index.get_parent().url_path) :]
    assert same(path, "uk")[0][0] == article.pk
    article.live = False
    article.save(update_fields=["live"])
    assert same(path, "uk") == (None, None)


def test_english_addresses_fall_back_to_the_ukrainian_tree_without_an_english_home(demo):
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    english_home.live = False
    english_home.save(update_fields=["live"])
    ours, wagtails = same("novyny/", "en")
    assert ours == wagtails and ours is not None


def test_routing_costs_two_queries_at_any_depth(demo):
    article = NewsPage.objects.filter(locale__language_code="uk").live().first()
    path = "novyny/" + article.slug + "/"
    fast_route(path, "uk")  # the first time also reads the locales and content types
    with translation.override("uk"), CaptureQueriesContext(connection) as queries:
        page, _args, _kwargs = routing.route(RequestFactory().get("/"), path)
        page.locale  # noqa: B018 - attached, no query
    assert page.pk == article.pk
    assert len(queries) == 2


def test_an_address_deeper_than_any_page_is_not_looked_up_in_one_query(client, demo):
    """One parameter per level, each longer than the last: a made-up address hundreds of
    levels deep must not become one huge query (Wagtail stops at the first missing level)."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/novyny/" + "a/" * 300)
    assert response.status_code == 404
    assert max(len(query["sql"]) for query in queries) < 5000
