"""The switcher leads to the same page in the other language, or to the nearest one with a notice;
hreflang alternates are reciprocal; the sitemap lists both trees with their alternates."""

import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Locale, Page

from cms.models import StandardPage

pytestmark = pytest.mark.django_db


def switcher_links(html: str) -> dict[str, str]:
    nav = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    return {code: href for href, code in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)}


def hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)"', html))


def test_switcher_goes_to_the_same_page_in_english_and_back(client, demo):
    html = client.get("/pro-ofis/").content.decode()
    assert switcher_links(html) == {"en": "/en/about-the-office/"}
    back = client.get("/en/about-the-office/").content.decode()
    assert switcher_links(back) == {"uk": "/pro-ofis/"}


def test_switcher_on_untranslated_page_goes_to_nearest_translated_ancestor(client, demo):
    ukrainian_only = StandardPage.objects.get(slug="volonteram")
    html = client.get("/volonteram/").content.decode()
    target = switcher_links(html)["en"]
    assert target == f"/en/?untranslated={ukrainian_only.pk}"
    landing = client.get(target)
    assert landing.status_code == 200
    text = landing.content.decode()
    assert "not translated yet; it exists only in Ukrainian" in text
    assert '<a href="/volonteram/" hreflang="uk" lang="uk">Волонтерам</a>' in text


def test_nested_untranslated_page_falls_back_to_its_translated_parent(client, demo):
    about = StandardPage.objects.get(slug="pro-ofis")
    child = about.add_child(instance=StandardPage(title="Історія офісу"))
    child.save_revision().publish()
    html = client.get(child.url).content.decode()
    assert switcher_links(html)["en"] == f"/en/about-the-office/?untranslated={child.pk}"


def test_notice_ignores_unpublished_or_bogus_pages(client, demo):
    ukrainian_only = StandardPage.objects.get(slug="volonteram")
    ukrainian_only.unpublish()
    for value in (str(ukrainian_only.pk), "abc", "999999"):
        html = client.get(f"/en/?untranslated={value}").content.decode()
        assert "notice--untranslated" not in html
        assert "Волонтерам" not in html


def test_hreflang_alternates_are_reciprocal_with_x_default(client, demo):
    uk_html = client.get("/pro-ofis/").content.decode()
    en_html = client.get("/en/about-the-office/").content.decode()
    expected = {
        "uk": "http://testserver/pro-ofis/",
        "en": "http://testserver/en/about-the-office/",
        "x-default": "http://testserver/pro-ofis/",
    }
    assert hreflangs(uk_html) == expected
    assert hreflangs(en_html) == expected


def test_untranslated_page_lists_only_itself(client, demo):
    html = client.get("/volonteram/").content.decode()
    assert hreflangs(html) == {
        "uk": "http://testserver/volonteram/",
        "x-default": "http://testserver/volonteram/",
    }


def test_every_live_page_has_reciprocal_hreflang(client, demo):
    pages = {p.get_full_url(): p for p in Page.objects.live().filter(depth__gt=1)}
    declared = {url: hreflangs(client.get(p.url).content.decode()) for url, p in pages.items()}
    for url, alternates in declared.items():
        assert alternates[pages[url].locale.language_code] == url  # self-reference
        for code, other in alternates.items():
            if code != "x-default":
                assert declared[other].get(pages[url].locale.language_code) == url


def test_sitemap_covers_both_trees_with_alternates(client, demo):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(response.content)
    entries = {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }
    live = {p.get_full_url() for p in Page.objects.live().filter(depth__gt=1)}
    assert live <= set(entries)
    # The rest are views outside Wagtail, each listed with its other language.
    assert all(entries[url] for url in set(entries) - live)
    assert set(entries) >= {
        "http://testserver/",
        "http://testserver/pro-ofis/",
        "http://testserver/volonteram/",
        "http://testserver/en/",
        "http://testserver/en/about-the-office/",
    }
    assert entries["http://testserver/en/about-the-office/"] == {
        "uk": "http://testserver/pro-ofis/",
        "en": "http://testserver/en/about-the-office/",
        "x-default": "http://testserver/pro-ofis/",
    }
    assert entries["http://testserver/volonteram/"] == {}


def sitemap_entries(client) -> dict[str, dict[str, str]]:
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.fromstring(client.get("/sitemap.xml").content)
    return {
        url.find("s:loc", ns).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", ns)
        }
        for url in root.findall("s:url", ns)
    }


def initiative_path() -> str:
    from workflows.models import Initiative

    public = Initiative.objects.exclude(state__in=Initiative.PRIVATE).order_by("pk").first()
    return f"/initiatives/{public.pk}/"


