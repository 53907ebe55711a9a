"""Search: published pages in the visitor's language; apostrophes; Ukrainian word forms on
PostgreSQL with the hunspell-uk dictionary."""

import os

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.search.backends import get_search_backend

from cms.models import HomePage, StandardPage
from cms.search import apostrophe_words, normalise_query

pytestmark = pytest.mark.django_db


def add_page(title: str, intro: str = "", lang: str = "uk", live: bool = True) -> StandardPage:
    home = HomePage.objects.get(locale__language_code=lang)
    page = home.add_child(instance=StandardPage(title=title, intro=intro, live=live))
    page.save_revision()
    if live:
        page.latest_revision.publish()
    get_search_backend().add(page)  # what the index job does after the commit
    return page


def found(client, query: str, lang: str = "uk") -> list[str]:
    prefix = "" if lang == "uk" else "/en"
    response = client.get(f"{prefix}/search/", {"q": query})
    assert response.status_code == 200
    results = response.context["search_results"]
    return [page.title for page in results] if results is not None else []


def test_apostrophe_words_are_indexed_without_the_apostrophe():
    assert (
        apostrophe_words("<p>М’ясо, п'ять і сімʼя; rock'n'roll</p>") == "Мясо пять сімя rocknroll"
    )
    assert normalise_query("  м'ясо   сім’я ") == "мясо сімя"
    assert normalise_query("x" * 10_000) == "x" * 200


@pytest.mark.parametrize("variant", ["м'ясо", "м’ясо", "мʼясо", "мясо"])
def test_every_apostrophe_variant_finds_the_others(client, demo, variant):
    add_page("Безпечне м’ясо на ринку", "Перевірка продуктів")
    add_page("Сімʼя та безпека", "Розмова з батьками")
    assert found(client, variant) == ["Безпечне м’ясо на ринку"]
    assert found(client, "сім'я") == ["Сімʼя та безпека"]


def test_search_keeps_to_the_visitors_language_and_to_published_pages(client, demo):
    add_page("Рятувальники на пляжі", "Чергування ДСНС")
    add_page("Рятувальники у школі", "Чернетка", live=False)
    add_page("Rescuers on the beach", "Duty of the emergency service", lang="en")
    assert found(client, "Рятувальники") == ["Рятувальники на пляжі"]
    assert found(client, "Рятувальники", "en") == []
    assert found(client, "rescuers", "en") == ["Rescuers on the beach"]


@pytest.mark.parametrize(
    "query",
    [
        {"q": "x" * 10_000},
        {"q": "безпека", "page": "abc"},
        {"q": "безпека", "page": "999999"},
        {"q": ""},
        {},
    ],
)
def test_odd_search_queries_get_a_normal_page(client, demo, query):
    response = client.get("/search/", query)
    assert response.status_code == 200


def test_search_page_is_not_indexed_by_robots_and_says_how_many(client, demo):
    add_page("Патрулювання вулиць", "Вечірні рейди")
    html = client.get("/search/", {"q": "Патрулювання"}).content.decode()
    assert '<meta name="robots" content="noindex">' in html
    assert "Знайдено 1 сторінку" in html


@pytest.mark.skipif(
    connection.vendor != "postgresql" and os.environ.get("REQUIRE_SERVICES") != "1",
    reason="Ukrainian word forms need PostgreSQL (the .ci/run service pass).",
)
def test_ukrainian_word_forms_find_each_other_on_postgresql(client, demo):
    from cms.search_config import uses_hunspell

    assert connection.vendor == "postgresql", "the service run must use PostgreSQL"
    assert uses_hunspell(connection), "install hunspell-uk, then run `manage.py setup_search`"
    add_page("Зустріч з поліцейським", "Розмова на площі")
    add_page("Навчання рятувальників", "Заняття на воді")
    assert found(client, "поліцейський") == ["Зустріч з поліцейським"]
    assert found(client, "рятувальники") == ["Навчання рятувальників"]
    assert found(client, "рятувальник") == ["Навчання рятувальників"]


def test_search_queries_do_not_grow_with_results(client, demo):
    def count():
        client.get("/search/", {"q": "безпека"})
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/search/", {"q": "безпека"}).status_code == 200
        return len(queries)

    add_page("Безпека на воді", "Пляж")
    before = count()
    for number in range(15):
        add_page(f"Безпека {number}", "Ще одна сторінка")
    assert count() == before
