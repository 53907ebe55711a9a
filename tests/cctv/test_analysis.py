"""Image-health analysis on synthetic street scenes (real OpenCV, no database).

The scenes (``tests.cctv.scenes``) have buildings, signs with text, poles and road
markings, traffic and pedestrians that move with time, a slight exposure flicker and sensor
noise; a fault is applied where it happens in a real camera (blur and darkness in the optics,
before the noise; a cover in front of the lens; a move of the camera itself).
"""

from __future__ import annotations

import json
import time

import cv2
import numpy as np
import pytest
from django.utils import translation

from cctv_bridge.analysis import (
    BLURRED,
    CODES,
    COVERED,
    DARK,
    FROZEN,
    MOVED,
    Assessment,
    Baseline,
    Check,
    FrameMeasure,
    FrameSignature,
    Severity,
    Status,
    Thresholds,
    assess,
    duplicate_pairs,
    measure,
    overlap,
)
from tests.cctv.scenes import StreetScene, uniform

SIZES = [(640, 360), (1280, 720)]
PROBE_AT = 40.0  # seconds after the baseline: the traffic has moved on
FRAME_GAP = 0.04  # 25 fps


def probe_frames(scene: StreetScene, count: int = 4, at: float = PROBE_AT, **fault) -> list:
    return [scene.frame(at + i * FRAME_GAP, **fault) for i in range(count)]


def commission(scene: StreetScene, **view) -> Baseline:
    """Frames of the healthy camera: a few consecutive ones and a couple spread out."""
    return Baseline.from_frames(
        [scene.frame(t, **view) for t in (0.0, FRAME_GAP, 2 * FRAME_GAP, 7.0, 15.0)]
    )


