"""The dramatiq actor that runs django-tasks ``Task`` objects (see ``config.tasks_backend``)."""

from __future__ import annotations

import logging
from typing import Any

import dramatiq
from django.core.exceptions import ObjectDoesNotExist
from django.utils.module_loading import import_string

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
