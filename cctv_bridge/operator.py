"""The situational centre's operator view: every camera live, snapshots (each look logged),
health trends, incidents to acknowledge, who is on duty, and the duplicate-coverage report.

Only users with ``cctv_bridge.operate_camera`` (the "Situational centre operators" group, and
administrators) get in; an editor gets 403, an anonymous visitor the login page.
"""

from __future__ import annotations

import datetime
from functools import wraps

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import OuterRef, Subquery
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from cctv_bridge import flapping
from cctv_bridge.describe import describe_detail
from cctv_bridge.models import Camera, DutyShift, Incident, Probe, Snapshot, SnapshotAccess
from cctv_bridge.reporting import PERIOD_LABELS, PERIODS, uptime

TREND_HOURS = 24


def operators_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("cctv_bridge.operate_camera"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def latest_snapshots():
    return Snapshot.objects.filter(camera=OuterRef("pk")).order_by("-taken_at")


@operators_only
def dashboard(request):
    now = timezone.now()
    cameras = Camera.objects.select_related("owner").annotate(
        snapshot_id=Subquery(latest_snapshots().values("pk")[:1]),
        snapshot_at=Subquery(latest_snapshots().values("taken_at")[:1]),
    )
    cameras = list(flapping.with_recent_incidents(cameras, now))
    for camera in cameras:
        camera.details = describe_detail(camera.status_detail)
        camera.unstable = camera.flapping_alerted_at is not None or (
            camera.recent_incidents >= settings.CCTV_FLAP_OUTAGES
        )
    shifts = DutyShift.objects.filter(
        ends_at__gt=now, starts_at__lt=now + datetime.timedelta(days=2)
    ).select_related("operator")
    counts = dict.fromkeys(Camera.Status.values, 0)
    for camera in cameras:
        counts[camera.status] += 1
    return TemplateResponse(
        request,
        "cctv_bridge/operator/dashboard.html",
        {
            "cameras": cameras,
            "counts": [(Camera.Status(s).label, s, n) for s, n in counts.items() if n],
            "incidents": Incident.objects.filter(ended_at__isnull=True).select_related(
                "camera", "acknowledged_by"
            ),
            "on_duty": [s for s in shifts if s.starts_at <= now],
            "next_shifts": [s for s in shifts if s.starts_at > now],
            "ack_form": AcknowledgeForm(),
        },
    )


def sparkline(values: list[float | None], width: int = 300, height: int = 40) -> str:
    """SVG polyline points for a series (gaps skipped), scaled to its own range."""
    present = [v for v in values if v is not None]
    if len(present) < 2:
        return ""
    low, high = min(present), max(present)
    span = (high - low) or 1.0
    step = width / max(len(values) - 1, 1)
    return " ".join(
        f"{i * step:.1f},{height - (v - low) / span * height:.1f}"
        for i, v in enumerate(values)
        if v is not None
    )


@operators_only
def camera_detail(request, pk: int):
    camera = get_object_or_404(Camera.objects.select_related("owner"), pk=pk)
    since = timezone.now() - datetime.timedelta(hours=TREND_HOURS)
    probes = list(
        Probe.objects.filter(camera=camera, at__gte=since)
        .order_by("at")
        .values("at", "reachable", "status", "first_frame_seconds", "fps", "measures")
    )
    series = {"brightness": [], "sharpness": [], "first_frame": []}
    for row in probes:
        measure = (row["measures"] or {}).get("measure") or {}
        series["brightness"].append(measure.get("brightness_mean"))
        series["sharpness"].append(measure.get("normalised_sharpness"))
        series["first_frame"].append(row["first_frame_seconds"])
    trends = [
        (_("Brightness"), sparkline(series["brightness"])),
        (_("Sharpness"), sparkline(series["sharpness"])),
        (_("Time to first frame"), sparkline(series["first_frame"])),
    ]
    ids = [camera.pk]
    return TemplateResponse(
        request,
        "cctv_bridge/operator/camera.html",
        {
            "camera": camera,
            "details": describe_detail(camera.status_detail),
            "snapshot": Snapshot.objects.filter(camera=camera).order_by("-taken_at").first(),
            "trends": trends,
            "probe_count": len(probes),
            "last_probe": Probe.objects.filter(camera=camera).order_by("-at").first(),
            "uptime": {
                PERIOD_LABELS[period]: uptime(ids, days)[camera.pk]
                for period, days in PERIODS.items()
            },
            "incidents": Incident.objects.filter(camera=camera)[:20],
            "ack_form": AcknowledgeForm(),
        },
    )


@operators_only
def snapshot_image(request, pk: int):
    """The picture itself; every look is written to the access log first."""
    snapshot = get_object_or_404(Snapshot.objects.select_related("camera"), pk=pk)
    SnapshotAccess.objects.create(
        user=request.user,
        username=request.user.get_username(),
        camera=snapshot.camera,
        snapshot_taken_at=snapshot.taken_at,
    )
    response = HttpResponse(bytes(snapshot.image), content_type="image/jpeg")
    response["Cache-Control"] = "private, no-store"
    return response


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        label=_("note"), required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


@require_POST
@operators_only
def acknowledge(request, pk: int):
    incident = get_object_or_404(Incident, pk=pk)
    form = AcknowledgeForm(request.POST)
    if form.is_valid():
        Incident.objects.filter(pk=incident.pk).update(
            acknowledged_by=request.user,
            acknowledged_at=timezone.now(),
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Incident acknowledged."))
    else:
        messages.error(request, _("The note is too long."))
    if request.POST.get("next") == "camera":
        return redirect("cctv_operator_camera", incident.camera_id)
    return redirect("cctv_operator")


@operators_only
def coverage(request):
    """Which cameras see largely the same scene, from their reference pictures."""
    from cctv_bridge.analysis import Baseline, duplicate_pairs

    cameras = {c.pk: c for c in Camera.objects.exclude(baseline=None)}
    baselines = {pk: Baseline.from_dict(c.baseline) for pk, c in cameras.items()}
    pairs = [
        {"a": cameras[a], "b": cameras[b], "share": round(share * 100)}
        for a, b, share in duplicate_pairs(baselines, min_overlap=0.4)
    ]
    return TemplateResponse(
        request,
        "cctv_bridge/operator/coverage.html",
        {
            "pairs": pairs,
            "compared": len(cameras),
            "without_baseline": Camera.objects.filter(baseline=None),
        },
    )
