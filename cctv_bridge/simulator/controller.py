"""Start, steer and stop the simulated cameras: the API for tests, benchmarks and the demo.

    with CameraSimulator(count=12, faults={3: "dark"}) as sim:
        url = sim.cameras[3].snapshot_url
        sim.set_fault(3, "healthy")

HTTP cameras run in this process (threads). RTSP cameras run in a child process under Debian's
``/usr/bin/python3``, which has GStreamer's RTSP server (``rtsp_server.py``); the child stops
when this process closes its stdin, even if this process is killed.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import scenes
from .http_cameras import THREAD_PREFIX, CameraState, HttpCameras

#: The interpreter that has ``gi`` (``python3-gi``); the virtualenv's cannot import it.
SYSTEM_PYTHON = os.environ.get("CCTV_SIMULATOR_PYTHON", "/usr/bin/python3")
RTSP_SCRIPT = Path(__file__).with_name("rtsp_server.py")
#: Debian packages the RTSP cameras need (``.ci/run`` installs them).
RTSP_PACKAGES = (
    "python3-gi",
    "python3-numpy",
    "gir1.2-gst-rtsp-server-1.0",
    "gstreamer1.0-plugins-base",
    "gstreamer1.0-plugins-good",
    "gstreamer1.0-plugins-ugly",
)

_CHECK = """
import sys
try:
    import numpy
except ImportError:
    sys.exit("numpy is missing for this interpreter (python3-numpy)")
try:
    import gi
    gi.require_version("Gst", "1.0")
    gi.require_version("GstRtspServer", "1.0")
    from gi.repository import Gst, GstRtspServer
except (ImportError, ValueError) as exc:
    sys.exit(f"GStreamer's RTSP server cannot be imported ({exc}): "
             "python3-gi and gir1.2-gst-rtsp-server-1.0 are needed")
Gst.init(None)
plugins = {"appsrc": "base", "videoconvert": "base", "x264enc": "ugly", "rtph264pay": "good"}
missing = [f"{e} (gstreamer1.0-plugins-{p})" for e, p in plugins.items()
           if Gst.ElementFactory.find(e) is None]
if missing:
    sys.exit("GStreamer elements missing: " + ", ".join(missing))
"""


@dataclass(frozen=True)
class RtspSupport:
    """Whether RTSP cameras can run here, and why not. True in a boolean context if they can."""

    ok: bool
    reason: str

    def __bool__(self) -> bool:
        return self.ok


@lru_cache(maxsize=4)
def rtsp_available(python: str = SYSTEM_PYTHON) -> RtspSupport:
    """Check (once per process) that ``python`` can run GStreamer's RTSP server with H.264."""
    if not Path(python).exists():
        return RtspSupport(False, f"{python} does not exist (Debian's python3 with python3-gi)")
    try:
        done = subprocess.run(  # noqa: S603 - a fixed script for a fixed interpreter
            [python, "-E", "-s", "-c", _CHECK],
            capture_output=True,
            text=True,
            timeout=30,
            env=_child_env(),
        )
    except (OSError, subprocess.TimeoutExpired) as exc:
        return RtspSupport(False, f"cannot run {python}: {exc}")
    if done.returncode != 0:
        lines = (done.stderr or done.stdout).strip().splitlines() or ["unknown failure"]
        return RtspSupport(False, lines[-1])
    return RtspSupport(True, f"GStreamer RTSP server available through {python}")


def _child_env() -> dict[str, str]:
    """This environment minus what would make Debian's python load the virtualenv's modules."""
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP"):
        env.pop(name, None)
    return env


@dataclass(frozen=True)
class SimulatedCamera:
    """What a test or the demo needs to know about one camera."""

    index: int
    fault: str
    scene: int
    viewpoint: int
    snapshot_url: str
    mjpeg_url: str
    rtsp_url: str | None


