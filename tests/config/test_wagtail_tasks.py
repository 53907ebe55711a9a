"""Wagtail's own background work (search and reference indexes) runs on the dramatiq workers,
after the transaction commits, not inside the request."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.search.models import IndexEntry

from cms.models import StandardPage
from tests.factories.cms import site_home
from tests.harness.waiting import wait_until
from tests.jobs_helpers import running_worker

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def is_indexed(page) -> bool:
    content_type = ContentType.objects.get_for_model(StandardPage)
    return IndexEntry.objects.filter(content_type=content_type, object_id=str(page.pk)).exists()


def test_page_is_indexed_by_the_worker_not_the_request(broker):
    home = site_home()
    broker.flush_all()
    with transaction.atomic():
        page = home.add_child(instance=StandardPage(title="Рятувальники на пляжі"))
        page.save_revision().publish()
    assert not is_indexed(page)  # the save only queued the work

    with running_worker(broker):
        wait_until(lambda: is_indexed(page), 60, "the page indexed")
    results = StandardPage.objects.live().search("Рятувальники")
    assert page in list(results)


def test_task_for_a_deleted_object_is_dropped_quietly():
    """A page deleted before its index job ran leaves nothing to do: no retry, no failure."""
    from config.tasks import run_django_task

    run_django_task.fn(
        "wagtail.search.tasks.insert_or_update_object_task", ["cms", "standardpage", "999999"], {}
    )
    run_django_task.fn(
        "wagtail.tasks.update_reference_index_task", ["cms", "standardpage", 999999], {}
    )
