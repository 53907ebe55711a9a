"""OpenCV image-health analysis time per frame at 720p and 1080p (target: under 10 ms).

For each resolution it times, over ``--frames`` synthetic street frames (moving traffic, sensor
noise, passed through JPEG as a camera's stream would be):

- ``measure``: ``measure(frame)`` alone;
- ``assess, 1 frame``: ``assess([frame], baseline, thresholds, previous)``, everything a probe
  does with a frame including ORB and the match against the baseline: the worst case per frame;
- ``assess, 5 frames``: a five-frame probe, per frame (ORB runs on the last frame only);
- ``assess, elsewhere``: one frame of another scene (a camera turned away), where matching
  finds only chance matches and the "moved" check ends inconclusive;

first with OpenCV's default thread pool, then with ``cv2.setNumThreads(1)``; then the time of
``duplicate_pairs`` per pair of cameras, and the
throughput of 1, 2, 4 and 8 Python threads assessing 5-frame probes at once, as a worker running
several probes concurrently would.

    .venv/bin/python bench/analysis.py [--frames 200] [--seconds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")

import cv2  # noqa: E402
import numpy as np  # noqa: E402

from cctv_bridge.analysis import (  # noqa: E402
    Baseline,
    Thresholds,
    assess,
    duplicate_pairs,
    measure,
)
from tests.cctv.scenes import StreetScene  # noqa: E402

SIZES = {"720p": (1280, 720), "1080p": (1920, 1080)}
DISTINCT = 24  # distinct frames rendered per resolution (rendering 1080p is slower than analysis)


def frames_for(width: int, height: int) -> tuple[list[np.ndarray], Baseline, list[np.ndarray]]:
    scene = StreetScene(7, width, height)
    frames = [scene.frame(0.04 * i, jpeg=85) for i in range(DISTINCT)]
    baseline = Baseline.from_frames([scene.frame(t, jpeg=85) for t in (50, 50.04, 50.08, 60)])
    elsewhere = StreetScene(8, width, height)
    other = [elsewhere.frame(0.04 * i, jpeg=85) for i in range(DISTINCT // 4)]
    return frames, baseline, other


def timings(fn, frames: list[np.ndarray], count: int, per: int = 1) -> list[float]:
    """Milliseconds per frame of ``fn`` over ``count`` frames, taken ``per`` at a time."""
    out = []
    for i in range(0, count, per):
        batch = [frames[(i + k) % len(frames)] for k in range(per)]
        start = time.perf_counter()
        fn(batch)
        out.append((time.perf_counter() - start) * 1000 / per)
    return out


def summary(ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
    return f"{statistics.median(ms):6.2f} {p95:6.2f}"


def throughput(frames, baseline, thresholds, threads: int, seconds: float) -> tuple[float, float]:
    """Five-frame probes per second with ``threads`` Python threads assessing at once, and the
    process CPU time per probe in ms (which includes any spinning of OpenCV's pool threads)."""
    done = [0] * threads
    stop = time.perf_counter() + seconds

    def work(n: int) -> None:
        i = n
        while time.perf_counter() < stop:
            assess([frames[(i + k) % len(frames)] for k in range(5)], baseline, thresholds)
            done[n] += 1
            i += 5

    pool = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    start, cpu = time.perf_counter(), time.process_time()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    probes = sum(done)
    return probes / (time.perf_counter() - start), (time.process_time() - cpu) * 1000 / probes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--frames", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()

    import django

    django.setup()
    print(f"OpenCV {cv2.__version__}, {os.cpu_count()} CPUs, {args.frames} frames per row")
    data = {name: frames_for(*size) for name, size in SIZES.items()}
    default_threads = cv2.getNumThreads()
    print(f"\n{'ms per frame':<34} {'median':>6} {'p95':>6}")
    for threads in (default_threads, 1):
        cv2.setNumThreads(threads)
        for name, (frames, baseline, other) in data.items():
            thresholds = Thresholds.calibrated(baseline)
            previous = assess(frames[:1], baseline, thresholds).signature
            rows = {
                "measure": timings(lambda b: measure(b[0]), frames, args.frames),
                "assess, 1 frame": timings(
                    lambda b, bl=baseline, th=thresholds, pr=previous: assess(b, bl, th, pr),
                    frames,
                    args.frames,
                ),
                "assess, 5 frames": timings(
                    lambda b, bl=baseline, th=thresholds, pr=previous: assess(b, bl, th, pr),
                    frames,
                    args.frames,
                    per=5,
                ),
                "assess, elsewhere": timings(
                    lambda b, bl=baseline, th=thresholds: assess(b, bl, th), other, args.frames
                ),
            }
            for label, ms in rows.items():
                print(f"{name:>5} {label:<18} {threads} thr   {summary(ms)}")
    counts = (1, 2, 4, 8)
    header = " ".join(f"{f'{n} thr':>6}" for n in counts)
    cv2.setNumThreads(default_threads)
    pairs_speed()
    print(f"\n{'5-frame probes/s (CPU ms per probe)':<34} {header}  (Python threads)")
    for threads in (default_threads, 1):
        cv2.setNumThreads(threads)
        for name, (frames, baseline, _) in data.items():
            thresholds = Thresholds.calibrated(baseline)
            rates = [throughput(frames, baseline, thresholds, n, args.seconds) for n in counts]
            label = f"{name} cv2.setNumThreads({threads})"
            print(
                f"{label:<34} "
                + " ".join(f"{r:6.0f}" for r, _ in rates)
                + "   ("
                + " ".join(f"{c:4.1f}" for _, c in rates)
                + ")"
            )


def pairs_speed() -> None:
    """``duplicate_pairs`` over 40 baselines (a few of them the same scene twice)."""
    baselines = {}
    for i in range(40):
        scene = StreetScene(100 + i % 34, 640, 360)
        shift = (0.15 if i >= 34 else 0.0, 0.0)
        baselines[i] = Baseline.from_frames([scene.frame(t, shift=shift) for t in (0, 0.04)])
    start = time.perf_counter()
    pairs = duplicate_pairs(baselines)
    elapsed = time.perf_counter() - start
    count = len(baselines) * (len(baselines) - 1) // 2
    print(
        f"\nduplicate_pairs: {len(baselines)} cameras, {count} pairs in {elapsed:.2f} s "
        f"({elapsed * 1000 / count:.2f} ms per pair), {len(pairs)} duplicates found"
    )


if __name__ == "__main__":
    main()
