"""Editors draft and submit, moderators approve and publish; scheduling and revisions work."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import Page, WorkflowState

from cms.models import HomePage, StandardPage
from cms.tasks import publish_scheduled_pages

pytestmark = pytest.mark.django_db


def member_of(group_name: str):
    user = get_user_model().objects.create_user(group_name.lower(), password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_the_three_groups_exist():
    names = set(Group.objects.values_list("name", flat=True))
    assert {"Editors", "Moderators", "Administrators"} <= names


@pytest.mark.parametrize(
    ("group", "can_edit", "can_publish"),
    [("Editors", True, False), ("Moderators", True, True), ("Administrators", True, True)],
)
def test_page_permissions_by_group(demo, group, can_edit, can_publish):
    user = member_of(group)
    page = StandardPage.objects.get(slug="pro-ofis")
    permissions = page.permissions_for_user(user)
    assert permissions.can_edit() is can_edit
    assert permissions.can_publish() is can_publish
    assert user.has_perm("wagtailadmin.access_admin")


def test_only_administrators_manage_users():
    assert not member_of("Moderators").has_perm("auth.change_user")
    assert member_of("Administrators").has_perm("auth.change_user")


def test_moderation_workflow_guards_every_page(demo):
    for page in Page.objects.filter(depth__gt=1):
        workflow = page.get_workflow()
        assert workflow is not None and workflow.name == "Moderators approval"


def test_editor_cannot_publish_without_moderation(client, demo):
    editor = member_of("Editors")
    client.force_login(editor)
    home = HomePage.objects.get(locale__language_code="uk")
    response = client.post(
        f"/admin/pages/add/cms/standardpage/{home.pk}/",
        {
            "title": "Новина без погодження",
            "slug": "новина-без-погодження",
            "intro": "",
            "body-count": "0",
            "action-publish": "publish",
        },
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(title="Новина без погодження")
    assert not page.live
    assert page.has_unpublished_changes


def test_editor_submits_and_moderator_publishes(demo):
    editor, moderator = member_of("Editors"), member_of("Moderators")
    home = HomePage.objects.get(locale__language_code="uk")
    page = home.add_child(instance=StandardPage(title="Літній сезон", live=False))
    page.save_revision(user=editor)
    workflow = page.get_workflow()
    state = workflow.start(page, editor)
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    task = state.current_task_state.task.specific
    assert task.get_actions(page, editor) == []
    assert "approve" in [name for name, *_rest in task.get_actions(page, moderator)]
    task.on_action(state.current_task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_APPROVED


def test_scheduled_publishing_runs_from_the_periodic_job(demo):
    home = HomePage.objects.get(locale__language_code="uk")
    page = home.add_child(instance=StandardPage(title="Форум", live=False))
    page.go_live_at = timezone.now() + timedelta(minutes=5)
    revision = page.save_revision()
    revision.publish()
    page.refresh_from_db()
    assert not page.live  # scheduled, not live
    publish_scheduled_pages.fn()
    page.refresh_from_db()
    assert not page.live  # not yet
    # Let the scheduled time pass: move it a second into the past.
    revision.refresh_from_db()
    past = timezone.now() - timedelta(seconds=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save()
    publish_scheduled_pages.fn()
    page.refresh_from_db()
    assert page.live


def test_revisions_are_kept_and_revertable(demo):
    page = StandardPage.objects.get(slug="pro-ofis")
    first = page.latest_revision
    page.intro = "Нова версія вступу"
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.revisions.count() == 2
    first.publish()
    page.refresh_from_db()
    assert page.intro.startswith("Неформальний центр")


def test_demo_load_is_idempotent(demo):
    def snapshot():
        from wagtail.models import Revision, Site

        return (
            list(Page.objects.order_by("path").values_list("path", "slug", "title", "live")),
            Revision.objects.count(),
            list(Site.objects.values_list("hostname", "port", "root_page_id")),
        )

    before = snapshot()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert snapshot() == before
