"""Periodic operations jobs: the scheduler's heartbeat and the outbox relay."""

from __future__ import annotations

import dramatiq
from django.utils import timezone
from dramatiq_crontab import cron


@cron("* * * * *")
@dramatiq.actor(queue_name="default", max_retries=0)
def scheduler_heartbeat() -> None:
    """Every minute: proof for /healthz/ that the scheduler sends and a worker runs jobs."""
    from ops.models import Heartbeat

    Heartbeat.objects.update_or_create(name="scheduler", defaults={"at": timezone.now()})


def _register_outbox_relay() -> None:
    """Every ten seconds, in the scheduler's own process (not as a job: a job needs the very
    broker that may be down), send what the outbox kept while the broker was away."""
    from apscheduler.triggers.interval import IntervalTrigger
    from dramatiq_crontab import scheduler

    from ops.outbox import relay

    scheduler.add_job(
        relay, IntervalTrigger(seconds=10), id="ops.outbox.relay", replace_existing=True
    )


_register_outbox_relay()
