"""Worklists: what awaits each role, on the dashboard and as a page."""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.workflow_helpers import member
from workflows.models import Initiative
from workflows.worklists import awaiting

pytestmark = pytest.mark.django_db


@pytest.fixture
def items():
    initiator = get_user_model().objects.create_user("wl-initiator", password="x")
    return {
        state: Initiative.objects.create(
            title_uk=f"Ініціатива {state}", state=state, initiator=initiator
        )
        for state in (
            "draft",
            "submitted",
            "under_review",
            "needs_revision",
            "on_agenda",
            "adopted",
            "implemented",
        )
    } | {"initiator": initiator}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("coordinator", {"draft", "submitted", "needs_revision", "under_review"}),
        ("head", {"submitted", "under_review"}),
        ("council_secretariat", {"on_agenda", "adopted"}),
        ("executive_body", {"adopted"}),
    ],
)
def test_each_role_sees_what_awaits_it(items, role, expected):
    mine = {i.state for i in awaiting(member(role)) if i.title_uk.startswith("Ініціатива")}
    assert mine == expected


def test_the_initiator_sees_their_own_drafts_and_revisions(items):
    mine = {i.state for i in awaiting(items["initiator"])}
    assert mine == {"draft", "needs_revision"}
    stranger = get_user_model().objects.create_user("wl-stranger", password="x")
    assert not awaiting(stranger).exists()


def test_the_worklist_is_on_the_dashboard_and_its_own_page(client, items):
    client.force_login(member("council_secretariat"))
    dashboard = client.get("/admin/").content.decode()
    assert "Ініціатива on_agenda" in dashboard and "Ініціатива draft" not in dashboard
    page = client.get("/admin/initiatives/worklist/")
    assert page.status_code == 200 and "Ініціатива adopted" in page.content.decode()


def test_the_worklist_queries_do_not_grow(client, items):
    client.force_login(member("council_secretariat"))

    def count():
        client.get("/admin/initiatives/worklist/")
        with CaptureQueriesContext(connection) as queries:
            client.get("/admin/initiatives/worklist/")
        return len(queries)

    before = count()
    Initiative.objects.bulk_create(
        Initiative(title_uk=f"Ще {n}", state="on_agenda") for n in range(30)
    )
    assert count() == before
