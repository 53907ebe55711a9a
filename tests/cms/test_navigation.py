"""Residents find their way: the header's main menu leads to the tracker, the proposal form and
the camera status on every page, Wagtail's or not, in both languages, and marks where they are."""

from __future__ import annotations

import re

import pytest

from cms.models import ContactPage, NewsPage
from workflows.public import public_initiatives

pytestmark = pytest.mark.django_db

SECTIONS = {
    "uk": {
        "/initiatives/": "Ініціативи",
        "/initiatives/propose/": "Запропонувати ініціативу",
        "/cameras/": "Камери",
    },
    "en": {
        "/en/initiatives/": "Initiatives",
        "/en/initiatives/propose/": "Propose an initiative",
        "/en/cameras/": "Cameras",
    },
}


def main_menu(html: str) -> str:
    header = html.split("<header", 1)[1].split("</header>", 1)[0]
    return header.split('class="site-nav"', 1)[1].split("</nav>", 1)[0]


def menu_links(html: str) -> dict[str, tuple[str, str | None]]:
    """href → (label, aria-current) of the main menu's links."""
    found = {}
    for attributes, label in re.findall(r"<a ([^>]*)>([^<]*)</a>", main_menu(html)):
        href = re.search(r'href="([^"]*)"', attributes).group(1)
        current = re.search(r'aria-current="([^"]*)"', attributes)
        found[href] = (label.strip(), current.group(1) if current else None)
    return found


def public_pages(lang: str) -> list[str]:
    prefix = "" if lang == "uk" else "/en"
    article = NewsPage.objects.live().filter(locale__language_code=lang).first()
    initiative = public_initiatives().first()
    return [
        f"{prefix}/",
        article.url,
        ContactPage.objects.get(locale__language_code=lang).url,
        f"{prefix}/search/?q=bezpeka",
        f"{prefix}/initiatives/",
        f"{prefix}/initiatives/how/",
        f"{prefix}/initiatives/propose/",
        f"{prefix}/initiatives/{initiative.pk}/",
        f"{prefix}/cameras/",
    ]


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_every_page_menu_leads_to_tracker_proposals_and_cameras(client, demo, lang):
    for url in public_pages(lang):
        response = client.get(url)
        assert response.status_code == 200, url
        links = menu_links(response.content.decode())
        for href, label in SECTIONS[lang].items():
            assert href in links, f"{url}: no {href} in the main menu"
            assert links[href][0] == label, url


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_menu_marks_the_section_the_visitor_is_in(client, demo, lang):
    prefix = "" if lang == "uk" else "/en"
    links = menu_links(client.get(f"{prefix}/initiatives/propose/").content.decode())
    assert links[f"{prefix}/initiatives/propose/"][1] == "page"
    assert links[f"{prefix}/initiatives/"][1] == "true"  # the tracker is the section around it
    assert links[f"{prefix}/cameras/"][1] is None

    article = NewsPage.objects.live().filter(locale__language_code=lang).first()
    links = menu_links(client.get(article.url).content.decode())
    news_index = article.get_parent().url
    assert links[news_index][1] == "true"
    assert [href for href, (_label, current) in links.items() if current] == [news_index]


def test_the_home_page_is_not_marked_as_every_page_s_section(client, demo):
    links = menu_links(client.get("/cameras/").content.decode())
    assert [href for href, (_label, current) in links.items() if current] == ["/cameras/"]
