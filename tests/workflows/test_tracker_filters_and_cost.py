"""The tracker's filter choices and card areas in each language, what purges them from the
page cache, and what the tracker pages cost in queries as initiatives grow."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cms.models import Organisation, PriorityAreaPage
from workflows.models import Initiative

pytestmark = pytest.mark.django_db


def nav(html: str, label: str) -> str:
    """The filter navigation with this aria-label."""
    return html.split(f'aria-label="{label}"', 1)[1].split("</nav>", 1)[0]


def area_links(html: str, label: str) -> list[tuple[str, str, str]]:
    """(query value, lang attribute or "", text) of each link in a filter navigation."""
    return re.findall(
        r'<a href="\?\w+=([^"]+)"(?: aria-current="true")?(?: lang="(\w+)")?>([^<]+)</a>',
        nav(html, label),
    )


def public_with_area() -> Initiative:
    return Initiative.objects.exclude(state__in=Initiative.PRIVATE).exclude(area=None).first()


def in_language(obj, language: str):
    return type(obj).objects.get(
        locale__language_code=language, translation_key=obj.translation_key
    )


@pytest.mark.parametrize(
    ("lang", "areas_label", "authorities_label"),
    [
        ("uk", "Пріоритетні напрями", "Відповідальні органи влади"),
        ("en", "Priority areas", "Responsible authorities"),
    ],
)
def test_the_filters_name_areas_and_authorities_in_the_visitors_language(
    client, demo, lang, areas_label, authorities_label
):
    prefix = "" if lang == "uk" else "/en"
    html = client.get(f"{prefix}/initiatives/").content.decode()
    public = Initiative.objects.exclude(state__in=Initiative.PRIVATE)
    used_areas = (
        PriorityAreaPage.objects.filter(pk__in=public.values("area")).live().order_by("path")
    )
    expected = [in_language(area, lang) for area in used_areas]
    assert area_links(html, areas_label) == [(area.slug, "", area.title) for area in expected]
    used = Organisation.objects.filter(pk__in=public.values("responsible_authority")).order_by(
        "name"
    )
    authorities = [in_language(organisation, lang) for organisation in used]
    assert len(authorities) >= 2
    assert area_links(html, authorities_label) == [(str(o.pk), "", o.name) for o in authorities]


def test_an_area_or_authority_without_english_is_shown_in_ukrainian_and_marked(client, demo):
    item = public_with_area()
    area = item.area
    in_language(area, "en").unpublish()
    authority = Organisation.objects.filter(
        locale__language_code="uk", pk__in=Initiative.objects.values("responsible_authority")
    ).first()
    in_language(authority, "en").delete()
    Initiative.objects.filter(pk=item.pk).update(responsible_authority=authority)

    html = client.get("/en/initiatives/").content.decode()
    areas = area_links(html, "Priority areas")
    assert (area.slug, "uk", area.title) in areas
    assert all(lang == "" for slug, lang, _title in areas if slug != area.slug)
    assert (str(authority.pk), "uk", authority.name) in area_links(html, "Responsible authorities")
    card = html.split(f'href="/en/initiatives/{item.pk}/"', 1)[1].split("</article>", 1)[0]
    assert f'<span lang="uk">{area.title}</span>' in card
    # The Ukrainian slug is a filter of the English tracker too.
    response = client.get("/en/initiatives/", {"area": area.slug})
    assert response.status_code == 200
    assert item in response.context["initiatives"].object_list


def test_an_unpublished_area_names_its_initiatives_but_is_no_filter(client, demo):
    item = public_with_area()
    for area in PriorityAreaPage.objects.filter(translation_key=item.area.translation_key):
        area.unpublish()
    html = client.get("/initiatives/").content.decode()
    assert item.area.slug not in nav(html, "Пріоритетні напрями")
    card = html.split(f'href="/initiatives/{item.pk}/"', 1)[1].split("</article>", 1)[0]
    assert item.area.title in card


def test_a_new_english_area_title_purges_the_english_tracker(client, demo):
    english = in_language(public_with_area().area, "en")
    for url in ("/en/initiatives/", "/initiatives/"):
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    english.title = "Renamed area"
    english.save_revision().publish()
    response = client.get("/en/initiatives/")
    assert response["X-Page-Cache"] == "miss"
    assert "Renamed area" in nav(response.content.decode(), "Priority areas")


def test_a_ukrainian_area_shown_on_the_english_tracker_purges_it(client, demo):
    area = public_with_area().area
    in_language(area, "en").unpublish()
    client.get("/en/initiatives/")
    assert client.get("/en/initiatives/")["X-Page-Cache"] == "hit"
    area.title = "Перейменований напрям"
    area.save_revision().publish()
    response = client.get("/en/initiatives/")
    assert response["X-Page-Cache"] == "miss"
    assert "Перейменований напрям" in response.content.decode()


def test_a_renamed_authority_purges_the_tracker(client, demo):
    authority = Organisation.objects.get(
        pk=Initiative.objects.exclude(state__in=Initiative.PRIVATE)
        .exclude(responsible_authority=None)
        .values_list("responsible_authority", flat=True)
        .first()
    )
    client.get("/initiatives/")
    assert client.get("/initiatives/")["X-Page-Cache"] == "hit"
    authority.name = "Перейменований орган"
    authority.save()
    response = client.get("/initiatives/")
    assert response["X-Page-Cache"] == "miss"
    assert "Перейменований орган" in nav(response.content.decode(), "Відповідальні органи влади")


def queries(client: Client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200, url
    return len(captured)


def add_initiatives(count: int) -> None:
    """``count`` public initiatives spread over every area, authority and public state."""
    areas = [*PriorityAreaPage.objects.filter(locale__language_code="uk"), None]
    authorities = [*Organisation.objects.all(), None]
    states = [state.value for state in Initiative.STATES if state.public]
    Initiative.objects.bulk_create(
        Initiative(
            title_uk=f"Ініціатива {n}",
            title_en=f"Initiative {n}" if n % 2 else "",
            summary_uk="Коротко.",
            state=states[n % len(states)],
            area=areas[n % len(areas)],
            responsible_authority=authorities[n % len(authorities)],
        )
        for n in range(count)
    )


def test_tracker_pages_cost_the_same_queries_at_two_sizes(client, demo, no_page_cache):
    item = public_with_area()
    urls = [
        "/initiatives/",
        "/en/initiatives/",
        "/initiatives/?page=2",
        "/en/initiatives/?state=accepted",
        f"/en/initiatives/?area={item.area.slug}",
        f"/en/initiatives/{item.pk}/",
        f"/initiatives/{item.pk}/",
    ]
    add_initiatives(45)  # three pages
    small = {url: queries(client, url) for url in urls}
    add_initiatives(150)
    large = {url: queries(client, url) for url in urls}
    assert large == small
    assert small["/initiatives/"] <= 6


def test_the_unfiltered_list_counts_every_public_initiative(client, demo):
    add_initiatives(45)
    response = client.get("/initiatives/", {"page": "3"})
    public = Initiative.objects.exclude(state__in=Initiative.PRIVATE)
    assert response.context["initiatives"].paginator.count == public.count()
    shown = list(response.context["initiatives"].object_list)
    newest_first = public.order_by("-updated_at", "-pk")
    assert [i.pk for i in shown] == [i.pk for i in newest_first[40:60]]


def test_an_initiative_moved_to_another_area_changes_the_filters_at_once(client, demo):
    """The choices are kept between responses (cms.page_cache.values) until they change."""
    public = Initiative.objects.exclude(state__in=Initiative.PRIVATE)
    unused = PriorityAreaPage.objects.filter(locale__language_code="uk").exclude(
        pk__in=public.values("area")
    )[0]
    session = Client()
    session.cookies["sessionid"] = "no-such-session"  # past the page cache, to the view
    for url in ("/initiatives/", "/en/initiatives/"):
        assert unused.slug not in nav(
            session.get(url).content.decode(),
            "Пріоритетні напрями" if url == "/initiatives/" else "Priority areas",
        )
    item = public.exclude(area=None).first()
    item.area = unused
    item.save()
    html = session.get("/initiatives/").content.decode()
    assert unused.slug in nav(html, "Пріоритетні напрями")
    english = in_language(unused, "en")
    assert english.slug in nav(session.get("/en/initiatives/").content.decode(), "Priority areas")


def test_an_initiative_page_follows_its_areas_translation(client, demo):
    """The area an initiative page names is kept between responses, and never goes stale."""
    item = public_with_area()
    english = in_language(item.area, "en")
    url = f"/en/initiatives/{item.pk}/"
    assert english.title in client.get(url).content.decode()
    english.unpublish()
    assert f'<span lang="uk">{item.area.title}</span>' in client.get(url).content.decode()
    english.title = "Renamed area"
    english.save_revision().publish()
    html = client.get(url).content.decode()
    assert "Renamed area" in html and item.area.title not in html


def test_an_initiative_pages_links_are_kept_only_until_they_change(demo):
    """What an initiative links to is kept between responses (cms.page_cache.values); each
    change to a link or to what it shows is on the next page rendered (past the page cache)."""
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    from cms.models import NewsPage
    from workflows.models import InitiativeDocument, InitiativePage, InitiativePartner

    item = Initiative.objects.get(state="adopted")
    visitor = Client()
    visitor.cookies["sessionid"] = "no-such-session"

    def page() -> str:
        return visitor.get(f"/en/initiatives/{item.pk}/").content.decode()

    partner = Organisation.objects.filter(locale__language_code="uk").exclude(
        pk__in=item.partners.values("organisation")
    )[0]
    news = (
        NewsPage.objects.live()
        .filter(locale__language_code="uk")
        .exclude(pk__in=item.related_pages.values("page"))[0]
    )
    page()  # kept as it is now
    InitiativePartner.objects.create(initiative=item, organisation=partner)
    InitiativePage.objects.create(initiative=item, page=news)
    Document = get_document_model()
    doc = Document(title="Рішення ради")
    doc.file.save("rishennia.txt", ContentFile(b"decision"), save=False)
    doc.save()
    InitiativeDocument.objects.create(initiative=item, document=doc, public=True)
    html = page()
    english_partner = in_language(partner, "en")
    assert english_partner.name in html and in_language(news, "en").title in html
    assert "Рішення ради" in html
    english_partner.name = "Renamed partner"
    english_partner.save()
    assert "Renamed partner" in page()
    in_language(news, "en").unpublish()
    assert f'<a href="{news.url}" lang="uk">{news.title}</a>' in page()
