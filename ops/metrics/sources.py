"""Metrics read at scrape time from the database and the broker.

They describe shared state (rows, queues), so any web process can answer for all of them:
no worker or probe container has to expose an endpoint of its own, and nothing is lost when
a process restarts. Each scrape costs a handful of grouped queries and one broker round trip.

* Queue depth per dramatiq queue, read from the broker itself (Redis list lengths and ack
  sets, RabbitMQ passive ``queue_declare``, the in-process broker's queues), and the
  transactional outbox's backlog (``OutboxMessage`` rows not yet sent).
* Failed jobs per actor from the failed-jobs record (``FailedJob``); retries waiting for their
  back-off show as the queues' ``delayed`` messages.
* The age of the scheduler's heartbeat.
* What the apps add through ``ops.registry.register_metrics``: camera probe durations and
  cameras per status (``cctv_bridge.ops_hooks``), initiatives per state and transitions per
  target state (``workflows.ops_hooks``).

A source that does not answer (database or broker down) is reported by
``safe_community_metrics_source_up`` instead of failing the whole scrape.
"""

from __future__ import annotations

import datetime
import logging
import math
from collections.abc import Iterable, Iterator

import dramatiq
from django.db import DatabaseError
from django.db.models import Count, Min
from django.utils import timezone
from dramatiq.brokers.rabbitmq import RabbitmqBroker
from dramatiq.brokers.redis import RedisBroker
from dramatiq.brokers.stub import StubBroker
from dramatiq.common import dq_name, xq_name
from prometheus_client.core import GaugeMetricFamily, Metric

from ops import registry

logger = logging.getLogger(__name__)

PREFIX = "safe_community"
#: Message states of a queue: waiting to run, delayed (retries in back-off, delayed sends),
#: taken by a worker (running or prefetched; Redis and in-process only), dead-lettered.
QUEUE_STATES = ("ready", "delayed", "in_progress", "dead")


def quantile(ordered: list[float], q: float) -> float:
    """Nearest-rank quantile of an ascending list (q=1 is the maximum)."""
    if not ordered:
        return math.nan
    rank = max(math.ceil(q * len(ordered)), 1)
    return ordered[rank - 1]


# --- Broker --------------------------------------------------------------------------------

_tasks_discovered = False


def declared_queues(broker: dramatiq.Broker) -> list[str]:
    """Every queue the workers consume: the web process imports each app's ``tasks`` module
    (as ``rundramatiq`` does) so that queues only workers use are declared here too."""
    global _tasks_discovered
    if not _tasks_discovered and broker is dramatiq.get_broker():
        from django.conf import settings
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules(*getattr(settings, "DRAMATIQ_AUTODISCOVER_MODULES", ["tasks"]))
        _tasks_discovered = True
    return sorted(q for q in broker.get_declared_queues() if not q.endswith((".DQ", ".XQ")))


def queue_depths(broker: dramatiq.Broker) -> dict[str, dict[str, int]]:
    """``{queue: {state: messages}}`` for every declared queue, read from ``broker`` now.

    RabbitMQ reports no ``in_progress`` (unacknowledged messages are visible only through its
    management API), and its ``delayed`` count leaves out messages a worker already holds.
    """
    queues = declared_queues(broker)
    depths = {queue: dict.fromkeys(QUEUE_STATES, 0) for queue in queues}
    if isinstance(broker, RedisBroker):
        _redis_depths(broker, depths)
    elif isinstance(broker, RabbitmqBroker):
        _rabbitmq_depths(broker, depths)
    elif isinstance(broker, StubBroker):
        _in_process_depths(broker, depths)
    return depths


def _redis_depths(broker: RedisBroker, depths: dict[str, dict[str, int]]) -> None:
    """Message ids wait in the list ``ns:queue`` (``ns:queue.DQ`` for delayed ones); a worker
    moves what it takes into the set ``ns:__acks__.<worker>.<queue>``; dead letters sit in the
    sorted set ``ns:queue.XQ`` (dramatiq's ``dispatch.lua``)."""
    namespace, client = broker.namespace, broker.client
    pipe = client.pipeline(transaction=False)
    for queue in depths:
        pipe.llen(f"{namespace}:{queue}")
        pipe.llen(f"{namespace}:{dq_name(queue)}")
        pipe.zcard(f"{namespace}:{xq_name(queue)}")
    counts = iter(pipe.execute())
    for queue in depths:
        depths[queue]["ready"] = next(counts)
        depths[queue]["delayed"] = next(counts)
        depths[queue]["dead"] = next(counts)

    prefix = f"{namespace}:__acks__."
    ack_keys = [
        key.decode() if isinstance(key, bytes) else key
        for key in client.scan_iter(match=f"{prefix}*", count=1000)
    ]
    if not ack_keys:
        return
    pipe = client.pipeline(transaction=False)
    for key in ack_keys:
        pipe.scard(key)
    for key, taken in zip(ack_keys, pipe.execute(), strict=True):
        _worker, _dot, queue_name = key[len(prefix) :].partition(".")
        delayed = queue_name.endswith(".DQ")
        queue = queue_name.removesuffix(".DQ")
        if queue in depths:
            depths[queue]["delayed" if delayed else "in_progress"] += taken


