"""``/healthz/``: what a load balancer and Docker's HEALTHCHECK ask before sending traffic.

django-health-check runs the checks concurrently and answers 200 or 500 (HTML, JSON with
``Accept: application/json`` or ``?format=json``, plain text, OpenMetrics). Its database and
cache checks are used as they are; the broker and the scheduler's heartbeat are ours, and the
apps add theirs through ``ops.registry`` (the age of the newest camera probe, in
``cctv_bridge.ops_hooks``). No message names a host, a URL or a password.
"""

from __future__ import annotations

import dataclasses
import datetime

import dramatiq
from django.http import HttpResponse, HttpResponseBadRequest
from django.utils import timezone
from health_check import checks
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView, MediaType

from ops import registry

#: The heartbeat job runs every minute; three missed beats mean the scheduler or the workers
#: are down.
HEARTBEAT_MAX_AGE = datetime.timedelta(minutes=3)


@dataclasses.dataclass
class Database(checks.Database):
    """The database answers ``SELECT 1``.

    The stock check repeats the driver's message, which names the server ("connection to
    server at "10.0.0.5", port 5432 failed"); this page is public.
    """

    def run(self) -> None:
        try:
            super().run()
        except ServiceUnavailable as error:
            raise ServiceUnavailable("The database does not answer.") from error


@dataclasses.dataclass
class Broker(HealthCheck):
    """The job broker answers (Redis PING, a RabbitMQ connection; in-process: always)."""

    def run(self) -> None:
        broker = dramatiq.get_broker()
        try:
            if hasattr(broker, "client"):  # Redis
                answered = broker.client.ping()
            elif hasattr(broker, "connection"):  # RabbitMQ: opens one if needed
                answered = broker.connection.is_open
            else:  # in-process
                answered = True
        except Exception as error:
            raise ServiceUnavailable("The job broker does not answer.") from error
        if not answered:
            raise ServiceUnavailable("The job broker does not answer.")


@dataclasses.dataclass
class Scheduler(HealthCheck):
    """The every-minute heartbeat job ran recently: scheduler, broker and a worker all work."""

    async def run(self) -> None:
        from ops.models import Heartbeat

        beat = (
            await Heartbeat.objects.filter(name="scheduler").values_list("at", flat=True).afirst()
        )
        if beat is None:
            raise ServiceUnavailable("No scheduler heartbeat yet.")
        if timezone.now() - beat > HEARTBEAT_MAX_AGE:
            raise ServiceUnavailable("The scheduler's heartbeat is older than three minutes.")


#: Ours and django-health-check's; the apps add theirs (``ops.registry.register_health_check``).
CHECKS = (
    Database,
    "health_check.checks.Cache",
    Broker,
    Scheduler,
)


#: ``?format=`` values django-health-check answers without looking at ``Accept``.
FORMATS = frozenset({"json", "text", "atom", "rss", "openmetrics"})


class HealthView(HealthCheckView):
    """django-health-check's view, answering a malformed ``Accept`` header with a 400.

    Its content negotiation raises ``ValueError`` on a media type it cannot parse
    (``Accept: foo``), which would be a 500: to a load balancer, "the site is down".
    """

    @property
    def checks(self) -> tuple:
        return (*CHECKS, *registry.health_checks())

    async def get(self, request, *args, **kwargs) -> HttpResponse:
        if request.GET.get("format") not in FORMATS:
            try:
                list(MediaType.parse_header(request.headers.get("accept", "*/*")))
            except ValueError:
                return HttpResponseBadRequest(
                    "Bad Request: the Accept header is not a list of media types.",
                    content_type="text/plain",
                )
        return await super().get(request, *args, **kwargs)
