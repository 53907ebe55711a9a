"""Drill: a camera flaps up and down for hours.

A real simulated camera on loopback is switched between healthy and offline (connection reset)
or hanging (connected, never answers) and probed through the function the probe job runs,
confirmation re-probes included: the re-probe is taken from the broker, where the job put it,
and run as the worker would. The scheduler's duty-alert tick runs every simulated minute and
its e-mail jobs are taken from the broker and run too, so the e-mails counted are the ones the
volunteers on duty would receive. Probes and ticks are given explicit times, so hours of
flapping replay in seconds; the captures themselves are real.
"""

from __future__ import annotations

import datetime
import threading
from dataclasses import dataclass, field

import dramatiq
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.db import connection
from django.utils import timezone, translation
from django.utils.translation import gettext
from dramatiq.common import dq_name
from wagtail.users.models import UserProfile

from cctv_bridge.models import Camera, DutyShift, Incident
from cctv_bridge.simulator.controller import CameraSimulator
from cctv_bridge.tasks import CONFIRM_AFTER_MS, PROBE_QUEUE, probe_and_confirm, send_duty_alerts
from tests.cctv.camera_helpers import camera
from tests.two_factor_helpers import verified_login

MINUTE = datetime.timedelta(minutes=1)
CONFIRMATION = datetime.timedelta(milliseconds=CONFIRM_AFTER_MS)
TICK = datetime.timedelta(seconds=30)  # the alert tick runs mid-minute, after the probes
OPERATOR_VIEW_LINE = "Open the operator view to look and acknowledge the incident:"

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def sim():
    with CameraSimulator(count=2, rtsp=False) as simulator:
        yield simulator


@pytest.fixture
def drill_settings(settings):
    settings.CCTV_OPEN_TIMEOUT = 1.0
    settings.CCTV_READ_TIMEOUT = 1.0
    settings.CCTV_PROBE_DEADLINE = 2.5
    settings.CCTV_PROBE_FRAMES = 2  # enough to judge a picture; each frame is a real request
    settings.CCTV_ALERT_AFTER_MINUTES = 5
    settings.CCTV_FLAP_OUTAGES = 3
    settings.CCTV_FLAP_WINDOW_MINUTES = 30
    settings.CCTV_FLAP_QUIET_MINUTES = 60
    return settings


