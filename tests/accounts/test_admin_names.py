"""Group, workflow and task names are identifiers kept in English in the database, and read
in the user's language wherever the admin or its e-mails show them (accounts/admin_names.py)."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.template import Context, Template
from django.utils import translation
from wagtail.models import Workflow

from tests.two_factor_helpers import verified_login

pytestmark = pytest.mark.django_db


def test_a_group_reads_in_ukrainian_and_is_found_by_its_english_name():
    editors = Group.objects.get(name="Editors")
    shown = Template("{{ group }} · {{ group.name }}")
    with translation.override("uk"):
        assert shown.render(Context({"group": editors})) == "Редактори · Редактори"
        assert f"{editors.name}" == "Редактори"
        # Wagtail builds its labels with %-formatting ("Submit to %(workflow_name)s").
        assert "Submit to %(name)s" % {"name": editors.name} == "Submit to Редактори"  # noqa: UP031
        assert Group.objects.filter(name=editors.name).get() == editors
    with translation.override("en"):
        assert str(editors.name) == "Editors"
    assert editors.name == "Editors"
    assert json.dumps(editors.name) == '"Editors"'  # APIs and logs keep the identifier


def test_saving_the_shown_name_keeps_the_english_one():
    workflow = Workflow.objects.get(name="Moderators approval")
    with translation.override("uk"):
        workflow.name = str(workflow.name)  # what an admin form sends back
        assert workflow.name == "Затвердження модераторами"
        workflow.save()
    assert Workflow.objects.filter(name="Moderators approval").exists()


def test_a_name_the_office_typed_is_kept_as_typed():
    group = Group.objects.create(name="Волонтери")
    with translation.override("uk"):
        group.save()
        assert str(Group.objects.get(pk=group.pk).name) == "Волонтери"


@pytest.fixture
def administrator(client):
    user = get_user_model().objects.create_superuser("names-admin", "na@example.org", "x")
    verified_login(client, user)
    return client


@pytest.mark.parametrize(
    ("url", "shown", "not_shown"),
    [
        ("/admin/groups/", "Оператори ситуаційного центру", "Situational centre operators"),
        ("/admin/workflows/list/", "Затвердження модераторами", "Moderators approval"),
        ("/admin/workflows/tasks/index/", "Затвердження модераторами", "Moderators approval"),
    ],
)
def test_the_admin_shows_names_in_ukrainian(administrator, url, shown, not_shown):
    html = administrator.get(url).content.decode()
    assert shown in html
    assert not_shown not in html


def test_the_editor_submits_to_the_workflow_by_its_ukrainian_name(client, home):
    from tests.factories.cms import NewsIndexPageFactory, NewsPageFactory

    editor = get_user_model().objects.create_user("names-editor", "ne@example.org", "x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    page = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "Затвердження модераторами" in html
    assert "Moderators approval" not in html