@pytest.mark.parametrize(
    "path",
    ["/initiatives/", "/initiatives/how/", "/initiatives/propose/", "/cameras/", "initiative"],
)
def test_views_outside_wagtail_declare_reciprocal_hreflang(client, demo, path):
    path = initiative_path() if path == "initiative" else path
    expected = {
        "uk": f"http://testserver{path}",
        "en": f"http://testserver/en{path}",
        "x-default": f"http://testserver{path}",
    }
    assert hreflangs(client.get(path).content.decode()) == expected
    assert hreflangs(client.get(f"/en{path}").content.decode()) == expected


def test_a_filtered_list_declares_the_list_itself_as_its_alternates(client, demo):
    html = client.get("/en/initiatives/", {"state": "adopted"}).content.decode()
    assert hreflangs(html)["uk"] == "http://testserver/initiatives/"


def test_routable_sub_routes_pair_with_the_same_route_in_the_other_language(client, demo):
    from cms.models import EventIndexPage

    events = {p.locale.language_code: p.url for p in EventIndexPage.objects.live()}
    uk_past, en_past = f"{events['uk']}past/", f"{events['en']}past/"
    expected = {
        "uk": f"http://testserver{uk_past}",
        "en": f"http://testserver{en_past}",
        "x-default": f"http://testserver{uk_past}",
    }
    assert hreflangs(client.get(uk_past).content.decode()) == expected
    assert hreflangs(client.get(en_past).content.decode()) == expected


def test_sitemap_lists_the_tracker_and_camera_status_in_both_languages(client, demo):
    entries = sitemap_entries(client)
    for path in ("/initiatives/", "/initiatives/how/", "/initiatives/propose/", "/cameras/"):
        expected = {
            "uk": f"http://testserver{path}",
            "en": f"http://testserver/en{path}",
            "x-default": f"http://testserver{path}",
        }
        assert entries[f"http://testserver{path}"] == expected
        assert entries[f"http://testserver/en{path}"] == expected
    path = initiative_path()
    assert entries[f"http://testserver/en{path}"]["uk"] == f"http://testserver{path}"


def test_a_translated_article_links_the_area_page_in_its_own_language(client, demo):
    from cms.models import NewsPage

    article = NewsPage.objects.live().filter(locale__language_code="en").exclude(area=None).first()
    english_area = article.area
    ukrainian_area = english_area.get_translation(Locale.objects.get(language_code="uk"))
    # A translation made by copying keeps the Ukrainian area it was copied with.
    NewsPage.objects.filter(pk=article.pk).update(area=ukrainian_area)
    html = client.get(article.url).content.decode()
    assert f'<a href="{english_area.url}">{english_area.title}</a>' in html
    assert f'href="{ukrainian_area.url}"' not in html
    assert article.title in client.get(english_area.url).content.decode()


def test_a_cached_sitemap_gains_a_newly_public_initiative(client, demo):
    from workflows.models import Initiative

    assert client.get("/sitemap.xml")["X-Page-Cache"] == "miss"
    item = Initiative.objects.create(title_uk="Нова ініціатива", state="accepted")
    assert f"http://testserver/en/initiatives/{item.pk}/" in sitemap_entries(client)


def test_a_missing_initiative_declares_no_alternates(client, demo):
    response = client.get("/en/initiatives/999999/")
    assert response.status_code == 404
    assert hreflangs(response.content.decode()) == {}


def test_a_translated_article_names_its_authors_in_its_own_language(client, demo):
    from cms.models import NewsPage, NewsPageAuthor, Person

    article = NewsPage.objects.live().filter(locale__language_code="en").first()
    uk = Locale.objects.get(language_code="uk")
    translated = Person.objects.create(name="Олена Коваль", group="leadership", locale=uk)
    english = translated.copy_for_translation(Locale.objects.get(language_code="en"))
    english.name = "Olena Koval"
    english.save()
    untranslated = Person.objects.create(name="Іван Петренко", group="leadership", locale=uk)
    for person in (translated, untranslated):  # as copied from the Ukrainian article
        NewsPageAuthor.objects.create(news_page=article, person=person)
    html = client.get(article.url).content.decode()
    assert "Olena Koval" in html and "Олена Коваль" not in html
    assert '<span lang="uk">Іван Петренко</span>' in html


def test_a_ukrainian_tag_on_an_english_article_is_marked_ukrainian(client, demo):
    from cms.models import NewsPage

    article = NewsPage.objects.live().filter(locale__language_code="en").first()
    article.tags.add("безпека")
    article.save_revision().publish()
    html = client.get(article.url).content.decode()
    assert re.search(r'<a href="[^"]+\?tag=[^"]+" lang="uk">#безпека</a>', html)
    slug = article.tags.get(name="безпека").slug
    index = client.get(article.get_parent().url, {"tag": slug}).content.decode()
    assert '<span lang="uk">#безпека</span>' in index
