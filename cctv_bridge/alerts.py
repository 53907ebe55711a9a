"""E-mail to whoever is on duty when a camera stays offline or degraded, or flaps."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cctv_bridge import flapping
from cctv_bridge.describe import describe_detail
from cctv_bridge.models import Camera, DutyShift, Incident


def on_duty(at=None) -> list:
    at = at or timezone.now()
    shifts = DutyShift.objects.filter(starts_at__lte=at, ends_at__gt=at).select_related("operator")
    return [shift.operator for shift in shifts if shift.operator.is_active and shift.operator.email]


def operator_language(user) -> str:
    profile = getattr(user, "wagtail_userprofile", None)
    language = getattr(profile, "preferred_language", "") if profile else ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def mail_duty(incident_id: int) -> int:
    """Mail the incident to each operator on duty, in their admin language. No URL, host or
    password of the camera is in the message: only its code, name, what was seen and a link
    to the operator view."""
    incident = Incident.objects.select_related("camera").filter(pk=incident_id).first()
    if incident is None or incident.ended_at is not None:
        return 0
    sent = 0
    for operator in on_duty():
        language = operator_language(operator)
        with translation.override(language):
            context = {
                "incident": incident,
                "camera": incident.camera,
                "status": incident.get_status_display(),
                "details": describe_detail(incident.detail),
                "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("cctv_operator_camera", args=[incident.camera.pk]),
            }
            subject = _("Camera %(code)s: %(status)s") % {
                "code": incident.camera.code,
                "status": context["status"],
            }
            send_mail(
                subject,
                render_to_string("cctv_bridge/email/duty_alert.txt", context),
                None,
                [operator.email],
            )
        sent += 1
    return sent


def mail_flapping(camera_id: int) -> int:
    """Tell each operator on duty, in their admin language, that the camera is unstable: how
    often it went down in the window and when, and what it is doing now (see ``flapping``)."""
    camera = Camera.objects.filter(pk=camera_id).first()
    if camera is None or camera.flapping_alerted_at is None:
        return 0  # the episode ended before the message went out
    outages = list(flapping.outages_before(camera, camera.flapping_alerted_at))
    sent = 0
    for operator in on_duty():
        with translation.override(operator_language(operator)):
            context = {
                "camera": camera,
                "outages": outages,
                "count": len(outages),
                "window": settings.CCTV_FLAP_WINDOW_MINUTES,
                "quiet": int(flapping.quiet_period().total_seconds() // 60),
                "status": camera.get_status_display(),
                "url": settings.WAGTAILADMIN_BASE_URL.rstrip("/")
                + reverse("cctv_operator_camera", args=[camera.pk]),
            }
            send_mail(
                _("Camera %(code)s is unstable") % {"code": camera.code},
                render_to_string("cctv_bridge/email/flapping_alert.txt", context),
                None,
                [operator.email],
            )
        sent += 1
    return sent
