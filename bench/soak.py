"""Soak test: a weighted mix of public URLs under gunicorn for minutes, with zero 5xx expected
and the workers' memory watched for growth.

It builds a fresh PostgreSQL database with the demo content under production settings (page
cache in Redis, JSON request logs, metrics), serves it with gunicorn as the Dockerfile does
(``config/gunicorn.py`` and the image's ``GUNICORN_CMD_ARGS``) but **without**
``--max-requests``: recycled workers would hide a leak. URLs are collected from the running
site (``sitemap.xml``, the tracker and the feed links on its pages), each is checked to answer
200, then ``wrk`` (``bench/soak.lua``) runs a warm-up and the soak proper. Every
``--sample-interval`` seconds the script reads each worker's RSS (``/proc/<pid>/status``), PSS
(``/proc/<pid>/smaps_rollup``) and the master's list of children.

    .venv/bin/python bench/soak.py [--duration 600] [--connections 64] [--threads 2]
        [--cached-share 0.8] [--warmup 60] [--sample-interval 10] [--growth-threshold 5]

It fails (exit status 1) on any 5xx, any socket error (connect, read, write, timeout), a
worker replaced during the run, or a worker whose RSS grew by the threshold or more between
the first and the last minute of the soak. 4xx and 3xx are reported apart (there should be
none). The end is a Markdown summary. The database is dropped and the cache emptied at the end.

Needs ``wrk`` (``apt-get install wrk``), PostgreSQL on 127.0.0.1:5432 (user postgres, trust)
and Redis on 127.0.0.1:6379 (database ``--cache-db``, 2 by default, is emptied before and after:
``bench/pages.py`` uses database 1, and a run of it at the same time would empty this cache).
"""

from __future__ import annotations

import argparse
import os
import re
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from soak_memory import Sampler  # noqa: E402
from soak_mix import GROUP_WEIGHTS, collect_urls, fetch, preflight, run_wrk, write_paths  # noqa: E402
from soak_report import SoakRun, judge, print_report, scan_log  # noqa: E402

from tests.harness.servers import Gunicorn, free_port  # noqa: E402
from tests.harness.services import (  # noqa: E402
    empty_redis,
    fresh_postgres_database,
    manage,
    production_env,
    shared_postgres,
)
from tests.harness.waiting import port_open  # noqa: E402

#: Variables of this process that would change how the soak's gunicorn runs.
DROPPED_VARIABLES = ("GUNICORN_CMD_ARGS", "PROMETHEUS_MULTIPROC_DIR", "LOG_LEVEL", "LOG_FORMAT")


def soak_env(database_url: str, cache_url: str, workdir: Path, port: int) -> dict[str, str]:
    """Production settings with fresh secrets, and none of this process's gunicorn settings."""
    from cryptography.fernet import Fernet

    base = {key: value for key, value in os.environ.items() if key not in DROPPED_VARIABLES}
    return production_env(
        database_url,
        workdir,
        port,
        cache_url,
        base=base,
        DJANGO_DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        CCTV_STREAM_KEYS=Fernet.generate_key().decode(),
    )


