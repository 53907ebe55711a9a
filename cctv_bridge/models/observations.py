"""What probes saw: raw probe rows (kept per passport), daily roll-ups (kept for uptime),
snapshots (kept per passport, shown to operators only) and incidents."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cctv_bridge.models.cameras import Camera


class Probe(models.Model):
    camera = models.ForeignKey(Camera, on_delete=models.CASCADE, related_name="probes")
    at = models.DateTimeField(_("at"), db_index=True)
    reachable = models.BooleanField(_("reachable"))
    error = models.CharField(_("error"), max_length=32, blank=True)
    first_frame_seconds = models.FloatField(_("time to first frame, s"), null=True)
    width = models.PositiveIntegerField(null=True)
    height = models.PositiveIntegerField(null=True)
    fps = models.FloatField(_("frame rate"), null=True)
    duration = models.FloatField(_("probe duration, s"))
    status = models.CharField(_("status"), max_length=12, choices=Camera.Status.choices)
    #: Codes of the health findings (dark, frozen, blurred, covered, moved).
    findings = models.JSONField(default=list)
    #: Derived measurements (brightness, sharpness, edge density, …), never pixels.
    measures = models.JSONField(default=dict)

    class Meta:
        ordering = ["-at"]
        indexes = [models.Index(fields=["camera", "-at"])]
        verbose_name = _("probe")
        verbose_name_plural = _("probes")

    def __str__(self) -> str:
        return f"{self.camera_id} {self.at:%Y-%m-%d %H:%M:%S} {self.status}"


class DailyUptime(models.Model):
    """One row per camera per day: enough for 24 h … 90 d uptime without raw probes."""

    camera = models.ForeignKey(Camera, on_delete=models.CASCADE, related_name="days")
    day = models.DateField()
    probes = models.PositiveIntegerField(default=0)
    up = models.PositiveIntegerField(default=0)  # online or degraded: the camera answered
    healthy = models.PositiveIntegerField(default=0)  # online with no finding
    maintenance = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["camera", "day"], name="one_day_each")]
        ordering = ["camera", "day"]

    def __str__(self) -> str:
        return f"{self.camera_id} {self.day} {self.up}/{self.probes}"


class Snapshot(models.Model):
    """A JPEG an operator may look at; deleted after the camera's retention period.

    Kept in the database rather than under MEDIA_ROOT: nothing serves it but the operator view,
    which logs every look.
    """

    camera = models.ForeignKey(Camera, on_delete=models.CASCADE, related_name="snapshots")
    taken_at = models.DateTimeField(_("taken"), db_index=True)
    image = models.BinaryField()
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()

    class Meta:
        ordering = ["-taken_at"]
        verbose_name = _("snapshot")
        verbose_name_plural = _("snapshots")

    def __str__(self) -> str:
        return f"{self.camera_id} {self.taken_at:%Y-%m-%d %H:%M}"


class Incident(models.Model):
    """A stretch of time a camera was offline or degraded, opened and closed by probes."""

    camera = models.ForeignKey(
        Camera, verbose_name=_("camera"), on_delete=models.CASCADE, related_name="incidents"
    )
    status = models.CharField(_("status"), max_length=12, choices=Camera.Status.choices)
    #: What was seen: {"error": code} and/or {"findings": [check dicts]} (operators only).
    detail = models.JSONField(default=dict)
    #: Finding or error codes, so the public page can name the cause without details.
    codes = models.JSONField(default=list)
    started_at = models.DateTimeField(_("started"), db_index=True)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("acknowledged by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acknowledged_at = models.DateTimeField(_("acknowledged"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    alerted_at = models.DateTimeField(_("duty alerted"), null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [models.Index(fields=["camera", "-started_at"])]
        constraints = [
            models.UniqueConstraint(
                fields=["camera"],
                condition=models.Q(ended_at__isnull=True),
                name="one_open_incident_per_camera",
            )
        ]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self) -> str:
        return f"{self.camera.code} {self.status} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def open(self) -> bool:
        return self.ended_at is None


class DutyShift(models.Model):
    """A volunteer's shift in the situational centre: alerts go to whoever is on duty."""

    operator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("operator"),
        on_delete=models.CASCADE,
        related_name="duty_shifts",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["starts_at"]
        indexes = [models.Index(fields=["starts_at", "ends_at"])]
        verbose_name = _("duty shift")
        verbose_name_plural = _("duty roster")

    def __str__(self) -> str:
        return f"{self.operator} {self.starts_at:%Y-%m-%d %H:%M}–{self.ends_at:%H:%M}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})


class SnapshotAccess(models.Model):
    """Who looked at which camera's picture, and when: administrators read and export it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("user name"), max_length=150)
    camera = models.ForeignKey(
        Camera, verbose_name=_("camera"), on_delete=models.CASCADE, related_name="+"
    )
    snapshot_taken_at = models.DateTimeField(_("snapshot taken"))
    at = models.DateTimeField(_("viewed"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at"]
        verbose_name = _("snapshot view")
        verbose_name_plural = _("snapshot access log")

    def __str__(self) -> str:
        return f"{self.username} {self.camera_id} {self.at:%Y-%m-%d %H:%M}"
