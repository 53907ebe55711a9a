"""The demo camera network: twelve cameras of the situational centre, served by the camera
simulator on 127.0.0.1, one of them with a covered lens, two looking at the same crossing.

The cameras and places are illustrative (the report says the centre watches twelve city
cameras; it does not list them). The 90 days of uptime before the demo started are generated,
so the status page has bars to show; everything from the first probe on is measured.
"""

from __future__ import annotations

import datetime
import logging
import random
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from cctv_bridge.models import Camera, DailyUptime, DutyShift
from cms.demo import read_demo_data

logger = logging.getLogger(__name__)

#: The camera that shows a fault in the demo, and the pair that sees the same scene.
FAULTY = {7: "covered"}
SAME_SCENE = {4: 3}
PRIVATE = {12}

#: Names and addresses, Ukrainian and English: [name_uk, name_en, address_uk, address_en].
CAMERAS = read_demo_data(Path(__file__).with_name("demo.json"))["cameras"]
#: Roughly where the town centre is; each camera a little apart, for the map-minded.
CENTRE = (45.8386, 29.6147)


def source_of(index: int, rtsp: bool) -> str:
    """Cameras 1–4 over RTSP where this machine can serve it, 5–8 MJPEG, 9–12 snapshots."""
    if index <= 4:
        return Camera.Source.RTSP if rtsp else Camera.Source.MJPEG
    return Camera.Source.MJPEG if index <= 8 else Camera.Source.SNAPSHOT


def stream_url(index: int, source: str) -> str:
    # Demo credentials, so that the demo also shows they never leave the registry.
    if source == Camera.Source.RTSP:
        port = settings.CCTV_SIMULATOR_RTSP_PORT
        return f"rtsp://operator:demo-camera-secret@127.0.0.1:{port}/cam{index}"
    port = settings.CCTV_SIMULATOR_HTTP_PORT
    path = "mjpeg" if source == Camera.Source.MJPEG else "snapshot.jpg"
    return f"http://operator:demo-camera-secret@127.0.0.1:{port}/cam/{index}/{path}"


def load_cameras(rtsp: bool) -> int:
    """Create the twelve demo cameras that do not exist yet; return how many were created."""
    created = 0
    for index, (name_uk, name_en, address_uk, address_en) in enumerate(CAMERAS, start=1):
        code = f"tb-{index:02d}"
        if Camera.objects.filter(code=code).exists():
            continue
        source = source_of(index, rtsp)
        camera = Camera(
            code=code,
            name_uk=name_uk,
            name_en=name_en,
            address_uk=f"Татарбунари, {address_uk}",
            address_en=f"Tatarbunary, {address_en}",
            latitude=round(CENTRE[0] + (index % 4 - 1.5) * 0.002, 6),
            longitude=round(CENTRE[1] + (index // 4 - 1.5) * 0.003, 6),
            source=source,
            public=index not in PRIVATE,
            # Short, so the demo's public page catches up within minutes (default: an hour).
            public_delay_minutes=2,
            purpose_uk="Безпека дорожнього руху та громадського порядку.",
            purpose_en="Road safety and public order.",
            legal_basis="Рішення виконавчого комітету міської ради (демо)",
            responsible_person="Черговий ситуаційного центру",
            retention_days=3,
            installed_on=datetime.date(2019, 5, 1),
            field_of_view_uk="Проїжджа частина і тротуари.",
            field_of_view_en="The roadway and pavements.",
        )
        camera.stream_url = stream_url(index, source)
        camera.save()
        backfill_history(camera)
        created += 1
    ensure_operator()
    return created


def backfill_history(camera: Camera, days: int = 90) -> None:
    """Illustrative daily roll-ups before the demo started (a seeded pattern, not a measure)."""
    rng = random.Random(camera.code)  # noqa: S311 - demo pattern, not security
    today = timezone.localdate()
    rows = []
    for back in range(days, 0, -1):
        day = today - datetime.timedelta(days=back)
        probes = 1440
        roll = rng.random()
        down = 0 if roll < 0.85 else rng.randint(5, 60) if roll < 0.97 else rng.randint(200, 700)
        rows.append(
            DailyUptime(
                camera=camera, day=day, probes=probes, up=probes - down, healthy=probes - down
            )
        )
    DailyUptime.objects.bulk_create(rows, ignore_conflicts=True)


def ensure_operator():
    """A demo volunteer on duty for the coming week, so alerts have someone to reach."""
    if not settings.DEBUG:
        return None
    user, created = get_user_model().objects.get_or_create(
        username="operator",
        defaults={"email": "operator@example.org", "first_name": "Черговий"},
    )
    if created:
        user.set_password("safe-community-demo")
        user.save()
        user.groups.add(Group.objects.get(name="Situational centre operators"))
    now = timezone.now()
    if not DutyShift.objects.filter(operator=user, ends_at__gt=now).exists():
        DutyShift.objects.create(
            operator=user,
            starts_at=now - datetime.timedelta(hours=1),
            ends_at=now + datetime.timedelta(days=7),
            note="Демо-зміна",
        )
    return user


def start_simulator():
    """Serve the demo cameras (the RTSP part only where Debian's GStreamer RTSP server is and
    its port is free; otherwise the RTSP cameras are not served and say so by going offline)."""
    from cctv_bridge.simulator import CameraSimulator

    def simulator(rtsp: bool | None):
        return CameraSimulator(
            len(CAMERAS),
            faults=FAULTY,
            scenes=SAME_SCENE,
            rtsp=rtsp,
            http_port=settings.CCTV_SIMULATOR_HTTP_PORT,
            rtsp_port=settings.CCTV_SIMULATOR_RTSP_PORT,
        ).start()

    try:
        running = simulator(None)
    except RuntimeError as error:
        logger.warning("Simulated RTSP cameras are off: %s", error)
        return simulator(False)
    if not running.rtsp_enabled:
        logger.warning(
            "Simulated RTSP cameras are off (%s); the demo uses HTTP cameras instead.",
            running.rtsp_reason,
        )
    return running


def probe_all_now() -> None:
    """Probe and commission every demo camera once at start, so the pages fill at once."""
    from cctv_bridge.tasks import commission_camera, probe_camera

    for camera_id, has_baseline in Camera.objects.filter(active=True).values_list(
        "pk", "baseline_taken_at"
    ):
        if not has_baseline:
            commission_camera.send(camera_id)
        probe_camera.send(camera_id)
