"""Ukrainian at the root, English under /en/, and never one language at the other's URLs."""

import re

import pytest
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Locale, Page

from cms.models import HomePage, StandardPage
from tests.language_helpers import ukrainian_outside_lang_uk

pytestmark = pytest.mark.django_db

UKRAINIAN_MARKERS = ("Волонтерам", "Координаційний", "Про офіс")


def ukrainian_text_in(html: str) -> list[str]:
    body = html.split("<main", 1)[-1]
    return [marker for marker in UKRAINIAN_MARKERS if marker in body]


def html_lang(html: str) -> str:
    return re.search(r'<html lang="([^"]+)"', html).group(1)


def test_ukrainian_home_is_at_the_root(client, demo):
    response = client.get("/")
    assert response.status_code == 200
    assert html_lang(response.content.decode()) == "uk"
    assert "Координаційний офіс безпеки" in response.content.decode()


def test_english_home_is_under_en(client, demo):
    response = client.get("/en/")
    html = response.content.decode()
    assert response.status_code == 200
    assert html_lang(html) == "en"
    assert "Safety Coordination Office" in html
    assert not ukrainian_text_in(html)


@pytest.mark.parametrize(
    ("url", "target"),
    [
        ("/ua/", "/"),
        ("/ua", "/"),
        ("/ua/pro-ofis/", "/pro-ofis/"),
        ("/uk/pro-ofis/", "/pro-ofis/"),
        ("/ua/pro-ofis/?a=1", "/pro-ofis/?a=1"),
    ],
)
def test_ua_and_uk_prefixes_redirect_to_the_unprefixed_ukrainian_url(client, demo, url, target):
    response = client.get(url)
    assert response.status_code == 301
    assert response["Location"] == target
    assert client.get(target).status_code == 200


def test_untranslated_page_is_not_served_under_en(client, demo):
    response = client.get("/en/volonteram/")
    assert response.status_code == 404
    assert "Волонтерам" not in response.content.decode()


def test_without_an_english_tree_en_urls_show_a_notice_not_ukrainian_pages(client, demo):
    english_home = HomePage.objects.get(locale__language_code="en")
    english_home.get_descendants(inclusive=True).unpublish()
    Redirect.objects.all().delete()  # a site without English has no redirects to English slugs
    for url in ("/en/", "/en/pro-ofis/", "/en/volonteram/"):
        response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 404, url
        assert html_lang(html) == "en"
        assert "Not translated yet" in html
        # The notice links to the Ukrainian page: never a dead end.
        assert 'href="/' in html
        body = html.split("<main", 1)[-1].split("</main>")[0]
        # Only the linked title may be Ukrainian, and only inside the link.
        assert body.count('lang="uk"') == 1


def test_english_aliases_of_ukrainian_pages_never_serve_ukrainian(client, demo):
    """wagtail-localize's "sync from" makes such aliases; they must not leak Ukrainian text."""
    ukrainian_only = StandardPage.objects.get(slug="volonteram")
    english = Locale.objects.get(language_code="en")
    alias = ukrainian_only.copy_for_translation(english, copy_parents=True, alias=True)
    assert alias.live
    response = client.get(alias.url)
    assert response.status_code == 302
    assert response["Location"] == f"/en/?untranslated={ukrainian_only.pk}"
    landing = client.get(response["Location"]).content.decode()
    assert "The page you asked for is not translated yet" in landing
    assert 'href="/volonteram/"' in landing


def test_locale_sync_option_is_not_offered():
    from wagtail_localize.locales.components import get_locale_components

    names = [component["model"].__name__ for component in get_locale_components()]
    assert "LocaleSynchronization" not in names


