"""Kept page content for visitors with a session (cms.page_cache.fragments): reused while
nothing it shows has changed, never for forms, signed-in users or unknown parameters."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.models import LanguageSettings, NewsPage
from tests.cms.test_page_cache import articles, fresh, public_urls, without_render_time

pytestmark = pytest.mark.django_db


def visitor() -> Client:
    """An anonymous visitor whose browser sends a session cookie (never a whole cached page)."""
    client = Client()
    client.cookies["sessionid"] = "a-visitor-session"
    return client


def queries_and_content(client: Client, url: str) -> tuple[int, bytes]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    assert "X-Page-Cache" not in response  # the whole-page cache is not involved
    return len(queries), without_render_time(response.content)


@pytest.mark.parametrize("url", ["/", "/en/", "/novyny/", "/podii/", "/initiatives/"])
def test_a_visitor_with_a_session_gets_the_kept_content(demo, url):
    client = visitor()
    first, content = queries_and_content(client, url)
    again, same = queries_and_content(client, url)
    assert again < first
    assert same == content == fresh(url)


def test_an_edit_shows_at_once_to_visitors_with_a_session(demo):
    article = articles()[0]
    index = article.get_parent()
    client = visitor()
    for url in (article.url, index.url, "/"):
        queries_and_content(client, url)
    article.title = "Нова назва статті для перевірки"
    article.save_revision().publish()
    for url in (article.url, index.url, "/"):
        assert "Нова назва статті для перевірки" in client.get(url).content.decode(), url


def test_no_kept_content_is_ever_stale(client, demo):
    """After each kind of change, every page a visitor with a session gets says what a render
    without any kept content says."""
    urls = public_urls(client)
    article = articles()[0]
    settings_row = LanguageSettings.objects.get(locale__language_code="uk")
    index = article.get_parent()

    def publish_article():
        article.title = "Оновлена назва"
        article.save_revision().publish()

    def change_footer():
        settings_row.footer_text = "Новий підвал"
        settings_row.save()

    def new_article():
        page = index.add_child(instance=NewsPage(title="Свіжа новина", intro="x"))
        page.save_revision().publish()

    def unpublish_article():
        article.unpublish()

    session = visitor()
    for change in (publish_article, change_footer, new_article, unpublish_article):
        for url in urls:
            session.get(url)
        change()
        stale = [
            url
            for url in urls
            if (response := session.get(url)).status_code == 200
            and without_render_time(response.content) != fresh(url)
        ]
        assert not stale, f"after {change.__name__}: {stale}"


@pytest.mark.parametrize("url", ["/kontakty/", "/initiatives/propose/"])
def test_a_form_is_rendered_for_each_visitor(demo, url):
    """A form carries the visitor's own CSRF token: its page's content is never kept."""
    visitor().get(url)  # warm: content types, locales
    first, _ = queries_and_content(visitor(), url)
    again, _ = queries_and_content(visitor(), url)
    assert again == first
    tokens = {
        visitor().get(url).content.decode().split('name="csrfmiddlewaretoken" value="')[1][:20]
        for _ in range(2)
    }
    assert len(tokens) == 2


def test_unknown_parameters_are_rendered_every_time(demo):
    visitor().get("/novyny/?utm_source=x")
    first, _ = queries_and_content(visitor(), "/novyny/?utm_source=x")
    again, _ = queries_and_content(visitor(), "/novyny/?utm_source=x")
    assert again == first


def test_signed_in_users_neither_reuse_nor_leave_content(demo):
    article = articles()[0]
    queries_and_content(visitor(), article.url)  # kept for visitors
    # A change that sends no signal stays invisible to the kept content, not to an editor…
    NewsPage.objects.filter(pk=article.pk).update(title="Заголовок з бази")
    editor = get_user_model().objects.create_user("editor-fragments", password="x", is_staff=True)
    staff = Client()
    staff.force_login(editor)
    assert "Заголовок з бази" in staff.get(article.url).content.decode()
    # …and what the editor was shown was not kept for visitors.
    main = visitor().get(article.url).content.decode().split("<main", 1)[1]
    assert "Заголовок з бази" not in main