class _RtspProcess:
    """The child process serving RTSP, and the pipe protocol to talk to it."""

    def __init__(self, python: str, args: list[str], timeout: float = 20.0):
        self._lock = threading.Lock()
        self._lines: queue.Queue[str | None] = queue.Queue()
        self._errors: deque[str] = deque(maxlen=30)
        self.proc = subprocess.Popen(  # noqa: S603 - our own script, no shell
            [python, "-E", "-s", str(RTSP_SCRIPT), *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
            env=_child_env(),
            start_new_session=True,  # a terminal's Ctrl-C reaches us; we stop the child
        )
        self._readers = [
            threading.Thread(target=self._read, args=(self.proc.stdout, self._lines.put)),
            threading.Thread(target=self._read, args=(self.proc.stderr, self._errors.append)),
        ]
        for thread in self._readers:
            thread.name, thread.daemon = f"{THREAD_PREFIX}-rtsp-pipe", True
            thread.start()
        first = self._answer(timeout)
        if not first or not first.startswith("ready "):
            self.stop()
            raise RuntimeError(f"the RTSP server did not start: {first or self.errors()}")
        self.port = int(first.split()[1])

    @staticmethod
    def _read(stream, sink) -> None:
        for line in stream:
            sink(line.rstrip("\n"))
        sink(None)

    def _answer(self, timeout: float) -> str | None:
        try:
            return self._lines.get(timeout=timeout)
        except queue.Empty:
            return None

    def errors(self) -> str:
        return " | ".join(line for line in self._errors if line) or "no error output"

    def command(self, line: str, timeout: float = 10.0) -> None:
        with self._lock:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the RTSP server has exited: {self.errors()}")
            while not self._lines.empty():  # a late answer to a command that timed out
                self._lines.get_nowait()
            self.proc.stdin.write(line + "\n")
            self.proc.stdin.flush()
            answer = self._answer(timeout)
        if answer != "ok":
            raise RuntimeError(f"RTSP server: {answer or 'no answer'} (to {line!r})")

    def stop(self) -> None:
        proc = self.proc
        try:
            if proc.poll() is None:
                proc.stdin.write("quit\n")
                proc.stdin.flush()
            proc.stdin.close()
        except OSError:
            pass
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(5)
        for thread in self._readers:
            thread.join(2)
        proc.stdout.close()
        proc.stderr.close()


class CameraSimulator:
    """N synthetic cameras on 127.0.0.1 over HTTP (snapshot, MJPEG) and RTSP, with faults.

    Cameras are numbered from 1. ``faults`` maps a camera to its starting fault (see
    ``scenes.FAULTS``). ``scenes`` maps a camera to the scene it looks at, by default its own
    number; a camera given another camera's scene sees the same street from a viewpoint nearby
    (duplicate coverage). ``rtsp``: True requires RTSP cameras, False has none, None (default)
    starts them when this machine can (``rtsp_available()``). Port 0 picks a free port.
    """

    def __init__(
        self,
        count: int = 12,
        *,
        faults: Mapping[int, str] | None = None,
        scenes: Mapping[int, int] | None = None,
        rtsp: bool | None = None,
        http_port: int = 0,
        rtsp_port: int = 0,
        size: tuple[int, int] = (640, 360),
        fps: float = 10,
        host: str = "127.0.0.1",
        python: str = SYSTEM_PYTHON,
    ):
        if count < 1:
            raise ValueError("count must be at least 1")
        self.count, self.size, self.fps, self.host = count, tuple(size), fps, host
        self.http_port_wanted, self.rtsp_port_wanted = http_port, rtsp_port
        self.python = python
        self._rtsp_wanted = rtsp
        self.rtsp_reason = ""
        faults = dict(faults or {})
        shown = dict(scenes or {})
        for index in (*faults, *shown):
            if not 1 <= index <= count:
                raise ValueError(f"camera {index} is not among cameras 1..{count}")
        self._states: dict[int, CameraState] = {}
        for index in range(1, count + 1):
            scene = shown.get(index, index)
            view = _view(index, scene)
            self._states[index] = CameraState(index, view, faults.get(index, "healthy"))
        self.renderer = _renderer(size, fps)
        self._http: HttpCameras | None = None
        self._rtsp: _RtspProcess | None = None
        self._lock = threading.Lock()

    # -- life cycle --------------------------------------------------------------------------

    def start(self) -> CameraSimulator:
        """Start serving; raises RuntimeError if RTSP was required and cannot run."""
        if self._http is not None:
            return self
        rtsp = None
        if self._rtsp_wanted is not False:
            support = rtsp_available(self.python)
            self.rtsp_reason = support.reason
            if not support and self._rtsp_wanted:
                raise RuntimeError(f"RTSP cameras cannot run here: {support.reason}")
            if support:
                cameras = [
                    {
                        "index": s.index,
                        "scene": s.view.scene,
                        "viewpoint": s.view.viewpoint,
                        "fault": s.fault,
                        "since": s.frozen_at,
                    }
                    for s in self._states.values()
                ]
                rtsp = _RtspProcess(
                    self.python,
                    [
                        f"--host={self.host}",
                        f"--port={self.rtsp_port_wanted}",
                        f"--width={self.size[0]}",
                        f"--height={self.size[1]}",
                        f"--fps={self.fps}",
                        f"--cameras={json.dumps(cameras)}",
                    ],
                )
        else:
            self.rtsp_reason = "RTSP cameras not requested"
        http = HttpCameras(
            self._states,
            self.renderer,
            self.host,
            self.http_port_wanted,
            on_fault=self.set_fault,
            rtsp_url=self.rtsp_url,
        )
        self._rtsp = rtsp
        try:
            http.start()
        except OSError:
            self._rtsp = None
            if rtsp is not None:
                rtsp.stop()
            raise
        self._http = http
        return self

    def stop(self) -> None:
        """Stop both servers and the child process; ports are free when this returns."""
        http, self._http = self._http, None
        rtsp, self._rtsp = self._rtsp, None
        if http is not None:
            http.stop()
        if rtsp is not None:
            rtsp.stop()

    def __enter__(self) -> CameraSimulator:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # -- state -----------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._http is not None

    @property
    def rtsp_enabled(self) -> bool:
        return self._rtsp is not None

    @property
    def http_port(self) -> int:
        return self._require_http().port

    @property
    def rtsp_port(self) -> int | None:
        return self._rtsp.port if self._rtsp else None

    def _require_http(self) -> HttpCameras:
        if self._http is None:
            raise RuntimeError("the camera simulator is not running; call start()")
        return self._http

    @property
    def cameras(self) -> dict[int, SimulatedCamera]:
        """Each camera by number: its fault, scene and URLs (``rtsp_url`` None without RTSP)."""
        http = self._require_http()
        out = {}
        for index, state in self._states.items():
            snapshot, mjpeg = http.urls(index)
            out[index] = SimulatedCamera(
                index=index,
                fault=state.fault,
                scene=state.view.scene,
                viewpoint=state.view.viewpoint,
                snapshot_url=snapshot,
                mjpeg_url=mjpeg,
                rtsp_url=self.rtsp_url(index),
            )
        return out

    def rtsp_url(self, index: int) -> str | None:
        if self._rtsp is None:
            return None
        return f"rtsp://{self.host}:{self._rtsp.port}/cam{index}"

    def set_fault(self, index: int, fault: str) -> None:
        """Change a camera's fault on every protocol; it shows on the next frame.

        ``frozen`` freezes the picture of this moment, the same one over HTTP and RTSP.
        """
        scenes.check_fault(fault)
        if index not in self._states:
            raise KeyError(f"no camera {index}")
        moment = time.time()
        with self._lock:
            self._states[index].set_fault(fault, moment)
            if self._rtsp is not None:
                self._rtsp.command(f"fault {index} {fault} {moment!r}")


def _view(index: int, scene: int) -> scenes.View:
    """A camera sees its own scene from the canonical spot, another's from nearby."""
    return scenes.View(scene, 0 if scene == index else index)


def _renderer(size: tuple[int, int], fps: float) -> scenes.SceneRenderer:
    width, height = size
    return scenes.SceneRenderer(width, height, fps)