def test_translating_a_live_page_does_not_publish_the_copy(
    demo, admin_user, django_capture_on_commit_callbacks
):
    """With the default live-status sync the Ukrainian copy would go live at an English URL."""
    from wagtail_localize.operations import translate_object

    ukrainian_only = StandardPage.objects.get(slug="volonteram")
    english_locale = Locale.objects.get(language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        translate_object(
            ukrainian_only, [english_locale], user=admin_user
        )  # the admin's "Translate"
    english = ukrainian_only.get_translation(english_locale)
    assert not english.live
    assert english.first_published_at is None  # never published, not even for a moment


def test_every_page_reachable_from_both_homes(client, demo):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert html_lang(response.content.decode()) == page.locale.language_code


@pytest.mark.parametrize(
    ("url", "lang", "title"),
    [("/nemaie/", "uk", "Сторінку не знайдено"), ("/en/missing/", "en", "Page not found")],
)
def test_not_found_page_speaks_the_language_of_its_address(client, demo, url, lang, title):
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 404
    assert html_lang(html) == lang
    assert title in html
    # The switcher leads to the other language's home page, not to another missing address.
    other = "/en/" if lang == "uk" else "/"
    assert f'<a href="{other}" hreflang="{"en" if lang == "uk" else "uk"}"' in html


def test_incomplete_translation_cannot_go_live_but_a_complete_one_can(
    client, demo, admin_user, django_capture_on_commit_callbacks
):
    """wagtail-localize fills untranslated segments with the Ukrainian source text."""
    from wagtail_localize.models import StringSegment, StringTranslation, Translation
    from wagtail_localize.operations import translate_object

    ukrainian_only = StandardPage.objects.get(slug="volonteram")
    english_locale = Locale.objects.get(language_code="en")
    translate_object(ukrainian_only, [english_locale], user=admin_user)
    translation = Translation.objects.get(
        source__object_id=ukrainian_only.translation_key, target_locale=english_locale
    )
    segments = list(StringSegment.objects.filter(source=translation.source))
    first, rest = segments[0], segments[1:]
    StringTranslation.objects.create(
        translation_of=first.string,
        locale=english_locale,
        context=first.context,
        data="Memorandum",
    )
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(user=admin_user, publish=True)  # the editor's "Publish"
    english = ukrainian_only.get_translation(english_locale)
    assert english.live_revision is None
    assert not english.live
    assert client.get("/en/volonteram/").status_code == 404

    for segment in rest:
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=english_locale,
            context=segment.context,
            data=f"English text {segment.pk}",
        )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=admin_user, publish=True)
    english.refresh_from_db()
    assert english.live
    response = client.get(english.url)
    assert response.status_code == 200
    assert not ukrainian_text_in(response.content.decode())


def english_addresses() -> list[str]:
    from cms.models import EventIndexPage
    from workflows.models import Initiative

    pages = [p.url for p in Page.objects.live().filter(locale__language_code="en", depth__gt=1)]
    public = Initiative.objects.exclude(state__in=Initiative.PRIVATE)
    events = EventIndexPage.objects.live().get(locale__language_code="en")
    return [
        *pages,
        f"{events.url}past/",
        "/en/initiatives/",
        "/en/initiatives/how/",
        "/en/initiatives/propose/",
        "/en/cameras/",
        *(f"/en/initiatives/{item.pk}/" for item in public),
    ]


def test_english_pages_mark_every_ukrainian_text_as_ukrainian(client, demo):
    """Where no English exists the Ukrainian may show, but inside ``lang="uk"``."""
    from cms.models import PriorityAreaPage
    from workflows.engine import TransitionLog
    from workflows.models import Initiative

    item = Initiative.objects.exclude(state__in=Initiative.PRIVATE).exclude(area=None).first()
    # An area without an English page, and history, body and place known only in Ukrainian.
    PriorityAreaPage.objects.get(
        locale__language_code="en", translation_key=item.area.translation_key
    ).unpublish()
    Initiative.objects.filter(pk=item.pk).update(
        title_en="",
        summary_en="",
        problem_en="",
        responsible_body="Виконавчий комітет",
        location="вул. Центральна",
        state="in_implementation",
    )
    TransitionLog.record(
        item,
        transition="x",
        source="adopted",
        target="in_implementation",
        comment_uk="Роботи почалися",
    )
    flagged = {}
    for url in english_addresses():
        response = client.get(url)
        assert response.status_code == 200, url
        if found := ukrainian_outside_lang_uk(response.content.decode()):
            flagged[url] = found
    assert flagged == {}
