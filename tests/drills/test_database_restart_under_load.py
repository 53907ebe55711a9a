"""Fault drill: PostgreSQL restarts while the site is under load.

Requests fail only while the database is down, and then quickly, with the site's own error
page; ``/healthz/`` names the database as the failing check; once the database is back, the
same gunicorn workers (no restart) serve every page again by themselves.

Everything is real: a private PostgreSQL cluster holding the demo (a copy of the suite's test
database, which is migrated and loaded with the demo), gunicorn with the production settings
and the image's worker model, a private ``redis-server`` as the broker, and concurrent clients.
"""

from __future__ import annotations

import dataclasses
import http.client
import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from django.template.loader import render_to_string
from django.utils import translation

from tests.conftest import service_url
from tests.harness.servers import ROOT, Gunicorn
from tests.harness.services import PostgresCluster, RedisServer, require
from tests.harness.waiting import wait_until

pytestmark = [pytest.mark.services, pytest.mark.django_db]

PAGES = (
    "/",
    "/en/",
    "/novyny/",
    "/en/news/",
    "/initiatives/",
    "/en/initiatives/",
    "/cameras/",
    "/en/cameras/",
    "/search/?query=безпека",
    "/en/search/?query=police",
    "/healthz/?format=json",
)
HEALTH = "/healthz/?format=json"
#: Half the clients carry a session cookie, as signed-in visitors do: the page cache
#: (cms.page_cache) never answers them, so each of their pages needs the database.
CLIENTS = 6
GUNICORN_OPTIONS = ("--threads=1", "--timeout=30", "--graceful-timeout=5")
#: A request not answered within this many seconds counts as a hang.
REQUEST_TIMEOUT = 10
#: The site must serve every page again within this many seconds of the database being back.
RECOVERY_LIMIT = 10
#: The database stays down at least this long under load, and until every page failed once.
OUTAGE_SECONDS = 3


@dataclasses.dataclass
class Outcome:
    path: str
    started: float
    ended: float
    status: int | None  # None: no HTTP answer (refused, reset, timed out)
    session: bool  # sent a session cookie, so never answered from the page cache
    body: bytes = b""
    error: str = ""


