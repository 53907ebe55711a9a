"""The read-only JSON API, the CSV export and the RSS/Atom feeds of the tracker."""

import csv
import io

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from workflows.models import Initiative

pytestmark = pytest.mark.django_db


def test_the_list_has_public_initiatives_in_both_languages(client, demo):
    data = client.get("/api/initiatives/").json()
    assert data["count"] == Initiative.objects.exclude(state__in=Initiative.PRIVATE).count()
    council = next(r for r in data["results"] if r["decision"])
    assert council["decision"]["number"] == "131" and council["decision"]["date"] == "2019-08-30"
    assert council["state_label"] == {"uk": "Ухвалено", "en": "Adopted"}
    assert council["url"]["en"].startswith("/en/initiatives/")
    assert {r["state"] for r in data["results"]}.isdisjoint(Initiative.PRIVATE)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"limit": "abc"}, 400),
        ({"limit": "0"}, 400),
        ({"limit": "1000"}, 400),
        ({"offset": "-1"}, 400),
        ({"state": "draft"}, 404),
        ({"state": "adopted", "limit": "1"}, 200),
        ({"offset": "999999"}, 200),
    ],
)
def test_bad_parameters_get_a_clear_error(client, demo, query, status):
    response = client.get("/api/initiatives/", query)
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    if status != 200:
        assert response.json()["error"]


def test_the_detail_has_only_public_history_and_private_items_are_404(client, demo):
    council = Initiative.objects.get(decision_number="131")
    data = client.get(f"/api/initiatives/{council.pk}/").json()
    assert [step["state"] for step in data["history"]][-1] == "adopted"
    assert "submitted" not in [step["state"] for step in data["history"]]
    hidden = Initiative.objects.get(state="under_review")
    assert client.get(f"/api/initiatives/{hidden.pk}/").status_code == 404


def test_the_api_makes_the_same_number_of_queries_with_more_initiatives(
    client, demo, no_page_cache
):
    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get("/api/initiatives/", {"limit": "100"})
        return len(queries)

    count()  # the first request of a process also reads the locales (cms.locales)
    before = count()
    Initiative.objects.bulk_create(
        Initiative(title_uk=f"Ініціатива {n}", state="accepted") for n in range(30)
    )
    assert count() == before


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_csv_export_in_the_visitors_language(client, demo, lang):
    prefix = "" if lang == "uk" else "/en"
    response = client.get(f"{prefix}/initiatives/export.csv", {"state": "adopted"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][1] == ("Назва" if lang == "uk" else "Title")
    assert len(rows) == 2 and rows[1][4] == "131"


@pytest.mark.parametrize("route", ["rss/", "atom/"])
@pytest.mark.parametrize("lang", ["uk", "en"])
def test_feeds_of_the_tracker_and_of_one_initiative(client, demo, route, lang):
    prefix = "" if lang == "uk" else "/en"
    council = Initiative.objects.get(decision_number="131")
    for url in (f"{prefix}/initiatives/{route}", f"{prefix}/initiatives/{council.pk}/{route}"):
        parsed = feedparser.parse(client.get(url).content)
        assert not parsed.bozo, parsed.get("bozo_exception")
        assert parsed.entries
        titles = " ".join(entry.title for entry in parsed.entries)
        assert ("Ухвалено" if lang == "uk" else "Adopted") in titles
        assert all(entry.link.startswith("http") for entry in parsed.entries)
    private = Initiative.objects.get(state="under_review")
    assert client.get(f"{prefix}/initiatives/{private.pk}/{route}").status_code == 404


def test_json_gives_the_area_tags_and_history_in_each_language(client, demo):
    from cms.models import PriorityAreaPage

    item = Initiative.objects.exclude(state__in=Initiative.PRIVATE).exclude(area=None).first()
    english = PriorityAreaPage.objects.get(
        locale__language_code="en", translation_key=item.area.translation_key
    )
    data = client.get(f"/api/initiatives/{item.pk}/").json()
    assert data["area"] == {"uk": item.area.title, "en": english.title}
    assert {"uk": item.tags.first().name, "en": ""} in data["tags"]
    english.unpublish()
    data = client.get(f"/api/initiatives/{item.pk}/").json()
    assert data["area"] == {"uk": item.area.title, "en": ""}
    listed = client.get("/api/initiatives/", {"limit": "100"}).json()["results"]
    assert next(r for r in listed if r["id"] == item.pk)["area"] == data["area"]


def test_english_csv_says_which_texts_are_in_ukrainian(client, demo):
    from cms.models import PriorityAreaPage

    item = Initiative.objects.exclude(state__in=Initiative.PRIVATE).exclude(area=None).first()
    translated = Initiative.objects.exclude(pk=item.pk).exclude(state__in=Initiative.PRIVATE)
    translated = (
        translated.exclude(title_en="")
        .exclude(area__translation_key=item.area.translation_key)
        .filter(area__isnull=False)
        .first()
    )
    PriorityAreaPage.objects.get(
        locale__language_code="en", translation_key=item.area.translation_key
    ).unpublish()
    Initiative.objects.filter(pk=item.pk).update(title_en="")
    response = client.get("/en/initiatives/export.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_id = {row["ID"]: row for row in rows}
    assert by_id[str(item.pk)]["Title"] == item.title_uk
    assert by_id[str(item.pk)]["Title language"] == "uk"
    assert by_id[str(item.pk)]["Priority area"] == item.area.title
    assert by_id[str(item.pk)]["Priority area language"] == "uk"
    assert by_id[str(translated.pk)]["Title"] == translated.title_en
    assert by_id[str(translated.pk)]["Title language"] == "en"
    assert by_id[str(translated.pk)]["Priority area language"] == "en"


def test_an_area_chosen_on_the_english_form_is_never_given_as_ukrainian(client, demo):
    from cms.models import PriorityAreaPage

    item = Initiative.objects.exclude(state__in=Initiative.PRIVATE).exclude(area=None).first()
    english = PriorityAreaPage.objects.get(
        locale__language_code="en", translation_key=item.area.translation_key
    )
    Initiative.objects.filter(pk=item.pk).update(area=english)  # as the English form stores it
    item.area.unpublish()
    data = client.get(f"/api/initiatives/{item.pk}/").json()
    assert data["area"] == {"uk": "", "en": english.title}
