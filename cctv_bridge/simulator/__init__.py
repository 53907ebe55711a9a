"""Synthetic CCTV cameras for tests, benchmarks and the demo (``manage.py simulate_cameras``).

``controller.CameraSimulator`` serves N cameras on 127.0.0.1 as HTTP snapshots, MJPEG and, where
Debian's GStreamer RTSP server is installed, RTSP; each camera has a fault from
``scenes.FAULTS`` that can change while it runs. Nothing here imports Django, and ``scenes`` needs
only numpy, so that Debian's ``python3`` can render the same scenes for RTSP.
"""

from __future__ import annotations

__all__ = ["FAULTS", "CameraSimulator", "SimulatedCamera", "rtsp_available"]


def __getattr__(name: str):
    """Import lazily: ``scenes`` alone must not pull in OpenCV."""
    if name in ("CameraSimulator", "SimulatedCamera", "rtsp_available"):
        from . import controller

        return getattr(controller, name)
    if name == "FAULTS":
        from .scenes import FAULTS

        return FAULTS
    raise AttributeError(name)