def gunicorn_args(port: int, workers: int, max_requests: int) -> tuple[str, list[str]]:
    """The Dockerfile's GUNICORN_CMD_ARGS with this bind address and worker count, and
    without --max-requests (unless asked for). Returns the arguments and what was dropped."""
    found = re.search(r'GUNICORN_CMD_ARGS="([^"]*)"', (ROOT / "Dockerfile").read_text())
    image = found.group(1).split() if found else ["--threads=1", "--timeout=30"]
    kept, dropped = [], []
    for arg in image:
        name = arg.split("=", 1)[0]
        if name in ("--bind", "--workers"):
            continue
        if name in ("--max-requests", "--max-requests-jitter"):
            dropped.append(arg)
            continue
        kept.append(arg)
    kept = [f"--bind=127.0.0.1:{port}", f"--workers={workers}", *kept]
    if max_requests:
        kept.append(f"--max-requests={max_requests}")
    return " ".join(kept), dropped


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=600, help="seconds of soak (600)")
    parser.add_argument("--connections", type=int, default=64)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--cached-share",
        type=float,
        default=0.8,
        help="share of requests from plain anonymous visitors (the rest send an unknown "
        "session cookie, which skips the page cache); default 0.8",
    )
    parser.add_argument("--warmup", type=int, default=60, help="seconds of warm-up first (60)")
    parser.add_argument("--sample-interval", type=float, default=10.0)
    parser.add_argument("--growth-threshold", type=float, default=5.0, help="percent (5)")
    parser.add_argument("--timeout", type=int, default=10, help="wrk request timeout, s (10)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--max-requests", type=int, default=0, help="gunicorn --max-requests (0: never recycle)"
    )
    parser.add_argument("--db-name", default="safe_community_soak")
    parser.add_argument("--cache-db", type=int, default=2, help="Redis database, emptied (2)")
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--keep-log", type=Path, help="copy gunicorn's log (JSON lines) here")
    args = parser.parse_args()
    if not 0 <= args.cached_share <= 1:
        parser.error("--cached-share is a fraction between 0 and 1")
    if shutil.which("wrk") is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    if not port_open(5432, timeout=1):
        sys.exit("PostgreSQL is not answering on 127.0.0.1:5432")
    if not port_open(6379, timeout=1):
        sys.exit("Redis is not answering on 127.0.0.1:6379")
    seed = args.seed if args.seed is not None else int(time.time())

    def say(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    cache_url = f"redis://127.0.0.1:6379/{args.cache_db}"
    wrk_running: list[subprocess.Popen] = []
    server = None
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        workdir = Path(tmp)
        log = workdir / "gunicorn.log"
        port = free_port()
        try:
            # -- set-up: database, demo, index, static files, an empty cache --------------
            held = empty_redis(cache_url)
            if held:
                say(f"Redis database {args.cache_db} held {held} keys: emptied")
            env = soak_env(fresh_postgres_database(args.db_name), cache_url, workdir, port)
            started = time.monotonic()
            manage(env, "migrate", "--no-input", "-v", "0")
            manage(env, "load_demo")
            manage(env, "update_index")  # load_demo's index jobs have no worker here
            manage(env, "collectstatic", "--no-input", "-v", "0")
            empty_redis(cache_url)  # the demo's purges: start from an empty cache
            say(f"database {args.db_name} ready in {time.monotonic() - started:.0f} s")

            cmd_args, dropped = gunicorn_args(port, args.workers, args.max_requests)
            env["GUNICORN_CMD_ARGS"] = cmd_args
            server = Gunicorn(env, log, workers=args.workers, config=True, port=port)
            server.start(timeout=90)
            server.wait_serving(lambda: fetch(port, "/")[0] == 200, 90, "gunicorn serving /", 0.5)
            initial = server.worker_pids()
            say(f"gunicorn {server.proc.pid} workers {initial}: GUNICORN_CMD_ARGS={cmd_args!r}")
            if dropped:
                say(f"dropped from the image's arguments: {' '.join(dropped)} (no recycling)")

            # -- the URL mix ---------------------------------------------------------------
            groups = collect_urls(port, env)
            bad = preflight(port, groups)
            if bad:
                for line in bad:
                    say(f"not 200: {line}")
                raise RuntimeError(f"{len(bad)} URL(s) do not answer 200")
            paths_file = workdir / "paths.tsv"
            write_paths(groups, paths_file)
            total_weight = sum(GROUP_WEIGHTS[name] for name in groups)
            count = sum(len(paths) for paths in groups.values())
            say(f"{count} URLs in {len(groups)} groups, all 200 (cached and uncached)")
            for name, paths in groups.items():
                share = GROUP_WEIGHTS[name] / total_weight * 100
                print(f"    {share:4.1f} %  {name:<20} {len(paths):3}  {', '.join(paths[:3])}")

            # -- warm-up and soak, memory sampled throughout -------------------------------
            names = {pid: f"w{n + 1}" for n, pid in enumerate(initial)}

            def echo(row) -> None:
                _when, phase, pids, memory = row
                cells = []
                for pid in pids:
                    rss, pss, _ = memory.get(pid, (0, None, 0))
                    label = names.setdefault(pid, f"w{len(names) + 1}")
                    pss_text = f"/{pss / 1024:.1f}" if pss is not None else ""
                    cells.append(f"{label}({pid}) {rss / 1024:.1f}{pss_text} MB")
                say(f"{phase:<6} workers {' · '.join(cells) or 'NONE'}")

            first_phase = "warmup" if args.warmup else "soak"
            sampler = Sampler(server.proc.pid, args.sample_interval, echo, first_phase)
            load_before = os.getloadavg()
            warm = None
            if args.warmup:
                say(f"warm-up: {args.warmup} s at {args.connections} connections")
                sampler.start()
                warm = run_wrk(port, paths_file, args.warmup, args, seed, wrk_running)
            soak_start, wall_start = time.monotonic(), time.time()
            if args.warmup:
                sampler.set_phase("soak")
            else:
                sampler.start()
            say(f"soak: {args.duration} s at {args.connections} connections")
            soak = run_wrk(port, paths_file, args.duration, args, seed + 1, wrk_running)
            wall_end = time.time()
            sampler.finish("end")
            load_after = os.getloadavg()
        finally:
            for process in wrk_running:  # interrupted: wrk is still running
                process.kill()
                process.wait()
            if server is not None:
                server.stop(timeout=40)
            shared_postgres(f'DROP DATABASE IF EXISTS "{args.db_name}" WITH (FORCE)')
            empty_redis(cache_url)
            if args.keep_log and log.exists():
                shutil.copyfile(log, args.keep_log)

        server_log = scan_log(log, wall_start, wall_end)

    run = SoakRun(
        args=args,
        seed=seed,
        cmd_args=cmd_args,
        dropped=dropped,
        groups=groups,
        warm=warm,
        soak=soak,
        sampler=sampler,
        initial=initial,
        names=names,
        soak_start=soak_start,
        load_before=load_before,
        load_after=load_after,
        server_log=server_log,
    )
    verdict = judge(run)
    print_report(run, verdict)
    return 1 if verdict.failures else 0


if __name__ == "__main__":
    sys.exit(main())
