"""The Memorandum page (signatories by kind, growth chart) and the team page."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale

from cms.charts import CountAt, growth_chart, nice_ceiling, signatory_series
from cms.models import MemorandumPage, Organisation, Person, TeamPage

pytestmark = pytest.mark.django_db


def main(html: str) -> str:
    return html.split("<main", 1)[1].split("</main>")[0]


class Total:
    def __init__(self, date, count, note=""):
        self.date, self.count, self.note = date, count, note


def org(joined=None, left=None):
    return Organisation(name="x", kind="ngo", joined=joined, left=left)


D = datetime.date


def test_series_from_organisations_alone():
    series = signatory_series(
        [], [org(D(2017, 2, 1)), org(D(2017, 2, 1)), org(D(2018, 5, 1), D(2019, 1, 1))]
    )
    assert [(p.date, p.count) for p in series] == [
        (D(2017, 2, 1), 2),
        (D(2018, 5, 1), 3),
        (D(2019, 1, 1), 2),
    ]


def test_recorded_totals_cover_earlier_dates_and_later_changes_add_to_them():
    totals = [Total(D(2018, 12, 31), 20, "end of 2018"), Total(D(2017, 2, 1), 16, "at signing")]
    organisations = [
        org(D(2017, 2, 1)),
        org(D(2018, 3, 1)),
        org(D(2020, 9, 1)),
        org(D(2017, 2, 1), D(2021, 1, 1)),
    ]
    series = signatory_series(totals, organisations)
    assert [(p.date, p.count, p.note) for p in series] == [
        (D(2017, 2, 1), 16, "at signing"),
        (D(2018, 12, 31), 20, "end of 2018"),
        (D(2020, 9, 1), 21, ""),
        (D(2021, 1, 1), 20, ""),
    ]


@pytest.mark.parametrize(
    ("value", "ceiling"), [(3, 5), (16, 20), (20, 20), (21, 25), (140, 150), (1000, 1000)]
)
def test_axis_ends_at_a_round_number(value, ceiling):
    assert nice_ceiling(value) == ceiling


def test_chart_geometry_is_a_rising_step_line():
    chart = growth_chart([CountAt(D(2017, 2, 1), 16), CountAt(D(2018, 12, 31), 20)])
    assert chart["path"].startswith("M") and chart["path"].count("V") == 1
    first, last = chart["dots"]
    assert float(last["y"]) < float(first["y"])  # higher count, higher on the page
    assert [tick["label"] for tick in chart["x_ticks"]] == [2017, 2018]
    assert growth_chart([]) is None


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_memorandum_groups_signatories_and_draws_the_chart_without_javascript(client, demo, lang):
    page = MemorandumPage.objects.get(locale__language_code=lang)
    html = main(client.get(page.url).content.decode())
    assert "<script" not in html
    svg = html.split("<svg", 1)[1].split("</svg>")[0]
    assert 'role="img"' in html and "<title" in svg
    # Coordinates are plain numbers whatever the language (no "220,0").
    for value in re.findall(r'\s(?:x|y|cx|cy|x1|x2|y1|y2)="([^"]*)"', svg):
        assert re.fullmatch(r"-?\d+(\.\d)?", value), value
    assert re.search(r">16</text>", svg) and re.search(r">20</text>", svg)
    groups = re.findall(r"<h3>([^<]+)</h3>", html)
    expected = {"uk": "Органи місцевого самоврядування", "en": "Local self-government"}[lang]
    assert groups[0] == expected
    assert ("Татарбунарська міська рада" if lang == "uk" else "Tatarbunary City Council") in html
    assert "20" in html and "8" in html  # 20 signed, 8 of them listed


def test_a_signatory_that_left_moves_to_former_and_the_chart_drops(client, demo):
    page = MemorandumPage.objects.get(locale__language_code="uk")
    leaving = Organisation.objects.get(locale__language_code="uk", name="Бюро правової допомоги")
    leaving.left = D(2021, 3, 1)
    leaving.save()
    context = client.get(page.url).context
    assert leaving in context["signatories"]["former_signatories"]
    assert [p.count for p in context["signatories"]["growth"]][-1] == 19


def test_untranslated_organisation_is_shown_in_ukrainian_with_its_language(client, demo):
    newcomer = Organisation.objects.create(
        name="ГО «Безпечна громада»",
        kind="ngo",
        joined=D(2020, 1, 1),
        locale=MemorandumPage.objects.get(locale__language_code="uk").locale,
    )
    html = client.get(MemorandumPage.objects.get(locale__language_code="en").url).content.decode()
    item = html.split('<li class="organisation" lang="uk">', 1)[1].split("</li>")[0]
    assert newcomer.name in item


def test_leaving_before_joining_is_refused():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        org(D(2018, 1, 1), D(2017, 1, 1)).clean()
    with pytest.raises(ValidationError):
        org(None, D(2017, 1, 1)).clean()


def test_memorandum_queries_do_not_grow_with_signatories(client, demo, no_page_cache):
    page = MemorandumPage.objects.get(locale__language_code="uk")

    def count():
        client.get(page.url)
        with CaptureQueriesContext(connection) as queries:
            client.get(page.url)
        return len(queries)

    before = count()
    for number in range(30):
        Organisation.objects.create(
            name=f"Організація {number}", kind="business", joined=D(2020, 1, 1), locale=page.locale
        )
    assert count() == before


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_team_page_presents_the_office_and_the_council(client, demo, lang):
    page = TeamPage.objects.get(locale__language_code=lang)
    html = main(client.get(page.url).content.decode())
    assert ("Леонід Семененко" if lang == "uk" else "Leonid Semenenko") in html
    assert "131" in html and ("9" in html or "дев" in html or "nine" in html)
    council = {"uk": "Консультативно-дорадча рада", "en": "Consultative-advisory council"}[lang]
    assert council in html
    assert Person.objects.filter(locale__language_code=lang).count() >= 3


def test_facts_are_shared_between_languages_texts_are_not(demo):
    source = Organisation.objects.get(locale__language_code="uk", name="Бюро правової допомоги")
    english = source.get_translation(Locale.objects.get(language_code="en"))
    english.left = D(2022, 5, 1)  # an editor records the departure on the English row
    english.website = "https://legalaid.example.org"
    english.save()
    source.refresh_from_db()
    assert source.left == D(2022, 5, 1) and source.website == "https://legalaid.example.org"
    assert source.name == "Бюро правової допомоги" and english.name != source.name
