"""Pictures: the demo's drawn illustrations, and lists of cards whose pictures cost the same
number of queries however many cards there are."""

from __future__ import annotations

import io
import os
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from PIL import Image as PillowImage
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.demo.scenes import SCENES, render
from cms.models import CampaignIndexPage, CampaignPage, NewsPage
from cms.renditions import PICTURE_FILTER_SPECS, prefetch_pictures, prepare_pictures
from tests.factories.cms import NewsIndexPageFactory, NewsPageFactory

CYRILLIC = re.compile("[а-яіїєґА-ЯІЇЄҐ]")


def test_each_scene_is_a_small_png_drawn_the_same_on_every_run():
    drawn = {key: render(key) for key in SCENES}
    assert len(set(drawn.values())) == len(SCENES), "two scenes came out the same"
    for key, data in drawn.items():
        picture = PillowImage.open(io.BytesIO(data))
        assert (picture.format, picture.size) == ("PNG", (1200, 675)), key
        assert len(data) < 40_000, key
    assert sum(len(data) for data in drawn.values()) < 300_000
    assert render("camera-pole") == drawn["camera-pole"]


def test_an_unknown_scene_is_refused_by_name():
    with pytest.raises(KeyError, match="No demo illustration 'tank'"):
        render("tank")


@pytest.mark.django_db
def test_the_picture_template_needs_only_the_prefetched_renditions(media):
    image = Image.objects.create(title="Пляж", file=get_test_image_file(size=(1600, 900)))
    prepare_pictures([image])
    assert sorted(image.renditions.values_list("filter_spec", flat=True)) == sorted(
        PICTURE_FILTER_SPECS
    )
    image = Image.objects.get(pk=image.pk)
    prefetch_pictures([image, None])
    with CaptureQueriesContext(connection) as queries:
        html = render_to_string("includes/picture.html", {"image": image, "alt": "Пляж"})
    # A spec in the template that cms.renditions does not list would be looked up or made here.
    assert len(queries) == 0, [q["sql"] for q in queries]
    assert html.count("<source") == 2 and 'alt="Пляж"' in html
    assert 'width="480"' in html and 'height="270"' in html and 'loading="lazy"' in html


def add_news_with_pictures(index, count: int, start: int = 0) -> None:
    for number in range(start, start + count):
        image = Image.objects.create(
            title=f"Фото {number}", file=get_test_image_file(size=(640, 360)), description="Фото"
        )
        prepare_pictures([image])
        item = NewsPageFactory(parent=index, title=f"Новина з фото {number}", published=False)
        item.lead_image = image
        item.lead_image_alt = f"Опис фото {number}"
        item.save_revision().publish()


def queries_of(client, url: str) -> tuple[int, str]:
    """Queries of a request with an empty cache: Wagtail also keeps renditions in the cache,
    where they would hide a query per picture."""
    client.get(url)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


@pytest.mark.django_db
def test_news_lists_make_the_same_queries_with_more_pictures(client, home, media, no_page_cache):
    index = NewsIndexPageFactory(parent=home)
    add_news_with_pictures(index, 1)
    home_before, _ = queries_of(client, "/")
    index_before, html = queries_of(client, index.url)
    assert html.count("<picture>") == 1
    add_news_with_pictures(index, 5, start=1)
    home_after, home_html = queries_of(client, "/")
    index_after, html = queries_of(client, index.url)
    assert html.count("<picture>") == 6 and home_html.count("<picture>") == 3
    assert 'alt="Опис фото 5"' in html and html.count('loading="lazy"') == 6
    assert (home_after, index_after) == (home_before, index_before)


def campaign_with_gallery(index: CampaignIndexPage, title: str, count: int) -> CampaignPage:
    images = [
        Image.objects.create(title=f"{title} {n}", file=get_test_image_file(size=(640, 360)))
        for n in range(count)
    ]
    prepare_pictures(images)
    gallery = [
        {
            "type": "image",
            "value": {
                "image": {"image": image.pk, "alt_text": image.title, "decorative": False},
                "caption": "Ілюстрація",
            },
        }
        for image in images
    ]
    page = CampaignPage(
        title=title, intro="Коротко.", start_date="2019-06-01", gallery=gallery, slug=""
    )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db
