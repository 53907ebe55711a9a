"""The camera registry: what each camera is, where, whose, and its passport."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cctv_bridge import stream_vault
from cctv_bridge.stream_secrets import redact
from cms.texts import localized


class Camera(models.Model):
    class Source(models.TextChoices):
        RTSP = "rtsp", _("RTSP stream")
        MJPEG = "mjpeg", _("HTTP MJPEG stream")
        SNAPSHOT = "snapshot", _("HTTP snapshot")

    class Status(models.TextChoices):
        ONLINE = "online", _("Online")
        DEGRADED = "degraded", _("Degraded")
        OFFLINE = "offline", _("Offline")
        MAINTENANCE = "maintenance", _("Maintenance")
        UNKNOWN = "unknown", _("Unknown")

    code = models.SlugField(_("code"), max_length=32, unique=True)
    name_uk = models.CharField(_("name (Ukrainian)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    address_uk = models.CharField(_("address (Ukrainian)"), max_length=255, blank=True)
    address_en = models.CharField(_("address (English)"), max_length=255, blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )
    owner = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Empty: the city's own camera."),
    )
    source = models.CharField(_("kind of source"), max_length=10, choices=Source.choices)
    #: The stream URL, Fernet-encrypted (stream_vault); never rendered anywhere.
    stream_url_sealed = models.TextField(editable=False, blank=True)
    public = models.BooleanField(
        _("listed on the public status page"),
        default=False,
        help_text=_("The office decides camera by camera whether the public sees it at all."),
    )
    public_delay_minutes = models.PositiveIntegerField(
        _("public status delay, minutes"),
        default=60,
        help_text=_(
            "The public sees the status this much later, so that the page does not announce "
            "a blind spot while it is blind. Operators always see the live state."
        ),
    )
    probe_interval = models.PositiveIntegerField(
        _("probe every, seconds"), default=60, validators=[MinValueValidator(10)]
    )
    active = models.BooleanField(_("probed"), default=True)

    # --- passport ---------------------------------------------------------------------------
    purpose_uk = models.TextField(_("purpose (Ukrainian)"), blank=True)
    purpose_en = models.TextField(_("purpose (English)"), blank=True)
    legal_basis = models.TextField(_("legal basis"), blank=True)
    responsible_person = models.CharField(_("responsible person"), max_length=255, blank=True)
    retention_days = models.PositiveIntegerField(
        _("keep stored images, days"),
        default=3,
        validators=[MaxValueValidator(365)],
        help_text=_("0: no image of this camera is stored at all."),
    )
    probe_retention_days = models.PositiveIntegerField(
        _("keep raw probe records, days"),
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text=_("Daily uptime summaries are kept regardless."),
    )
    installed_on = models.DateField(_("installed on"), null=True, blank=True)
    field_of_view_uk = models.TextField(_("field of view (Ukrainian)"), blank=True)
    field_of_view_en = models.TextField(_("field of view (English)"), blank=True)

    # --- calibration and live state (written by probes) ------------------------------------
    baseline = models.JSONField(_("baseline"), null=True, blank=True, editable=False)
    baseline_taken_at = models.DateTimeField(_("baseline taken"), null=True, editable=False)
    thresholds = models.JSONField(
        _("thresholds"),
        default=dict,
        blank=True,
        help_text=_('Overrides of the calibrated thresholds, e.g. {"blur_ratio": 0.3}.'),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.UNKNOWN
    )
    #: What the last status is based on: {"error": code} and/or {"findings": [check dicts]}.
    status_detail = models.JSONField(default=dict, editable=False)
    status_since = models.DateTimeField(_("since"), null=True, editable=False)
    last_probe_at = models.DateTimeField(_("last probe"), null=True, editable=False)
    last_seen_at = models.DateTimeField(_("last seen"), null=True, editable=False)
    failures = models.PositiveIntegerField(default=0, editable=False)
    down_since = models.DateTimeField(null=True, editable=False)
    #: Thresholds calibrated from the baseline and the camera's own healthy history.
    calibration = models.JSONField(null=True, editable=False)
    #: A compact signature of the last frame (frozen-picture detection across probes).
    last_signature = models.JSONField(null=True, editable=False)
    #: When the duty volunteer was told the camera is flapping; cleared once it has been
    #: stable again (cctv_bridge.flapping).
    flapping_alerted_at = models.DateTimeField(_("flapping alert sent"), null=True, editable=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("camera")
        verbose_name_plural = _("cameras")
        permissions = [("operate_camera", _("Can see live camera state and snapshots"))]

    def __str__(self) -> str:
        return f"{self.code} · {self.name_uk}"

    # --- texts ------------------------------------------------------------------------------
    @property
    def name(self) -> str:
        return localized(self, "name")

    @property
    def address(self) -> str:
        return localized(self, "address")

    # --- the stream URL ---------------------------------------------------------------------
    @property
    def stream_url(self) -> str:
        """The decrypted URL, for the probe only."""
        return stream_vault.unseal(self.stream_url_sealed) if self.stream_url_sealed else ""

    @stream_url.setter
    def stream_url(self, url: str) -> None:
        self.stream_url_sealed = stream_vault.seal(url) if url else ""

    @property
    def stream_label(self) -> str:
        """What the admin shows instead of the URL: the scheme and a keyed fingerprint, or
        why it cannot be opened (a database restored without its CCTV_STREAM_KEYS)."""
        if not self.stream_url_sealed:
            return ""
        try:
            return redact(self.stream_url)
        except stream_vault.StreamKeyError:
            return str(_("The stored stream address cannot be decrypted with the keys."))

    # --- schedule ---------------------------------------------------------------------------
    def in_maintenance(self, at: datetime.datetime | None = None) -> bool:
        at = at or timezone.now()
        return self.maintenance_windows.filter(starts_at__lte=at, ends_at__gt=at).exists()


class Maintenance(models.Model):
    """Announced work on a camera: no alerts, and the public sees "maintenance"."""

    camera = models.ForeignKey(
        Camera,
        verbose_name=_("camera"),
        on_delete=models.CASCADE,
        related_name="maintenance_windows",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    note_uk = models.CharField(_("note (Ukrainian)"), max_length=255, blank=True)
    note_en = models.CharField(_("note (English)"), max_length=255, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("maintenance window")
        verbose_name_plural = _("maintenance windows")

    def __str__(self) -> str:
        return f"{self.camera.code} {self.starts_at:%Y-%m-%d %H:%M}"

    def clean(self):
        from django.core.exceptions import ValidationError

        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})
