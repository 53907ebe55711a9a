"""The public tracker: only public states and public history, in the visitor's language."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from workflows.engine import TransitionLog
from workflows.models import Initiative

pytestmark = pytest.mark.django_db


def demo_item(title_uk: str) -> Initiative:
    return Initiative.objects.get(title_uk=title_uk)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_tracker_lists_public_initiatives_in_the_visitors_language(client, demo, lang):
    prefix = "" if lang == "uk" else "/en"
    response = client.get(f"{prefix}/initiatives/")
    html = response.content.decode()
    assert response.status_code == 200 and f'<html lang="{lang}">' in html
    public = Initiative.objects.exclude(state__in=Initiative.PRIVATE)
    assert response.context["total"] == public.count() == 6
    for item in public:
        assert (item.title_uk if lang == "uk" else item.title_en) in html
    hidden = Initiative.objects.get(state="under_review")
    assert hidden.title_uk not in html and hidden.title_en not in html
    assert "<svg" in html
    assert ("Ухвалено" if lang == "uk" else "Adopted") in html


def test_private_initiatives_have_no_public_page(client, demo):
    hidden = Initiative.objects.get(state="under_review")
    assert client.get(f"/initiatives/{hidden.pk}/").status_code == 404
    draft = Initiative.objects.create(title_uk="Чернетка", state="draft")
    assert client.get(f"/en/initiatives/{draft.pk}/").status_code == 404


def test_the_decision_and_only_the_public_history_are_shown(client, demo):
    council = demo_item("Консультативно-дорадча рада «Координаційний офіс безпеки»")
    html = client.get(f"/en/initiatives/{council.pk}/").content.decode()
    assert "Council decision No. 131 of 30 August 2019" in html
    history = html.split('class="history"', 1)[1].split("</ol>")[0]
    private_steps = TransitionLog.objects.filter(object_id=council.pk, public=False)
    assert private_steps.exists()  # submitting and reviewing stay in the office
    assert "— Submitted</li>" not in history and "Under office review" not in history
    assert "Adopted" in history and "Accepted for advocacy" in history


def test_timeline_events_show_with_the_history(client, demo):
    roma = demo_item("Ромський радник міського голови")
    html = client.get(f"/initiatives/{roma.pk}/").content.decode()
    assert "23 серпня 2018" in html and "ромської" in html


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ({"state": "adopted"}, 200),
        ({"state": "draft"}, 404),  # a private state is not a filter
        ({"state": "x" * 10_000}, 404),
        ({"year": "2019"}, 200),
        ({"year": "-1"}, 404),
        ({"page": "abc"}, 200),
        ({"page": "999999"}, 200),
        ({"overdue": "1"}, 200),
        ({"area": "nemaie-takoho"}, 404),
    ],
)
def test_odd_filters_get_a_page_or_a_404(client, demo, query, status):
    assert client.get("/initiatives/", query).status_code == status


def test_tracker_queries_do_not_grow_with_initiatives(client, demo, no_page_cache):
    def count():
        client.get("/initiatives/")
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/initiatives/").status_code == 200
        return len(queries)

    before = count()
    area = Initiative.objects.exclude(area=None).first().area
    Initiative.objects.bulk_create(
        Initiative(title_uk=f"Ініціатива {n}", state="accepted", area=area) for n in range(40)
    )
    assert count() == before


def test_the_home_page_shows_the_pipeline(client, demo):
    html = client.get("/").content.decode()
    assert "home-initiatives" in html and 'href="/initiatives/"' in html


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_diagram_is_drawn_from_the_declared_transitions(client, lang):
    prefix = "" if lang == "uk" else "/en"
    html = client.get(f"{prefix}/initiatives/how/").content.decode()
    drawn = set(re.findall(r'data-transition="([a-z_]+)"', html))
    assert drawn == {t.name for t in Initiative.all_transitions()}
    states = set(re.findall(r'data-state="([a-z_]+)"', html))
    assert states == {state.value for state in Initiative.STATES}
    # Withdrawal leaves almost every state: one note, not a dozen arrows.
    assert html.count('data-transition="withdraw"') == 1
    assert ("Відкликати" if lang == "uk" else "Withdraw") in html


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_area_filter_uses_the_visitors_language(client, demo, lang):
    from cms.models import PriorityAreaPage

    prefix = "" if lang == "uk" else "/en"
    area = PriorityAreaPage.objects.get(
        locale__language_code=lang,
        translation_key=Initiative.objects.exclude(area=None).first().area.translation_key,
    )
    response = client.get(f"{prefix}/initiatives/", {"area": area.slug})
    assert response.status_code == 200
    assert response.context["initiatives"].paginator.count >= 1


def english_area_of(item: Initiative):
    from cms.models import PriorityAreaPage

    return PriorityAreaPage.objects.get(
        locale__language_code="en", translation_key=item.area.translation_key
    )


def test_an_english_initiative_page_shows_the_english_area(client, demo):
    item = Initiative.objects.exclude(state__in=Initiative.PRIVATE).exclude(area=None).first()
    html = client.get(f"/en/initiatives/{item.pk}/").content.decode()
    assert english_area_of(item).title in html
    assert item.area.title not in html


def test_ukrainian_only_texts_on_english_pages_are_marked_ukrainian(client, demo):
    item = Initiative.objects.exclude(state__in=Initiative.PRIVATE).exclude(area=None).first()
    english_area_of(item).unpublish()
    item.tags.add("освітлення")
    item.save()
    Initiative.objects.filter(pk=item.pk).update(
        responsible_body="Виконавчий комітет", state="in_implementation"
    )
    TransitionLog.record(
        item, transition="x", source="adopted", target="in_implementation", comment_uk="Почали"
    )
    html = client.get(f"/en/initiatives/{item.pk}/").content.decode()
    assert f'<span lang="uk">{item.area.title}</span>' in html
    assert '<span lang="uk">Виконавчий комітет</span>' in html
    assert '<span lang="uk">Почали</span>' in html
    assert re.search(r'<a [^>]*lang="uk"[^>]*>освітлення</a>', html)
    tracker = client.get("/en/initiatives/").content.decode()
    assert f'<span lang="uk">{item.area.title}</span>' in tracker


def test_the_language_switcher_keeps_the_area_filter(client, demo):
    item = Initiative.objects.exclude(state__in=Initiative.PRIVATE).exclude(area=None).first()
    html = client.get("/initiatives/", {"area": item.area.slug}).content.decode()
    switcher = html.split('class="language-switcher"', 1)[1].split("</nav>", 1)[0]
    english = re.search(r'<a href="([^"]+)" hreflang="en"', switcher).group(1).replace("&amp;", "&")
    response = client.get(english)
    assert response.status_code == 200
    assert response.context["filters"]["area"] == english_area_of(item)
    assert response.context["initiatives"].paginator.count >= 1
