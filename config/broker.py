"""The one dramatiq broker every app's actors use.

``DRAMATIQ_BROKER_URL`` picks the transport:

* ``inprocess://`` (the embedded default): an in-memory broker whose messages are consumed by
  worker threads inside the web process (:func:`start_in_process_worker`);
* ``redis://…`` or ``amqp://…`` (production): a real broker consumed by
  ``manage.py rundramatiq`` workers.

django-dramatiq builds the broker from :func:`dramatiq_broker_settings` when Django starts and
sets it explicitly, so no actor ever falls back to dramatiq's implicit default broker.

Every broker here sends a message only after the current database transaction commits:
dramatiq itself sends at once, so a job could run before its row exists, or run for a change
that was rolled back. Outside a transaction ``on_commit`` sends immediately.
"""

from __future__ import annotations

import logging
import threading
from functools import partial
from typing import Any
from urllib.parse import urlsplit

import dramatiq
from django.db import transaction
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.common import q_name
from dramatiq.middleware import Middleware, Retries

logger = logging.getLogger(__name__)

#: Retry back-off for failed jobs: 10 s, 20 s, 40 s … capped at one hour.
MIN_BACKOFF_MS = 10_000
MAX_BACKOFF_MS = 3_600_000

#: Redis only. A worker that dies (SIGKILL, OOM, a lost host) leaves its unacknowledged jobs in
#: its own "acks" set; another worker puts them back on the queue once the dead one's last
#: heartbeat is older than this (dramatiq's default, 60 s). A live worker heartbeats on every
#: fetch, about once a second, so the value only has to exceed a long pause; RabbitMQ needs
#: none of this: it redelivers unacknowledged messages as soon as the connection drops.
REDIS_HEARTBEAT_TIMEOUT_MS = 60_000
#: Redis only: out of a million fetches, how many also run that clean-up. dramatiq's default
#: (1,000) means an idle worker, fetching about once a second, brings a dead worker's jobs
#: back after ~17 minutes on average; 50,000 (5 %) makes it ~20 s after the heartbeat
#: timeout, for a few cheap Redis commands on one fetch in twenty.
REDIS_MAINTENANCE_CHANCE = 50_000


class SendOnCommitMixin:
    """Defer ``enqueue`` to ``transaction.on_commit`` (immediate outside a transaction)."""

    def enqueue(self, message: dramatiq.Message, *, delay: int | None = None) -> dramatiq.Message:
        transaction.on_commit(partial(super().enqueue, message, delay=delay), robust=False)
        return message


class OutboxMixin:
    """Send through the transactional outbox (``ops.outbox``): written with the change,
    sent after the commit, relayed later if the broker was down."""

    def enqueue(self, message: dramatiq.Message, *, delay: int | None = None) -> dramatiq.Message:
        from ops import outbox

        if message.queue_name in outbox.DIRECT_QUEUES:
            transaction.on_commit(partial(self.enqueue_now, message, delay=delay), robust=True)
        else:
            outbox.store(self, message, delay)
        return message

    def enqueue_now(self, message: dramatiq.Message, *, delay: int | None = None):
        """The broker's own send, at once."""
        return super().enqueue(message, delay=delay)


class OnCommitRedisBroker(OutboxMixin, RedisBroker):
    """Redis broker that sends after commit, through the outbox."""


class OnCommitRabbitmqBroker(OutboxMixin, RabbitmqBroker):
    """RabbitMQ broker that sends after commit, through the outbox."""


class InProcessBroker(SendOnCommitMixin, StubBroker):
    """In-memory broker for the embedded set-up; its worker threads live in the web process."""


class RecordFailedJobs(Middleware):
    """Store a message whose retries are exhausted, so an administrator sees it in the admin.

    It must sit *before* ``Retries`` in the middleware list: dramatiq runs ``after_*`` hooks in
    reverse order, and ``Retries`` is what marks the message as failed.
    """

    def after_process_message(self, broker, message, *, result=None, exception=None):
        if exception is None or not message.failed:
            return
        from ops.models import FailedJob  # the app registry is ready once workers run

        FailedJob.record(message, exception)

    def after_skip_message(self, broker, message):
        if message.failed:
            from ops.models import FailedJob

            FailedJob.record(message, None)


class CloseDatabaseConnections(Middleware):
    """Give every job a usable database connection and release it afterwards.

    Worker threads live long; a connection left open by one job may be stale for the next.
    """

    def before_process_message(self, broker, message):
        from django.db import close_old_connections

        close_old_connections()

    def after_process_message(self, broker, message, *, result=None, exception=None):
        from django.db import close_old_connections

        close_old_connections()

    after_skip_message = before_process_message

    def before_worker_thread_shutdown(self, broker, thread):
        """A stopping worker thread closes its connections (a test database can then be
        dropped, and PostgreSQL is not left with idle sessions)."""
        from django.db import connections

        connections.close_all()


