"""Actors and helpers for the job tests (declared on the project's configured broker)."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager

import dramatiq
from django.contrib.auth.models import Group

from config.broker import stop_worker

QUEUE = "tests"
RESULTS: dict[str, list] = defaultdict(list)
_results_lock = threading.Lock()


def record(token: str, value) -> None:
    with _results_lock:
        RESULTS[token].append(value)


@dramatiq.actor(queue_name=QUEUE, max_retries=0)
def read_group(group_id: int, token: str) -> None:
    """Record the name of a group row: proves the row was committed when the job ran."""
    record(token, Group.objects.filter(pk=group_id).values_list("name", flat=True).first())


@dramatiq.actor(queue_name=QUEUE, max_retries=2, min_backoff=1, max_backoff=5)
def always_fails(token: str) -> None:
    record(token, "attempt")
    raise RuntimeError("the camera did not answer")


@contextmanager
def running_worker(broker: dramatiq.Broker, threads: int = 2) -> Iterator[dramatiq.Worker]:
    """A dramatiq worker consuming ``broker`` in this process for the duration of the block."""
    worker = dramatiq.Worker(broker, worker_threads=threads, worker_timeout=100)
    worker.start()
    try:
        yield worker
    finally:
        stop_worker(worker)
