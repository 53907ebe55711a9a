"""News: listings with filters and pagination in both languages, articles, feeds."""

import datetime
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from cms.models import NewsIndexPage, NewsPage, PriorityAreaPage

pytestmark = pytest.mark.django_db


def news_index(lang: str) -> NewsIndexPage:
    return NewsIndexPage.objects.get(locale__language_code=lang)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_news_index_lists_newest_first(client, demo, lang):
    index = news_index(lang)
    response = client.get(index.url)
    assert response.status_code == 200
    listed = [item.pk for item in response.context["news_page"]]
    expected = list(index.news().values_list("pk", flat=True)[: NewsIndexPage.page_size])
    assert listed == expected
    dates = [item.date for item in response.context["news_page"]]
    assert dates == sorted(dates, reverse=True)


def test_filters_by_area_tag_and_year(client, demo):
    index = news_index("uk")
    item = index.news().exclude(area=None).first()
    by_area = client.get(index.url, {"area": item.area.slug}).context["news_page"]
    assert by_area.paginator.count and all(n.area_id == item.area_id for n in by_area)
    tag = item.tags.first()
    by_tag = client.get(index.url, {"tag": tag.slug}).context["news_page"]
    assert item in list(by_tag.paginator.object_list)
    by_year = client.get(index.url, {"year": item.date.year}).context["news_page"]
    assert all(n.date.year == item.date.year for n in by_year.paginator.object_list)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"page": "abc"}, 200),
        ({"page": "999999"}, 200),
        ({"page": "-1"}, 200),
        ({"year": "-1"}, 404),
        ({"year": "abc"}, 404),
        ({"year": "99999999999999999999"}, 404),
        ({"area": "nemaie-takoho"}, 404),
        ({"tag": "x" * 10_000}, 404),
        ({"area": "a" * 10_000}, 404),
    ],
)
def test_odd_query_strings_get_a_page_or_a_404(client, demo, query, status):
    assert client.get(news_index("uk").url, query).status_code == status


def test_area_filter_of_the_other_language_is_a_404(client, demo):
    english_area = PriorityAreaPage.objects.filter(locale__language_code="en").first()
    response = client.get(news_index("uk").url, {"area": english_area.slug})
    assert response.status_code == 404


def test_listing_queries_do_not_grow_with_the_number_of_news(client, demo, no_page_cache):
    index = news_index("uk")
    area = PriorityAreaPage.objects.filter(locale__language_code="uk").first()

    def count_queries():
        client.get(index.url)  # warm caches (site root paths)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index.url).status_code == 200
        return len(queries)

    before = count_queries()
    for number in range(25):
        page = NewsPage(
            title=f"Новина {number}", intro="Коротко.", date=datetime.date(2019, 1, 1), area=area
        )
        index.add_child(instance=page)
        page.tags.add("тест")
        page.save_revision().publish()
    assert count_queries() == before


@pytest.mark.parametrize(("route", "root_tag"), [("rss/", "rss"), ("atom/", "feed")])
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_feeds_list_the_latest_news_of_their_language(client, demo, route, root_tag, lang):
    index = news_index(lang)
    response = client.get(index.url + route)
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    assert root.tag.endswith(root_tag)
    links = [el.text or el.get("href") for el in root.iter() if el.tag.endswith("link")]
    newest = index.news().first()
    assert newest.get_full_url() in links
    if root_tag == "rss":
        assert root.find("channel/language").text == lang
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == ("rss20" if root_tag == "rss" else "atom10")
    assert len(parsed.entries) == min(index.news().count(), 20)
    for entry in parsed.entries:
        assert entry.title and entry.link.startswith("http") and entry.get("published_parsed")


def test_article_shows_area_tags_and_body(client, demo):
    item = news_index("uk").news().exclude(area=None).first()
    html = client.get(item.url).content.decode()
    assert item.title in html
    assert item.area.title in html
    assert f"?tag={item.tags.first().slug}" in html


def test_lead_image_needs_alternative_text(demo, tmp_path, settings):
    settings.MEDIA_ROOT = str(tmp_path)
    image = Image.objects.create(title="Пляж", file=get_test_image_file())
    item = news_index("uk").news().first()
    item.lead_image = image
    item.lead_image_alt = ""  # the demo's articles come with their picture's alternative text
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert "lead_image_alt" in error.value.message_dict
    item.lead_image_alt = "Рятувальники на пляжі в Лебедівці"
    item.full_clean()


def test_untranslated_news_item_switches_to_the_english_news_index(client, demo):
    english_index = news_index("en")
    untranslated = [
        item for item in news_index("uk").news() if not item.has_translation(english_index.locale)
    ]
    assert untranslated, "the demo keeps some news untranslated"
    html = client.get(untranslated[0].url).content.decode()
    assert f'href="{english_index.url}?untranslated={untranslated[0].pk}"' in html
