"""A private step stays private, whatever a form or a caller asks: it is stored not public, mails
nobody and never shows in the public history, even once the initiative turns public."""

import dramatiq
import pytest
from django.core import mail
from django.utils import timezone

from tests.workflow_helpers import member
from workflows.engine import TransitionLog
from workflows.models import Initiative, Subscription
from workflows.tasks import notify_followers

pytestmark = pytest.mark.django_db


def sent_jobs(callbacks) -> list[str]:
    """The jobs a commit sends: straight (in-process broker) or through the outbox (Redis)."""
    from ops.models import OutboxMessage

    names = [
        cb.args[0].actor_name
        for cb in callbacks
        if getattr(cb, "args", None) and isinstance(cb.args[0], dramatiq.Message)
    ]
    return names + list(OutboxMessage.objects.values_list("actor_name", flat=True))


def test_the_engine_stores_a_private_step_private_whatever_the_caller_says(
    django_capture_on_commit_callbacks,
):
    item = Initiative.objects.create(title_uk="Таємна чернетка про камери", state="submitted")
    Subscription.objects.create(
        email="everything@example.org", language="uk", confirmed_at=timezone.now()
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        log = item.perform(
            "start_review", member("coordinator"), comment_uk="Приватний коментар", public=True
        )
    assert log.public is False
    assert TransitionLog.objects.get(pk=log.pk).public is False
    assert "notify_followers" not in sent_jobs(callbacks)
    mail.outbox = []
    notify_followers.fn(log.pk)  # even a job sent by hand mails nobody
    assert mail.outbox == []


def test_the_step_form_does_not_offer_the_public_box_on_a_private_step(client):
    item = Initiative.objects.create(title_uk="Таємна чернетка про камери", state="submitted")
    client.force_login(member("coordinator"))
    form = client.get(f"/admin/initiatives/{item.pk}/step/start_review/").context["form"]
    assert "public" not in form.fields
    client.post(
        f"/admin/initiatives/{item.pk}/step/start_review/",
        {"comment_uk": "Приватний коментар", "public": "on"},
    )
    assert TransitionLog.objects.get(object_id=item.pk).public is False


def test_a_public_step_still_offers_the_box_and_may_be_kept_private(client):
    item = Initiative.objects.create(title_uk="Освітлення зупинок", state="accepted")
    client.force_login(member("coordinator"))
    url = f"/admin/initiatives/{item.pk}/step/start_drafting/"
    assert client.get(url).context["form"]["public"].initial is True
    client.post(url, {"comment_uk": "Лише для офісу"})
    assert TransitionLog.objects.get(object_id=item.pk).public is False


def test_private_steps_never_show_once_the_initiative_is_public(client, demo):
    item = Initiative.objects.create(title_uk="Освітлення зупинок", state="submitted")
    coordinator, head = member("coordinator"), member("head")
    item.perform("start_review", coordinator, comment_uk="Внутрішня примітка", public=True)
    item.perform("accept", head, comment_uk="Беремо в роботу")
    html = client.get(f"/initiatives/{item.pk}/").content.decode()
    assert "Беремо в роботу" in html
    assert "Внутрішня примітка" not in html
    api = client.get(f"/api/initiatives/{item.pk}/").json()
    assert [entry["state"] for entry in api["history"]] == ["accepted"]


def test_older_private_steps_marked_public_are_made_private_by_the_migration():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("workflows.migrations.0008_private_steps_stay_private")
    item = Initiative.objects.create(title_uk="Освітлення зупинок", state="accepted")
    wrong = TransitionLog.record(
        item, transition="start_review", source="submitted", target="under_review", public=True
    )
    right = TransitionLog.record(
        item, transition="accept", source="under_review", target="accepted", public=True
    )
    migration.private_steps_stay_private(apps, None)
    assert TransitionLog.objects.get(pk=wrong.pk).public is False
    assert TransitionLog.objects.get(pk=right.pk).public is True
