"""A django-tasks backend that runs Wagtail's background tasks on the dramatiq workers.

Wagtail 8 queues its own work (search index and reference index updates, image focal points,
file deletion) through ``django_tasks``. Its default backend runs them inside the web request;
this one hands them to the project's dramatiq broker, which sends after the transaction commits.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import Task, TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id


class DramatiqTaskBackend(BaseTaskBackend):
    """Enqueue each django-tasks ``Task`` as a ``run_django_task`` dramatiq message."""

    supports_defer = True

    def enqueue(self, task: Task, args: Any, kwargs: Any) -> TaskResult:
        from config.tasks import run_django_task  # actors need the broker django-dramatiq set up

        self.validate_task(task)
        result = TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )
        delay_ms = None
        if task.run_after is not None:
            delay_ms = max(0, int((task.run_after - timezone.now()).total_seconds() * 1000))
        run_django_task.send_with_options(
            args=(task.module_path, result.args, result.kwargs),
            delay=delay_ms,
        )
        return result
