"""The situational centre's operator view: every camera live, snapshots (each look logged),
health trends, incidents to acknowledge, who is on duty, and the duplicate-coverage report.

Only users with ``cctv_bridge.operate_camera`` (the "Situational centre operators" group, and
administrators) get in; an editor gets 403, an anonymous visitor the login page.
"""

from __future__ import annotations

import datetime
from functools import wraps

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from cctv_bridge import console
from cctv_bridge.describe import describe_detail
from cctv_bridge.models import Camera, Incident, Probe, Snapshot, SnapshotAccess
from cctv_bridge.reporting import PERIOD_LABELS, PERIODS, uptime
from cms.charts import TrendChart, time_chart

TREND_HOURS = 24
#: How many of a camera's latest snapshots its page shows.
RECENT_SNAPSHOTS = 6
ROSTER_DAYS = 14


def operators_only(view):
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not request.user.has_perm("cctv_bridge.operate_camera"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


@never_cache
@operators_only
def dashboard(request):
    """The console: the board, refreshed in place by operator_console.js from ``board``."""
    return TemplateResponse(
        request,
        "cctv_bridge/operator/dashboard.html",
        {"board": console.board(), "refresh_seconds": console.refresh_seconds()},
    )


@never_cache
@operators_only
def board(request):
    """The board alone, an HTML fragment the console swaps in; never cached."""
    return TemplateResponse(request, "cctv_bridge/operator/board.html", {"board": console.board()})


@never_cache
@operators_only
def roster(request):
    """Who is on duty today and in the next two weeks, by name; the current shift marked."""
    today, upcoming = console.roster(days=ROSTER_DAYS)
    return TemplateResponse(
        request,
        "cctv_bridge/operator/roster.html",
        {
            "today": today,
            "upcoming": upcoming,
            "days": ROSTER_DAYS,
            "may_plan": request.user.has_perm("cctv_bridge.add_dutyshift"),
        },
    )


def trend_charts(camera: Camera, now: datetime.datetime) -> tuple[list[TrendChart], int]:
    """The camera's last ``TREND_HOURS`` as charts with scales, and how many probes they use."""
    since = now - datetime.timedelta(hours=TREND_HOURS)
    probes = list(
        Probe.objects.filter(camera=camera, at__gte=since)
        .order_by("at")
        .values("at", "reachable", "first_frame_seconds", "measures")
    )

    def measured(name: str) -> list[tuple[datetime.datetime, float | None]]:
        return [
            (row["at"], ((row["measures"] or {}).get("measure") or {}).get(name)) for row in probes
        ]

    hours: dict[int, list[bool]] = {}
    for row in probes:
        hours.setdefault(int((row["at"] - since).total_seconds() // 3600), []).append(
            row["reachable"]
        )
    availability = [
        (
            since + datetime.timedelta(hours=hour, minutes=30),
            100.0 * sum(answers) / len(answers) if (answers := hours.get(hour)) else None,
        )
        for hour in range(TREND_HOURS)
    ]
    response = [
        (row["at"], row["first_frame_seconds"] * 1000 if row["first_frame_seconds"] else None)
        for row in probes
    ]
    charts = [
        time_chart(_("Response time, ms (time to the first frame)"), response, since, now),
        time_chart(
            _("Availability: the share of probes answered, hour by hour"),
            availability,
            since,
            now,
            bounds=(0, 100),
            unit="%",
        ),
        time_chart(
            _("Brightness, grey level 0–255"),
            measured("brightness_mean"),
            since,
            now,
            bounds=(0, 255),
        ),
        time_chart(
            _("Sharpness, relative units (Laplacian variance per brightness variance)"),
            measured("normalised_sharpness"),
            since,
            now,
        ),
    ]
    return charts, len(probes)


@never_cache
@operators_only
def camera_detail(request, pk: int):
    camera = get_object_or_404(Camera.objects.select_related("owner"), pk=pk)
    now = timezone.now()
    charts, probe_count = trend_charts(camera, now)
    ids = [camera.pk]
    return TemplateResponse(
        request,
        "cctv_bridge/operator/camera.html",
        {
            "camera": camera,
            "details": describe_detail(camera.status_detail),
            # The page lists them; each picture is fetched (and logged) by snapshot_image.
            "snapshots": list(
                Snapshot.objects.filter(camera=camera)
                .order_by("-taken_at")
                .only("pk", "taken_at", "width", "height")[:RECENT_SNAPSHOTS]
            ),
            "trend_hours": TREND_HOURS,
            "charts": charts,
            "probe_count": probe_count,
            "last_probe": Probe.objects.filter(camera=camera).order_by("-at").first(),
            "uptime": {
                PERIOD_LABELS[period]: uptime(ids, days)[camera.pk]
                for period, days in PERIODS.items()
            },
            "incidents": Incident.objects.filter(camera=camera).select_related("acknowledged_by")[
                :20
            ],
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