def volunteer(username: str, language: str):
    """A volunteer on duty for the whole drill (and the real clock), in ``language``."""
    user = get_user_model().objects.create_user(username, f"{username}@example.org", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    now = timezone.now()
    DutyShift.objects.create(
        operator=user,
        starts_at=now - datetime.timedelta(hours=1),
        ends_at=now + datetime.timedelta(days=2),
    )
    return user


def take(broker: dramatiq.Broker, queue_name: str) -> list[dramatiq.MessageProxy]:
    """Take every message waiting on ``queue_name``, acknowledging each, as a worker does."""
    consumer = broker.consume(queue_name, prefetch=100, timeout=10)
    taken = []
    try:
        while (message := next(consumer)) is not None:
            consumer.ack(message)
            taken.append(message)
    finally:
        consumer.close()
    return taken


@dataclass
class Drill:
    """One camera's life, minute by minute, with the jobs the workers would run."""

    broker: dramatiq.Broker
    capture_commits: object
    sim: CameraSimulator
    index: int
    camera: Camera
    now: datetime.datetime
    #: (started, ended) of each outage the script caused, as the incidents should say.
    expected: list[list] = field(default_factory=list)
    #: Which alert jobs ran, in order: ("flapping", camera id) or ("outage", incident id).
    alerts: list[tuple[str, int]] = field(default_factory=list)
    #: The e-mails each kind of alert sent, by recipient.
    mails: dict[str, dict[str, list]] = field(default_factory=dict)
    confirmations: int = 0

    def run_probe(self, at: datetime.datetime, *, confirming: bool = False) -> list:
        """The probe job at ``at``; returns the confirmation re-probes it sent."""
        with self.capture_commits(execute=True):
            probe_and_confirm(self.camera.pk, confirming=confirming, at=at)
        sent = take(self.broker, dq_name(PROBE_QUEUE))
        open_incidents = Incident.objects.filter(camera=self.camera, ended_at__isnull=True)
        assert open_incidents.count() <= 1, f"two incidents open at {at}"
        return sent

    def minute(self, fault: str, confirmation_fault: str | None = None, every: int = 1) -> None:
        """One probe interval (``every`` minutes): the scheduled probe, its re-probe if it
        failed, the alert tick."""
        at = self.now
        self.sim.set_fault(self.index, fault)
        was_down = self.camera_status() == Camera.Status.OFFLINE
        for message in self.run_probe(at):
            assert (list(message.args), message.kwargs) == ([self.camera.pk], {"confirming": True})
            assert "eta" in message.options  # delayed by CONFIRM_AFTER_MS, not run at once
            self.confirmations += 1
            self.sim.set_fault(self.index, confirmation_fault or fault)
            assert self.run_probe(at + CONFIRMATION, confirming=True) == []
        down = self.camera_status() == Camera.Status.OFFLINE
        if down and not was_down:
            self.expected.append([at, None])  # from the first failed probe
        if was_down and not down:
            self.expected[-1][1] = at
        self.tick(at + TICK)
        self.now = at + every * MINUTE

    def up(self, minutes: int, every: int = 1) -> None:
        """The camera answers for ``minutes``; a long quiet stretch may be probed less often,
        as a camera with a longer probe interval is."""
        for _ in range(0, minutes, every):
            self.minute("healthy", every=every)

    def down(self, minutes: int, fault: str = "offline") -> None:
        for _ in range(minutes):
            self.minute(fault)

    def blip(self) -> None:
        """One lost probe whose confirmation finds the camera back."""
        self.minute("offline", confirmation_fault="healthy")

    def tick(self, at: datetime.datetime) -> None:
        """The scheduler's duty-alert job at ``at``, then the e-mail jobs it sent."""
        with self.capture_commits(execute=True):
            send_duty_alerts(at)
        for message in take(self.broker, "default"):
            actor = self.broker.get_actor(message.actor_name)
            kind = {"send_flapping_alert": "flapping", "send_duty_alert": "outage"}.get(
                message.actor_name
            )
            if kind is None:
                continue  # another app's job (an index update): not this drill's business
            self.alerts.append((kind, message.args[0]))
            before = len(mail.outbox)
            actor.fn(*message.args, **message.kwargs)
            for sent in mail.outbox[before:]:
                self.mails.setdefault(kind, {}).setdefault(sent.to[0], []).append(sent)

    def camera_status(self) -> str:
        return Camera.objects.values_list("status", flat=True).get(pk=self.camera.pk)

    def incidents(self) -> list[list]:
        rows = Incident.objects.filter(camera=self.camera).order_by("started_at")
        return [[row.started_at, row.ended_at] for row in rows]


@pytest.fixture
def drill(sim, drill_settings, broker, django_capture_on_commit_callbacks):
    volunteer("duty-uk", "uk")
    volunteer("duty-en", "en")
    sim.set_fault(1, "healthy")
    cam = camera(sim.cameras[1].snapshot_url, code="flap-01")
    start = timezone.now().replace(second=0, microsecond=0)
    yield Drill(broker, django_capture_on_commit_callbacks, sim, 1, cam, start)
    sim.set_fault(1, "healthy")


def test_a_flapping_camera_alerts_once_per_episode_and_a_long_outage_once(drill):
    cam = drill.camera

    # Five outages in half an hour, each shorter than the 5-minute alert threshold, with one
    # lost probe in between that its confirmation finds healthy.
    drill.up(3)
    drill.down(2)
    drill.up(3)
    drill.blip()
    drill.up(2)
    drill.down(1, fault="hanging")
    drill.up(4)
    assert [kind for kind, _ in drill.alerts] == []  # two short outages: nothing to say yet
    drill.down(3)
    assert drill.alerts == [("flapping", cam.pk)]  # the third outage in the window
    drill.up(2)
    drill.down(2)
    drill.up(3)
    drill.down(1)
    drill.up(5)
    assert drill.alerts == [("flapping", cam.pk)]  # still one, after five outages
    assert len(drill.expected) == 5
    cam.refresh_from_db()
    assert cam.flapping_alerted_at is not None

    # Stable for longer than CCTV_FLAP_QUIET_MINUTES: the episode ends.
    drill.up(65, every=5)
    cam.refresh_from_db()
    assert cam.flapping_alerted_at is None

    # A new series of outages is a new episode: one more alert.
    drill.down(1)
    drill.up(2)
    drill.down(1)
    drill.up(2)
    drill.down(1)
    assert drill.alerts == [("flapping", cam.pk)] * 2
    drill.up(1)

    # While the volunteer knows the camera is unstable, an outage is reported only once it has
    # lasted the whole window (a camera now down for good), and only once.
    drill.down(40)
    flapping_outage = Incident.objects.filter(camera=cam).latest("started_at")
    assert drill.alerts == [("flapping", cam.pk)] * 2 + [("outage", flapping_outage.pk)]
    assert flapping_outage.alerted_at - flapping_outage.started_at >= 30 * MINUTE

    # Stable again, then a long outage of an otherwise steady camera: one alert after
    # CCTV_ALERT_AFTER_MINUTES, none before, no flapping alert.
    drill.up(70, every=5)
    drill.down(4)
    assert len(drill.alerts) == 3
    drill.down(6)
    long_outage = Incident.objects.filter(camera=cam).latest("started_at")
    drill.up(2)
    assert drill.alerts == [
        ("flapping", cam.pk),
        ("flapping", cam.pk),
        ("outage", flapping_outage.pk),
        ("outage", long_outage.pk),
    ]
    assert long_outage.started_at + 5 * MINUTE <= long_outage.alerted_at
    assert long_outage.alerted_at < long_outage.started_at + 6 * MINUTE

    # The incidents are the outages, exactly: each opened at the first failed probe and
    # closed by the probe that found the camera back; the lost probe opened none.
    assert drill.incidents() == drill.expected
    assert len(drill.expected) == 10
    assert all(ended is not None for _, ended in drill.expected)
    assert drill.confirmations == 11  # one per outage, one for the lost probe
    assert set(Incident.objects.filter(camera=cam).values_list("status", flat=True)) == {"offline"}
    assert Incident.objects.filter(camera=cam, codes=["timeout"]).count() == 1  # the hang

    # Each volunteer got each alert once, in their admin language.
    flapping_mails = drill.mails["flapping"]
    outage_mails = drill.mails["outage"]
    assert {to: len(sent) for to, sent in flapping_mails.items()} == {
        "duty-uk@example.org": 2,
        "duty-en@example.org": 2,
    }
    assert {to: len(sent) for to, sent in outage_mails.items()} == {
        "duty-uk@example.org": 2,
        "duty-en@example.org": 2,
    }
    first_en = flapping_mails["duty-en@example.org"][0]
    assert "flap-01" in first_en.subject
    assert "went down 3 times in 30 minutes" in first_en.body
    assert first_en.body.count("\n- ") == 3  # the three outages, with their times
    for language, to in (("uk", "duty-uk@example.org"), ("en", "duty-en@example.org")):
        with translation.override(language):
            line = gettext(OPERATOR_VIEW_LINE)
        assert all(line in sent.body for sent in flapping_mails[to] + outage_mails[to])
    assert all("s3cret" not in sent.body and "127.0.0.1" not in sent.body for sent in mail.outbox)


def test_the_operator_view_marks_a_flapping_camera(drill, client):
    drill.up(1)
    for _ in range(3):
        drill.down(1)
        drill.up(1)
    admin = get_user_model().objects.create_superuser("flap-admin", "a@example.org", "x")
    profile = UserProfile.get_for_user(admin)
    profile.preferred_language = "en"
    profile.save()
    verified_login(client, admin)  # whoever can see camera pictures gives a code
    with translation.override("en"):
        label = gettext("unstable: goes down and comes back")
    page = client.get("/admin/cctv/")
    assert page.status_code == 200
    row = page.content.decode().split("flap-01")[-1].split("</tr>")[0]
    assert label in row


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_workers_ticking_at_once_send_one_flapping_alert(drill_settings, broker):
    """Four scheduler ticks at the same moment (a restart overlap, a retry) claim the camera's
    flapping alert once: the claim is a conditional UPDATE."""
    volunteer("duty-race", "en")
    cam = camera("http://127.0.0.1:1/x.jpg", code="flap-race")
    now = timezone.now()
    for minutes_ago in (20, 12, 4):
        started = now - minutes_ago * MINUTE
        Incident.objects.create(
            camera=cam,
            status="offline",
            codes=["refused"],
            started_at=started,
            ended_at=started + 2 * MINUTE,
        )
    start = threading.Barrier(4)
    claimed: list[int] = []

    def tick() -> None:
        try:
            start.wait()
            claimed.extend(send_duty_alerts(now).cameras)
        finally:
            connection.close()

    threads = [threading.Thread(target=tick) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert claimed == [cam.pk]
    for message in take(broker, "default"):
        if message.actor_name == "send_flapping_alert":
            broker.get_actor(message.actor_name).fn(*message.args, **message.kwargs)
    assert [m.to for m in mail.outbox] == [["duty-race@example.org"]]
