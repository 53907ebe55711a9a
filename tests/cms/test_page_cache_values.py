"""Values kept between responses (cms.page_cache.values): computed once, purged by the tags of
what they were computed from, and passed on to the response that shows them."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cms.models import Organisation
from cms.page_cache import depends_on, purge, store
from cms.page_cache.collect import Collector, current
from cms.page_cache.values import kept_value

pytestmark = pytest.mark.django_db


def organisation_names() -> list[str]:
    return list(Organisation.objects.order_by("pk").values_list("name", flat=True))


def names_from_rows() -> list[str]:
    """Loads model instances: the page cache learns the dependency from the rows."""
    return [organisation.name for organisation in Organisation.objects.order_by("pk")]


def test_a_value_is_computed_once_until_a_tag_it_depends_on_is_purged(demo):
    calls = []

    def compute():
        calls.append(1)
        depends_on("example")
        return organisation_names()

    first = kept_value("test:names", compute)
    with CaptureQueriesContext(connection) as queries:
        assert kept_value("test:names", compute) == first
    assert len(calls) == 1 and len(queries) == 0
    purge({"something-else"})
    assert kept_value("test:names", compute) == first and len(calls) == 1
    purge({"example"})
    assert kept_value("test:names", compute) == first and len(calls) == 2


def test_the_rows_a_value_loaded_purge_it(demo):
    before = kept_value("test:loaded", names_from_rows)
    organisation = Organisation.objects.order_by("pk").first()
    organisation.name = "Нова назва"
    organisation.save()  # purges model:cms.organisation, which loading the rows declared
    after = kept_value("test:loaded", names_from_rows)
    assert after[0] == "Нова назва" and after[1:] == before[1:]


def test_a_value_computed_while_its_tag_was_purged_is_not_kept(demo):
    calls = []

    def compute():
        calls.append(1)
        depends_on("example")
        purge({"example"})  # a change committed while the value was being computed
        return len(calls)

    assert kept_value("test:racing", compute) == 1
    assert kept_value("test:racing", compute) == 2


def test_the_response_showing_a_kept_value_depends_on_its_tags(demo):
    def compute():
        depends_on("example")
        return 42

    for _ in range(2):  # computed, then kept
        collector = Collector(started=store.generation())
        token = current.set(collector)
        try:
            assert kept_value("test:tags", compute) == 42
        finally:
            current.reset(token)
        assert {"example", "all"} <= collector.tags


def test_without_the_page_cache_values_are_computed_every_time(demo, no_page_cache):
    calls = []
    for _ in range(2):
        kept_value("test:off", lambda: calls.append(1))
    assert len(calls) == 2
