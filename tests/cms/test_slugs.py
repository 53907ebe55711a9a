"""Pages get official Latin slugs whether created in the admin, in code or by an import."""

import pytest
from django.urls import reverse

from cms.models import StandardPage
from tests.two_factor_helpers import verified_login

pytestmark = pytest.mark.django_db


def test_page_created_in_code_gets_transliterated_slug(home):
    page = home.add_child(instance=StandardPage(title="Згода та Єднання"))
    assert page.slug == "zghoda-ta-yednannia"


def test_duplicate_titles_get_numbered_slugs(home):
    first = home.add_child(instance=StandardPage(title="Поліція громади"))
    second = home.add_child(instance=StandardPage(title="Поліція громади"))
    assert (first.slug, second.slug) == ("politsiia-hromady", "politsiia-hromady-2")


def test_explicit_latin_slug_is_kept(home):
    page = home.add_child(instance=StandardPage(title="Поліція громади", slug="police"))
    assert page.slug == "police"


def test_admin_create_form_turns_cyrillic_slug_into_latin(client, home, admin_user):
    verified_login(client, admin_user)
    url = reverse("wagtailadmin_pages:add", args=("cms", "standardpage", home.pk))
    response = client.post(
        url,
        {
            "title": "Кава з поліцейським",
            "slug": "кава-з-поліцейським",
            "intro": "",
            "body-count": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = StandardPage.objects.get(title="Кава з поліцейським")
    assert page.slug == "kava-z-politseiskym"


def test_editor_endpoint_transliterates_for_staff_only(client, admin_user):
    response = client.get("/admin/transliterate-slug/", {"text": "Згорани Єнакієве"})
    assert response.status_code == 302  # to the login page
    verified_login(client, admin_user)
    response = client.get("/admin/transliterate-slug/", {"text": "Згорани Єнакієве"})
    assert response.json() == {"slug": "zghorany-yenakiieve"}


def test_page_editor_loads_the_slug_script(client, home, admin_user):
    verified_login(client, admin_user)
    html = client.get(reverse("wagtailadmin_pages:add", args=("cms", "standardpage", home.pk)))
    assert 'js/admin/slug-transliteration.js" data-url="/admin/transliterate-slug/"' in (
        html.content.decode()
    )