@pytest.fixture(scope="module", params=SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def camera(request) -> tuple[StreetScene, Baseline]:
    width, height = request.param
    scene = StreetScene(seed=width, width=width, height=height)
    return scene, commission(scene)


def assert_only(assessment: Assessment, *codes: str) -> None:
    found = {c.code: c.message for c in assessment.findings}
    assert set(found) == set(codes), found


# -- measurements -------------------------------------------------------------------------------


def test_measure_describes_the_picture():
    scene = StreetScene(seed=5, width=1280, height=720)
    healthy = measure(scene.frame(1.0))
    assert (healthy.width, healthy.height) == (1280, 720)
    assert 60 < healthy.brightness_mean < 180
    assert healthy.brightness_std > 20
    assert healthy.edge_density > 0.03
    assert healthy.dominant_fraction < 0.8
    blurred = measure(scene.frame(1.0, blur=6))
    assert blurred.sharpness < healthy.sharpness / 10
    covered = measure(uniform(1280, 720, (40, 160, 60)))
    assert covered.edge_density < 0.001
    assert covered.dominant_fraction > 0.9
    b, g, r = covered.dominant_colour
    assert g > r and g > b
    # what OpenCV hands out: BGR, BGRA and grey all work; anything else is refused clearly
    frame = scene.frame(1.0)
    assert measure(cv2.cvtColor(frame, cv2.COLOR_BGR2BGRA)) == measure(frame)
    assert measure(cv2.cvtColor(frame, cv2.COLOR_BGR2GRAY)).edge_density > 0.03
    for bad in (np.zeros((0, 0, 3), np.uint8), frame.astype(np.float32), None):
        with pytest.raises(ValueError):
            measure(bad)
    assert FrameMeasure.from_dict(json.loads(json.dumps(healthy.to_dict()))) == healthy


# -- healthy cameras ----------------------------------------------------------------------------


def test_healthy_camera_has_no_findings(camera):
    scene, baseline = camera
    first = assess(probe_frames(scene, jpeg=85), baseline)
    second = assess(probe_frames(scene, at=PROBE_AT + 60), baseline, None, first.signature)
    for result in (first, second):
        assert result.healthy, [c.message for c in result.findings]
        assert {c.code: c.status for c in result.checks} == dict.fromkeys(CODES, Status.OK)
        assert result.severity is None
        assert result.registration.inliers >= 50
        assert result.check(MOVED).value < 0.01


def test_no_false_positives_over_many_seeds():
    """Twenty cameras, two probes each, in daylight and at dusk (darker and noisier than the
    baseline), JPEG-compressed: not one finding."""
    for seed in range(20):
        scene = StreetScene(seed=1000 + seed, width=640, height=360)
        baseline = commission(scene)
        thresholds = Thresholds.calibrated(baseline)
        previous = None
        for at, light in ((PROBE_AT, {}), (PROBE_AT + 300, {"gain": 0.45, "noise": 4.0})):
            result = assess(
                probe_frames(scene, count=3, at=at, jpeg=80, **light),
                baseline,
                thresholds,
                previous,
            )
            assert result.healthy, (seed, at, [c.message for c in result.findings])
            assert result.check(MOVED).status is Status.OK, result.check(MOVED).message
            previous = result.signature


def test_a_few_pixels_of_vibration_is_not_a_move(camera):
    scene, baseline = camera
    w, h = scene.width, scene.height
    for shift, angle in (((3 / w, 0), 0.0), ((-2 / w, 4 / h), 0.0), ((0, 0), 0.5), ((5 / w, 0), 0)):
        result = assess(probe_frames(scene, shift=shift, angle=angle), baseline)
        assert_only(result)
        moved = result.check(MOVED)
        assert moved.status is Status.OK
        assert moved.value < moved.threshold / 2


# -- faults ---------------------------------------------------------------------------------------


def test_dark_picture(camera):
    scene, baseline = camera
    result = assess(probe_frames(scene, gain=0.06), baseline)
    assert_only(result, DARK)
    dark = result.check(DARK)
    assert dark.severity is Severity.CRITICAL
    assert dark.value < dark.threshold
    # nothing else is claimed about a picture that shows nothing
    for code in (FROZEN, BLURRED, COVERED, MOVED):
        assert result.check(code).status is Status.NOT_CHECKED


def test_dim_but_lit_night_scene_is_not_dark(camera):
    scene, baseline = camera
    assert_only(assess(probe_frames(scene, gain=0.35, noise=5.0), baseline))


def test_frozen_picture(camera):
    scene, baseline = camera
    still = scene.frame(PROBE_AT)
    result = assess([still] * 4, baseline)
    assert_only(result, FROZEN)
    frozen = result.check(FROZEN)
    assert frozen.severity is Severity.WARNING  # not yet seen to persist
    assert frozen.value == 0.0 < frozen.threshold
    assert "4" in frozen.message


def test_frozen_picture_persisting_across_probes(camera):
    scene, baseline = camera
    still = scene.frame(PROBE_AT)
    first = assess([still] * 3, baseline)
    # the signature is stored between probes as JSON
    stored = json.loads(json.dumps(first.signature.to_dict()))
    previous = FrameSignature.from_dict(stored)
    second = assess([still] * 3, baseline, None, previous)
    assert_only(second, FROZEN)
    assert second.check(FROZEN).severity is Severity.CRITICAL
    assert second.check(FROZEN).reason == "persisting"
    # a snapshot camera gives one frame per probe: only the previous probe can tell
    single = assess([still], baseline, None, previous)
    assert_only(single, FROZEN)
    assert single.check(FROZEN).severity is Severity.CRITICAL
    # a live camera's single snapshots differ from one probe to the next, even in a quiet
    # scene, through sensor noise
    live = assess([scene.frame(PROBE_AT + 60)], baseline, None, first.signature)
    assert_only(live)
    assert live.check(FROZEN).status is Status.OK
    alone = assess([scene.frame(PROBE_AT)], baseline)
    assert alone.check(FROZEN).status is Status.NOT_CHECKED


def test_frozen_with_a_burnt_in_clock_is_still_frozen(camera):
    scene, baseline = camera
    still = scene.frame(PROBE_AT)
    frames = []
    for second in range(4):
        frame = still.copy()
        cv2.putText(
            frame,
            f"12:00:0{second}",
            (10, 30),
            cv2.FONT_HERSHEY_SIMPLEX,
            0.6,
            (255, 255, 255),
            1,
            cv2.LINE_AA,
        )
        frames.append(frame)
    assert_only(assess(frames, baseline), FROZEN)


def test_blurred_picture(camera):
    scene, baseline = camera
    result = assess(probe_frames(scene, blur=4.0 * scene.width / 640), baseline)
    assert_only(result, BLURRED)
    blurred = result.check(BLURRED)
    assert blurred.reason == "relative"
    assert blurred.value < blurred.threshold
    assert result.check(MOVED).status is not Status.FOUND


def test_blurred_without_a_baseline_needs_an_extreme_blur():
    scene = StreetScene(seed=11, width=1280, height=720)
    assert_only(assess(probe_frames(scene)))
    result = assess(probe_frames(scene, blur=16.0))
    assert_only(result, BLURRED)
    assert result.check(BLURRED).reason == "absolute"
    assert result.check(MOVED).status is Status.NOT_CHECKED


@pytest.mark.parametrize(
    "colour",
    [(90, 120, 140), (40, 150, 60), (225, 225, 230), (60, 60, 150)],
    ids=["beige", "green", "white", "red"],
)
def test_covered_lens(camera, colour):
    scene, baseline = camera
    frames = [uniform(scene.width, scene.height, colour, noise=2.5, seed=i) for i in range(4)]
    result = assess(frames, baseline)
    assert_only(result, COVERED)
    covered = result.check(COVERED)
    assert covered.severity is Severity.CRITICAL
    assert covered.value < covered.threshold
    assert result.check(MOVED).status is Status.NOT_CHECKED
    assert result.check(BLURRED).status is Status.NOT_CHECKED


def test_black_cover_is_dark_not_moved(camera):
    scene, baseline = camera
    frames = [uniform(scene.width, scene.height, (8, 8, 8), noise=2.0, seed=i) for i in range(3)]
    result = assess(frames, baseline)
    assert_only(result, DARK)
    assert result.check(MOVED).status is Status.NOT_CHECKED


@pytest.mark.parametrize(
    "view",
    [
        {"shift": (0.25, 0.0)},
        {"shift": (-0.2, 0.15)},
        {"angle": 20.0},
        {"zoom": 1.4},
    ],
    ids=["shifted-25", "shifted-down-left", "rotated-20", "zoomed"],
)
def test_moved_camera(camera, view):
    scene, baseline = camera
    result = assess(probe_frames(scene, **view), baseline)
    assert_only(result, MOVED)
    moved = result.check(MOVED)
    assert moved.value > 2 * moved.threshold
    assert moved.details["inliers"] >= moved.details["needed"]
    if "angle" in view:
        assert abs(abs(moved.details["rotation"]) - 20) < 2
    if "shift" in view:
        assert abs(moved.details["dx"] + view["shift"][0]) < 0.03  # the scene moves the other way


def test_a_change_of_stream_format_is_not_a_fault():
    """A camera switched to its sub-stream, or an anamorphic 720x576 stream of its 16:9 sensor,
    shows the same view at another size."""
    scene = StreetScene(seed=9, width=1920, height=1080)
    baseline = commission(scene)
    for size in ((1280, 720), (640, 360), (720, 576)):
        frames = [cv2.resize(f, size, interpolation=cv2.INTER_AREA) for f in probe_frames(scene)]
        result = assess(frames, baseline)
        assert_only(result)
        assert result.check(MOVED).status is Status.OK, size


def test_camera_turned_to_another_scene_is_inconclusive_not_moved(camera):
    scene, baseline = camera
    elsewhere = StreetScene(seed=scene.seed + 77, width=scene.width, height=scene.height)
    result = assess(probe_frames(elsewhere), baseline)
    moved = result.check(MOVED)
    assert moved.status is Status.INCONCLUSIVE
    assert moved.reason in {"few_matches", "disagreeing"}
    assert MOVED not in result.codes
    with translation.override("en"):
        assert moved.message.startswith("Could not tell whether the camera has moved")


# -- baselines and thresholds ----------------------------------------------------------------------


def test_baseline_round_trips_through_json(camera):
    scene, baseline = camera
    text = json.dumps(baseline.to_dict())
    assert len(text) < 40_000
    restored = Baseline.from_dict(json.loads(text))
    assert restored.measure == baseline.measure
    assert restored.frames == 5 and restored.change == baseline.change
    assert np.array_equal(restored.features.descriptors, baseline.features.descriptors)
    assert np.array_equal(restored.features.points, baseline.features.points)
    frames = probe_frames(scene, shift=(0.25, 0))
    assert assess(frames, restored).to_dict() == assess(frames, baseline).to_dict()
    with pytest.raises(ValueError):
        Baseline.from_dict({**baseline.to_dict(), "version": 99})


def test_baseline_keeps_only_the_static_scene():
    """Reference keypoints on passing cars would not be there at the next probe."""
    scene = StreetScene(seed=3, width=640, height=360)
    spread = Baseline.from_frames([scene.frame(t) for t in (0.0, 3.0, 6.0, 9.0, 12.0)])
    alone = Baseline.from_frames([scene.frame(6.0)])  # the middle frame is the reference
    kept = {tuple(p) for p in spread.features.points}
    assert kept <= {tuple(p) for p in alone.features.points}
    assert 60 <= len(kept) < 0.95 * len(alone.features)
    with pytest.raises(ValueError):
        Baseline.from_frames([])


def test_calibrated_thresholds():
    scene = StreetScene(seed=21, width=640, height=360)
    baseline = commission(scene)
    # this camera's nights are dim (and noisy): its history says so
    nights = [measure(f) for f in probe_frames(scene, count=6, gain=0.22, noise=5.0)]
    days = [measure(f) for f in probe_frames(scene, count=6, at=100.0)]
    thresholds = Thresholds.calibrated(baseline, nights + days, displacements=[0.002, 0.004])
    defaults = Thresholds()
    assert thresholds.dark_mean < defaults.dark_mean and thresholds.dark_std < defaults.dark_std
    assert thresholds.dark_mean >= 12
    assert 0.1 <= thresholds.blur_ratio <= defaults.blur_ratio
    assert thresholds.frozen_change <= defaults.frozen_change
    assert thresholds.moved_displacement == defaults.moved_displacement  # hardly any sway
    assert Thresholds.from_dict(json.loads(json.dumps(thresholds.to_dict()))) == thresholds
    assert Thresholds.from_dict({"dark_mean": 20, "unknown": 1}).dark_mean == 20
    # with the defaults the usual night looks dark; with its own thresholds it does not
    night = probe_frames(scene, gain=0.22, noise=5.0, at=500.0)
    assert assess(night, baseline).codes == {DARK}
    assert_only(assess(night, baseline, thresholds))
    # and a black picture still is
    assert assess(probe_frames(scene, gain=0.03), baseline, thresholds).codes == {DARK}
    # a camera on a swaying pole gets more room before it counts as moved
    swaying = Thresholds.calibrated(baseline, displacements=[0.02, 0.04, 0.05, 0.06])
    assert defaults.moved_displacement < swaying.moved_displacement <= 0.15


# -- reporting -----------------------------------------------------------------------------------


def test_every_finding_says_what_was_seen(camera):
    scene, baseline = camera
    faults = {
        DARK: probe_frames(scene, gain=0.06),
        FROZEN: [scene.frame(PROBE_AT)] * 3,
        BLURRED: probe_frames(scene, blur=4.0 * scene.width / 640),
        COVERED: [uniform(scene.width, scene.height, (90, 120, 140), seed=i) for i in range(3)],
        MOVED: probe_frames(scene, angle=20.0),
    }
    for code, frames in faults.items():
        result = assess(frames, baseline)
        stored = json.loads(json.dumps(result.to_dict()))
        for check, data in zip(result.checks, stored["checks"], strict=True):
            assert Check.from_dict(data) == check
            for language in ("en", "uk"):
                with translation.override(language):
                    message = check.message
                    assert message and "%(" not in message, (code, check)
        finding = result.check(code)
        with translation.override("en"):
            assert finding.status is Status.FOUND
            words = {
                DARK: "black",
                FROZEN: "did not change",
                BLURRED: "blurred",
                COVERED: "covered",
                MOVED: "has moved",
            }
            assert words[code] in finding.message, finding.message
    with translation.override("en"):
        covered = assess(faults[COVERED], baseline).check(COVERED).message
        assert "(beige)" in covered, covered


# -- duplicate coverage --------------------------------------------------------------------------


def test_overlap_of_two_cameras():
    scene = StreetScene(seed=31, width=640, height=360)
    other = StreetScene(seed=32, width=640, height=360)
    here = commission(scene)
    nearby = commission(scene, shift=(0.2, 0.05), angle=3.0)
    assert 0.6 < overlap(here, nearby) <= 1.0
    assert overlap(here, nearby) == pytest.approx(overlap(nearby, here), abs=0.1)
    assert overlap(here, commission(other)) < 0.1
    # a camera zoomed in on part of another's view sees nothing the other does not
    assert overlap(here, commission(scene, zoom=1.5)) > 0.9


def test_duplicate_pairs_finds_the_cameras_seeing_the_same_scene():
    baselines = {
        "market-1": commission(StreetScene(seed=41, width=640, height=360)),
        "school": commission(StreetScene(seed=42, width=640, height=360)),
        "market-2": commission(StreetScene(seed=41, width=640, height=360), shift=(-0.15, 0.0)),
        "park": commission(StreetScene(seed=43, width=640, height=360)),
    }
    pairs = duplicate_pairs(baselines, min_overlap=0.5)
    assert [(a, b) for a, b, _ in pairs] == [("market-1", "market-2")]
    assert 0.7 < pairs[0][2] <= 1.0
    assert duplicate_pairs(baselines, min_overlap=0.95) == []


# -- speed -----------------------------------------------------------------------------------------


def test_analysis_is_fast_enough():
    """A loose guard against losing the downscale-first design (bench/analysis.py measures
    properly: a few milliseconds per frame). CPU time, not wall time, so that other work on the
    machine does not make it fail; analysing 1080p at full size would cost several times more.
    """
    scene = StreetScene(seed=51, width=1920, height=1080)
    frames = [scene.frame(0.04 * i) for i in range(6)]
    baseline = Baseline.from_frames(frames[:3])
    timings = []
    for frame in frames * 3:
        start = time.process_time()
        assess([frame], baseline)
        timings.append(time.process_time() - start)
    assert float(np.median(timings)) < 0.030
