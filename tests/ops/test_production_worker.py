"""The production path end to end: a page published in a transaction on PostgreSQL is indexed
by a separate ``manage.py rundramatiq`` worker process that takes the job from Redis."""

import os
import subprocess
import time

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from wagtail.search.models import IndexEntry

from cms.models import StandardPage
from tests.factories.cms import site_home
from tests.harness.servers import DramatiqWorker
from tests.harness.waiting import wait_until

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture
def production_stack():
    real = settings.DRAMATIQ_BROKER_URL.startswith("redis") and connection.vendor == "postgresql"
    if not real:
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail("this run must use PostgreSQL and a Redis broker")
        pytest.skip("needs DATABASE_URL=postgres://… and DRAMATIQ_BROKER_URL=redis://…")
    db = connection.settings_dict
    database_url = f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url,  # the test database this test writes to
        "DRAMATIQ_BROKER_URL": settings.DRAMATIQ_BROKER_URL,
    }
    worker = DramatiqWorker(env, subprocess.DEVNULL, queues=()).start()
    time.sleep(0.5)
    assert worker.proc.poll() is None, "rundramatiq exited at once"
    yield worker.proc
    worker.stop(timeout=60)


def test_rundramatiq_worker_indexes_a_page_published_in_a_transaction(broker, production_stack):
    home = site_home()
    with transaction.atomic():
        page = home.add_child(instance=StandardPage(title="Кава з лікарем"))
        page.save_revision().publish()
    content_type = ContentType.objects.get_for_model(StandardPage)
    wait_until(
        lambda: IndexEntry.objects.filter(
            content_type=content_type, object_id=str(page.pk)
        ).exists(),
        120,
        "the page indexed by the worker",
    )
    assert production_stack.poll() is None