class Load:
    """``CLIENTS`` threads requesting ``PAGES`` in turn, as fast as the site answers."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.outcomes: list[Outcome] = []
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._client, args=(n,), daemon=True) for n in range(CLIENTS)
        ]

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(REQUEST_TIMEOUT + 5)

    def since(self, moment: float) -> list[Outcome]:
        with self._lock:
            return [o for o in self.outcomes if o.started >= moment]

    def _client(self, n: int) -> None:
        turn = n
        session = n % 2 == 1
        headers = {"Host": "127.0.0.1"}
        if session:
            headers["Cookie"] = "sessionid=drill-visitor-without-a-stored-session"
        while not self._stop.is_set():
            path = PAGES[turn % len(PAGES)]
            turn += 1
            started = time.monotonic()
            client = http.client.HTTPConnection("127.0.0.1", self.port, timeout=REQUEST_TIMEOUT)
            try:
                client.request("GET", quote(path, safe="/?=&"), headers=headers)
                response = client.getresponse()
                outcome = Outcome(path, started, 0.0, response.status, session, response.read())
            except (OSError, http.client.HTTPException) as error:
                outcome = Outcome(path, started, 0.0, None, session, error=type(error).__name__)
            finally:
                client.close()
            outcome.ended = time.monotonic()
            with self._lock:
                self.outcomes.append(outcome)


def warm_up(port: int) -> None:
    """Serve every page once per client before the drill: a fresh worker's first requests
    (imports, template compilation) are slow, and are not what this drill is about."""

    def visit() -> None:
        for path in PAGES:
            client = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            try:
                client.request("GET", quote(path, safe="/?=&"), headers={"Host": "127.0.0.1"})
                client.getresponse().read()
            finally:
                client.close()

    visitors = [threading.Thread(target=visit) for _ in range(CLIENTS)]
    for visitor in visitors:
        visitor.start()
    for visitor in visitors:
        visitor.join()


@pytest.fixture
def cluster(demo) -> Iterator[PostgresCluster]:
    """A private cluster with a copy of the demo, which this drill may stop and start."""
    service_url("DATABASE_URL")
    require(connection.vendor == "postgresql", "this drill needs DATABASE_URL=postgres://…")
    cluster = PostgresCluster()
    try:
        cluster.start()
        cluster.copy_database(connection.settings_dict, "safe_community")
        # Stand in for the scheduler and the camera probes, which this drill does not run,
        # so that /healthz/ is all green before the outage.
        cluster.psql(
            "safe_community",
            "INSERT INTO config_heartbeat (name, at) VALUES ('scheduler', now()) "
            "ON CONFLICT (name) DO UPDATE SET at = now();"
            "INSERT INTO cctv_bridge_probe "
            "(at, reachable, error, duration, status, findings, measures, camera_id) "
            "SELECT now(), true, '', 0.5, 'online', '[]', '{}', id FROM cctv_bridge_camera "
            "WHERE active LIMIT 1;",
        )
        yield cluster
    finally:
        cluster.remove()


@pytest.fixture
def site(cluster: PostgresCluster, tmp_path) -> Iterator[Gunicorn]:
    broker = RedisServer()
    broker.start()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "drill-only-secret-key",
        "CCTV_STREAM_KEYS": Fernet.generate_key().decode(),
        "DATABASE_URL": cluster.url("safe_community"),
        "DRAMATIQ_BROKER_URL": broker.url,
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    env.pop("CACHE_URL", None)  # each worker's own memory, as in the image
    try:
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=120,
        )
        with open(tmp_path / "gunicorn.log", "w") as log:
            # The image's worker model less ``--max-requests``: a drill must not mistake a
            # planned worker recycle for a restart.
            server = Gunicorn(env, log, options=GUNICORN_OPTIONS)
            try:
                server.start()
                warm_up(server.port)
                yield server
            finally:
                server.stop()
    finally:
        broker.stop()


def health(outcome: Outcome) -> dict[str, str]:
    return json.loads(outcome.body)


def database_check(report: dict[str, str]) -> str:
    (result,) = (value for name, value in report.items() if name.startswith("Database("))
    return result


def test_the_site_serves_again_by_itself_after_postgresql_restarts(cluster, site, tmp_path):
    workers = site.worker_pids()
    load = Load(site.port)
    load.start()
    try:
        begin = time.monotonic()
        wait_until(lambda: len(load.since(begin)) >= 4 * len(PAGES), 60, "load before the outage")
        going_down = time.monotonic()
        cluster.stop("fast")  # ends every session, as `systemctl restart postgresql` does
        down = time.monotonic()
        time.sleep(OUTAGE_SECONDS)
        wait_until(
            lambda: {o.path for o in load.since(down) if o.status != 200} >= set(PAGES),
            60,
            "every page failing once (session clients never get a cached page)",
        )
        coming_up = time.monotonic()
        cluster.start()
        up = time.monotonic()

        def recovered() -> bool:
            recent = load.since(up)[-2 * len(PAGES) :]
            return len(recent) == 2 * len(PAGES) and all(o.status == 200 for o in recent)

        wait_until(recovered, 30, "every page served again")
        settled = time.monotonic()
        wait_until(lambda: len(load.since(settled)) >= 4 * len(PAGES), 60, "load after recovery")
    finally:
        load.stop()
    outcomes = sorted(load.outcomes, key=lambda o: o.started)
    with open(tmp_path / "requests.log", "w") as record:  # for whoever debugs a failure
        record.write(f"# s from start: stop {going_down - begin:.3f}–{down - begin:.3f}, ")
        record.write(f"start {coming_up - begin:.3f}–{up - begin:.3f}\n")
        for o in outcomes:
            record.write(f"{o.started - begin:8.3f} {o.ended - begin:8.3f} {o.status} ")
            record.write(f"{'session' if o.session else 'anonymous'} {o.path} {o.error}\n")

    # Answered, always, and in time: no hang, no refused or dropped connection.
    assert [o for o in outcomes if o.status is None] == []
    assert max(o.ended - o.started for o in outcomes) < REQUEST_TIMEOUT

    before = [o for o in outcomes if o.ended < going_down]
    assert before and all(o.status == 200 for o in before)
    assert all(set(health(o).values()) == {"OK"} for o in before if o.path == HEALTH)

    # While the database is down, a page either fails at once with the site's own error page,
    # or (anonymous visitors only) comes from the page cache, which needs no database.
    during = [o for o in outcomes if o.started > down and o.ended < coming_up]
    failed = [o for o in during if o.status != 200]
    assert during and all(o.status in {200, 500, 503} for o in during)
    assert all(o.status != 200 for o in during if o.session)
    assert {o.path for o in failed} == set(PAGES)
    error_pages = set()
    for language in ("uk", "en"):
        with translation.override(language):
            error_pages.add(render_to_string("500.html"))
    for outcome in failed:
        body = outcome.body.decode()
        if outcome.path == HEALTH and not outcome.session:  # names the failing check
            assert database_check(health(outcome)) == "Unavailable: The database does not answer."
            assert str(cluster.port) not in body and "127.0.0.1" not in body  # nor the server
        else:  # the site's own error page (for /healthz/ too: a session is looked up first)
            assert body in error_pages

    after = [o for o in outcomes if o.started >= up]
    failed_after = [n for n, o in enumerate(after) if o.status != 200]
    first_good = after[failed_after[-1] + 1] if failed_after else after[0]
    recovery = first_good.started - up  # from then on, every request was served
    assert recovery < RECOVERY_LIMIT
    assert all(o.status == 200 for o in outcomes if o.started >= settled)
    assert all(
        set(health(o).values()) == {"OK"}
        for o in outcomes
        if o.started >= settled and o.path == HEALTH
    )
    # The same processes: the site recovered by itself, nobody restarted gunicorn.
    assert site.proc.poll() is None
    assert site.worker_pids() == workers
    cached = [o for o in during if o.status == 200]
    print(
        f"\ndatabase restart drill: {len(before)} requests before the outage, all 200; "
        f"{len(during)} during the {coming_up - down:.1f} s outage: {len(failed)} failed "
        f"fast (5xx, slowest {max(o.ended - o.started for o in failed):.2f} s), "
        f"{len(cached)} answered from the page cache; {len(failed_after)} failed after "
        f"PostgreSQL was back, all 200 again {recovery:.2f} s later, same gunicorn workers"
    )
