"""Probe throughput, outage detection time and memory of one probe worker process.

    .venv/bin/python bench/probes.py            # 12 (RTSP, HTTP), 100 and 1,000 cameras, ~4 min
    .venv/bin/python bench/probes.py --quick    # without the 1,000-camera scenario

The simulated cameras (``cctv_bridge.simulator``) run in child processes (``--shards``, 3 by
default: one simulator process renders and encodes frames under one GIL and tops out below what
a worker consumes), so this process is a probe worker alone: its throughput, CPU time and RSS
are the worker's. 10 % of the cameras (at least two) are dead: half refuse the connection (a
closed port), half accept it and never answer (the simulator's ``hanging`` fault). Every probe
reads the production number of frames with the production timeouts (``CCTV_PROBE_FRAMES``,
``CCTV_OPEN_TIMEOUT``, ``CCTV_READ_TIMEOUT``, ``CCTV_PROBE_DEADLINE`` from the settings, as
``probing.capture_frames`` passes them; the environment may override them as in production) and,
when
``cctv_bridge.analysis`` imports, runs ``analysis.measure`` on every frame in the probe thread,
as the real worker will.

Table rows, one per scenario: cameras are probed back to back on ``--workers`` threads (each
camera again as soon as its turn comes round) for at least ``--duration`` seconds and one full
round. "every camera once" is the first round's time (with 12 cameras it is bound by the dead
cameras' timeouts, not by capacity); "probes/min per worker" is the sustained rate, the
worker's capacity with this mix of cameras; RSS is sampled during the scenario.

Detection: 100 cameras probed on a shortened interval with jitter, as the scheduler does; three
cameras switch to ``offline`` (TCP reset) and three to ``hanging``; the time from the switch to
the first probe result that reports each.
"""

from __future__ import annotations

import argparse
import dataclasses
import heapq
import itertools
import random
import resource
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HTTP_KINDS = ("snapshot", "mjpeg")

from bench.probe_fleet import RSSMonitor, Simulator  # noqa: E402
from tests.harness.servers import free_port  # noqa: E402


@dataclass(frozen=True)
class ProbeSettings:
    """What a production probe uses: the frames and timeouts of the settings."""

    frames: int
    open_timeout: float
    read_timeout: float
    deadline: float


def production_probe_settings() -> ProbeSettings:
    """The probe settings production runs with: ``config.settings.base``'s values (production
    keeps them) or the environment's overrides, read without a database."""
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.base")
    from django.conf import settings

    return ProbeSettings(
        frames=settings.CCTV_PROBE_FRAMES,
        open_timeout=settings.CCTV_OPEN_TIMEOUT,
        read_timeout=settings.CCTV_READ_TIMEOUT,
        deadline=settings.CCTV_PROBE_DEADLINE,
    )


PROBE = production_probe_settings()


def grab_as_in_production(url: str, kind: str):
    from cctv_bridge.capture import grab

    return grab(
        url,
        kind,
        frames=PROBE.frames,
        open_timeout=PROBE.open_timeout,
        read_timeout=PROBE.read_timeout,
        deadline=PROBE.deadline,
    )


# --- Analysis per frame --------------------------------------------------------------------------


def analysis_hook():
    """``analysis.measure`` per frame when the analysis package imports, else None."""
    try:
        from cctv_bridge import analysis
    except Exception as exc:  # another helper's work in progress
        return None, f"analysis not included ({type(exc).__name__}: {exc})"
    analysis.limit_opencv_threads()

    def measure(_index, result) -> None:
        for frame in result.frames:
            analysis.measure(frame)

    return measure, "analysis.measure on every frame included"


# --- Scenarios -----------------------------------------------------------------------------------


@dataclass
class Round:
    label: str
    cameras: int
    dead: int
    workers: int
    first_round: float  # seconds until every camera had been probed once
    probes: int  # probes completed in the whole run
    wall: float  # seconds the whole run took
    cpu: float  # CPU seconds of this (worker) process during the run
    sim_cpu: float  # CPU seconds of the simulator process during the run
    errors: dict[str, int] = field(default_factory=dict)
    median_healthy: float = 0.0
    peak_rss: int = 0  # bytes, this process, during the run

    @property
    def per_minute(self) -> float:
        return self.probes / self.wall * 60


