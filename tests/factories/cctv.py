"""Cameras of the registry and what the bridge records about them: probes, daily uptime,
incidents, maintenance windows and duty shifts."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from cctv_bridge.models import Camera, DailyUptime, DutyShift, Incident, Maintenance, Probe
from tests.factories.users import UserFactory


class CameraFactory(factory.django.DjangoModelFactory):
    """A public camera; its stream address is sealed like the registry seals it."""

    class Meta:
        model = Camera

    code = factory.Sequence(lambda n: f"cam-{n:03d}")
    name_uk = factory.Sequence(lambda n: f"Камера {n}")
    name_en = factory.Sequence(lambda n: f"Camera {n}")
    address_uk = "Татарбунари, вул. Лиманська, 89"
    address_en = "Tatarbunary, 89 Lymanska St"
    source = Camera.Source.SNAPSHOT
    public = True
    public_delay_minutes = 0
    stream_url = factory.LazyAttribute(
        lambda camera: f"http://viewer:secret@127.0.0.1:9/cam/{camera.code}/snapshot.jpg"
    )


class ProbeFactory(factory.django.DjangoModelFactory):
    """One probe of a camera: online unless said otherwise."""

    class Meta:
        model = Probe

    camera = factory.SubFactory(CameraFactory)
    at = factory.LazyFunction(timezone.now)
    reachable = True
    duration = 0.5
    status = Camera.Status.ONLINE


class IncidentFactory(factory.django.DjangoModelFactory):
    """A camera offline since ten minutes ago, not yet acknowledged."""

    class Meta:
        model = Incident

    camera = factory.SubFactory(CameraFactory)
    status = Camera.Status.OFFLINE
    started_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(minutes=10))


class DailyUptimeFactory(factory.django.DjangoModelFactory):
    """A day's roll-up: every probe up and healthy unless said otherwise."""

    class Meta:
        model = DailyUptime

    camera = factory.SubFactory(CameraFactory)
    day = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    probes = 1440
    up = factory.SelfAttribute("probes")
    healthy = factory.SelfAttribute("up")


class MaintenanceFactory(factory.django.DjangoModelFactory):
    """A maintenance window on a camera, now and for the next hour."""

    class Meta:
        model = Maintenance

    camera = factory.SubFactory(CameraFactory)
    starts_at = factory.LazyFunction(timezone.now)
    ends_at = factory.LazyAttribute(lambda row: row.starts_at + datetime.timedelta(hours=1))
    note_uk = "Обслуговування"


class DutyShiftFactory(factory.django.DjangoModelFactory):
    """An operator on duty from an hour ago for a week."""

    class Meta:
        model = DutyShift

    operator = factory.SubFactory(UserFactory, groups=["Situational centre operators"])
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    ends_at = factory.LazyAttribute(lambda row: row.starts_at + datetime.timedelta(days=7))
