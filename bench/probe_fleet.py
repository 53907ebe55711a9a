"""The probe bench's surroundings: simulated cameras in child processes, and memory sampling.

``Simulator`` starts ``shards`` copies of this file as child processes, each serving the same
cameras from the camera simulator (``cctv_bridge.simulator``), so ``bench/probes.py`` measures
a probe worker alone; ``RSSMonitor`` samples that process's resident memory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


# --- The simulator, in a child process -----------------------------------------------------------


def serve(count: int, hanging: list[int], rtsp: bool) -> None:
    """Child process (``probe_fleet.py COUNT HANGING_JSON [--rtsp]``): run the simulator until
    stdin closes."""
    from cctv_bridge.simulator.controller import CameraSimulator

    sim = CameraSimulator(count, faults=dict.fromkeys(hanging, "hanging"), rtsp=rtsp or False)
    sim.start()
    info = {"http": sim.http_port, "rtsp": sim.rtsp_port, "rtsp_reason": sim.rtsp_reason}
    print(json.dumps(info), flush=True)
    sys.stdin.read()
    sim.stop()


class Simulator:
    """Parent side: ``shards`` children running ``serve``; camera i lives in child i % shards.

    The simulator renders and encodes every frame a probe asks for, in Python threads under one
    GIL: one process tops out near one core, below what one probe worker can consume. Several
    children let the cameras keep up, so the bench measures the worker, not the simulator.
    """

    def __init__(self, count: int, hanging: list[int], rtsp: bool = False, shards: int = 1):
        self.procs: list[subprocess.Popen] = []
        self.http_ports: list[int] = []
        self.rtsp_port: int | None = None
        self.rtsp_reason = ""
        for shard in range(1 if rtsp else shards):
            args = [sys.executable, __file__, str(count), json.dumps(hanging)]
            if rtsp:
                args.append("--rtsp")
            proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
            self.procs.append(proc)
            line = proc.stdout.readline()
            if not line:
                self.close()
                raise RuntimeError(f"simulator shard {shard} did not start")
            info = json.loads(line)
            self.http_ports.append(info["http"])
            self.rtsp_port, self.rtsp_reason = info["rtsp"], info["rtsp_reason"]

    def port_of(self, index: int) -> int:
        return self.http_ports[index % len(self.http_ports)]

    def url(self, index: int, kind: str) -> str:
        if kind == "rtsp":
            return f"rtsp://127.0.0.1:{self.rtsp_port}/cam{index}"
        path = "snapshot.jpg" if kind == "snapshot" else "mjpeg"
        return f"http://127.0.0.1:{self.port_of(index)}/cam/{index}/{path}"

    def set_fault(self, index: int, fault: str) -> None:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port_of(index)}/cam/{index}/fault",
            data=fault.encode(),
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=10):
            pass

    def cpu_seconds(self) -> float:
        """User + system CPU so far of the simulator processes and their children (RTSP)."""
        parents: dict[int, int] = {}
        times: dict[int, float] = {}
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            pid = int(stat.parent.name)
            parents[pid] = int(fields[1])
            times[pid] = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        ours = {p.pid for p in self.procs}
        changed = True
        while changed:
            grown = ours | {pid for pid, parent in parents.items() if parent in ours}
            changed, ours = grown != ours, grown
        return sum(times.get(pid, 0.0) for pid in ours)

    def close(self) -> None:
        for proc in self.procs:
            proc.stdin.close()
        for proc in self.procs:
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(5)


class RSSMonitor:
    """Peak resident memory of this process while the block runs (sampled every 50 ms)."""

    def __enter__(self) -> RSSMonitor:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, current_rss())

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, current_rss())


def current_rss() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


if __name__ == "__main__":
    serve(int(sys.argv[1]), json.loads(sys.argv[2]), "--rtsp" in sys.argv[3:])
