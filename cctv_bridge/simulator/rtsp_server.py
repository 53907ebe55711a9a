"""RTSP cameras: GStreamer's RTSP server fed with the simulator's synthetic scenes.

A standalone script for Debian's ``/usr/bin/python3`` (``python3-gi``,
``gir1.2-gst-rtsp-server-1.0``, ``gstreamer1.0-plugins-{base,good,ugly}``, ``python3-numpy``):
the project's virtualenv cannot import GObject introspection, so ``controller.py`` starts this
script as a child process and talks to it through a pipe. No Django here.

Each camera is a mount ``/cam<i>``; every reader gets its own media, ``appsrc ! videoconvert !
x264enc tune=zerolatency ! rtph264pay``, so its first picture is a keyframe sent at once and a
reader hanging up never races another one for a shared pipeline (GStreamer answers 503 to a
client arriving while a shared media is being torn down). Keyframes then come every second.
One feeder thread renders the frames of the cameras being watched (``scenes.py``: the same
pictures as the HTTP cameras) and pushes them at the frame rate; an unwatched camera costs
nothing.

Faults: the picture faults look as over HTTP. ``offline`` removes the mount (DESCRIBE answers
404) and ends the streams running; ``hanging`` stops the frames: a connected reader waits for
ever, a new one gets no answer to DESCRIBE (GStreamer gives up after 20 s with a 503);
``slow-drip`` sends a frame every ``DRIP_INTERVAL`` seconds, a stream that never quite dies.

Protocol: arguments give the port and the cameras; the script prints ``ready <port>`` on stdout
once it listens. Then each stdin line is a command, answered by one stdout line:
``fault <index> <fault> [<moment>]`` -> ``ok``, ``quit`` -> ``bye``. End of stdin (the parent
died) stops the script.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time

import scenes

DRIP_INTERVAL = 3.0  # seconds between frames of a slow-drip RTSP camera


class Camera:
    """One RTSP camera: its view, fault, and the app sources of the media serving it now."""

    def __init__(self, index: int, view: scenes.View, fault: str, since: float):
        self.index = index
        self.view = view
        self.fault = fault
        self.frozen_at = since
        self.sources: list = []
        self.last_push = 0.0
        self.frozen_frame = None


class RtspCameras:
    """The RTSP server, its mounts and the feeder thread."""

    def __init__(self, args: argparse.Namespace):
        import gi

        gi.require_version("Gst", "1.0")
        gi.require_version("GstRtspServer", "1.0")
        from gi.repository import GLib, Gst, GstRtspServer

        self.GLib, self.Gst, self.GstRtspServer = GLib, Gst, GstRtspServer
        Gst.init(None)
        self.fps = args.fps
        self.width, self.height = args.width, args.height
        self.renderer = scenes.SceneRenderer(self.width, self.height, self.fps)
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        now = time.time()
        self.cameras = {
            c["index"]: Camera(
                c["index"],
                scenes.View(c["scene"], c.get("viewpoint", 0)),
                scenes.check_fault(c.get("fault", scenes.HEALTHY)),
                c.get("since", now),
            )
            for c in json.loads(args.cameras)
        }
        self.loop = GLib.MainLoop()
        self.server = GstRtspServer.RTSPServer()
        self.server.set_address(args.host)
        self.server.set_service(str(args.port))
        # One thread per client (up to a limit): a reader stalled on a hanging camera must not
        # hold up the readers of the other cameras.
        self.server.get_thread_pool().set_max_threads(args.max_clients)
        self.mounts = self.server.get_mount_points()
        for cam in self.cameras.values():
            if cam.fault != scenes.OFFLINE:
                self._mount(cam)

    # -- media -----------------------------------------------------------------------------

    def _launch(self) -> str:
        fps = round(self.fps)
        caps = f"video/x-raw,format=BGR,width={self.width},height={self.height},framerate={fps}/1"
        frame_bytes = self.width * self.height * 3
        return (
            f"( appsrc name=src is-live=true do-timestamp=true format=time block=false "
            f'max-bytes={3 * frame_bytes} leaky-type=downstream caps="{caps}" '
            f"! queue max-size-buffers=3 leaky=downstream ! videoconvert "
            f"! video/x-raw,format=I420 "
            f"! x264enc tune=zerolatency speed-preset=ultrafast key-int-max={fps} "
            f"bitrate={max(300, self.width * self.height * fps // 2300)} threads=1 "
            f"! rtph264pay name=pay0 pt=96 config-interval=1 )"
        )

    def _mount(self, cam: Camera) -> None:
        factory = self.GstRtspServer.RTSPMediaFactory()
        factory.set_launch(self._launch())
        factory.set_shared(False)
        factory.connect("media-configure", self._on_media, cam)
        self.mounts.add_factory(f"/cam{cam.index}", factory)

    def _on_media(self, factory, media, cam: Camera) -> None:
        src = media.get_element().get_child_by_name("src")
        with self.lock:
            cam.sources.append(src)
        media.connect("unprepared", self._on_unprepared, cam, src)

    def _on_unprepared(self, media, cam: Camera, src) -> None:
        with self.lock:
            if src in cam.sources:
                cam.sources.remove(src)

    # -- control ---------------------------------------------------------------------------

    def set_fault(self, index: int, fault: str, moment: float | None) -> None:
        """Change a camera's fault now (called on the GLib main loop)."""
        scenes.check_fault(fault)
        cam = self.cameras[index]
        with self.lock:
            before, cam.fault = cam.fault, fault
            cam.frozen_at = moment if moment is not None else time.time()
            cam.frozen_frame = None
            ending = list(cam.sources) if fault == scenes.OFFLINE else []
            if ending:
                cam.sources.clear()
        if fault == scenes.OFFLINE and before != scenes.OFFLINE:
            self.mounts.remove_factory(f"/cam{index}")
            for src in ending:
                src.emit("end-of-stream")
        elif before == scenes.OFFLINE and fault != scenes.OFFLINE:
            self._mount(cam)

    def _frame_for(self, cam: Camera, now: float):
        """The picture to send now; network faults send healthy pictures, when they send."""
        if cam.fault == scenes.FROZEN:
            if cam.frozen_frame is None:
                cam.frozen_frame = self.renderer.frame(cam.view, scenes.HEALTHY, cam.frozen_at)
            return cam.frozen_frame
        fault = scenes.HEALTHY if cam.fault in scenes.NETWORK_FAULTS else cam.fault
        return self.renderer.frame(cam.view, fault, now)

    def feed(self) -> None:
        """Push one frame per tick to every camera that has a reader."""
        Gst = self.Gst
        period = 1.0 / self.fps
        duration = int(Gst.SECOND * period)
        next_tick = time.monotonic()
        while not self.stopping.is_set():
            next_tick += period
            now = time.time()
            with self.lock:
                busy = [(cam, list(cam.sources)) for cam in self.cameras.values() if cam.sources]
            for cam, sources in busy:
                if cam.fault in (scenes.OFFLINE, scenes.HANGING):
                    continue
                if cam.fault == scenes.SLOW_DRIP and now - cam.last_push < DRIP_INTERVAL:
                    continue
                cam.last_push = now
                data = self._frame_for(cam, now).tobytes()
                for src in sources:
                    buf = Gst.Buffer.new_wrapped(data)
                    buf.duration = duration
                    src.emit("push-buffer", buf)
            delay = next_tick - time.monotonic()
            if delay > 0:
                self.stopping.wait(delay)
            else:
                next_tick = time.monotonic()

    def read_commands(self) -> None:
        """Serve stdin commands; end of input means the parent is gone."""
        for line in sys.stdin:
            parts = line.split()
            if not parts:
                continue
            if parts[0] == "quit":
                break
            done = threading.Event()
            answer = ["ok"]

            def apply(parts=parts, done=done, answer=answer):
                try:
                    if parts[0] != "fault" or len(parts) not in (3, 4):
                        raise ValueError(f"unknown command {' '.join(parts)!r}")
                    moment = float(parts[3]) if len(parts) == 4 else None
                    self.set_fault(int(parts[1]), parts[2], moment)
                except KeyError:
                    answer[0] = f"error no camera {parts[1]}"
                except ValueError as exc:
                    answer[0] = f"error {exc}"
                done.set()
                return False

            self.GLib.idle_add(apply)
            done.wait(10)
            print(answer[0], flush=True)
        self.stop()

    def stop(self) -> None:
        self.stopping.set()
        self.GLib.idle_add(self.loop.quit)

    def run(self) -> int:
        if self.server.attach(None) == 0:
            print("error cannot listen", flush=True)
            return 1
        print(f"ready {self.server.get_bound_port()}", flush=True)
        for sig in (signal.SIGINT, signal.SIGTERM):
            self.GLib.unix_signal_add(self.GLib.PRIORITY_DEFAULT, sig, self._on_signal)
        feeder = threading.Thread(target=self.feed, name="rtsp-feeder", daemon=True)
        feeder.start()
        threading.Thread(target=self.read_commands, name="rtsp-commands", daemon=True).start()
        self.loop.run()
        self.stopping.set()
        feeder.join(2)
        print("bye", flush=True)
        return 0

    def _on_signal(self) -> bool:
        self.stop()
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8554, help="0: any free port")
    parser.add_argument("--width", type=int, default=640)
    parser.add_argument("--height", type=int, default=360)
    parser.add_argument("--fps", type=float, default=10)
    parser.add_argument("--max-clients", type=int, default=128)
    parser.add_argument(
        "--cameras",
        required=True,
        help='JSON list of {"index": 1, "scene": 1, "viewpoint": 0, "fault": "healthy"}',
    )
    args = parser.parse_args(argv)
    return RtspCameras(args).run()


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        os._exit(130)
