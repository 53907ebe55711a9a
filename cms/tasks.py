"""Periodic content jobs."""

import dramatiq
from django.core.management import call_command
from dramatiq_crontab import cron


@cron("* * * * *")
@dramatiq.actor(queue_name="default", max_retries=0, time_limit=5 * 60 * 1000)
def publish_scheduled_pages() -> None:
    """Publish revisions whose go-live time has come and unpublish expired pages.

    Without this, Wagtail's scheduled publishing only happens when someone runs the command.
    """
    call_command("publish_scheduled", verbosity=0)
