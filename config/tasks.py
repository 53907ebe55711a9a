"""Project-wide dramatiq actors."""

from __future__ import annotations

import logging
from typing import Any

import dramatiq
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from django.utils.module_loading import import_string
from dramatiq_crontab import cron

logger = logging.getLogger(__name__)


@dramatiq.actor(queue_name="default", max_retries=3, time_limit=10 * 60 * 1000)
def run_django_task(module_path: str, args: list[Any], kwargs: dict[str, Any]) -> None:
    """Run a django-tasks ``Task`` (Wagtail's index updates and friends) on a dramatiq worker."""
    task = import_string(module_path)
    try:
        task.call(*args, **kwargs)
    except ObjectDoesNotExist:
        # The object was deleted between the save and this job: nothing left to index.
        logger.info("Skipped %s: its object no longer exists.", module_path)


@cron("* * * * *")
@dramatiq.actor(queue_name="default", max_retries=0)
def scheduler_heartbeat() -> None:
    """Every minute: proof for /healthz/ that the scheduler sends and a worker runs jobs."""
    from config.models import Heartbeat

    Heartbeat.objects.update_or_create(name="scheduler", defaults={"at": timezone.now()})


def _register_outbox_relay() -> None:
    """Every ten seconds, in the scheduler's own process (not as a job: a job needs the very
    broker that may be down), send what the outbox kept while the broker was away."""
    from apscheduler.triggers.interval import IntervalTrigger
    from dramatiq_crontab import scheduler

    from config.outbox import relay

    scheduler.add_job(
        relay, IntervalTrigger(seconds=10), id="config.outbox.relay", replace_existing=True
    )


_register_outbox_relay()
