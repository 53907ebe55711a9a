"""Requests per second and latency of public pages under gunicorn (2 sync workers) on loopback.

For each database (SQLite, and PostgreSQL when it answers on 127.0.0.1:5432) it builds a fresh
database with the demo content under production settings (page cache in Redis, JSON request
logs, metrics), serves it with gunicorn and the project's gunicorn config, and loads each page
with ``wrk`` twice: *uncached* (with an unknown session cookie, which is anonymous but skips
the page cache, though a page's kept content may be reused: ``cms.page_cache.fragments``),
*rendered* (the same, on a server that keeps no page content: what a page costs right after
an editor's change) and *cached* (a plain anonymous visitor). Next to them, in the same run and
the same gunicorn configuration: a bare Django view returning a constant response through the
same settings and middleware (``bench/bare_django.py``, the stack's ceiling) and a raw WSGI
callable. It reports the gunicorn workers' CPU time per request, the SQL queries per uncached
page, and the ratios: cached / bare Django view, cached / uncached.

    .venv/bin/python bench/pages.py [--duration 10] [--connections 16] [--db sqlite,postgres]

Needs ``wrk`` (``apt-get install wrk``) and Redis on 127.0.0.1:6379 (database 1 is emptied).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.harness.servers import Gunicorn, child_pids, free_port  # noqa: E402
from tests.harness.services import (  # noqa: E402
    empty_redis,
    fresh_postgres_database,
    manage,
    production_env,
)
from tests.harness.waiting import port_open  # noqa: E402

PYTHON = sys.executable
PAGES = {
    "home (uk)": "/",
    "home (en)": "/en/",
    "content page (uk)": "/pro-ofis/",
    "content page (en)": "/en/about-the-office/",
    "news index (uk)": "/novyny/",
    "news index (en)": "/en/news/",
    "article (uk)": "/novyny/kava-z-politseiskym-16-zustrichei-i-novi-initsiatyvy/",
    "article (en)": "/en/news/coffee-with-a-police-officer-16-meetings-and-new-initiatives/",
    "memorandum (uk)": "/memorandum/",
    "memorandum (en)": "/en/memorandum/",
    "events (uk)": "/podii/",
    "search (uk)": "/search/?q=%D0%B1%D0%B5%D0%B7%D0%BF%D0%B5%D0%BA%D0%B0",  # безпека
    "search (en)": "/en/search/?q=safety",
}
CLK_TCK = os.sysconf("SC_CLK_TCK")
REDIS_CACHE = "redis://127.0.0.1:6379/1"
#: An unknown session: the visitor is anonymous, but the page cache is bypassed.
UNCACHED = ["-H", "Cookie: sessionid=bench-uncached"]


def django_env(database_url: str, workdir: Path, port: int) -> dict[str, str]:
    return production_env(
        database_url,
        workdir,
        port,
        REDIS_CACHE,
        SECRET_KEY="bench-only-secret-key-bench-only-secret-key-bench-only",
        CCTV_STREAM_KEYS="o9FVw3sC2-ifqpVsc8MZrj0tIhYTHqlRNxBODvx1lds=",  # bench only
    )


def start_gunicorn(app: str, port: int, env: dict[str, str], config: bool = True) -> Gunicorn:
    """Two sync workers, as the Dockerfile runs them (with its gunicorn config for Django);
    the request log (JSON lines) is discarded, as a log shipper would take it."""
    server = Gunicorn(env, subprocess.DEVNULL, app=app, config=config, port=port)
    try:
        server.start(timeout=60)
        server.wait_serving(
            lambda: 0 < server.status("/", 2) < 400, 60, f"gunicorn serving {app}", 0.2
        )
    except BaseException:
        server.stop(timeout=30)
        raise
    return server


def worker_cpu_seconds(server: Gunicorn) -> float:
    """CPU time (user + system) of gunicorn's worker processes so far."""
    total = 0
    for pid in child_pids(server.proc.pid):
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])
    return total / CLK_TCK


def wrk(
    url: str, duration: int, connections: int, extra: list[str] | None = None
) -> tuple[float, float, float, int]:
    output = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", *(extra or []), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    if non_2xx:
        raise RuntimeError(f"{url}: {non_2xx.group(1)} error responses")

    def percentile(p: str) -> float:
        value, unit = re.search(rf"{p}%\s+([\d.]+)(us|ms|s)", output).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    return rps, percentile("50"), percentile("99"), requests