def dramatiq_broker_settings(
    url: str,
    max_retries: int,
    *,
    redis_heartbeat_timeout_ms: int = REDIS_HEARTBEAT_TIMEOUT_MS,
    redis_maintenance_chance: int = REDIS_MAINTENANCE_CHANCE,
) -> dict[str, Any]:
    """Return django-dramatiq's ``DRAMATIQ_BROKER`` setting for a broker URL.

    Raises ``ValueError`` for a scheme it does not know, so a typo fails at start-up
    instead of silently falling back to another broker. The two ``redis_*`` values tune how
    soon a dead worker's jobs run again (see :data:`REDIS_HEARTBEAT_TIMEOUT_MS`).
    """
    scheme = urlsplit(url).scheme
    middleware = [
        "dramatiq.middleware.AgeLimit",
        "dramatiq.middleware.TimeLimit",
        "dramatiq.middleware.ShutdownNotifications",
        "dramatiq.middleware.Callbacks",
        "dramatiq.middleware.Pipelines",
        "ops.logs.JobLogMiddleware",  # one log line per job; before Retries, like the next
        RecordFailedJobs(),
        Retries(max_retries=max_retries, min_backoff=MIN_BACKOFF_MS, max_backoff=MAX_BACKOFF_MS),
        CloseDatabaseConnections(),
    ]
    if scheme == "inprocess":
        return {"BROKER": "config.broker.InProcessBroker", "OPTIONS": {}, "MIDDLEWARE": middleware}
    if scheme in {"redis", "rediss", "unix"}:
        return {
            "BROKER": "config.broker.OnCommitRedisBroker",
            "OPTIONS": {
                "url": url,
                "heartbeat_timeout": redis_heartbeat_timeout_ms,
                "maintenance_chance": redis_maintenance_chance,
            },
            "MIDDLEWARE": middleware,
        }
    if scheme in {"amqp", "amqps"}:
        return {
            "BROKER": "config.broker.OnCommitRabbitmqBroker",
            "OPTIONS": {"url": url, "confirm_delivery": True},
            "MIDDLEWARE": middleware,
        }
    raise ValueError(
        f"DRAMATIQ_BROKER_URL has an unknown scheme {scheme!r}: "
        "use inprocess://, redis://… or amqp://…"
    )


_in_process_worker: dramatiq.Worker | None = None
_in_process_probe_worker: dramatiq.Worker | None = None
_lock = threading.Lock()

#: Camera probes wait on sockets for seconds (a silent camera, up to its deadline), so they
#: get their own threads: a hanging camera must not hold up e-mails or index updates.
PROBE_QUEUES = frozenset({"probes"})


class ExcludingWorker(dramatiq.Worker):
    """A worker for every queue except some (dramatiq only has a whitelist); unlike a fixed
    whitelist it still picks up queues declared after it started."""

    def __init__(self, *args, excluded: frozenset[str] = frozenset(), **kwargs):
        self.excluded = excluded
        super().__init__(*args, **kwargs)

    def _add_consumer(self, queue_name: str, *, delay: bool = False) -> None:
        if q_name(queue_name) in self.excluded:
            return
        super()._add_consumer(queue_name, delay=delay)


def start_in_process_worker(threads: int = 1, probe_threads: int = 8) -> dramatiq.Worker:
    """Consume the in-memory broker with worker threads in this process (embedded mode only).

    One thread by default: SQLite takes one writer at a time, and Wagtail's database search
    backend races with itself when two jobs index the same page at once. Camera probes run on
    ``probe_threads`` threads of their own (their database writes are short).
    """
    global _in_process_worker, _in_process_probe_worker
    with _lock:
        if _in_process_worker is None:
            broker = dramatiq.get_broker()
            if not isinstance(broker, InProcessBroker):
                raise RuntimeError(
                    "The in-process worker only runs with DRAMATIQ_BROKER_URL=inprocess://; "
                    "start `manage.py rundramatiq` for a real broker."
                )
            worker = ExcludingWorker(
                broker, worker_threads=threads, worker_timeout=250, excluded=PROBE_QUEUES
            )
            worker.start()
            probes = dramatiq.Worker(
                broker, queues=set(PROBE_QUEUES), worker_threads=probe_threads, worker_timeout=250
            )
            probes.start()
            _in_process_worker, _in_process_probe_worker = worker, probes
            logger.info(
                "In-process job worker started with %d thread(s), %d for camera probes.",
                threads,
                probe_threads,
            )
        return _in_process_worker


def drain_in_process_broker(timeout_ms: int = 120_000) -> None:
    """Wait until the in-process worker has run every message sent so far.

    A short-lived process of the embedded set-up (``runembedded --demo`` preparing the demo)
    must not exit with jobs such as Wagtail's index updates still in memory.
    """
    broker = dramatiq.get_broker()
    for queue_name in broker.get_declared_queues():
        if not queue_name.endswith((".DQ", ".XQ")):
            broker.join(queue_name, fail_fast=False, timeout=timeout_ms)
    for worker in (_in_process_worker, _in_process_probe_worker):
        if worker is not None:
            worker.join()


def stop_worker(worker: dramatiq.Worker) -> None:
    """Stop a worker that runs in this process and detach it from its broker.

    ``Worker.stop()`` leaves the worker's own middleware on the broker. A queue declared later
    would then start a consumer for the stopped worker, which takes messages that no thread
    ever runs (and a ``join`` on that queue never returns).
    """
    worker.stop()
    worker.broker.middleware[:] = [
        middleware
        for middleware in worker.broker.middleware
        if getattr(middleware, "worker", None) is not worker
    ]


def stop_in_process_worker() -> None:
    """Stop the in-process worker (used by tests and on shutdown)."""
    global _in_process_worker, _in_process_probe_worker
    with _lock:
        for worker in (_in_process_worker, _in_process_probe_worker):
            if worker is not None:
                stop_worker(worker)
        _in_process_worker = _in_process_probe_worker = None
