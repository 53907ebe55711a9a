"""Staff read the states and steps of initiatives by their names in their own language, never
as the workflow's machine codes (`submitted`, `drafting → submitted_to_council`)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.users.models import UserProfile

from tests.workflow_helpers import member
from workflows.engine import TransitionLog
from workflows.models import Initiative

pytestmark = pytest.mark.django_db

LABELS = {
    "uk": {
        "submitted": "Подано",
        "under_review": "На розгляді в офісі",
        "start_review": "Почати розгляд",
    },
    "en": {
        "submitted": "Submitted",
        "under_review": "Under office review",
        "start_review": "Start review",
    },
}
CODES = ("submitted", "under_review", "start_review", "submitted_to_council", "drafting")


def staff(role: str, language: str):
    user = member(role)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def texts(html: str, selector: str) -> list[str]:
    return [
        " ".join(node.get_text(" ").split())
        for node in BeautifulSoup(html, "html.parser").select(selector)
    ]


def no_codes_in(shown: list[str]) -> bool:
    return not any(code in text.split() or f"{code}," in text for text in shown for code in CODES)


@pytest.mark.parametrize("language", ["uk", "en"])
def test_the_list_shows_state_names(client, language):
    Initiative.objects.create(title_uk="Світлофор на вулиці Лиманській", state="submitted")
    client.force_login(staff("coordinator", language))
    html = client.get("/admin/initiatives/").content.decode()
    cells = texts(html, "table tbody td")
    assert LABELS[language]["submitted"] in cells
    assert no_codes_in(cells)
    options = texts(html, "select[name=state] option")
    assert LABELS[language]["under_review"] in options


@pytest.mark.parametrize("language", ["uk", "en"])
def test_the_history_on_the_edit_page_shows_names(client, language):
    item = Initiative.objects.create(title_uk="Світлофор на вулиці Лиманській", state="submitted")
    coordinator = staff("coordinator", language)
    item.perform("start_review", coordinator, comment_uk="Дивимось")
    client.force_login(coordinator)
    html = client.get(f"/admin/initiatives/edit/{item.pk}/").content.decode()
    (entry,) = texts(html, "#initiative-history li")
    labels = LABELS[language]
    assert f"{labels['submitted']} → {labels['under_review']}" in entry
    assert labels["start_review"] in entry
    assert no_codes_in([entry])


@pytest.mark.parametrize("language", ["uk", "en"])
def test_worklists_show_state_names(client, language):
    Initiative.objects.create(title_uk="Світлофор на вулиці Лиманській", state="submitted")
    client.force_login(staff("head", language))
    page = client.get("/admin/initiatives/worklist/").content.decode()
    assert LABELS[language]["submitted"] in texts(page, "table tbody td")
    dashboard = client.get("/admin/").content.decode()
    (line,) = [t for t in texts(dashboard, "#worklist-heading ~ ul li") if "Лиманській" in t]
    assert LABELS[language]["submitted"] in line and no_codes_in([line])


def test_a_history_entry_reads_as_names():
    item = Initiative.objects.create(title_uk="Світлофор", state="drafting")
    log = TransitionLog.record(
        item, transition="submit_to_council", source="drafting", target="submitted_to_council"
    )
    from django.utils import translation

    with translation.override("en"):
        assert str(log) == (
            "Drafting the council decision → Submitted to the council (Register at the council)"
        )
