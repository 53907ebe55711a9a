"""The public camera pages with 12, 100 and 1,000 cameras: CPU ms, SQL queries and KB per request.

    DJANGO_SETTINGS_MODULE=config.settings.production DATABASE_URL=sqlite:////tmp/b/db.sqlite3 \\
        CACHE_URL=redis://127.0.0.1:6379/4 ... .venv/bin/python bench/cameras.py [--repeat 50]

Run with ``bench/cpu.py``'s environment, on a demo database (``manage.py load_demo``; SQLite).
For each number of cameras the database is copied (the demo stays as it is), its cameras are
replaced by that many listed ones with 90 days of daily uptime history and a realistic mix of
states (about 80 % online, 8 % offline, 6 % degraded, 3 % in maintenance, 3 % never probed, and
past incidents), all with ``bulk_create``; then a child process measures, through the whole
WSGI stack with ``bench/cpu.py``'s functions, the status page in both languages, its second
page, the API and the home page (whose camera block is the summary), next to the bare view.
Requests are anonymous but skip the page cache; the shared snapshot and the day's uptime history
are in the cache, as they are between two of its rebuilds. "rebuild" is the snapshot worked out
from the database, once every ``CCTV_STATUS_CACHE_SECONDS`` (the day's history included: the
first rebuild of a day).
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
URLS = ["/cameras/", "/en/cameras/", "/cameras/?page=2", "/api/cameras/", "/"]


def sqlite_path(url: str) -> Path:
    if not url.startswith("sqlite:///"):
        sys.exit("bench/cameras.py copies a SQLite demo database: set DATABASE_URL=sqlite:///…")
    return Path(url.removeprefix("sqlite://"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--counts", default="12,100,1000", help="numbers of cameras")
    parser.add_argument("--repeat", type=int, default=50, help="requests per URL")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        child(args.child, args.repeat)
        return
    demo = sqlite_path(os.environ.get("DATABASE_URL", ""))
    for count in (int(n) for n in args.counts.split(",")):
        copy = demo.with_name(f"cameras-{count}.sqlite3")
        shutil.copyfile(demo, copy)
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{copy}"}
        print(f"\n{count:,} cameras", flush=True)
        command = [sys.executable, __file__, "--child", str(count), "--repeat", str(args.repeat)]
        subprocess.run(command, env=env, check=True)
        copy.unlink()


def child(count: int, repeat: int) -> None:
    sys.path.insert(0, str(ROOT))
    from bench import cpu  # sets Django up

    populate(count)
    from django.core.cache import cache

    cache.clear()
    rebuild_ms, rebuild_queries = rebuild_cost()
    app = cpu.bench_app()
    _, bare_ms, _, _ = cpu.measure(app, cpu.BARE_PATH, repeat * 5, True)  # no session cookie
    print(cpu.HEADER)
    print(cpu.row("bare Django view", "200", bare_ms, bare_ms, 0, 0))
    for url in URLS:
        status, cpu_ms, queries, size = cpu.measure(app, url, repeat, False)
        print(cpu.row(url, status, cpu_ms, bare_ms, queries, size))
    print(
        cpu.row("rebuild: snapshot + day's history", "-", rebuild_ms, bare_ms, rebuild_queries, 0)
    )
    print(f"{repeat} requests each after a warm-up; load average {cpu.load_average()}")
    cache.clear()  # this network's snapshot must not stand for the next one's, or the demo's


def rebuild_cost() -> tuple[float, int]:
    """CPU ms and queries of the snapshot worked out from the database with an empty cache,
    then the first page's charts drawn (the worst request, once a day)."""
    from django.core.cache import cache
    from django.db import connection

    from bench.cpu import Counter
    from cctv_bridge.public_snapshot import build_snapshot
    from cctv_bridge.uptime_history import daily_charts

    counter = Counter()
    timings = []
    for _ in range(3):
        cache.clear()
        started = time.process_time()
        with connection.execute_wrapper(counter):
            snapshot = build_snapshot()
            daily_charts([camera.pk for camera in snapshot.cameras[:25]])
        timings.append((time.process_time() - started) * 1000)
    cache.clear()
    return min(timings), counter.count // 3


def populate(count: int) -> None:
    """``count`` listed cameras with 90 days of history, a mix of states and past incidents."""
    import datetime

    from django.db import transaction
    from django.utils import timezone

    from cctv_bridge import stream_vault
    from cctv_bridge.models import Camera, DailyUptime, Incident, Maintenance

    rng = random.Random(count)
    now = timezone.now()
    today = timezone.localdate()
    sealed = stream_vault.seal("http://viewer:bench-secret@10.0.0.1:8080/cam/snapshot.jpg")
    with transaction.atomic():
        Camera.objects.all().delete()
        cameras = Camera.objects.bulk_create(
            Camera(
                code=f"bench-{n:04d}",
                name_uk=f"Камера {n}",
                name_en=f"Camera {n}" if n % 10 else "",
                address_uk=f"Татарбунари, вул. Тестова, {n}",
                address_en=f"Tatarbunary, Testova St, {n}",
                source="snapshot",
                stream_url_sealed=sealed,
                public=True,
                public_delay_minutes=rng.choice((0, 30, 60, 60, 60)),
                last_probe_at=now if rng.random() > 0.03 else None,
                last_seen_at=now,
            )
            for n in range(1, count + 1)
        )
        incidents, windows, days = [], [], []
        for camera in cameras:
            roll = rng.random()
            if roll < 0.08 or (roll < 0.14 and camera.last_probe_at):
                incidents.append(
                    Incident(
                        camera=camera,
                        status="offline" if roll < 0.08 else "degraded",
                        codes=["refused"] if roll < 0.08 else ["covered"],
                        started_at=now - datetime.timedelta(minutes=rng.randint(90, 3000)),
                    )
                )
            elif roll < 0.17:
                windows.append(
                    Maintenance(
                        camera=camera,
                        starts_at=now - datetime.timedelta(hours=2),
                        ends_at=now + datetime.timedelta(hours=2),
                    )
                )
            for _ in range(rng.randint(0, 6)):
                started = now - datetime.timedelta(days=rng.uniform(2, 89))
                incidents.append(
                    Incident(
                        camera=camera,
                        status=rng.choice(("offline", "degraded")),
                        codes=[rng.choice(("refused", "timeout", "dark", "frozen"))],
                        started_at=started,
                        ended_at=started + datetime.timedelta(minutes=rng.randint(2, 300)),
                    )
                )
            for back in range(1, 91):
                down = 0 if rng.random() < 0.85 else rng.randint(5, 700)
                days.append(
                    DailyUptime(
                        camera=camera,
                        day=today - datetime.timedelta(days=back),
                        probes=1440,
                        up=1440 - down,
                        healthy=1440 - down,
                    )
                )
        Incident.objects.bulk_create(incidents, batch_size=2000)
        Maintenance.objects.bulk_create(windows, batch_size=2000)
        DailyUptime.objects.bulk_create(days, batch_size=5000)
    print(
        f"  {len(cameras):,} cameras, {len(incidents):,} incidents, {len(windows)} maintenance "
        f"windows, {len(days):,} daily uptime rows",
        flush=True,
    )


if __name__ == "__main__":
    main()
