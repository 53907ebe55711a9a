"""Admin searches find Cyrillic words whatever their case, on SQLite as on PostgreSQL.

SQLite's own ``LIKE`` folds only ASCII letters, so a listing searched through the ORM (users,
cameras, initiatives) found "Тарас" for "Тар" but nothing for "тар"; the snippet listings
searched a column their index does not have and failed outright.
"""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.search.backends import get_search_backend

from tests.factories.cms import NewsIndexPageFactory, NewsPageFactory, OrganisationFactory
from tests.two_factor_helpers import verified_login

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser_client(client):
    user = get_user_model().objects.create_superuser("search-admin", "sa@example.org", "x")
    verified_login(client, user)
    return client


@pytest.fixture
def editor_client(client):
    user = get_user_model().objects.create_user("search-editor", "se@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


@pytest.mark.parametrize("query", ["автостанц", "Автостанц", "АВТОСТАНЦ"])
def test_camera_listing_finds_a_cyrillic_name_in_any_case(superuser_client, query):
    from cctv_bridge.models import Camera

    camera = Camera(code="bus-01", name_uk="Автостанція, перон", name_en="Bus station")
    camera.stream_url = "http://127.0.0.1:9/snapshot.jpg"
    camera.save()
    response = superuser_client.get("/admin/cameras/", {"q": query})
    assert response.status_code == 200
    assert "Автостанція, перон" in response.content.decode()


def test_orm_case_insensitive_lookups_fold_cyrillic():
    get_user_model().objects.create_user("coordinator", "c@example.org", "x", last_name="Ґонта")
    users = get_user_model().objects
    assert users.filter(last_name__icontains="ґон").exists()
    assert users.filter(last_name__iexact="ҐОНТА").exists()
    assert users.filter(last_name__istartswith="ґ").exists()
    # The escape of LIKE's wildcards still holds: a literal "%" matches only itself.
    assert not users.filter(last_name__icontains="%").exists()


@pytest.mark.parametrize("query", ["тата", "Тата"])
def test_page_search_finds_the_same_page_in_either_case(editor_client, home, query):
    page = NewsPageFactory(
        parent=NewsIndexPageFactory(parent=home),
        title="Навчальний візит татарбунарських поліцейських",
    )
    get_search_backend().add(page)  # what the index job does after the commit
    response = editor_client.get("/admin/pages/search/", {"q": query})
    assert response.status_code == 200
    assert f"/admin/pages/{page.pk}/edit/" in response.content.decode()


@pytest.mark.parametrize("query", ["пробац", "Пробац"])
def test_snippet_listing_searches_in_either_case(editor_client, query):
    organisation = OrganisationFactory(name="Відділ пробації")
    get_search_backend().add(organisation)
    response = editor_client.get("/admin/snippets/cms/organisation/", {"q": query})
    assert response.status_code == 200
    assert organisation.name in response.content.decode()
