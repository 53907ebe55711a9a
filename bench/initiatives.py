"""The initiative tracker with a lot of data, on PostgreSQL with the demo content.

First, in this machine's steadiest measure (``bench/cpu.py``: CPU ms per request in-process
through the whole WSGI stack, with a bare Django view as the yardstick), the *uncached* public
pages — tracker in both languages, a later page of it, an initiative — and their SQL queries,
at a small number of initiatives and again at 10,000 with 100,000 history rows: the queries
must be the same. Then, if ``wrk`` is installed, req/s, p50/p99 and worker CPU under gunicorn
for the same pages (uncached: they carry an unknown session cookie, as a cache miss is what
costs), the JSON API and a council secretary's worklist (signed in).

    .venv/bin/python bench/initiatives.py [--small 50] [--initiatives 10000] [--logs 100000]
        [--repeat 100] [--duration 10]

Needs PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 (database 1, the page cache).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import (  # it puts the repository root on sys.path too, for tests.harness
    PYTHON,
    ROOT,
    UNCACHED,
    django_env,
    start_gunicorn,
    worker_cpu_seconds,
)
from pages import wrk as run_wrk

from tests.harness.servers import free_port
from tests.harness.services import fresh_postgres_database, manage

FILL = """
import random, sys
from datetime import timedelta
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from cms.models import Organisation, PriorityAreaPage
from workflows.engine import TransitionLog
from workflows.models import Initiative

count, logs = int(sys.argv[1]), int(sys.argv[2])
random.seed(count)
states = [s.value for s in Initiative.STATES]
areas = list(PriorityAreaPage.objects.filter(locale__language_code="uk")) + [None]
authorities = list(Organisation.objects.filter(locale__language_code="uk")[:8]) + [None]
Initiative.objects.bulk_create(
    [Initiative(title_uk=f"Ініціатива {n}", title_en=f"Initiative {n}",
                summary_uk="Коротко про ініціативу.", state=random.choice(states),
                area=random.choice(areas), responsible_authority=random.choice(authorities))
     for n in range(count)], batch_size=2000)
ids = list(Initiative.objects.values_list("pk", flat=True))
ct = ContentType.objects.get_for_model(Initiative)
now = timezone.now()
TransitionLog.objects.bulk_create(
    [TransitionLog(content_type=ct, object_id=random.choice(ids), transition="accept",
                   source="under_review", target="accepted", public=True,
                   comment_uk="Крок", at=now - timedelta(minutes=n))
     for n in range(logs)], batch_size=5000)
# The planner's statistics, as autovacuum would soon have them after such an import.
with connection.cursor() as cursor:
    cursor.execute("ANALYZE")
"""

SIGN_IN = """
from django.contrib.auth.models import Group, User
from django.contrib.sessions.backends.db import SessionStore

