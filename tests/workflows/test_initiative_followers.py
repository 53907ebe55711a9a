"""Following initiatives: double opt-in, and one e-mail per follower for each public step, sent
by a worker after the commit, never for a step that was rolled back."""

import re
import time

import dramatiq
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.db import transaction
from django.utils import timezone

from cms.form_guard import TOKEN_FIELD, TRAP_FIELD, form_token
from tests.harness.waiting import wait_until
from workflows.models import Delivery, Initiative, Subscription
from workflows.tasks import notify_followers, send_confirmation

pytestmark = pytest.mark.django_db


def head():
    user = get_user_model().objects.create_user(f"head-{time.monotonic_ns()}", password="x")
    user.groups.add(Group.objects.get(name="Office heads"))
    return user


def guard() -> dict:
    """The signed token the follow form carries (``cms.form_guard``)."""
    return {TOKEN_FIELD: form_token("follow")}


def test_double_opt_in(client, demo, monkeypatch):
    item = Initiative.objects.get(state="adopted")
    sent = []
    monkeypatch.setattr(send_confirmation, "send", lambda pk: sent.append(pk))
    response = client.post(
        f"/en/initiatives/{item.pk}/follow/", {"email": "Olena@Example.org", **guard()}
    )
    assert response.status_code == 200
    subscription = Subscription.objects.get(email="olena@example.org", initiative=item)
    assert subscription.language == "en" and subscription.confirmed_at is None
    assert sent == [subscription.pk]
    send_confirmation.fn(subscription.pk)
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/\S+)", message.body).group(1)
    assert link.startswith("/en/initiatives/follow/confirm/")
    assert "Confirm" in message.subject
    client.get(link)  # shows a button: a mail scanner opening the link confirms nothing
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    client.post(link)
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None


@pytest.mark.parametrize("case", ["trap filled", "unsigned old timestamp", "no form token"])
def test_robots_subscribe_nobody_and_are_told_so(client, demo, case):
    data = {"email": "bot@example.org"}
    if case == "trap filled":
        data.update(guard(), **{TRAP_FIELD: "bot"})
    elif case == "unsigned old timestamp":  # what passed the former honeypot
        data.update(whf_name="", whf_time=str(int(time.time()) - 30))
    response = client.post("/en/initiatives/follow/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'role="alert"' in html and 'value="bot@example.org"' in html
    assert not Subscription.objects.filter(email="bot@example.org").exists()


def test_a_bad_address_is_explained_and_kept(client, demo):
    response = client.post("/initiatives/follow/", {"email": "not an address", **guard()})
    assert response.status_code == 400
    assert 'value="not an address"' in response.content.decode()
    assert not Subscription.objects.exists()


def test_unsubscribe_needs_a_post(client, demo):
    subscription = Subscription.objects.create(email="a@example.org", language="uk")
    url = f"/initiatives/follow/stop/{subscription.token}/"
    assert client.get(url).status_code == 200 and Subscription.objects.filter(pk=subscription.pk)
    client.post(url)
    assert not Subscription.objects.filter(pk=subscription.pk).exists()
    assert client.get("/initiatives/follow/stop/unknown-token/").status_code == 404


def test_a_rolled_back_step_sends_nothing(demo, django_capture_on_commit_callbacks):
    item = Initiative.objects.create(title_uk="Камери на зупинках", state="under_review")

    def jobs(callbacks) -> list[str]:
        """The jobs the commit would send: straight (in-process) or from the outbox (Redis)."""
        from ops.models import OutboxMessage

        names = [
            cb.args[0].actor_name
            for cb in callbacks
            if getattr(cb, "args", None) and isinstance(cb.args[0], dramatiq.Message)
        ]
        return names + list(OutboxMessage.objects.values_list("actor_name", flat=True))

    with (
        django_capture_on_commit_callbacks() as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        item.perform("accept", head())
        raise RuntimeError("the request failed after the step")
    assert "notify_followers" not in jobs(callbacks)
    with django_capture_on_commit_callbacks() as callbacks:
        Initiative.objects.get(pk=item.pk).perform("decline", head(), {"decline_reason_uk": "Ні"})
    assert jobs(callbacks).count("notify_followers") == 1  # sent at the commit


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_follower_gets_one_email_in_their_language(demo, worker):
    """Through the configured broker (Redis in the services run) and a real worker."""
    item = Initiative.objects.create(
        title_uk="Муніципальна варта", title_en="A municipal guard", state="under_review"
    )
    now = timezone.now()
    Subscription.objects.create(
        email="uk@example.org", language="uk", initiative=item, confirmed_at=now
    )
    Subscription.objects.create(email="en@example.org", language="en", confirmed_at=now)
    Subscription.objects.create(email="unconfirmed@example.org", language="uk", initiative=item)
    mail.outbox = []
    log = item.perform("accept", head(), comment_uk="Беремо в роботу", comment_en="We take it on")
    wait_until(lambda: len(mail.outbox) >= 2, 60, "both followers mailed")
    time.sleep(1)  # time for a duplicate to show up, if there were one
    assert sorted(m.to[0] for m in mail.outbox) == ["en@example.org", "uk@example.org"]
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "Прийнято до адвокації" in by_address["uk@example.org"].body
    assert "Accepted for advocacy" in by_address["en@example.org"].body
    assert by_address["en@example.org"].subject == "A municipal guard"
    notify_followers.fn(log.pk)  # a retried job mails nobody twice
    assert len(mail.outbox) == 2
    assert Delivery.objects.filter(log=log, sent_at__isnull=False).count() == 2
