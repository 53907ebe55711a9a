"""How long from a camera going down to its status saying so, through the real pieces: the
camera simulator, the in-process broker and its probe worker threads, the confirmation
re-probe and the status rules, on a throw-away SQLite database.

    .venv/bin/python bench/outage.py [--cameras 12] [--interval 30] [--outages 6]

Prints, for each outage (half refused connections, half silent "hanging" cameras), the seconds
until the camera's status said "offline", and the worst case as a share of the probe interval
(the target: within two intervals).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cameras", type=int, default=12)
    parser.add_argument("--interval", type=int, default=30, help="probe interval, seconds")
    parser.add_argument("--outages", type=int, default=6)
    args = parser.parse_args()

    database = Path(tempfile.mkdtemp()) / "outage.sqlite3"
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        DRAMATIQ_BROKER_URL="inprocess://",
        LOG_LEVEL="WARNING",
    )
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)

    from cctv_bridge.models import Camera
    from cctv_bridge.simulator.controller import CameraSimulator
    from cctv_bridge.tasks import offsets_ms, probe_camera
    from config.broker import start_in_process_worker, stop_in_process_worker

    stop = threading.Event()
    with CameraSimulator(count=args.cameras, rtsp=False) as sim:
        ids = []
        for index, cam in sim.cameras.items():
            camera = Camera(
                code=f"bench-{index:03d}",
                name_uk=f"Камера {index}",
                source="snapshot",
                probe_interval=args.interval,
                retention_days=0,
            )
            camera.stream_url = cam.snapshot_url
            camera.save()
            ids.append((index, camera.pk))
        start_in_process_worker()

        def scheduler() -> None:
            """What the every-minute cron does, to the second: each probe at its offset."""
            sent = set()
            while not stop.is_set():
                now_ms = int(time.time() * 1000)
                minute = now_ms // 60_000
                for _index, pk in ids:
                    for offset in offsets_ms(pk, args.interval, minute):
                        at = minute * 60_000 + offset
                        if at <= now_ms and (pk, at) not in sent and now_ms - at < 2000:
                            sent.add((pk, at))
                            probe_camera.send(pk)
                time.sleep(0.1)

        thread = threading.Thread(target=scheduler, daemon=True)
        thread.start()
        print(f"{args.cameras} cameras, probed every {args.interval} s; warming up…")
        deadline = time.monotonic() + 3 * args.interval
        while Camera.objects.exclude(status="online").exists():
            if time.monotonic() > deadline:
                sys.exit("cameras did not come online")
            time.sleep(0.5)

        rng = random.Random(7)
        victims = rng.sample(ids, min(args.outages, len(ids)))
        starts = {}
        faults = {}
        begin = time.monotonic()
        plan = sorted((rng.uniform(0, args.interval), index, pk) for index, pk in victims)
        results = {}
        pending = list(plan)
        while len(results) < len(plan):
            elapsed = time.monotonic() - begin
            while pending and pending[0][0] <= elapsed:
                _at, index, pk = pending.pop(0)
                faults[pk] = "offline" if len(starts) % 2 == 0 else "hanging"
                sim.set_fault(index, faults[pk])
                starts[pk] = time.monotonic()
            for pk, started in starts.items():
                if pk not in results and Camera.objects.filter(pk=pk, status="offline").exists():
                    results[pk] = time.monotonic() - started
            if elapsed > 4 * args.interval:
                break
            time.sleep(0.2)
        stop.set()
        stop_in_process_worker()

    print(f"\n{'camera':>8} {'fault':>8} {'seconds to offline':>20}")
    for pk, seconds in sorted(results.items(), key=lambda item: item[1]):
        print(f"{pk:>8} {faults[pk]:>8} {seconds:>20.1f}")
    missing = len(plan) - len(results)
    if results:
        worst = max(results.values())
        print(
            f"\nmean {statistics.mean(results.values()):.1f} s, worst {worst:.1f} s "
            f"= {worst / args.interval:.2f} probe intervals; not detected: {missing}"
        )


if __name__ == "__main__":
    main()
