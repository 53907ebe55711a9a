"""The gunicorn workers' memory during the soak: sampled from ``/proc`` on a thread, and the
first minute of the soak compared with the last."""

from __future__ import annotations

import re
import statistics
import threading
import time
from pathlib import Path

from tests.harness.servers import child_pids


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
            pids = child_pids(self.master)
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
