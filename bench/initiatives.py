"""The initiative tracker with a lot of data: 10,000 initiatives and 100,000 history rows on
PostgreSQL. Prints req/s, p50/p99 and SQL queries per page for the public list, an initiative
page, the JSON API and a council secretary's worklist (signed in).

    .venv/bin/python bench/initiatives.py [--duration 10] [--initiatives 10000] [--logs 100000]

Needs PostgreSQL on 127.0.0.1:5432 and ``wrk`` (``apt-get install wrk``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import (  # it puts the repository root on sys.path too, for tests.harness
    PYTHON,
    ROOT,
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
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from workflows.engine import TransitionLog
from workflows.models import Initiative

count, logs = int(sys.argv[1]), int(sys.argv[2])
random.seed(1)
states = [s.value for s in Initiative.STATES]
Initiative.objects.bulk_create(
    [Initiative(title_uk=f"Ініціатива {n}", title_en=f"Initiative {n}",
                summary_uk="Коротко про ініціативу.", state=random.choice(states))
     for n in range(count)], batch_size=2000)
ids = list(Initiative.objects.values_list("pk", flat=True))
ct = ContentType.objects.get_for_model(Initiative)
now = timezone.now()
TransitionLog.objects.bulk_create(
    [TransitionLog(content_type=ct, object_id=random.choice(ids), transition="accept",
                   source="under_review", target="accepted", public=True,
                   comment_uk="Крок", at=now - timedelta(minutes=n))
     for n in range(logs)], batch_size=5000)
secretary = User.objects.create_user("bench-secretary", password="x")
secretary.groups.add(Group.objects.get(name="Council secretariat"))
session = SessionStore()
session["_auth_user_id"] = str(secretary.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = secretary.get_session_auth_hash()
session.create()
public = Initiative.objects.filter(state="adopted").values_list("pk", flat=True).first()
print(session.session_key, public)
"""


def count_queries(env: dict, paths: list[str], cookie: str) -> dict[str, int]:
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--initiatives", type=int, default=10_000)
    parser.add_argument("--logs", type=int, default=100_000)
    args = parser.parse_args()
    database_url = fresh_postgres_database("safe_community_bench_initiatives")
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        port = free_port()
        env = django_env(database_url, Path(tmp), port)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "collectstatic", "--no-input", "-v", "0")
        filled = subprocess.run(
            [
                PYTHON,
                "manage.py",
                "shell",
                "-c",
                FILL.replace("sys.argv[1]", str(args.initiatives)).replace(
                    "sys.argv[2]", str(args.logs)
                ),
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        session_key, public_pk = filled[-2], filled[-1]
        paths = {
            "tracker list": "/initiatives/",
            "tracker list, page 200": "/initiatives/?page=200",
            "initiative page": f"/initiatives/{public_pk}/",
            "JSON API (100)": "/api/initiatives/?limit=100",
            "worklist (signed in)": "/admin/initiatives/worklist/",
        }
        queries = count_queries(env, list(paths.values()), session_key)
        server = start_gunicorn("config.wsgi", port, env)
        rows = []
        try:
            for name, path in paths.items():
                url = f"http://127.0.0.1:{port}{path}"
                header = ["-H", f"Cookie: sessionid={session_key}"] if "admin" in path else []
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
    print(
        f"\n{args.initiatives:,} initiatives, {args.logs:,} history rows, PostgreSQL; "
        f"gunicorn 2 sync workers, wrk -t2 -c{args.connections} -d{args.duration}s\n"
    )
    print("| page | req/s | p50 ms | p99 ms | CPU ms/req | SQL | status |")
    print("|---|---|---|---|---|---|---|")
    for name, rps, p50, p99, cpu, sql, status in rows:
        print(f"| {name} | {rps:,.0f} | {p50:.1f} | {p99:.1f} | {cpu:.1f} | {sql} | {status} |")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
