"""Image health of camera pictures: pure functions over BGR uint8 frames (no Django models, no
networking). See ``health.assess`` for the checks, ``Baseline`` for commissioning a camera and
``coverage`` for the duplicate-coverage report.

OpenCV threads: after the first downscale every call here works on a 320-pixel-wide picture,
where OpenCV's thread pool has little to split, and a probe worker runs many probes at once,
which already keeps the cores busy. Measured with ``bench/analysis.py`` on the 2-core machine,
the pool makes a lone assessment 15-20 % faster, but it costs 25-35 % more CPU per probe when
probes run one at a time (handing work to the pool threads and back; they spin briefly while
they wait), and with 2-8 probes at once one thread each gives the same or better throughput.
(OpenCV's pthreads pool serves one caller at a time anyway: a concurrent caller runs its loop
on its own thread.) A busy worker is bound by CPU per probe, not by the latency of one probe,
so a probe worker calls ``limit_opencv_threads()`` once when it starts. It is not done at
import: ``cv2.setNumThreads`` is process-wide and would also slow a process that handles one
large picture at a time, such as the web process or the camera simulator.
"""

from __future__ import annotations

import cv2

from .baseline import Baseline
from .coverage import duplicate_pairs, overlap
from .features import Features, Registration
from .frames import FrameMeasure, FrameSignature, measure
from .health import (
    BLURRED,
    CODES,
    COVERED,
    DARK,
    FROZEN,
    MOVED,
    Assessment,
    Check,
    Severity,
    Status,
    Thresholds,
    assess,
)


def limit_opencv_threads() -> None:
    """Make OpenCV run each call on the calling thread only (see the module docstring)."""
    cv2.setNumThreads(1)


__all__ = [
    "BLURRED",
    "CODES",
    "COVERED",
    "DARK",
    "FROZEN",
    "MOVED",
    "Assessment",
    "Baseline",
    "Check",
    "Features",
    "FrameMeasure",
    "FrameSignature",
    "Registration",
    "Severity",
    "Status",
    "Thresholds",
    "assess",
    "duplicate_pairs",
    "limit_opencv_threads",
    "measure",
    "overlap",
]
