"""Shared fixtures.

The suite runs on the embedded defaults (SQLite, in-process broker) and, in ``.ci/run``, again
with ``DATABASE_URL`` pointing at PostgreSQL and ``DRAMATIQ_BROKER_URL`` at Redis. Tests of a
real service read its URL from the environment; when ``REQUIRE_SERVICES=1`` a missing URL or
an unreachable service is a failure, never a skip.
"""

from __future__ import annotations

import os
from queue import Queue

import dramatiq
import pytest
from django.core.management import call_command
from dramatiq.brokers.stub import StubBroker

from tests.jobs_helpers import running_worker


def service_url(name: str) -> str:
    """The URL of a real service for this run, or skip (fail under REQUIRE_SERVICES=1)."""
    url = os.environ.get(name, "")
    if not url:
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(f"{name} is not set, but this run requires the real services.")
        pytest.skip(f"{name} not set: the embedded run does not use this service.")
    return url


def load_demo() -> None:
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the tests that build their own objects before those on the demo, so the demo loads
    once per run.

    pytest-django has already ordered the tests (rolled-back ones, then transactional ones,
    then those without a database); this stable sort keeps that order and, inside the
    rolled-back group, puts the tests that ask for `demo` last (the demo stays committed from
    the first of them on) and, inside the transactional group, first (they find the demo still
    there; each one flushes the database, so the next `demo` test loads it again).
    """

    def group(item: pytest.Item) -> tuple[int, int]:
        marker = item.get_closest_marker("django_db")
        fixtures = item.fixturenames
        transactional = bool(
            marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
        ) or bool({"transactional_db", "live_server"} & set(fixtures))
        if transactional:
            return (1, "demo" not in fixtures)
        if marker or "db" in fixtures:
            return (0, "demo" in fixtures)
        return (2, 0)

    items.sort(key=group)


@pytest.fixture(scope="session")
def demo_loaded(django_db_setup, django_db_blocker) -> None:
    """The demo, loaded and committed once, when the first test that asks for it starts."""
    with django_db_blocker.unblock():
        load_demo()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a rolled-back test must not leave cached pages,
    navigation or site roots behind for the next one."""
    from django.core.cache import cache

    from cms import locales, routing, sites

    cache.clear()
    # And the copies each process keeps (a rolled-back test sends no signal to clear them).
    locales.forget()
    sites.forget()
    routing.forget()


@pytest.fixture
def no_page_cache(settings):
    """Responses rendered every time: for tests that count what rendering costs. (The
    middleware reads the setting when the test client builds it, at its first request.)"""
    settings.PAGE_CACHE_ENABLED = False


@pytest.fixture
def demo(demo_loaded, db):
    """The demo site, as `make run` loads it: opt-in, for the tests about the demo content.

    The test database otherwise holds only what migrations create (locales, groups, the
    root page); other tests build what they need with `tests.factories`. A transactional
    test flushes the database when it ends, so a later one loads the demo again here.
    """
    from cms.models import HomePage

    if not HomePage.objects.exists():
        load_demo()


@pytest.fixture
def media(settings, tmp_path):
    """Uploaded files go to this test's own folder."""
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def home(db):
    """The site's Ukrainian home page, the default site's root, with its English translation
    and no other pages."""
    from tests.factories.cms import bilingual_home

    return bilingual_home()[0]


@pytest.fixture
def broker():
    """The project's configured broker, emptied before and after the test."""
    configured = dramatiq.get_broker()
    configured.flush_all()
    if isinstance(configured, StubBroker):
        # A worker stopped while a retry waited for its time keeps that message in memory, so
        # the in-memory queue would count it as unfinished forever and `join` would never end.
        for name in configured.queues:
            configured.queues[name] = Queue()
    yield configured
    configured.flush_all()


@pytest.fixture
def worker(broker):
    """A dramatiq worker consuming the configured broker in this process."""
    with running_worker(broker) as started:
        yield started


@pytest.fixture
def single_worker(broker):
    """One worker thread, so messages of a queue run in the order they were sent."""
    with running_worker(broker, threads=1) as started:
        yield started
