"""The page cache for anonymous visitors (cms.page_cache): what is kept, for whom, and exactly
what each kind of change purges. Every check reads the ``X-Page-Cache`` header the middleware
sets (hit, miss, or absent when the response was not looked up or not kept) and the content."""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.http import HttpResponse
from django.test import Client, override_settings
from wagtail.models import Locale, Page

from cms.models import LanguageSettings, NewsPage, Organisation, StandardPage
from cms.page_cache import store
from workflows.models import Initiative

pytestmark = pytest.mark.django_db


def cache_state(client: Client, url: str) -> str | None:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get("X-Page-Cache")


def warm(client: Client, urls: list[str]) -> None:
    for url in urls:
        client.get(url)
        assert cache_state(client, url) == "hit", url


def fresh(url: str) -> bytes:
    """What the page says now, rendered without the cache (a session cookie bypasses it, and
    no kept fragment is used)."""
    client = Client()
    client.cookies["sessionid"] = "no-such-session"
    with override_settings(PAGE_CACHE_FRAGMENTS=False):
        response = client.get(url)
    assert "X-Page-Cache" not in response
    return without_render_time(response.content)


def without_render_time(content: bytes) -> bytes:
    """The follow form's signed token holds the time the form was rendered."""
    return re.sub(rb'(name="form_token" value=")[^"]+"', rb'\1"', content)


def head():
    user = get_user_model().objects.create_user(f"head-{time.monotonic_ns()}", password="x")
    user.groups.add(Group.objects.get(name="Office heads"))
    return user


def articles(language: str = "uk") -> list[NewsPage]:
    return list(
        NewsPage.objects.live().filter(locale__language_code=language).order_by("-date", "-pk")
    )


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/en/",
        "/novyny/",
        "/en/news/",
        "/memorandum/",
        "/initiatives/",
        "/en/initiatives/",
        "/initiatives/rss/",
        "/api/initiatives/",
        "/sitemap.xml",
        "/cameras/",
    ],
)
def test_a_public_page_is_kept_and_served_with_its_headers(client, demo, url):
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    for header in ("Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options"):
        if header in first:
            assert second[header] == first[header]


def test_staff_never_get_a_cached_page(client, demo):
    article = articles()[0]
    warm(client, [article.url])
    # A change that sends no signal (a raw UPDATE) stays invisible to anonymous visitors until
    # the page's lifetime ends, but a signed-in editor always sees the database.
    NewsPage.objects.filter(pk=article.pk).update(title="Заголовок з бази")
    editor = get_user_model().objects.create_user("editor-cache", password="x", is_staff=True)
    staff = Client()
    staff.force_login(editor)
    response = staff.get(article.url)
    assert "X-Page-Cache" not in response
    assert "Заголовок з бази" in response.content.decode()
    # …and what staff were shown was not stored for anyone else.
    assert cache_state(client, article.url) == "hit"


