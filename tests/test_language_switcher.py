"""The switcher leads to the same page in the other language, or to the nearest one with a notice;
hreflang alternates are reciprocal; the sitemap lists both trees with their alternates."""

import re
import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

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
    assert set(entries) == live
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
