"""What the initiatives add to operations (``ops.registry``): their metrics and their count
in a backup's manifest."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric

from ops import registry
from ops.metrics.sources import PREFIX
from workflows.engine import TransitionLog
from workflows.models import Initiative


@registry.register_metrics
def initiative_metrics(now: datetime.datetime) -> Iterator[Metric]:
    """Initiatives per current state, and transitions in the history per target state."""
    states = [state.value for state in Initiative.STATES]
    current = GaugeMetricFamily(
        f"{PREFIX}_initiatives", "Initiatives by current workflow state.", labels=["state"]
    )
    counts = dict(
        Initiative.objects.values("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
        .order_by()
    )
    for state in states:
        current.add_metric([state], counts.get(state, 0))
    yield current

    transitions = CounterMetricFamily(
        f"{PREFIX}_initiative_transitions",
        "Initiative transitions recorded in the history, by the state they led to.",
        labels=["state"],
    )
    content_type = ContentType.objects.get_for_model(Initiative)
    counts = dict(
        TransitionLog.objects.filter(content_type=content_type)
        .values("target")
        .annotate(n=Count("pk"))
        .values_list("target", "n")
        .order_by()
    )
    for state in states:
        transitions.add_metric([state], counts.get(state, 0))
    yield transitions


registry.register_backup_part(
    registry.BackupPart(contents=lambda: {"initiatives": Initiative.objects.count()})
)
