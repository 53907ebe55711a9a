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
import json
import os
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter, defaultdict
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
LUA = ROOT / "bench" / "soak.lua"
CLK_TCK = os.sysconf("SC_CLK_TCK")
UNCACHED_COOKIE = "sessionid=soak"  # must match bench/soak.lua: anonymous, skips the cache

#: Share of the requests per group of URLs, split evenly between the URLs of the group.
GROUP_WEIGHTS = {
    "home": 10,
    "news index": 5,
    "news articles": 10,
    "memorandum": 3,
    "events": 5,
    "priority areas": 5,
    "campaigns": 4,
    "other pages": 4,
    "tracker": 12,
    "initiative pages": 8,
    "feeds": 8,
    "initiatives API": 4,
    "camera status page": 8,
    "cameras API": 4,
    "sitemap": 2,
    "search": 2,
}
PAGE_GROUPS = {
    "HomePage": "home",
    "NewsIndexPage": "news index",
    "NewsPage": "news articles",
    "MemorandumPage": "memorandum",
    "EventIndexPage": "events",
    "EventPage": "events",
    "PriorityAreaIndexPage": "priority areas",
    "PriorityAreaPage": "priority areas",
    "CampaignIndexPage": "campaigns",
    "CampaignPage": "campaigns",
}
#: Printed by a ``manage.py shell`` snippet: the type of every live page, by its path.
PAGE_TYPES = """
from urllib.parse import urlsplit
from wagtail.models import Page
for page in Page.objects.live().specific().order_by("path"):
    url = page.get_url()
    if url:
        print("PAGE", type(page).__name__, urlsplit(url).path)
"""


# --- services -------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def postgres(sql: str) -> None:
    import psycopg2

    conn = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def fresh_database(name: str) -> str:
    postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    postgres(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def empty_cache(url: str) -> int:
    """Empty the Redis database of the page cache; returns how many keys it held."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        keys = client.dbsize()
        client.flushdb()
        return keys
    finally:
        client.close()


def django_env(database_url: str, cache_url: str, workdir: Path, port: int) -> dict[str, str]:
    from cryptography.fernet import Fernet

    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("GUNICORN_CMD_ARGS", "PROMETHEUS_MULTIPROC_DIR", "LOG_LEVEL", "LOG_FORMAT")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        DJANGO_DEBUG="False",
        SECRET_KEY=secrets.token_urlsafe(50),
        CCTV_STREAM_KEYS=Fernet.generate_key().decode(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database_url,
        CACHE_URL=cache_url,
        DRAMATIQ_BROKER_URL="inprocess://",
        SECURE_SSL_REDIRECT="False",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
    )
    return env


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({done.returncode})")
    return done.stdout


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


def start_gunicorn(env: dict[str, str], port: int, log: Path, workers: int) -> subprocess.Popen:
    with log.open("ab") as out:
        server = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "--config=config/gunicorn.py", "config.wsgi:application"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {server.returncode}; see {log}")
        if len(children(server.pid)) == workers and fetch(port, "/")[0] == 200:
            return server
        time.sleep(0.5)
    stop(server)
    raise RuntimeError(f"gunicorn did not start; see {log}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=40)
    except ProcessLookupError:
        pass
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


def children(pid: int) -> list[int]:
    """The gunicorn master's children: its workers."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return sorted(int(child) for child in text.split())


def fetch(port: int, path: str, cookie: str | None = None) -> tuple[int, str]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}")
    if cookie:
        request.add_header("Cookie", cookie)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, ""
    except OSError as error:
        return 0, str(error)


# --- the URL mix ----------------------------------------------------------------------------


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"#]+)"', html)


