"""What the domain apps add to operations, without ``ops`` importing them.

``ops`` is the bottom layer: it knows jobs, the broker and the database, not cameras or
initiatives. An app that has something to report puts it in its own ``ops_hooks`` module,
which ``ops`` imports once every app is loaded (``autodiscover_modules("ops_hooks")`` in
``OpsConfig.ready``, in ``INSTALLED_APPS`` order, as Wagtail finds ``wagtail_hooks``)::

    from ops import registry

    @registry.register_metrics
    def camera_metrics(now): ...

    registry.register_health_check(CameraProbes)
    registry.register_backup_part(registry.BackupPart(contents=lambda: {"cameras": ...}))
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from prometheus_client.core import Metric

#: Yields metric families read at scrape time; ``now`` is the scrape's time.
MetricsCollector = Callable[[datetime.datetime], Iterable[Metric]]

_metrics: list[MetricsCollector] = []
_health_checks: list[type] = []
_backup_parts: list[BackupPart] = []


def _nothing(manifest: dict[str, Any]) -> str:
    return ""


@dataclass(frozen=True)
class BackupPart:
    """What an app adds to a backup (``manage.py backup``) and checks after a restore.

    * ``contents``: counts of what the site holds (``{"cameras": 12}``), written under the
      manifest's ``contents`` and reported by ``restore`` as "12 cameras";
    * ``manifest``: further top-level manifest entries (never a secret);
    * ``after_backup``: a line for the operator once the backup is written ("" for none);
    * ``after_restore``: checks the restored site with the manifest; returns a line to report
      ("" for none) or raises ``CommandError`` with what to do.
    """

    contents: Callable[[], dict[str, int]] = dict
    manifest: Callable[[], dict[str, Any]] = dict
    after_backup: Callable[[dict[str, Any]], str] = field(default=_nothing)
    after_restore: Callable[[dict[str, Any]], str] = field(default=_nothing)


def register_metrics(collector: MetricsCollector) -> MetricsCollector:
    """Add a scrape-time metrics source to ``/metrics`` (usable as a decorator)."""
    _metrics.append(collector)
    return collector


def metrics_collectors() -> tuple[MetricsCollector, ...]:
    return tuple(_metrics)


def register_health_check(check: type) -> type:
    """Add a django-health-check ``HealthCheck`` class to ``/healthz/`` (usable as a decorator)."""
    _health_checks.append(check)
    return check


def health_checks() -> tuple[type, ...]:
    return tuple(_health_checks)


def register_backup_part(part: BackupPart) -> BackupPart:
    _backup_parts.append(part)
    return part


def backup_parts() -> tuple[BackupPart, ...]:
    return tuple(_backup_parts)
