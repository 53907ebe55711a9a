"""Serve synthetic CCTV cameras on 127.0.0.1 until interrupted (an operator/developer tool).

    manage.py simulate_cameras --count 12 --fault 3=dark --fault 7=hanging --scene 12=11

Each camera has a JPEG snapshot URL, an MJPEG URL and, where Debian's GStreamer RTSP server is
installed, an RTSP URL. Faults can be changed while it runs:
``curl -d dark http://127.0.0.1:8100/cam/3/fault``.
"""

from __future__ import annotations

import signal
import threading

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cctv_bridge.simulator.controller import CameraSimulator, rtsp_available
from cctv_bridge.simulator.scenes import FAULTS


def _pair(text: str) -> tuple[int, str]:
    number, sep, value = text.partition("=")
    if not sep or not number.strip().isdigit() or not value.strip():
        raise ValueError(f"expected CAMERA=VALUE, got {text!r}")
    return int(number), value.strip()


def _size(text: str) -> tuple[int, int]:
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise ValueError(f"expected WIDTHxHEIGHT such as 1280x720, got {text!r}")
    return int(width), int(height)


class Command(BaseCommand):
    help = (
        "Serve N synthetic cameras on 127.0.0.1 (HTTP snapshots, MJPEG and RTSP), each with a "
        f"fault: {', '.join(FAULTS)}. Runs until Ctrl-C."
    )
    requires_system_checks = []  # no database or models needed

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--count", type=int, default=12, help="number of cameras (12)")
        parser.add_argument("--http-port", type=int, default=8100, help="0 picks a free port")
        parser.add_argument("--rtsp-port", type=int, default=8554, help="0 picks a free port")
        parser.add_argument(
            "--fault",
            action="append",
            default=[],
            metavar="N=FAULT",
            help="starting fault of camera N (repeatable), e.g. 3=dark",
        )
        parser.add_argument(
            "--scene",
            action="append",
            default=[],
            metavar="N=M",
            help="camera N looks at camera M's scene from nearby (duplicate coverage)",
        )
        parser.add_argument("--no-rtsp", action="store_true", help="HTTP cameras only")
        parser.add_argument("--size", default="640x360", help="frame size (640x360)")
        parser.add_argument("--fps", type=float, default=10, help="frames per second (10)")

    def handle(self, *args, **options) -> None:
        try:
            faults = dict(_pair(text) for text in options["fault"])
            shown = {n: int(m) for n, m in (_pair(text) for text in options["scene"])}
            size = _size(options["size"])
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        rtsp: bool | None = False
        if not options["no_rtsp"]:
            support = rtsp_available()
            if not support:
                self.stderr.write(f"RTSP cameras unavailable, serving HTTP only: {support.reason}")
            rtsp = bool(support)
        try:
            simulator = CameraSimulator(
                options["count"],
                faults=faults,
                scenes=shown,
                rtsp=rtsp,
                http_port=options["http_port"],
                rtsp_port=options["rtsp_port"],
                size=size,
                fps=options["fps"],
            )
            simulator.start()
        except (ValueError, RuntimeError, OSError) as exc:
            raise CommandError(str(exc)) from exc
        try:
            self._print(simulator)
            self._wait()
        finally:
            simulator.stop()
            self.stdout.write("Cameras stopped.")

    def _print(self, simulator: CameraSimulator) -> None:
        cameras = simulator.cameras
        width = max(len(c.fault) for c in cameras.values())
        for cam in cameras.values():
            line = f"cam {cam.index:>4}  {cam.fault:<{width}}  {cam.snapshot_url}  {cam.mjpeg_url}"
            if cam.rtsp_url:
                line += f"  {cam.rtsp_url}"
            self.stdout.write(line)
        base = f"http://{simulator.host}:{simulator.http_port}"
        self.stdout.write(
            self.style.SUCCESS(
                f"{len(cameras)} cameras ({simulator.size[0]}x{simulator.size[1]}, "
                f"{simulator.fps:g} fps); list: {base}/cameras.json; "
                f"change a fault: curl -d dark {base}/cam/1/fault. Ctrl-C stops."
            )
        )

    def _wait(self) -> None:
        """Sleep until Ctrl-C or SIGTERM (a service manager stopping us)."""
        stop = threading.Event()
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                signal.signal(sig, lambda *_: stop.set())
        try:
            while not stop.wait(1):
                pass
        except KeyboardInterrupt:
            pass