def plan(count: int) -> tuple[list[int], list[int]]:
    """Which cameras are dead: (refused, hanging), 10 % of them, at least one of each."""
    dead = max(2, round(count * 0.10))
    picks = random.Random(count).sample(range(1, count + 1), dead)
    return sorted(picks[: dead // 2]), sorted(picks[dead // 2 :])


def sustained(targets, workers: int, min_duration: float, hook) -> tuple[float, int, float, list]:
    """Probe ``targets`` over and over on ``workers`` threads, each camera again as soon as its
    turn comes round, for at least ``min_duration`` seconds and at least one full round.

    Returns (first round's time, probes done, wall time, results of the first round): the rate
    is the worker's capacity with this mix of cameras, whatever their number.
    """
    lock = threading.Lock()
    order = itertools.cycle(range(len(targets)))
    first: list = [None] * len(targets)
    state = {"done": 0, "first_round": 0.0, "seen": 0}
    started = time.monotonic()

    def work() -> None:
        while True:
            with lock:
                elapsed = time.monotonic() - started
                if state["seen"] == len(targets) and elapsed >= min_duration:
                    return
                index = next(order)
            url, kind = targets[index]
            result = grab_as_in_production(url, kind)
            if hook is not None and result.frames:
                hook(index, result)
            with lock:
                state["done"] += 1
                if first[index] is None:
                    first[index] = dataclasses.replace(result, frames=())
                    state["seen"] += 1
                    if state["seen"] == len(targets):
                        state["first_round"] = time.monotonic() - started

    threads = [threading.Thread(target=work) for _ in range(min(workers, len(targets)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.monotonic() - started
    return state["first_round"], state["done"], wall, first


def probe_round(
    label: str, count: int, kind: str, workers: int, hook, duration: float, shards: int
):
    if kind == "rtsp":
        from cctv_bridge.simulator.controller import rtsp_available

        support = rtsp_available()
        if not support:  # no GStreamer RTSP server here: the row is skipped, not the bench
            print(f"  ({label}: skipped, RTSP cameras cannot run here: {support.reason})")
            return None
    refused, hanging = plan(count)
    sim = Simulator(count, hanging, rtsp=kind == "rtsp", shards=shards)
    try:
        dead_port = free_port()  # nothing listens there once the probe socket is closed
        targets = []
        for index in range(1, count + 1):
            # mostly snapshots, every fourth HTTP camera streams MJPEG
            probe_kind = "mjpeg" if kind != "rtsp" and index % 4 == 0 else kind
            url = sim.url(index, probe_kind)
            if index in refused:
                port = sim.rtsp_port if kind == "rtsp" else sim.port_of(index)
                url = url.replace(f":{port}/", f":{dead_port}/")
            targets.append((url, probe_kind))
        sim_cpu0 = sim.cpu_seconds()
        usage0 = resource.getrusage(resource.RUSAGE_SELF)
        with RSSMonitor() as memory:
            first_round, probes, wall, results = sustained(targets, workers, duration, hook)
        usage1 = resource.getrusage(resource.RUSAGE_SELF)
        sim_cpu = sim.cpu_seconds() - sim_cpu0
    finally:
        sim.close()
    errors: dict[str, int] = {}
    for result in results:
        errors[result.error or "ok"] = errors.get(result.error or "ok", 0) + 1
    healthy = sorted(r.elapsed for r in results if r.ok)
    cpu = (usage1.ru_utime - usage0.ru_utime) + (usage1.ru_stime - usage0.ru_stime)
    return Round(
        label=label,
        cameras=count,
        dead=len(refused) + len(hanging),
        workers=min(workers, count),
        first_round=first_round,
        probes=probes,
        wall=wall,
        cpu=cpu,
        sim_cpu=sim_cpu,
        errors=errors,
        median_healthy=healthy[len(healthy) // 2] if healthy else 0.0,
        peak_rss=memory.peak,
    )


def detection(
    count: int, workers: int, interval: float, hook, shards: int
) -> dict[str, tuple[list[float], list[float]]]:
    """Per fault: seconds from the fault to the first probe result saying so, and how much of
    that the probe itself took, for three cameras each, under a periodic schedule of
    ``interval`` seconds with jitter (the scheduler's default interval is 60 s)."""
    refused, hanging = plan(count)
    sim = Simulator(count, hanging, shards=shards)
    alive = [i for i in range(1, count + 1) if i not in refused and i not in hanging]
    victims = dict.fromkeys(alive[:3], "offline") | dict.fromkeys(alive[3:6], "hanging")
    switched: dict[int, float] = {}
    reported: dict[int, tuple[float, float]] = {}  # index -> (report time, probe start)
    lock = threading.Lock()
    rng = random.Random(1)
    heap = [(time.monotonic() + rng.uniform(0, interval), i) for i in alive]
    heapq.heapify(heap)

    def probe(index: int) -> None:
        started = time.monotonic()
        result = grab_as_in_production(sim.url(index, "snapshot"), "snapshot")
        if hook and result.frames:
            hook(index, result)
        with lock:
            if index in switched and not result.ok and index not in reported:
                reported[index] = (time.monotonic(), started)

    def switch() -> None:
        time.sleep(interval * 1.3)
        for index, fault in victims.items():
            sim.set_fault(index, fault)
            with lock:
                switched[index] = time.monotonic()

    switcher = threading.Thread(target=switch, daemon=True)
    switcher.start()
    try:
        with ThreadPoolExecutor(max_workers=workers) as pool:
            limit = time.monotonic() + interval * 4 + 10
            while time.monotonic() < limit:
                with lock:
                    if len(reported) == len(victims):
                        break
                due, index = heap[0]
                delay = due - time.monotonic()
                if delay > 0:
                    time.sleep(min(delay, 0.05))
                    continue
                heapq.heapreplace(heap, (due + interval, index))
                pool.submit(probe, index)
    finally:
        sim.close()
    found: dict[str, tuple[list[float], list[float]]] = {}
    for index, fault in victims.items():
        total, own = found.setdefault(fault, ([], []))
        if index in reported:
            done, started = reported[index]
            total.append(done - switched[index])
            own.append(done - max(started, switched[index]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip the 1,000-camera round")
    parser.add_argument("--workers", type=int, default=64, help="probe threads (default 64)")
    parser.add_argument("--duration", type=float, default=30.0, help="seconds per scenario")
    parser.add_argument("--interval", type=float, default=10.0, help="detection schedule (s)")
    parser.add_argument("--shards", type=int, default=3, help="simulator processes (default 3)")
    args = parser.parse_args()

    hook, hook_note = analysis_hook()
    print(
        f"Probe worker bench: 1 process, up to {args.workers} probe threads, {PROBE.frames} frames "
        f"per probe (snapshots; every 4th HTTP camera MJPEG), production timeouts open "
        f"{PROBE.open_timeout:g} s / read {PROBE.read_timeout:g} s / deadline "
        f"{PROBE.deadline:g} s, 640x360 cameras "
        f"at 10 fps; {hook_note}. Cameras re-probed back to back for >= {args.duration:g} s.",
        flush=True,
    )
    rounds: list[Round] = []
    scenarios = [
        ("12 RTSP", 12, "rtsp"),
        ("12 HTTP", 12, "snapshot"),
        ("100 HTTP", 100, "snapshot"),
    ]
    if not args.quick:
        scenarios.append(("1,000 HTTP", 1000, "snapshot"))
    for label, count, kind in scenarios:
        result = probe_round(label, count, kind, args.workers, hook, args.duration, args.shards)
        if result is not None:
            rounds.append(result)
            print(f"  {label}: first round {result.errors}", flush=True)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    print()
    print(
        "| cameras | dead (refused + hanging) | threads | every camera once (s) "
        "| probes/min per worker | median healthy probe (s) | worker CPU per probe (ms) "
        "| worker peak RSS (MB) | simulator CPU (% of a core) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in rounds:
        print(
            f"| {r.label} | {r.dead} | {r.workers} | {r.first_round:.1f} "
            f"| {r.per_minute:,.0f} | {r.median_healthy:.2f} "
            f"| {r.cpu / max(r.probes, 1) * 1000:.1f} | {r.peak_rss / 2**20:,.0f} "
            f"| {r.sim_cpu / r.wall * 100:.0f} |"
        )
    print(f"\nPeak RSS of the probe worker process over all rounds: {peak_mb:,.0f} MB")

    found = detection(100, args.workers, args.interval, hook, args.shards)
    print(
        f"\nOutage detection: 100 HTTP cameras probed every {args.interval:g} s with jitter "
        "(production: 60 s); three cameras per fault; time from the fault to the first probe "
        "result reporting it (of which the probe itself)"
    )
    for fault, (total, own) in found.items():
        if not total:
            print(f"  {fault:8s} not detected")
            continue
        print(
            f"  {fault:8s} mean {sum(total) / len(total):4.1f} s, max {max(total):4.1f} s "
            f"(probe itself: max {max(own):.1f} s)"
        )
    print(
        "  Expected: up to one interval waiting for the camera's next scheduled probe, plus the "
        f"probe: ~0 s for a reset or refused port, the {PROBE.read_timeout:g} s read timeout "
        "for a silent camera."
    )


if __name__ == "__main__":
    main()
