"""Deleting what each camera's passport no longer allows us to keep.

Snapshots go after the passport's image retention (0 days: none are kept at all), raw probe
rows after its probe retention. Daily uptime roll-ups stay (they hold no images and no
measurements of people), so the 90-day bars outlive the raw rows.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from cctv_bridge.models import Camera, Probe, Snapshot

#: Daily roll-ups older than this are dropped (the status page shows 90 days).
ROLL_UP_DAYS = 400


def apply_retention(now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete what is due; return how many rows of each kind went."""
    from cctv_bridge.models import DailyUptime

    now = now or timezone.now()
    # One delete per distinct retention period (a handful), each against its own cutoff.
    snapshots = probes = 0
    for days in set(Camera.objects.values_list("retention_days", flat=True)):
        deleted, _ = Snapshot.objects.filter(
            camera__retention_days=days, taken_at__lt=now - datetime.timedelta(days=days)
        ).delete()
        snapshots += deleted
    for days in set(Camera.objects.values_list("probe_retention_days", flat=True)):
        deleted, _ = Probe.objects.filter(
            camera__probe_retention_days=days, at__lt=now - datetime.timedelta(days=days)
        ).delete()
        probes += deleted
    days, _ = DailyUptime.objects.filter(
        day__lt=timezone.localdate(now) - datetime.timedelta(days=ROLL_UP_DAYS)
    ).delete()
    return {"snapshots": snapshots, "probes": probes, "days": days}
