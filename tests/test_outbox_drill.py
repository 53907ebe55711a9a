"""Fault drill: the broker (a real Redis) is stopped while initiatives change state. The steps
succeed, their notifications wait in the outbox, and once Redis is back every follower gets
each one exactly once."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time

import pytest
from django.core import mail
from django.utils import timezone

from config import outbox
from config.broker import OnCommitRedisBroker
from config.models import OutboxMessage
from tests.factories.workflows import InitiativeFactory
from tests.jobs_helpers import running_worker, wait_for
from tests.workflow_helpers import member
from workflows.models import Initiative
from workflows.notifications import Subscription, notify_followers

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    """A private redis-server, so stopping it disturbs no other test or service."""

    def __init__(self):
        self.port = free_port()
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) == 0:
                    return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


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
        wait_for(lambda: len(mail.outbox) >= 6, timeout=20)
        # A job delivered twice (a relay that crashed before deleting its row) mails nobody
        # twice: the Delivery rows remember who got what.
        notify_followers.send(logs[0].pk)
        wait_for(lambda: not OutboxMessage.objects.exists(), timeout=10)
        drill_broker.join(notify_followers.queue_name, timeout=10_000)
    assert len(mail.outbox) == 6
    assert (
        sorted(m.to[0] for m in mail.outbox) == ["john@example.org"] * 3 + ["olena@example.org"] * 3
    )