def collect_urls(port: int, env: dict[str, str]) -> dict[str, list[str]]:
    """Every group of GROUP_WEIGHTS and its URLs, as the running site links them."""
    groups: dict[str, list[str]] = defaultdict(list)
    status, sitemap = fetch(port, "/sitemap.xml")
    if status != 200:
        raise RuntimeError(f"/sitemap.xml answered {status}")
    locations = [urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    types = {}
    for line in manage(env, "shell", "-c", PAGE_TYPES).splitlines():
        if line.startswith("PAGE "):
            _, kind, path = line.split(" ", 2)
            types[path] = kind
    for path in locations:
        groups[PAGE_GROUPS.get(types.get(path, ""), "other pages")].append(path)
    groups["sitemap"].append("/sitemap.xml")

    feeds: list[str] = []
    feed = re.compile(r"^/[^?]*/(rss|atom|ical)/$")

    def links_of(path: str) -> list[str]:
        status, html = fetch(port, path)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        found = hrefs(html)
        feeds.extend(link for link in found if feed.match(link) and link not in feeds)
        return found

    initiatives: list[str] = []
    for prefix in ("", "/en"):
        tracker = f"{prefix}/initiatives/"
        links = links_of(tracker)
        details = re.compile(rf"^{prefix}/initiatives/\d+/$")
        initiatives += [link for link in dict.fromkeys(links) if details.match(link)]
        areas = [link for link in links if link.startswith("?area=")]
        groups["tracker"] += [
            tracker,
            f"{tracker}?state=accepted",
            f"{tracker}?page=2",
            *(f"{tracker}{area}" for area in areas[:1]),
            f"{tracker}how/",
        ]
        links_of(f"{prefix}/cameras/")
        groups["camera status page"].append(f"{prefix}/cameras/")
    if not initiatives:
        raise RuntimeError("the tracker lists no initiative")
    groups["initiative pages"] = initiatives
    for path in initiatives[:1] + [p for p in initiatives if p.startswith("/en/")][:1]:
        links_of(path)  # its own feeds
    indexes = [p for p in locations if types.get(p) in ("NewsIndexPage", "EventIndexPage")]
    for path in indexes:
        links_of(path)
    groups["feeds"] = feeds
    pks = [re.search(r"(\d+)/$", path).group(1) for path in initiatives]
    groups["initiatives API"] = [
        "/api/initiatives/",
        "/api/initiatives/?state=accepted",
        *(f"/api/initiatives/{pk}/" for pk in list(dict.fromkeys(pks))[:3]),
    ]
    groups["cameras API"] = ["/api/cameras/"]
    groups["search"] = [f"/search/?q={quote('безпека')}", "/en/search/?q=safety"]
    return {name: list(dict.fromkeys(groups[name])) for name in GROUP_WEIGHTS if groups[name]}


def preflight(port: int, groups: dict[str, list[str]]) -> list[str]:
    """Each URL as a cached and as an uncached visitor: anything but 200 is listed."""
    failures = []
    for paths in groups.values():
        for path in paths:
            for cookie in (None, UNCACHED_COOKIE):
                status, _body = fetch(port, path, cookie)
                if status != 200:
                    failures.append(f"{path} ({'uncached' if cookie else 'cached'}): {status}")
    return failures


def write_paths(groups: dict[str, list[str]], target: Path) -> None:
    with target.open("w") as out:
        for name, paths in groups.items():
            for path in paths:
                out.write(f"{GROUP_WEIGHTS[name] / len(paths):.6f}\t{path}\n")


# --- memory ---------------------------------------------------------------------------------


def process_memory(pid: int) -> tuple[int, int | None, int] | None:
    """(RSS kB, PSS kB or None, CPU ticks) of a process, or None if it is gone."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        stat = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    found = re.search(r"^VmRSS:\s+(\d+) kB", status, re.M)
    if found is None:  # a zombie: exited, not yet reaped
        return None
    rss = int(found.group(1))
    pss = None
    try:
        found = re.search(r"^Pss:\s+(\d+) kB", Path(f"/proc/{pid}/smaps_rollup").read_text(), re.M)
        pss = int(found.group(1)) if found else None
    except OSError:
        pass
    return rss, pss, int(stat[11]) + int(stat[12])


class Sampler(threading.Thread):
    """Every ``interval`` seconds (and at once on a change of phase): the master's children
    and each one's memory. ``samples``: (monotonic time, phase, children, {pid: memory})."""

    def __init__(self, master: int, interval: float, echo, phase: str):
        super().__init__(daemon=True)
        self.master, self.interval, self.echo = master, interval, echo
        self.samples: list[tuple[float, str, list[int], dict]] = []
        self.phase = phase
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.halt = threading.Event()

    def sample(self, phase: str | None = None) -> None:
        with self.lock:
            pids = children(self.master)
            memory = {pid: m for pid in pids if (m := process_memory(pid)) is not None}
            row = (time.monotonic(), phase or self.phase, pids, memory)
            if self.samples and row[0] - self.samples[-1][0] < 1:
                self.samples[-1] = row  # a change of phase just after a periodic sample
            else:
                self.samples.append(row)
        self.echo(row)

    def set_phase(self, phase: str) -> None:
        self.phase = phase
        self.wake.set()

    def run(self) -> None:
        while not self.halt.is_set():
            self.sample()
            self.wake.wait(self.interval)
            self.wake.clear()

    def finish(self, phase: str) -> None:
        self.halt.set()
        self.wake.set()
        self.join()
        self.sample(phase)


# --- wrk ------------------------------------------------------------------------------------


def run_wrk(port: int, paths: Path, seconds: int, args, seed: int, holder: list) -> dict:
    command = [
        "wrk",
        f"-t{args.threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        f"--timeout={args.timeout}s",
        "--latency",
        "-s",
        str(LUA),
        f"http://127.0.0.1:{port}",
        "--",
        str(paths),
        f"{1 - args.cached_share:.4f}",
        str(seed),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    holder.append(process)
    out, err = process.communicate()
    holder.remove(process)
    if process.returncode:
        raise RuntimeError(f"wrk failed ({process.returncode}): {err.strip()}\n{out}")
    result: dict = {"text": out, "status": Counter(), "cache": Counter(), "errors": {}}
    for line in out.splitlines():
        parts = line.split()
        if not parts or parts[0] != "SOAK":
            continue
        if parts[1] == "status":
            result["status"][int(parts[2])] += int(parts[3])
        elif parts[1] == "cache":
            result["cache"][parts[2]] += int(parts[3])
        elif parts[1] == "error":
            result["errors"][parts[2]] = int(parts[3])
        elif parts[1] == "latency_us":
            result[parts[2]] = int(parts[3]) / 1000  # ms
        else:
            result[parts[1]] = int(parts[2])
    socket_line = re.search(r"Socket errors:.*", out)
    result["socket_errors_line"] = socket_line.group(0) if socket_line else ""
    result["socket_errors"] = sum(
        result["errors"].get(k, 0) for k in ("connect", "read", "write", "timeout")
    )
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    classes = Counter()
    for status, count in result["status"].items():
        classes[f"{status // 100}xx"] += count
    result["classes"] = classes
    return result


# --- the server's log -----------------------------------------------------------------------


def scan_log(log: Path, main_from: float, main_to: float) -> dict:
    """Levels, warnings and errors of the whole run; per-route status and server-side duration
    of the soak proper (request lines timed between ``main_from`` and ``main_to``)."""
    levels: Counter = Counter()
    problems: Counter = Counter()
    routes: dict[str, list[float]] = defaultdict(list)
    route_status: dict[str, Counter] = defaultdict(Counter)
    boots = timeouts = plain = 0
    plain_lines: list[str] = []
    with log.open(encoding="utf-8", errors="replace") as lines:
        for line in lines:
            try:
                record = json.loads(line)
            except ValueError:
                plain += 1
                if len(plain_lines) < 10 and line.strip():
                    plain_lines.append(line.rstrip()[:300])
                continue
            level = record.get("level", "?")
            levels[level] += 1
            message = str(record.get("message", ""))
            if record.get("logger") == "gunicorn.error":
                boots += message.startswith("Booting worker")
                timeouts += "WORKER TIMEOUT" in message
            if record.get("logger") == "config.requests":
                when = datetime.fromisoformat(record["time"]).timestamp()
                if main_from <= when <= main_to:
                    routes[record["route"]].append(record["duration_ms"])
                    route_status[record["route"]][record["status"]] += 1
                if record["status"] >= 400:
                    problems[f"{record['status']} {record['route']}"] += 1
            elif level in ("WARNING", "ERROR", "CRITICAL"):
                problems[f"{level} {record.get('logger')}: {message[:160]}"] += 1
    return {
        "levels": levels,
        "problems": problems,
        "routes": routes,
        "route_status": route_status,
        "boots": boots,
        "timeouts": timeouts,
        "plain": plain,
        "plain_lines": plain_lines,
    }


# --- report ---------------------------------------------------------------------------------


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def memory_analysis(sampler: Sampler, start: float, duration: int) -> dict:
    window = min(60.0, duration / 3)
    main = [s for s in sampler.samples if s[1] in ("soak", "end")]
    first = [s for s in main if -1 <= s[0] - start < window]
    last = [s for s in main if s[0] - start >= duration - window]
    workers = sorted({pid for s in main for pid in s[3]})
    rows = []
    for pid in workers:
        row = {"pid": pid}
        for kind, index in (("rss", 0), ("pss", 1)):
            a = [s[3][pid][index] for s in first if pid in s[3] and s[3][pid][index] is not None]
            b = [s[3][pid][index] for s in last if pid in s[3] and s[3][pid][index] is not None]
            if a and b:
                before, after = statistics.median(a) / 1024, statistics.median(b) / 1024
                row[kind] = (before, after, after - before, (after - before) / before * 100)
        rows.append(row)
    return {"window": window, "first": len(first), "last": len(last), "rows": rows}


def fmt_ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"


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
    if not answers(5432):
        sys.exit("PostgreSQL is not answering on 127.0.0.1:5432")
    if not answers(6379):
        sys.exit("Redis is not answering on 127.0.0.1:6379")
    seed = args.seed if args.seed is not None else int(time.time())

    def say(message: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)

    cache_url = f"redis://127.0.0.1:6379/{args.cache_db}"
    wrk_running: list[subprocess.Popen] = []
    server = None
    failures: list[str] = []
    warnings: list[str] = []
    with tempfile.TemporaryDirectory(prefix="soak-") as tmp:
        workdir = Path(tmp)
        log = workdir / "gunicorn.log"
        port = free_port()
        try:
            # -- set-up: database, demo, index, static files, an empty cache --------------
            held = empty_cache(cache_url)
            if held:
                say(f"Redis database {args.cache_db} held {held} keys: emptied")
            env = django_env(fresh_database(args.db_name), cache_url, workdir, port)
            started = time.monotonic()
            manage(env, "migrate", "--no-input", "-v", "0")
            manage(env, "load_demo")
            manage(env, "update_index")  # load_demo's index jobs have no worker here
            manage(env, "collectstatic", "--no-input", "-v", "0")
            empty_cache(cache_url)  # the demo's purges: start from an empty cache
            say(f"database {args.db_name} ready in {time.monotonic() - started:.0f} s")

            cmd_args, dropped = gunicorn_args(port, args.workers, args.max_requests)
            env["GUNICORN_CMD_ARGS"] = cmd_args
            server = start_gunicorn(env, port, log, args.workers)
            initial = children(server.pid)
            say(f"gunicorn {server.pid} workers {initial}: GUNICORN_CMD_ARGS={cmd_args!r}")
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
            sampler = Sampler(server.pid, args.sample_interval, echo, first_phase)
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
                stop(server)
            postgres(f'DROP DATABASE IF EXISTS "{args.db_name}" WITH (FORCE)')
            empty_cache(cache_url)
            if args.keep_log and log.exists():
                shutil.copyfile(log, args.keep_log)

        server_log = scan_log(log, wall_start, wall_end)

    # -- verdict -----------------------------------------------------------------------------
    for label, run in (("warm-up", warm), ("soak", soak)):
        if run is None:
            continue
        if run["classes"]["5xx"]:
            failures.append(f"{run['classes']['5xx']} responses 5xx during the {label}")
        if run["socket_errors"]:
            failures.append(f"socket errors during the {label}: {run['socket_errors_line']}")
        if run["classes"]["4xx"]:
            warnings.append(f"{run['classes']['4xx']} responses 4xx during the {label}")
        if run["classes"]["3xx"]:
            warnings.append(f"{run['classes']['3xx']} responses 3xx during the {label}")
    changes = []
    for when, phase, pids, _ in sampler.samples:
        if pids != initial:
            changes.append(f"{phase} t={when - soak_start:+.0f} s: {pids}")
    if changes:
        failures.append(f"workers changed (initially {initial}): " + "; ".join(changes[:5]))
    if server_log["boots"] > args.workers and not args.max_requests:
        failures.append(f"{server_log['boots']} workers booted for {args.workers}")
    if server_log["timeouts"]:
        failures.append(f"{server_log['timeouts']} WORKER TIMEOUT in gunicorn's log")
    memory = memory_analysis(sampler, soak_start, args.duration)
    flat = True
    for row in memory["rows"]:
        if "rss" not in row:
            flat = False
            failures.append(f"worker {row['pid']}: no RSS in both windows")
        elif row["rss"][3] >= args.growth_threshold:
            flat = False
            failures.append(
                f"worker {row['pid']}: RSS grew {row['rss'][2]:+.1f} MB ({row['rss'][3]:+.1f} %)"
            )
    if memory["first"] < 2 or memory["last"] < 2:
        warnings.append(
            f"only {memory['first']}/{memory['last']} memory samples in the first/last window: "
            "run longer or sample more often"
        )
    if server_log["levels"]["ERROR"] or server_log["levels"]["CRITICAL"]:
        warnings.append(
            f"{server_log['levels']['ERROR'] + server_log['levels']['CRITICAL']} "
            "ERROR/CRITICAL lines in the server's log"
        )

    # -- report ------------------------------------------------------------------------------
    print("\n" + soak["text"].split("SOAK ")[0].rstrip())
    print("\n## Memory samples (MB, RSS / PSS; t from the start of the soak)\n")
    pids = sorted({pid for s in sampler.samples for pid in s[3]}, key=lambda p: names.get(p, ""))
    print("| t (s) | phase | " + " | ".join(f"{names.get(p, p)} ({p})" for p in pids) + " |")
    print("|---:|---|" + "---:|" * len(pids))
    for when, phase, _, mem in sampler.samples:
        cells = []
        for pid in pids:
            if pid not in mem:
                cells.append("–")
                continue
            rss, pss, _ = mem[pid]
            cells.append(f"{rss / 1024:.1f}" + (f" / {pss / 1024:.1f}" if pss is not None else ""))
        print(f"| {when - soak_start:+.0f} | {phase} | " + " | ".join(cells) + " |")

    requests = soak["requests"]
    classes = soak["classes"]
    cache = soak["cache"]
    verdict = "PASS" if not failures else "FAIL"
    lines = [
        f"## Soak: {args.duration} s at {args.connections} connections — {verdict}",
        "",
        f"- {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, load "
        f"average {load_before[0]:.2f} before, {load_after[0]:.2f} after (1 min); "
        f"`wrk -t{args.threads} -c{args.connections} -d{args.duration}s "
        f"--timeout={args.timeout}s --latency -s bench/soak.lua` (seed {seed + 1}), "
        f"after a {args.warmup} s warm-up with the same mix (not counted below).",
        f"- gunicorn `--config=config/gunicorn.py config.wsgi:application`, "
        f"`GUNICORN_CMD_ARGS={cmd_args}`"
        + (f" — the image's `{' '.join(dropped)}` left out so a leak would show" if dropped else "")
        + ".",
        f"- Production settings, PostgreSQL (fresh demo database), page cache in Redis "
        f"(database {args.cache_db}, empty at start), JSON request logs at INFO.",
        f"- {count} URLs in {len(groups)} groups (uk and en), "
        f"{(1 - args.cached_share) * 100:.0f} % of requests with an unknown session cookie "
        "(anonymous, bypassing the page cache).",
        "",
        "| requests | req/s | p50 | p90 | p99 | p99.9 | max |",
        "|---:|---:|---:|---:|---:|---:|---:|",
        f"| {requests:,} | {soak['rps']:,.0f} | {fmt_ms(soak['p50'])} | {fmt_ms(soak['p90'])} "
        f"| {fmt_ms(soak['p99'])} | {fmt_ms(soak['p99.9'])} | {fmt_ms(soak['max'])} |",
        "",
        f"- Status: {', '.join(f'{s}: {n:,}' for s, n in sorted(soak['status'].items()))} — "
        f"5xx: {classes['5xx']}, 4xx: {classes['4xx']}, 3xx: {classes['3xx']}.",
        f"- Socket errors: {soak['socket_errors']} "
        f"({', '.join(f'{k} {v}' for k, v in soak['errors'].items() if k != 'status')}).",
        "- Page cache (X-Page-Cache): "
        + ", ".join(
            f"{value} {n / max(requests, 1) * 100:.1f} %" for value, n in cache.most_common()
        )
        + " (none: bypassed or not cacheable).",
        f"- Workers replaced: {'; '.join(changes) if changes else 'none'} "
        f"({server_log['boots']} boots in the log, {server_log['timeouts']} timeouts).",
        "",
        f"Worker memory: median of the first {memory['window']:.0f} s of the soak "
        f"({memory['first']} samples) vs the last {memory['window']:.0f} s "
        f"({memory['last']} samples), every {args.sample_interval:g} s; "
        f"flat = RSS growth < {args.growth_threshold:g} %: **{'flat' if flat else 'NOT flat'}**. "
        "(PSS splits shared pages between every process mapping them, other Python processes "
        "of the same venv included, so it moves with unrelated work: shown, not judged.)",
        "",
        "| worker | RSS first → last (MB) | RSS growth | PSS first → last (MB) | PSS growth |",
        "|---|---:|---:|---:|---:|",
    ]
    for row in memory["rows"]:
        cells = []
        for kind in ("rss", "pss"):
            if kind in row:
                before, after, delta, pct = row[kind]
                cells += [f"{before:.1f} → {after:.1f}", f"{delta:+.1f} MB ({pct:+.1f} %)"]
            else:
                cells += ["–", "–"]
        lines.append(f"| {names.get(row['pid'], '')} ({row['pid']}) | " + " | ".join(cells) + " |")
    routes = server_log["routes"]
    if routes:
        lines += [
            "",
            "Server-side time per route during the soak (from the request log):",
            "",
            "| route | requests | statuses | p50 | p99 | max |",
            "|---|---:|---|---:|---:|---:|",
        ]
        for route, values in sorted(routes.items(), key=lambda item: -len(item[1])):
            statuses = ", ".join(
                f"{s}: {n}" for s, n in sorted(server_log["route_status"][route].items())
            )
            lines.append(
                f"| {route} | {len(values):,} | {statuses} | {fmt_ms(percentile(values, 50))} "
                f"| {fmt_ms(percentile(values, 99))} | {fmt_ms(max(values))} |"
            )
    if server_log["problems"]:
        lines += ["", "Warnings, errors and 4xx/5xx in the server's log (whole run):", ""]
        lines += [f"- {n} × {text}" for text, n in server_log["problems"].most_common(15)]
    if server_log["plain_lines"]:
        lines += ["", f"{server_log['plain']} non-JSON line(s) in the server's log, first:", ""]
        lines += [f"    {line}" for line in server_log["plain_lines"]]
    lines += [""]
    lines += [f"- **FAIL**: {text}" for text in failures]
    lines += [f"- warning: {text}" for text in warnings]
    if not failures:
        lines.append("- No 5xx, no socket error, no worker replaced, memory flat.")
    print("\n" + "\n".join(lines))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