def _rabbitmq_depths(broker: RabbitmqBroker, depths: dict[str, dict[str, int]]) -> None:
    """A passive ``queue_declare`` reads a queue's ready messages without creating it."""
    import pika.exceptions

    states = (("ready", ""), ("delayed", ".DQ"), ("dead", ".XQ"))
    try:
        for queue in depths:
            for state, suffix in states:
                try:
                    declared = broker.channel.queue_declare(queue=queue + suffix, passive=True)
                except pika.exceptions.ChannelClosedByBroker:
                    del broker.channel  # no such queue yet: the broker closed the channel
                    continue
                depths[queue][state] = declared.method.message_count
    except (pika.exceptions.AMQPError, OSError):
        # A connection idle since the last scrape may have been dropped: the next scrape
        # opens a new one instead of failing on this one for good.
        del broker.connection
        raise


def _in_process_depths(broker: StubBroker, depths: dict[str, dict[str, int]]) -> None:
    """A ``queue.Queue`` counts a message as unfinished from ``put`` until the worker's
    ``task_done``; what is not in the queue any more is held by a worker."""
    for queue in depths:
        waiting = broker.queues[queue]
        delayed = broker.queues.get(dq_name(queue))
        depths[queue]["ready"] = waiting.qsize()
        depths[queue]["in_progress"] = max(waiting.unfinished_tasks - waiting.qsize(), 0)
        depths[queue]["delayed"] = delayed.unfinished_tasks if delayed is not None else 0
        depths[queue]["dead"] = len(broker.dead_letters_by_queue.get(queue, [])) + len(
            broker.dead_letters_by_queue.get(dq_name(queue), [])
        )


def broker_metrics(broker: dramatiq.Broker) -> Iterator[Metric]:
    depth = GaugeMetricFamily(
        f"{PREFIX}_job_queue_messages",
        "Messages in each dramatiq queue by state (ready, delayed, in_progress, dead), "
        "read from the broker at scrape time.",
        labels=["queue", "state"],
    )
    for queue, states in queue_depths(broker).items():
        for state, count in states.items():
            depth.add_metric([queue, state], count)
    yield depth


# --- Database ------------------------------------------------------------------------------


def job_metrics(now: datetime.datetime) -> Iterator[Metric]:
    from ops.models import FailedJob, Heartbeat, OutboxMessage

    outbox = GaugeMetricFamily(
        f"{PREFIX}_outbox_messages",
        "Jobs written to the transactional outbox and not yet handed to the broker.",
        labels=["queue"],
    )
    outbox_age = GaugeMetricFamily(
        f"{PREFIX}_outbox_oldest_age_seconds",
        "Age of the oldest job still waiting in the outbox.",
        labels=["queue"],
    )
    rows = OutboxMessage.objects.values("queue_name").annotate(
        n=Count("pk"), oldest=Min("created_at")
    )
    for row in rows.order_by("queue_name"):
        outbox.add_metric([row["queue_name"]], row["n"])
        outbox_age.add_metric([row["queue_name"]], (now - row["oldest"]).total_seconds())
    yield outbox
    yield outbox_age

    failed = GaugeMetricFamily(
        f"{PREFIX}_failed_jobs",
        "Jobs that failed after their last retry, in the failed-jobs record, by actor and by "
        "whether an administrator marked them resolved.",
        labels=["actor", "queue", "resolved"],
    )
    rows = FailedJob.objects.values("actor_name", "queue_name", "resolved").annotate(n=Count("pk"))
    for row in rows.order_by("actor_name", "queue_name", "resolved"):
        resolved = "true" if row["resolved"] else "false"
        failed.add_metric([row["actor_name"], row["queue_name"], resolved], row["n"])
    yield failed

    heartbeat = GaugeMetricFamily(
        f"{PREFIX}_scheduler_heartbeat_age_seconds",
        "Seconds since the every-minute heartbeat job last ran (absent before its first run).",
    )
    beat = Heartbeat.objects.filter(name="scheduler").values_list("at", flat=True).first()
    if beat is not None:
        heartbeat.add_metric([], (now - beat).total_seconds())
    yield heartbeat


class ScrapeTimeCollector:
    """A prometheus_client collector that reads the database and the broker on each scrape.

    ``describe`` is empty so registering it reads nothing; the broker is looked up at each
    scrape (tests and the embedded set-up may replace it).
    """

    def describe(self) -> Iterable[Metric]:
        return []

    def collect(self) -> Iterator[Metric]:
        now = timezone.now()
        up = GaugeMetricFamily(
            f"{PREFIX}_metrics_source_up",
            "Whether a source of the scrape-time metrics answered (1) or not (0).",
            labels=["source"],
        )
        try:
            families = [*job_metrics(now)]
            for collector in registry.metrics_collectors():
                families.extend(collector(now))
        except DatabaseError as error:
            logger.warning("metrics: the database did not answer: %s", type(error).__name__)
            families = []
        up.add_metric(["database"], 1 if families else 0)
        yield from families

        try:
            families = list(broker_metrics(dramatiq.get_broker()))
        except Exception as error:  # redis, pika or socket errors: the broker is down
            logger.warning("metrics: the job broker did not answer: %s", type(error).__name__)
            families = []
        up.add_metric(["broker"], 1 if families else 0)
        yield from families
        yield up
