"""The periodic-job scheduler, shared by both modes.

Periodic actors are declared with ``dramatiq_crontab.cron`` (or ``interval``) in an app's
``tasks.py``. In production ``manage.py crontab`` runs the scheduler in its own process and a
Redis lock (``SCHEDULER_LOCK_REDIS_URL``) keeps a second copy idle. In the embedded set-up the
same scheduler runs in a thread of the web process, next to the in-process worker.
"""

from __future__ import annotations

import importlib
import logging
import threading

from django.apps import apps

logger = logging.getLogger(__name__)

_thread: threading.Thread | None = None


def load_periodic_jobs() -> None:
    """Import every installed app's ``tasks`` module so its periodic jobs register.

    dramatiq-crontab's own heartbeat (a log line a minute) is left out, as its
    ``crontab --no-heartbeat`` would.
    """
    for app in apps.get_app_configs():
        if app.name == "dramatiq_crontab":
            continue
        try:
            importlib.import_module(f"{app.name}.tasks")
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.tasks":
                raise


def start_in_process_scheduler() -> None:
    """Run dramatiq-crontab's scheduler in a daemon thread (embedded mode)."""
    global _thread
    if _thread is not None:
        return
    from dramatiq_crontab import scheduler

    load_periodic_jobs()
    _thread = threading.Thread(target=scheduler.start, name="scheduler", daemon=True)
    _thread.start()
    logger.info("In-process scheduler started with %d periodic jobs.", len(scheduler.get_jobs()))
