"""One scheduler for periodic jobs: in-process when embedded, one locked process in production."""

import os
import subprocess
import sys
import time
from pathlib import Path

import redis

from config.scheduler import load_periodic_jobs
from tests.conftest import service_url

ROOT = Path(__file__).resolve().parents[2]


def test_periodic_jobs_register_with_the_scheduler():
    from dramatiq_crontab import scheduler

    load_periodic_jobs()
    assert "publish_scheduled_pages" in {job.name for job in scheduler.get_jobs()}


def test_a_second_production_scheduler_stays_idle():
    url = service_url("REDIS_URL")
    redis.Redis.from_url(url).ping()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DRAMATIQ_BROKER_URL": url,
        "SCHEDULER_LOCK_REDIS_URL": url,
        "SCHEDULER_LOCK_WAIT": "2",
        "DATABASE_URL": "sqlite:////tmp/safe-community-scheduler.sqlite3",
    }
    command = [sys.executable, "manage.py", "crontab", "--no-heartbeat"]
    first = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )
    try:
        deadline = time.monotonic() + 60
        started = False
        while time.monotonic() < deadline:
            line = first.stdout.readline()
            if "Starting scheduler" in line:
                started = True
                break
            if not line and first.poll() is not None:
                break
        assert started, "the first scheduler did not start"
        second = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False
        )
        assert "Another scheduler is already running" in second.stderr
        assert "Starting scheduler" not in second.stdout
        assert first.poll() is None  # the first one keeps running
    finally:
        first.terminate()
        first.wait(timeout=30)
