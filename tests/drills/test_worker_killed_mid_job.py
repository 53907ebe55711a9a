"""Fault drill: a worker is killed (SIGKILL) in the middle of a job. The job runs again on the
next worker, and its effect happens once: every follower of an initiative gets the step's
e-mail exactly once, none is lost and none is mailed twice.

Everything is real: ``manage.py rundramatiq`` processes with the production settings, the
suite's PostgreSQL test database, a private ``redis-server`` as the broker, and an SMTP server
on loopback that accepts the first e-mail and hangs on the second, so the worker dies
mid-send, with one follower mailed and the others not.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from django.utils import timezone

from config.broker import OnCommitRedisBroker
from ops.models import OutboxMessage
from tests.conftest import service_url
from tests.drills.mail_server import MailServer
from tests.harness.servers import DramatiqWorker
from tests.harness.services import RedisServer, database_url, require
from tests.harness.waiting import wait_until
from tests.workflow_helpers import member
from workflows.models import Delivery, Initiative, Subscription
from workflows.tasks import notify_followers

pytestmark = [
    pytest.mark.services,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FOLLOWERS = {"olena@example.org": "uk", "john@example.org": "en", "maria@example.org": "uk"}
#: The broker's dead-worker clean-up, shortened from production's 60 s so the drill takes
#: seconds (config/broker.py); every fetch runs it, instead of one in twenty.
HEARTBEAT_TIMEOUT_MS = 2_000


@pytest.fixture
def workers_database_url() -> str:
    """The suite's PostgreSQL test database, for the worker processes."""
    service_url("DATABASE_URL")
    require(connection.vendor == "postgresql", "this drill needs DATABASE_URL=postgres://…")
    return database_url(connection.settings_dict)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    server = RedisServer()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def drill_broker(redis_server: RedisServer, monkeypatch) -> Iterator[OnCommitRedisBroker]:
    """The test process sends ``notify_followers`` to the private Redis the workers consume."""
    broker = OnCommitRedisBroker(url=redis_server.url)
    broker.declare_actor(notify_followers)
    monkeypatch.setattr(notify_followers, "broker", broker)
    yield broker
    broker.close()


@pytest.fixture
def mail_server() -> Iterator[MailServer]:
    server = MailServer(hold_message=2)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def start_worker(
    workers_database_url: str, redis_server: RedisServer, mail_server: MailServer, tmp_path
) -> Iterator[Callable[[], DramatiqWorker]]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "drill-only-secret-key",
        "CCTV_STREAM_KEYS": Fernet.generate_key().decode(),
        "DATABASE_URL": workers_database_url,
        "DRAMATIQ_BROKER_URL": redis_server.url,
        "DRAMATIQ_REDIS_HEARTBEAT_TIMEOUT_MS": str(HEARTBEAT_TIMEOUT_MS),
        "DRAMATIQ_REDIS_MAINTENANCE_CHANCE": "1000000",
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(mail_server.port),
        "WAGTAILADMIN_BASE_URL": "http://testserver",
    }
    started: list[DramatiqWorker] = []

    def start() -> DramatiqWorker:
        log = open(tmp_path / f"worker-{len(started) + 1}.log", "w")  # noqa: SIM115
        worker = DramatiqWorker(env, log)
        started.append(worker)
        worker.start()
        return worker

    yield start
    for worker in started:
        worker.stop()
        worker.log.close()


def test_a_job_killed_mid_send_runs_again_and_mails_each_follower_once(
    drill_broker, mail_server, start_worker
):
    for email, language in FOLLOWERS.items():
        Subscription.objects.create(email=email, language=language, confirmed_at=timezone.now())
    item = Initiative.objects.create(
        title_uk="Освітлення стежки до школи", title_en="Lights on the path to school"
    )
    # Straight to "accepted" (the state field is protected): the earlier steps are private
    # and notify nobody; the next one is public.
    Initiative.objects.filter(pk=item.pk).update(state="accepted")
    item = Initiative.objects.get(pk=item.pk)
    log = item.perform("start_drafting", member("coordinator"))  # a public step: one job

    first = start_worker()
    wait_until(mail_server.held.is_set, 60, "the first worker sending the second e-mail")
    (mailed,) = mail_server.recipients()
    (held,) = mail_server.held_for[0]
    # Only the accepted e-mail is recorded; the held one's row is not committed.
    assert list(Delivery.objects.values_list("subscription__email", flat=True)) == [mailed]

    first.kill()  # mid-send, the job unacknowledged
    assert first.proc.returncode == -signal.SIGKILL
    assert mail_server.recipients() == [mailed]

    second = start_worker()
    wait_until(lambda: len(mail_server.delivered) == len(FOLLOWERS), 60, "the job running again")
    drill_broker.join(notify_followers.queue_name, timeout=60_000)  # acknowledged: done
    assert second.proc.poll() is None
    assert mail_server.recipients() == sorted(FOLLOWERS)  # the held one too, nobody twice
    assert held != mailed and held in FOLLOWERS
    sent = Delivery.objects.filter(log=log, sent_at__isnull=False)
    assert sorted(sent.values_list("subscription__email", flat=True)) == sorted(FOLLOWERS)
    assert not OutboxMessage.objects.exists()

    # The same job delivered once more (say, an outbox relay that died before deleting its
    # row) finds every follower recorded and mails nobody.
    notify_followers.send(log.pk)
    drill_broker.join(notify_followers.queue_name, timeout=60_000)
    assert not OutboxMessage.objects.exists()
    assert mail_server.recipients() == sorted(FOLLOWERS)
