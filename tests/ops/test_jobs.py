"""Background jobs are sent only after the transaction commits, run once, retry a bounded number
of times and, when they give up, are recorded for an administrator.

These run on whichever broker the environment configures: the in-process broker in the
embedded run, Redis in the second pass of ``.ci/run``.
"""

import uuid

import dramatiq
import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from dramatiq.common import dq_name, xq_name
from dramatiq.middleware import Middleware

from config.broker import InProcessBroker, OnCommitRabbitmqBroker, OnCommitRedisBroker
from ops.models import FailedJob
from tests.conftest import service_url
from tests.harness.waiting import wait_until
from tests.jobs_helpers import QUEUE, RESULTS, always_fails, read_group, running_worker
from tests.two_factor_helpers import verified_login

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class CountSends(Middleware):
    def __init__(self):
        self.sent = []

    def after_enqueue(self, broker, message, delay):
        self.sent.append(message.actor_name)


@pytest.fixture
def sends(broker):
    counter = CountSends()
    broker.middleware.append(counter)
    yield counter
    broker.middleware.remove(counter)


def test_configured_broker_matches_the_environment(broker, settings):
    expected = InProcessBroker if settings.DRAMATIQ_BROKER_URL.startswith("inprocess") else None
    if settings.DRAMATIQ_BROKER_URL.startswith("redis"):
        expected = OnCommitRedisBroker
    assert type(broker) is expected


def test_job_is_not_sent_before_commit(broker, sends):
    with transaction.atomic():
        group = Group.objects.create(name=f"g-{uuid.uuid4()}")
        read_group.send(group.pk, "unused")
        assert sends.sent == []  # still inside the transaction
    assert sends.sent == ["read_group"]


def test_job_in_rolled_back_transaction_never_runs(broker, sends, single_worker):
    rolled_back, committed = str(uuid.uuid4()), str(uuid.uuid4())
    with pytest.raises(RuntimeError), transaction.atomic():
        group = Group.objects.create(name=rolled_back)
        read_group.send(group.pk, rolled_back)
        raise RuntimeError("the form was invalid")
    with transaction.atomic():
        group = Group.objects.create(name=committed)
        read_group.send(group.pk, committed)
    # One worker thread runs the queue in order: once the later job has run, an earlier
    # message would have run too.
    wait_until(lambda: RESULTS[committed], 60, "the committed job run")
    assert RESULTS[rolled_back] == []
    assert sends.sent == ["read_group"]


def test_job_in_committed_transaction_runs_exactly_once_and_sees_its_row(broker, single_worker):
    token, sentinel = str(uuid.uuid4()), str(uuid.uuid4())
    with transaction.atomic():
        group = Group.objects.create(name=token)
        read_group.send(group.pk, token)
    read_group.send(group.pk, sentinel)
    # In-order processing: once the later message has run, any duplicate of the first has too.
    wait_until(lambda: RESULTS[sentinel], 60, "the sentinel job run")
    assert RESULTS[token] == [token]


def test_exhausted_job_is_retried_a_bounded_number_of_times_then_recorded(broker, worker):
    token = str(uuid.uuid4())
    always_fails.send(token)
    wait_until(
        lambda: FailedJob.objects.filter(actor_name="always_fails").exists(),
        60,
        "the failed job recorded",
    )
    job = FailedJob.objects.get(actor_name="always_fails")
    assert RESULTS[token] == ["attempt"] * 3  # the first run and two retries
    assert job.retries == 3
    assert job.queue_name == QUEUE
    assert job.args == [token]
    assert "the camera did not answer" in job.error
    assert not job.resolved


def test_failed_jobs_are_visible_to_administrators_only(client, admin_user, django_user_model):
    FailedJob.objects.create(
        message_id="m1", queue_name=QUEUE, actor_name="probe_camera", error="RuntimeError: x"
    )
    verified_login(client, admin_user)
    listing = client.get("/admin/failed_jobs/")
    assert listing.status_code == 200
    assert "probe_camera" in listing.content.decode()
    assert client.get("/admin/failed_jobs/new/").status_code in (302, 403)

    editor = django_user_model.objects.create_user("editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/failed_jobs/").status_code in (302, 403)


def test_rabbitmq_broker_also_sends_only_after_commit():
    broker = OnCommitRabbitmqBroker(url=service_url("AMQP_URL"), confirm_delivery=True)
    queue = f"tests-{uuid.uuid4().hex[:8]}"
    seen: list[str] = []

    @dramatiq.actor(broker=broker, queue_name=queue, max_retries=0)
    def remember(token: str) -> None:
        seen.append(token)

    try:
        with running_worker(broker, threads=1):
            with pytest.raises(RuntimeError), transaction.atomic():
                remember.send("rolled back")
                raise RuntimeError("the form was invalid")
            with transaction.atomic():
                remember.send("committed")
                assert seen == []  # not sent before the commit
            remember.send("sentinel")
            wait_until(lambda: "sentinel" in seen, 60, "the sentinel job run")
        assert seen == ["committed", "sentinel"]
    finally:
        for name in (queue, dq_name(queue), xq_name(queue)):
            broker.channel.queue_delete(name)
        broker.close()


def test_embedded_preparation_runs_its_jobs_before_the_process_moves_on(broker):
    """``runembedded --demo`` loads the demo in a process that then exits: its jobs must run."""
    from config.broker import (
        drain_in_process_broker,
        start_in_process_worker,
        stop_in_process_worker,
    )

    if not isinstance(broker, InProcessBroker):
        pytest.skip("the in-process worker belongs to the embedded set-up only")
    token = str(uuid.uuid4())
    start_in_process_worker()
    try:
        with transaction.atomic():
            group = Group.objects.create(name=token)
            read_group.send(group.pk, token)
        drain_in_process_broker()
        assert RESULTS[token] == [token]  # done, without waiting on anything else
    finally:
        stop_in_process_worker()
