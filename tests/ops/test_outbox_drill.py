"""Fault drill: the broker (a real Redis) is stopped while initiatives change state. The steps
succeed, their notifications wait in the outbox, and once Redis is back every follower gets
each one exactly once."""

from __future__ import annotations

import os
import shutil

import pytest
from django.core import mail
from django.utils import timezone

from config.broker import OnCommitRedisBroker
from ops import outbox
from ops.models import OutboxMessage
from tests.factories.workflows import InitiativeFactory
from tests.harness.services import RedisServer
from tests.harness.waiting import wait_until
from tests.jobs_helpers import running_worker
from tests.workflow_helpers import member
from workflows.models import Initiative, Subscription
from workflows.tasks import notify_followers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def redis_server():
    if not shutil.which("redis-server"):
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("redis-server is needed for the broker drill")
        pytest.skip("redis-server is not installed")
    server = RedisServer()
    server.start()
    yield server
    if server.proc.poll() is None:
        server.stop()


@pytest.fixture
def drill_broker(redis_server, monkeypatch):
    broker = OnCommitRedisBroker(url=f"redis://127.0.0.1:{redis_server.port}/0")
    broker.declare_actor(notify_followers)
    monkeypatch.setattr(notify_followers, "broker", broker)
    monkeypatch.setattr(outbox, "RELAY_AFTER_SECONDS", 0)
    yield broker
    broker.close()


def test_steps_taken_while_the_broker_is_down_notify_once_it_is_back(redis_server, drill_broker):
    for email, language in (("olena@example.org", "uk"), ("john@example.org", "en")):
        Subscription.objects.create(email=email, language=language, confirmed_at=timezone.now())
    InitiativeFactory.create_batch(3, steps=["submit", "start_review", "accept"])
    items = list(Initiative.objects.filter(state="accepted")[:3])
    assert len(items) == 3
    coordinator = member("coordinator")

    redis_server.stop()
    logs = [item.perform("start_drafting", coordinator) for item in items]  # broker down
    assert Initiative.objects.filter(pk__in=[i.pk for i in items], state="drafting").count() == 3

    def waiting():
        return OutboxMessage.objects.filter(actor_name="notify_followers")

    assert waiting().count() == 3 and all(row.attempts == 1 for row in waiting())
    assert outbox.relay(drill_broker) == 0  # still down: nothing lost, nothing sent
    assert waiting().count() == 3

    redis_server.start()
    assert outbox.relay(drill_broker) == 3
    assert not waiting().exists()
    with running_worker(drill_broker):
        wait_until(lambda: len(mail.outbox) >= 6, 20, "six messages mailed")
        # A job delivered twice (a relay that crashed before deleting its row) mails nobody
        # twice: the Delivery rows remember who got what.
        notify_followers.send(logs[0].pk)
        wait_until(lambda: not OutboxMessage.objects.exists(), 10, "the outbox emptied")
        drill_broker.join(notify_followers.queue_name, timeout=10_000)
    assert len(mail.outbox) == 6
    assert (
        sorted(m.to[0] for m in mail.outbox) == ["john@example.org"] * 3 + ["olena@example.org"] * 3
    )