def test_a_campaign_gallery_costs_the_same_queries_with_more_pictures(
    client, home, media, no_page_cache
):
    index = home.add_child(instance=CampaignIndexPage(title="Кампанії", slug="kampanii"))
    index.save_revision().publish()
    small = campaign_with_gallery(index, "Мала галерея", 2)
    large = campaign_with_gallery(index, "Велика галерея", 5)
    small_queries, small_html = queries_of(client, small.url)
    large_queries, large_html = queries_of(client, large.url)
    assert small_html.count("<picture>") == 2 and large_html.count("<picture>") == 5
    assert 'alt="Велика галерея 4"' in large_html
    assert large_queries == small_queries


@pytest.mark.django_db
def test_the_demo_shows_its_illustrations_described_and_marked_as_made_for_it(
    client, demo, no_page_cache
):
    news = NewsPage.objects.live().select_related("lead_image", "locale")
    assert news and all(item.lead_image and item.lead_image_alt for item in news)
    for item in news:
        language = item.locale.language_code
        assert bool(CYRILLIC.search(item.lead_image_alt)) == (language == "uk"), item.title
        assert item.lead_image_caption in (
            "Ілюстрація, створена для демонстрації",
            "Illustration made for the demo",
        )
    images = Image.objects.filter(collection__name="Ілюстрації для демонстрації")
    assert images.count() == len(SCENES)
    assert all(image.description for image in images)
    assert {tag.name for image in images for tag in image.tags.all()} == {"демо-ілюстрація"}

    english = news.filter(locale__language_code="en").order_by("-date").first()
    html = client.get(english.url).content.decode()
    picture = html.split("<picture", 1)[1].split("</picture>")[0]
    assert f'alt="{english.lead_image_alt}"' in picture and 'loading="eager"' in picture
    assert "<figcaption>Illustration made for the demo</figcaption>" in html

    for campaign in CampaignPage.objects.live():
        html = client.get(campaign.url).content.decode()
        gallery = html.split('class="block-gallery"', 1)[1].split("</div>", 1)[0]
        assert gallery.count("<picture>") == len(campaign.gallery) >= 2, campaign.title
        assert 'alt=""' not in gallery
    for url in ("/", "/en/", "/novyny/", "/en/news/"):
        assert client.get(url).content.decode().count("<picture>") >= 3, url

    count = Image.objects.count()
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert Image.objects.count() == count


@pytest.mark.django_db
def test_the_site_picture_tag_writes_what_wagtails_writes(media):
    from django.template import engines

    image = Image.objects.create(title="Пляж", file=get_test_image_file(size=(640, 360)))
    body = '{% picture image format-{webp,jpeg} width-{320,480} alt="Пляж" loading="lazy" %}'
    ours = engines["django"].from_string("{% load site_pictures %}" + body)
    wagtails = engines["django"].from_string("{% load wagtailimages_tags %}" + body)
    html = ours.render({"image": image})
    assert html == wagtails.render({"image": image}) and html.count("<source") == 1
    assert ours.render({"image": image}) == html


@pytest.mark.django_db
def test_renditions_are_prepared_by_the_job_and_by_the_command(media):
    from cms.tasks import prepare_picture_renditions

    first, second = (
        Image.objects.create(title=title, file=get_test_image_file(size=(640, 360)))
        for title in ("Перше", "Друге")
    )
    prepare_picture_renditions(image_ids=[first.pk])
    assert first.renditions.count() == len(PICTURE_FILTER_SPECS)
    assert not second.renditions.exists()
    out = io.StringIO()
    call_command("prepare_renditions", stdout=out)
    assert "2 images" in out.getvalue()
    assert second.renditions.count() == len(PICTURE_FILTER_SPECS)
    assert first.renditions.count() == len(PICTURE_FILTER_SPECS)