@pytest.mark.parametrize(
    "url",
    [
        "/search/?q=%D0%B1%D0%B5%D0%B7%D0%BF%D0%B5%D0%BA%D0%B0",  # a search: any text
        "/?utm_source=newsletter",  # an unknown parameter
        "/initiatives/propose/",  # a form: sets the CSRF cookie
        "/kontakty/",  # the contact form
        f"/en/?untranslated={10**6}",  # the notice parameter: any number
    ],
)
def test_searches_forms_and_unknown_parameters_are_not_kept(client, demo, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first.get("X-Page-Cache") in (None, "skip")
    assert client.get(url).get("X-Page-Cache") in (None, "skip")


def test_errors_are_not_kept(client, demo):
    assert client.get("/no-such-page/").status_code == 404
    response = client.get("/no-such-page/")
    assert response.status_code == 404 and "X-Page-Cache" not in response


def test_publishing_an_article_purges_it_and_its_lists_and_nothing_else(client, demo):
    article, *others = articles()
    # Another article, that does not link to this one (a link shows the title).
    other = next(item for item in others if not item.related_pages.filter(page=article).exists())
    stale = [article.url, "/novyny/", "/", "/novyny/rss/", "/sitemap.xml"]
    kept = [other.url, "/memorandum/", "/initiatives/", "/en/", "/en/news/", "/pro-ofis/"]
    warm(client, stale + kept)

    article.title = "Нова назва новини"
    article.save_revision().publish()

    for url in stale:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        if url != "/sitemap.xml":  # addresses only
            assert "Нова назва новини" in response.content.decode(), url
    for url in kept:
        assert cache_state(client, url) == "hit", url


def test_a_new_article_appears_in_the_lists_at_once(client, demo):
    warm(client, ["/novyny/", "/", "/novyny/rss/"])
    index = Page.objects.get(url_path__endswith="/novyny/", locale__language_code="uk")
    article = index.add_child(instance=NewsPage(title="Щойно опубліковано", intro="x"))
    article.save_revision().publish()
    for url in ["/novyny/", "/", "/novyny/rss/"]:
        assert "Щойно опубліковано" in client.get(url).content.decode(), url


def test_unpublishing_takes_the_page_out_everywhere(client, demo):
    article = articles()[0]
    warm(client, [article.url, "/novyny/", "/"])
    article.unpublish()
    assert client.get(article.url).status_code == 404
    assert article.title not in client.get("/novyny/").content.decode()
    assert article.title not in client.get("/").content.decode()


def test_moving_a_page_purges_its_old_and_new_address(client, demo):
    about = StandardPage.objects.get(slug="pro-ofis")
    volunteers = StandardPage.objects.get(slug="volonteram")
    old_url = volunteers.url
    warm(client, [old_url])
    volunteers.move(about, pos="last-child")
    volunteers.refresh_from_db()
    moved = client.get(old_url)  # wagtail.contrib.redirects remembers the old address
    assert moved.status_code == 301 and moved["Location"] == volunteers.url
    assert cache_state(client, volunteers.url) == "miss"


def test_translating_a_page_updates_the_language_switcher_of_the_original(client, demo):
    volunteers = StandardPage.objects.get(slug="volonteram")
    warm(client, [volunteers.url])
    assert "?untranslated=" in client.get(volunteers.url).content.decode()

    translation = volunteers.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.title = "For volunteers"
    translation.slug = "for-volunteers"
    translation.save_revision().publish()

    response = client.get(volunteers.url)
    assert response["X-Page-Cache"] == "miss"
    assert 'href="/en/for-volunteers/"' in response.content.decode()


def test_a_signatory_change_purges_the_memorandum_only(client, demo):
    article = articles()[0]
    warm(client, ["/memorandum/", article.url])
    signatory = Organisation.objects.filter(locale__language_code="uk").first()
    signatory.name = "Нова назва організації"
    signatory.save()
    assert "Нова назва організації" in client.get("/memorandum/").content.decode()
    assert cache_state(client, article.url) == "hit"


def test_site_settings_purge_every_page_of_their_language(client, demo):
    warm(client, ["/", "/novyny/"])
    row = LanguageSettings.objects.get(locale__language_code="uk")
    row.footer_text = "Новий текст підвалу"
    row.save()
    for url in ["/", "/novyny/"]:
        assert "Новий текст підвалу" in client.get(url).content.decode(), url


def test_an_initiative_step_purges_the_tracker_pages_it_affects(client, demo):
    public = Initiative.objects.filter(state="accepted").order_by("pk")
    moving, other = public[0], public[1]
    urls = {
        "list": "/initiatives/",
        "list_en": "/en/initiatives/",
        "detail": f"/initiatives/{moving.pk}/",
        "feed": f"/initiatives/{moving.pk}/rss/",
        "api": "/api/initiatives/",
        "api_detail": f"/api/initiatives/{moving.pk}/",
        "home": "/",
        "other": f"/initiatives/{other.pk}/",
        "other_api": f"/api/initiatives/{other.pk}/",
        "news": "/novyny/",
    }
    warm(client, list(urls.values()))

    moving.perform("start_drafting", head())
    moving.refresh_from_db()
    assert moving.state != "accepted"

    for name in ("list", "list_en", "detail", "feed", "api", "api_detail", "home"):
        assert cache_state(client, urls[name]) == "miss", name
    for name in ("other", "other_api", "news"):
        assert cache_state(client, urls[name]) == "hit", name


def test_an_accepted_proposal_appears_in_the_tracker(client, demo):
    proposal = Initiative.objects.create(title_uk="Лавки біля школи", state="under_review")
    warm(client, ["/initiatives/"])
    assert client.get(f"/initiatives/{proposal.pk}/").status_code == 404
    proposal.perform("accept", head())
    assert "Лавки біля школи" in client.get("/initiatives/").content.decode()
    assert client.get(f"/initiatives/{proposal.pk}/").status_code == 200


def test_camera_status_pages_expire_by_themselves(client, demo, settings):
    settings.CCTV_STATUS_CACHE_SECONDS = 1
    warm(client, ["/cameras/"])
    time.sleep(1.2)
    assert cache_state(client, "/cameras/") == "miss"


def test_a_purge_while_rendering_keeps_the_response_out(demo):
    started = store.generation()
    store.purge_tags({"page:1"})  # committed while the response was being rendered
    assert not store.keep("pc:e:test", HttpResponse(b"old"), {"page:1"}, started, 60)
    assert store.fetch("pc:e:test") is None
    started = store.generation()
    assert store.keep("pc:e:test", HttpResponse(b"new"), {"page:1"}, started, 60)
    assert store.fetch("pc:e:test").content == b"new"


def public_urls(client: Client) -> list[str]:
    """Every page of the sitemap in both languages, and the tracker's lists, feeds and API."""
    sitemap = ET.fromstring(client.get("/sitemap.xml").content)
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    urls = [loc.text.split("testserver", 1)[1] for loc in sitemap.findall("s:url/s:loc", namespace)]
    # Three pages of each section are enough: their siblings are rendered by the same code.
    per_section: dict[str, int] = {}
    sampled = []
    for url in urls:
        section = url.rstrip("/").rsplit("/", 1)[0]
        per_section[section] = per_section.get(section, 0) + 1
        if per_section[section] <= 3:
            sampled.append(url)
    urls = sampled
    urls += ["/sitemap.xml", "/initiatives/", "/en/initiatives/", "/initiatives/rss/"]
    urls += ["/api/initiatives/", "/en/initiatives/atom/", "/initiatives/how/", "/novyny/rss/"]
    urls += [f"/initiatives/{pk}/" for pk in Initiative.objects.values_list("pk", flat=True)[:5]]
    # Only what is kept: a page with a form (the contact page) is rendered every time.
    return [url for url in urls if client.get(url).get("X-Page-Cache") in ("miss", "hit")]


def test_no_cached_response_is_ever_stale(client, demo):
    """After each kind of change, every cached public URL says what a fresh render says."""
    urls = public_urls(client)
    assert len(urls) > 30
    article = articles()[0]
    organisation = Organisation.objects.filter(locale__language_code="en").first()
    settings_row = LanguageSettings.objects.get(locale__language_code="en")
    index = Page.objects.get(url_path__endswith="/novyny/", locale__language_code="uk")
    initiative = Initiative.objects.filter(state="accepted").first()

    def publish_article():
        article.title = "Оновлена назва"
        article.save_revision().publish()

    def rename_signatory():
        organisation.name = "Renamed partner"
        organisation.save()

    def change_footer():
        settings_row.footer_text = "A new footer"
        settings_row.save()

    def new_article():
        index.add_child(
            instance=NewsPage(title="Свіжа новина", intro="x")
        ).save_revision().publish()

    def initiative_step():
        initiative.perform("start_drafting", head())

    def unpublish_article():
        article.unpublish()

    changes = [
        publish_article,
        rename_signatory,
        change_footer,
        new_article,
        initiative_step,
        unpublish_article,
    ]
    for change in changes:
        for url in urls:  # cache everything as it is now
            client.get(url)
        change()
        stale = []
        for url in urls:
            response = client.get(url)
            # A miss was rendered just now; a hit must say what a fresh render says.
            hit = response["X-Page-Cache"] == "hit"
            if hit and without_render_time(response.content) != fresh(url):
                stale.append(url)
        assert not stale, f"after {change.__name__}: {stale}"


def test_an_entry_survives_other_purges_and_not_its_own(demo):
    started = store.generation()
    assert store.keep("pc:e:test", HttpResponse(b"kept"), {"page:1", "page:2"}, started, 60)
    store.purge_tags({"page:3"})  # the generation moves on: the tags are checked once
    assert store.fetch("pc:e:test").content == b"kept"
    assert store.fetch("pc:e:test").stamp == store.generation()  # …and the entry re-stamped
    store.purge_tags({"page:2"})
    assert store.fetch("pc:e:test") is None


@pytest.fixture
def unreachable_page_cache(settings):
    """The page cache in a Redis that does not answer (nothing listens on port 1)."""
    settings.CACHES = {
        **settings.CACHES,
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
    }
    settings.PAGE_CACHE_ALIAS = "pages"


def test_a_cache_that_does_not_answer_leaves_the_site_working(client, demo, unreachable_page_cache):
    article = articles()[0]
    for _ in range(2):
        response = client.get(article.url)
        assert response.status_code == 200 and "X-Page-Cache" not in response
    article.title = "Опубліковано без кешу"
    article.save_revision().publish()  # the failed purge is logged, publishing goes on
    assert "Опубліковано без кешу" in client.get(article.url).content.decode()


def test_an_entry_of_another_format_is_a_miss(client, demo):
    from django.core.cache import cache
    from django.test import RequestFactory

    key = store.entry_key(RequestFactory().get("/"))
    cache.set(key, ("an entry", "pickled by an older release"), 60)
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