secretary = User.objects.create_user("bench-secretary", password="x")
secretary.groups.add(Group.objects.get(name="Council secretariat"))
session = SessionStore()
session["_auth_user_id"] = str(secretary.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = secretary.get_session_auth_hash()
session.create()
print(session.session_key)
"""

LATEST_ADOPTED = """
from workflows.models import Initiative
print(Initiative.objects.filter(state="adopted").order_by("-pk").values_list("pk", flat=True)[0])
"""


def shell(env: dict, script: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def fill(env: dict, initiatives: int, logs: int) -> None:
    """Add ``initiatives`` initiatives in random states, areas and authorities, and ``logs``
    public history rows among all of them."""
    shell(env, FILL.replace("sys.argv[1]", str(initiatives)).replace("sys.argv[2]", str(logs)))


def cpu_table(env: dict, paths: list[str], repeat: int) -> str:
    """``bench/cpu.py``'s table for ``paths`` (uncached: CPU ms per request, × bare, SQL)."""
    return subprocess.run(
        [PYTHON, "bench/cpu.py", "--repeat", str(repeat), *paths],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout


def count_queries(env: dict, paths: list[str], cookie: str) -> dict[str, tuple[str, str]]:
    script = """
import sys
import django
django.setup()
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
client = Client(HTTP_HOST="127.0.0.1")
client.cookies["sessionid"] = sys.argv[1]
for path in sys.argv[2:]:
    client.get(path, secure=True)
    with CaptureQueriesContext(connection) as q:
        status = client.get(path, secure=True).status_code
    print(path, status, len(q))
"""
    out = subprocess.run(
        [PYTHON, "-c", script, cookie, *paths],
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {line.split()[0]: (line.split()[1], line.split()[2]) for line in out.splitlines()}


def under_load(env: dict, paths: dict[str, str], session_key: str, args) -> list[tuple]:
    """req/s, p50, p99, worker CPU ms and SQL per page under gunicorn and wrk."""
    queries = count_queries(env, list(paths.values()), session_key)
    port = int(env["WAGTAILADMIN_BASE_URL"].rsplit(":", 1)[1])
    server = start_gunicorn("config.wsgi", port, env)
    rows = []
    try:
        for name, path in paths.items():
            url = f"http://127.0.0.1:{port}{path}"
            # Public pages uncached (an unknown session); the worklist with the secretary's.
            header = ["-H", f"Cookie: sessionid={session_key}"] if "admin" in path else UNCACHED
            subprocess.run(
                ["wrk", "-t2", "-c4", "-d1s", *header, url], capture_output=True, check=True
            )
            cpu_before = worker_cpu_seconds(server)
            rps, p50, p99, requests = run_wrk(url, args.duration, args.connections, header)
            cpu = (worker_cpu_seconds(server) - cpu_before) * 1000 / max(requests, 1)
            status, sql = queries[path]
            rows.append((name, rps, p50, p99, cpu, sql, status))
    finally:
        server.stop(timeout=30)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--small", type=int, default=50, help="initiatives in the first run")
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--logs", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=100, help="requests per page in-process")
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--database", default="safe_community_bench_initiatives", help="emptied")
    args = parser.parse_args()
    if args.small >= args.initiatives:
        parser.error("--small must be fewer than --initiatives")
    database_url = fresh_postgres_database(args.database)
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        env = django_env(database_url, Path(tmp), free_port())
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "load_demo")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        tables = []
        small_logs = args.small * args.logs // args.initiatives
        fill(env, args.small, small_logs)
        for total, logs in ((args.small, small_logs), (args.initiatives, args.logs)):
            if total == args.initiatives:
                fill(env, args.initiatives - args.small, args.logs - small_logs)
            public_pk = shell(env, LATEST_ADOPTED).split()[-1]
            paths = [
                "/initiatives/",
                "/en/initiatives/",
                "/initiatives/?page=200" if total > 4000 else "/initiatives/?page=2",
                "/en/initiatives/?state=adopted",
                f"/initiatives/{public_pk}/",
                f"/en/initiatives/{public_pk}/",
            ]
            tables.append((total, logs, cpu_table(env, paths, args.repeat)))
        print("\nUncached, in-process (bench/cpu.py), PostgreSQL, the demo content plus:")
        for total, logs, table in tables:
            print(f"\n{total:,} initiatives, {logs:,} history rows\n{table}")
        if shutil.which("wrk") is None:
            print("wrk is not installed: no load test (apt-get install wrk).")
            return
        session_key = shell(env, SIGN_IN).split()[-1]
        paths = {
            "tracker list": "/initiatives/",
            "tracker list, page 200": "/initiatives/?page=200",
            "initiative page": f"/initiatives/{public_pk}/",
            "JSON API (100)": "/api/initiatives/?limit=100",
            "worklist (signed in)": "/admin/initiatives/worklist/",
        }
        rows = under_load(env, paths, session_key, args)
    print(
        f"\n{args.initiatives:,} initiatives, {args.logs:,} history rows, PostgreSQL; uncached; "
        f"gunicorn 2 sync workers, wrk -t2 -c{args.connections} -d{args.duration}s\n"
    )
    print("| page | req/s | p50 ms | p99 ms | CPU ms/req | SQL | status |")
    print("|---|---|---|---|---|---|---|")
    for name, rps, p50, p99, cpu, sql, status in rows:
        print(f"| {name} | {rps:,.0f} | {p50:.1f} | {p99:.1f} | {cpu:.1f} | {sql} | {status} |")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