def measure(server, port, path, duration, connections, extra=None):
    url = f"http://127.0.0.1:{port}{path}"
    wrk(url, 1, connections, extra)  # warm-up: templates, connections, caches
    cpu_before = worker_cpu_seconds(server)
    rps, p50, p99, requests = wrk(url, duration, connections, extra)
    cpu_ms = (worker_cpu_seconds(server) - cpu_before) * 1000 / max(requests, 1)
    return rps, p50, p99, cpu_ms


def bench_database(label: str, database_url: str, args) -> list[tuple]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        workdir = Path(tmp)
        port = free_port()
        env = django_env(database_url, workdir, port)
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "load_demo")
        manage(env, "update_index")  # the index jobs of load_demo have no worker here
        manage(env, "collectstatic", "--no-input", "-v", "0")
        queries = subprocess.run(
            [PYTHON, "bench/count_queries.py", *PAGES.values()],
            cwd=ROOT,
            env={**env, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            check=False,
        )
        if queries.returncode:
            raise RuntimeError(queries.stderr)
        queries = queries.stdout.split("\n")
        query_counts = {line.split()[0]: line.split()[2:] for line in queries if line.strip()}
        render_port = free_port()
        render_env = {**env, "PAGE_CACHE_FRAGMENTS": "False"}
        rendering = start_gunicorn("config.wsgi", render_port, render_env)
        try:
            server = start_gunicorn("config.wsgi", port, env)
        except BaseException:
            rendering.stop(timeout=30)
            raise
        try:
            bare_port = free_port()
            bare_env = {**env, "DJANGO_SETTINGS_MODULE": "bench.bare_django"}
            bare = start_gunicorn("config.wsgi", bare_port, bare_env)
            try:
                bare_row = measure(bare, bare_port, "/", args.duration, args.connections)
            finally:
                bare.stop(timeout=30)
            rows.append((label, "bare Django view", "-", *bare_row, "0"))
            for name, path in PAGES.items():
                first, repeat = query_counts[path]
                uncached = measure(server, port, path, args.duration, args.connections, UNCACHED)
                rows.append((label, name, "uncached", *uncached, f"{repeat} ({first})"))
                rendered = measure(
                    rendering, render_port, path, args.duration, args.connections, UNCACHED
                )
                rows.append((label, name, "rendered", *rendered, ""))
                if "search" in name:
                    continue  # any text can be searched for: never cached
                cached = measure(server, port, path, args.duration, args.connections)
                ratio = f"{cached[0] / bare_row[0]:.0%} of bare, {cached[0] / uncached[0]:.0f}×"
                rows.append((label, name, "cached", *cached, ratio))
        finally:
            server.stop(timeout=30)
            rendering.stop(timeout=30)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--db", default="sqlite,postgres")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")

    empty_redis(REDIS_CACHE)
    rows = []
    port = free_port()
    bare = start_gunicorn("bench.bare:application", port, dict(os.environ), config=False)
    try:
        rps, p50, p99, cpu = measure(bare, port, "/", args.duration, args.connections)
        rows.append(("-", "raw WSGI callable", "-", rps, p50, p99, cpu, "0"))
    finally:
        bare.stop(timeout=30)
    databases = args.db.split(",")
    if "sqlite" in databases:
        with tempfile.TemporaryDirectory() as tmp:
            rows += bench_database("SQLite", f"sqlite:///{tmp}/bench.sqlite3", args)
    if "postgres" in databases:
        if port_open(5432, timeout=1):
            database_url = fresh_postgres_database("safe_community_bench")
            rows += bench_database("PostgreSQL", database_url, args)
        else:
            print("PostgreSQL is not answering on 127.0.0.1:5432: skipped", file=sys.stderr)

    print(
        f"\ngunicorn 2 sync workers · wrk -t2 -c{args.connections} -d{args.duration}s · "
        f"{os.cpu_count()} cores\n"
    )
    header = (
        "database", "page", "cache", "req/s", "p50 ms", "p99 ms", "CPU ms/req",
        "SQL (first) / cached: vs bare Django, vs uncached",
    )  # fmt: skip
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for db, page, mode, rps, p50, p99, cpu, note in rows:
        print(
            f"| {db} | {page} | {mode} | {rps:,.0f} | {p50:.1f} | {p99:.1f} | {cpu:.2f} | {note} |"
        )


if __name__ == "__main__":
    main()
