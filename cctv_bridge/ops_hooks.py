"""What the cameras add to operations (``ops.registry``): their health check, their metrics,
their part of a backup, and the stream-URL scrubber for the logs."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.management.base import CommandError
from django.db.models import Count, Max
from django.utils import timezone
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from prometheus_client.core import GaugeMetricFamily, Metric

from cctv_bridge.models import Camera, Probe
from cctv_bridge.stream_secrets import scrub
from cctv_bridge.stream_vault import StreamKeyError, unseal
from ops import registry
from ops.metrics.sources import PREFIX, quantile
from ops.scrubbing import register_scrubber

#: Probe durations are summarised over this much recent history.
PROBE_WINDOW = datetime.timedelta(minutes=10)
PROBE_QUANTILES = (0.5, 0.9, 0.99, 1.0)

# The JSON log formatter hides stream URLs too (the handlers' StreamURLLogFilter does already).
register_scrubber(scrub)


# --- /healthz/ -----------------------------------------------------------------------------


@registry.register_health_check
@dataclasses.dataclass
class CameraProbes(HealthCheck):
    """The newest camera probe is recent (when there are cameras to probe at all)."""

    async def run(self) -> None:
        await sync_to_async(self.check)()

    @staticmethod
    def check() -> None:
        cameras = Camera.objects.filter(active=True)
        if not cameras.exists():
            return
        longest = cameras.aggregate(Max("probe_interval"))["probe_interval__max"]
        newest = Probe.objects.aggregate(Max("at"))["at__max"]
        limit = datetime.timedelta(seconds=max(3 * longest, 300))
        if newest is None or timezone.now() - newest > limit:
            raise ServiceUnavailable("No camera has been probed recently.")


# --- /metrics ------------------------------------------------------------------------------


@registry.register_metrics
def camera_metrics(now: datetime.datetime) -> Iterator[Metric]:
    """Active cameras by status; probe durations (quantiles) and outcomes per kind of source
    over the last :data:`PROBE_WINDOW`."""
    cameras = GaugeMetricFamily(
        f"{PREFIX}_cameras", "Active (probed) cameras by current status.", labels=["status"]
    )
    counts = dict(
        Camera.objects.filter(active=True)
        .values("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
        .order_by()
    )
    for status in Camera.Status.values:
        cameras.add_metric([status], counts.get(status, 0))
    yield cameras

    window = int(PROBE_WINDOW.total_seconds())
    durations = GaugeMetricFamily(
        f"{PREFIX}_camera_probe_duration_seconds",
        f"Camera probe duration quantiles over the last {window} s, by kind of source "
        "(quantile 1 is the slowest).",
        labels=["source", "quantile"],
    )
    probes = GaugeMetricFamily(
        f"{PREFIX}_camera_probes_recent",
        f"Camera probes in the last {window} s by kind of source and whether the camera answered.",
        labels=["source", "reachable"],
    )
    by_source: dict[str, list[float]] = defaultdict(list)
    reachable: dict[tuple[str, str], int] = defaultdict(int)
    recent = Probe.objects.filter(at__gte=now - PROBE_WINDOW).values_list(
        "camera__source", "duration", "reachable"
    )
    for source, duration, answered in recent.order_by():
        by_source[source].append(duration)
        reachable[source, "true" if answered else "false"] += 1
    for source in sorted(by_source):
        ordered = sorted(by_source[source])
        for q in PROBE_QUANTILES:
            durations.add_metric([source, str(q)], quantile(ordered, q))
    for (source, answered), count in sorted(reachable.items()):
        probes.add_metric([source, answered], count)
    yield durations
    yield probes


# --- Backups -------------------------------------------------------------------------------
# The stream URLs in the database are sealed with CCTV_STREAM_KEYS, which are *not* in a backup
# (a stolen backup must not give away camera passwords): the manifest names a fingerprint of
# each key, and a restore checks that the keys set now open every camera's URL.


def key_fingerprints(keys: list[str] | None = None) -> list[str]:
    """Short fingerprints of the stream keys, to tell which key a backup needs; not the keys."""
    keys = settings.CCTV_STREAM_KEYS if keys is None else keys
    return [hashlib.sha256(key.strip().encode()).hexdigest()[:12] for key in keys if key.strip()]


def keys_note(manifest: dict[str, Any]) -> str:
    """After a backup: the keys are not in it, and which ones it needs."""
    fingerprints = manifest["stream_key_fingerprints"]
    return (
        "Not in the backup: CCTV_STREAM_KEYS, which the camera stream URLs need"
        + (
            f" (key fingerprints {', '.join(fingerprints)})"
            if fingerprints
            else " (none set: the URLs are sealed with a key derived from SECRET_KEY)"
        )
        + ". Keep them with the site's secrets, apart from the backups."
    )


def check_stream_keys(manifest: dict[str, Any]) -> str:
    """After a restore: the camera URLs are useless without the keys they were sealed with, so
    say so now, not when the first probe fails."""
    sealed = Camera.objects.exclude(stream_url_sealed="").values_list("code", "stream_url_sealed")
    closed = []
    for code, token in sealed:
        try:
            unseal(token)
        except StreamKeyError:
            closed.append(code)
    if not closed:
        return f"Camera stream URLs: all {len(sealed)} open with the keys set."
    wanted = ", ".join(manifest.get("stream_key_fingerprints", [])) or (
        "none: a key derived from the SECRET_KEY of the site that was backed up"
    )
    configured = ", ".join(key_fingerprints()) or "none"
    raise CommandError(
        f"The database and media files are restored, but the stream URLs of "
        f"{len(closed)} of {len(sealed)} cameras ({', '.join(closed[:5])}"
        f"{', …' if len(closed) > 5 else ''}) cannot be decrypted with CCTV_STREAM_KEYS. "
        f"Set CCTV_STREAM_KEYS to the keys the site used when the backup was taken "
        f"(fingerprints {wanted}; set now: {configured}); they are kept apart from the "
        "backups. Until then the site works but these cameras cannot be probed."
    )


registry.register_backup_part(
    registry.BackupPart(
        contents=lambda: {"cameras": Camera.objects.count()},
        manifest=lambda: {"stream_key_fingerprints": key_fingerprints()},
        after_backup=keys_note,
        after_restore=check_stream_keys,
    )
)
