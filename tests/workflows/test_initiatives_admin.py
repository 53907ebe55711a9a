"""The council secretary and the office take an initiative through its steps in the admin."""

import datetime

import pytest
from django.contrib.auth import get_user_model

from tests.workflow_helpers import member
from workflows.engine import TransitionLog
from workflows.models import Initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiative():
    """Proposed in 2019, before the dates its steps record below."""
    item = Initiative.objects.create(title_uk="Світлофор на вулиці Лиманській", state="submitted")
    Initiative.objects.filter(pk=item.pk).update(
        created_at=datetime.datetime(2019, 8, 1, 10, tzinfo=datetime.UTC)
    )
    return item


def step_url(item: Initiative, name: str) -> str:
    return f"/admin/initiatives/{item.pk}/step/{name}/"


def test_the_list_and_its_filters(client, initiative):
    client.force_login(member("coordinator"))
    response = client.get("/admin/initiatives/", {"state": "submitted"})
    assert response.status_code == 200
    assert initiative.title_uk in response.content.decode()
    assert (
        initiative.title_uk
        not in client.get("/admin/initiatives/", {"state": "adopted"}).content.decode()
    )
    assert client.get("/admin/initiatives/", {"overdue": "true"}).status_code == 200


def test_the_edit_page_offers_only_the_users_steps(client, initiative):
    client.force_login(member("coordinator"))
    html = client.get(f"/admin/initiatives/edit/{initiative.pk}/").content.decode()
    assert step_url(initiative, "start_review") in html
    assert step_url(initiative, "accept") not in html


def test_a_step_form_asks_for_exactly_its_data(client):
    item = Initiative.objects.create(title_uk="Муніципальна варта", state="on_agenda")
    client.force_login(member("council_secretariat"))
    form = client.get(step_url(item, "adopt")).context["form"]
    assert form.data_fields == [
        "decision_number",
        "decision_date",
        "votes_for",
        "votes_against",
        "votes_abstained",
    ]
    assert all(form.fields[name].required for name in form.data_fields)


def test_missing_data_or_the_wrong_role_change_nothing(client):
    item = Initiative.objects.create(title_uk="Муніципальна варта", state="on_agenda")
    client.force_login(member("council_secretariat"))
    response = client.post(step_url(item, "adopt"), {"decision_number": "77"})
    assert response.status_code == 200 and response.context["form"].errors
    client.force_login(member("coordinator"))
    response = client.post(
        step_url(item, "adopt"),
        {
            "decision_number": "77",
            "decision_date": "2019-10-24",
            "votes_for": "15",
            "votes_against": "1",
            "votes_abstained": "0",
            "state": "implemented",
        },
    )
    assert response.status_code == 409
    item.refresh_from_db()
    assert item.state == "on_agenda" and item.decision_number == ""
    assert not TransitionLog.objects.filter(object_id=item.pk).exists()


def test_from_submission_to_adoption_in_the_admin(client, initiative):
    coordinator, head, secretary = (
        member("coordinator"),
        member("head"),
        member("council_secretariat"),
    )
    steps = [
        (coordinator, "start_review", {}),
        (head, "accept", {}),
        (coordinator, "start_drafting", {}),
        (
            secretary,
            "submit_to_council",
            {"registration_number": "02-14/318", "registration_date": "2019-09-10"},
        ),
        (secretary, "send_to_committee", {}),
        (secretary, "put_on_agenda", {"session_date": "2019-10-24"}),
        (
            secretary,
            "adopt",
            {
                "decision_number": "1204-VII",
                "decision_date": "2019-10-24",
                "votes_for": "18",
                "votes_against": "2",
                "votes_abstained": "1",
            },
        ),
    ]
    for user, name, data in steps:
        client.force_login(user)
        response = client.post(
            step_url(initiative, name), {**data, "comment_uk": name, "public": "on"}
        )
        assert response.status_code == 302, (name, response.context and response.context["refused"])
    initiative.refresh_from_db()
    assert initiative.state == "adopted" and initiative.votes_for == 18
    assert TransitionLog.objects.filter(object_id=initiative.pk).count() == len(steps)
    client.force_login(secretary)
    html = client.get(f"/admin/initiatives/edit/{initiative.pk}/").content.decode()
    assert "1204-VII" in html


def test_another_persons_draft_is_not_shown(client):
    author = get_user_model().objects.create_user("author", password="x")
    draft = Initiative.objects.create(title_uk="Чернетка мешканця", state="draft", initiator=author)
    client.force_login(member("council_secretariat"))
    assert draft.title_uk not in client.get("/admin/initiatives/").content.decode()
    assert client.get(f"/admin/initiatives/edit/{draft.pk}/").status_code in (302, 403)
