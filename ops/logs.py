"""Structured logs: one line per request and per job, JSON in production, never a secret.

* :class:`RequestLogMiddleware` gives every request an id (the proxy's ``X-Request-ID`` when it
  is a sane token, else a new one), echoes it in the response and logs one line: method, route
  (the URL pattern's name, never the raw path, which can carry tokens), status, duration and
  the user's numeric id (not the user name or e-mail address: the id is enough to find the
  account in the admin, and it is not personal data in itself).
* :class:`JobLogMiddleware` logs one line per dramatiq job: actor, queue, message id, outcome
  (done, retry, failed, skipped), duration, retries. It carries the id of the request that sent
  the job, so a request and the e-mails it caused can be followed across processes.
* :class:`LogContextFilter` adds the current request id (or job) to *every* record logged while
  it runs, whoever logs it.
* :class:`SecretsLogFilter` and :class:`JsonLogFormatter` keep secrets out: the deployment's own
  secrets (``SECRET_KEY``, ``CCTV_STREAM_KEYS``, ``METRICS_TOKEN``, database, broker and mail
  passwords) by value, and by shape: ``Authorization`` headers and bearer tokens, session and
  CSRF cookies, anything named like a password, token or secret, and e-mail addresses. What
  an app must hide itself (camera stream URLs: ``cctv_bridge.stream_secrets.StreamURLLogFilter``)
  plugs in through ``ops.scrubbing`` and runs first; the formatter applies the registered
  scrubbers and its own again to everything it writes (python-json-logger formats a traceback
  afresh from ``exc_info``, bypassing the filters' cleaned ``exc_text``).
* The JSON formatter writes only plain values (text, numbers, booleans): Django's
  ``django.request`` and ``django.security`` loggers attach the whole ``HttpRequest`` (with its
  cookies and headers) to a record, and it must never be serialised.

This module is imported while Django sets up (by ``LOGGING`` and the dramatiq middleware list)
and by gunicorn's master before Django exists, so it reads settings only inside functions.
"""

from __future__ import annotations

import contextvars
import logging
import re
import secrets
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from dramatiq.middleware import Middleware
from pythonjsonlogger.json import JsonFormatter

from ops.scrubbing import ScrubbingLogFilter, scrub_registered

request_logger = logging.getLogger("config.requests")
job_logger = logging.getLogger("config.jobs")

#: Correlation context of the request or job being handled on this thread or task.
request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "request_id", default=None
)
job_var: contextvars.ContextVar[tuple[str, str] | None] = contextvars.ContextVar(
    "job", default=None
)

#: An id from the proxy is kept only when it looks like one (uuid, hex, base32 …): anything else
#: could smuggle text into the logs or make one client's requests look like another's.
_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._:-]{7,127}$")
REQUEST_ID_HEADER = "X-Request-ID"


def request_id_from(request: HttpRequest) -> str:
    """The proxy's ``X-Request-ID`` if it is a sane token, otherwise a new random id."""
    offered = request.headers.get(REQUEST_ID_HEADER, "")
    if _SANE_REQUEST_ID.match(offered):
        return offered
    return secrets.token_hex(16)


def route_of(request: HttpRequest, response: HttpResponse | None = None) -> str:
    """A bounded name for what answered: the URL pattern's name (``workflows:tracker``,
    ``wagtail_serve``, ``wagtailadmin_pages:edit``), ``page_cache`` (a hit of
    ``cms.page_cache``, which answers before URLs are resolved), ``static`` or ``unresolved``.

    Never the raw path: paths carry tokens (subscription links, password resets) and any
    number of distinct values (a scanner's 404s), which a metric label must not.
    """
    match = getattr(request, "resolver_match", None)
    if match is not None:
        return match.view_name or "unnamed"
    if response is not None and response.get("X-Page-Cache") == "hit":
        return "page_cache"
    from django.conf import settings

    if settings.STATIC_URL and request.path_info.startswith(settings.STATIC_URL):
        return "static"
    return "unresolved"


def user_id_of(request: HttpRequest) -> int | None:
    """The authenticated user's primary key, or None."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return user.pk


class RequestLogMiddleware:
    """Request id in and out, and one log line per request. Sits first in ``MIDDLEWARE``, so
    it sees every response (redirects, static files, errors turned into 500 pages) and its id
    is set while anything else logs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        request_id = request_id_from(request)
        request.request_id = request_id
        token = request_id_var.set(request_id)
        try:
            response = self.get_response(request)
            response[REQUEST_ID_HEADER] = request_id
            duration_ms = round((time.perf_counter() - started) * 1000, 1)
            route = route_of(request, response)
            request_logger.info(
                "%s %s %s %.1f ms",
                request.method,
                route,
                response.status_code,
                duration_ms,
                extra={
                    "method": request.method,
                    "route": route,
                    "status": response.status_code,
                    "duration_ms": duration_ms,
                    "request_id": request_id,
                    "user_id": user_id_of(request),
                },
            )
            return response
        finally:
            request_id_var.reset(token)


class JobLogMiddleware(Middleware):
    """One log line per dramatiq job, and the job's context on every record it logs.

    Must sit *before* ``Retries`` in the broker's middleware list: dramatiq runs ``after_*``
    hooks in reverse order, and ``Retries`` is what marks a message as failed for good.
    """

    def __init__(self) -> None:
        self._local = threading.local()

    def before_enqueue(self, broker, message, delay) -> None:
        # The id of the request (or job) that sends this message travels with it.
        request_id = request_id_var.get()
        if request_id and "request_id" not in message.options:
            message.options["request_id"] = request_id

    def before_process_message(self, broker, message) -> None:
        self._local.started = time.perf_counter()
        job_var.set((message.actor_name, message.message_id))
        request_id_var.set(message.options.get("request_id"))

    def after_process_message(self, broker, message, *, result=None, exception=None) -> None:
        if exception is None:
            outcome, level = "done", logging.INFO
        elif message.failed:
            outcome, level = "failed", logging.ERROR
        else:
            outcome, level = "retry", logging.WARNING
        self._log(message, outcome, level, exception)

    def after_skip_message(self, broker, message) -> None:
        self._log(message, "skipped", logging.WARNING, None)

    def _log(self, message, outcome: str, level: int, exception: BaseException | None) -> None:
        started = getattr(self._local, "started", None)
        duration_ms = round((time.perf_counter() - started) * 1000, 1) if started else None
        fields: dict[str, Any] = {
            "actor": message.actor_name,
            "queue": message.queue_name,
            "message_id": message.message_id,
            "outcome": outcome,
            "duration_ms": duration_ms,
            "retries": message.options.get("retries", 0),
        }
        if exception is not None:
            fields["error"] = type(exception).__name__  # the text may quote arguments
        try:
            job_logger.log(
                level,
                "job %s %s %s",
                message.actor_name,
                message.message_id,
                outcome,
                extra=fields,
            )
        finally:
            self._local.started = None
            job_var.set(None)
            request_id_var.set(None)


class LogContextFilter(logging.Filter):
    """Add ``request_id`` (and ``actor``, ``message_id`` inside a job) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            # django.request logs 4xx/5xx after the middleware is done, with the request.
            attached = getattr(getattr(record, "request", None), "request_id", None)
            record.request_id = request_id_var.get() or attached
        job = job_var.get()
        if job is not None:
            if not hasattr(record, "actor"):
                record.actor = job[0]
            if not hasattr(record, "message_id"):
                record.message_id = job[1]
        return True


# --- Secrets -------------------------------------------------------------------------------

REDACTED = "***"
#: Field names whose values are secret wherever they appear: ``password=…`` in a query string,
#: ``'password': ['…']`` in a QueryDict, ``sessionid=…; csrftoken=…`` in a Cookie header.
_SENSITIVE_NAME = (
    r"[\w-]*(?:password|passwd|pwd|secret|token|sessionid|session_?key|api_?key|"
    r"csrf[\w-]*|signature)[\w-]*"
)
_SENSITIVE_PAIR = re.compile(
    rf"(?i)(\b{_SENSITIVE_NAME}[\"']?\s*[:=]\s*\[?\s*[bu]?[\"']?)([^\"'\s&;,\]}}]+)"
)
#: ``Authorization: Bearer …`` (and ``HTTP_AUTHORIZATION``), with or without a scheme word.
_AUTHORIZATION = re.compile(
    r"(?i)((?:http_)?(?:proxy_)?authorization[\"']?\s*[:=]\s*[\"']?)"
    r"(?:(?:bearer|basic|token|digest)\s+)?[^\s\"',;}]+"
)
#: A bearer token anywhere; Basic credentials only as a long base64 run ("basic setup" stays).
_BEARER = re.compile(r"(?i)\b(bearer)\s+[A-Za-z0-9\-._~+/]+=*|\b(basic)\s+[A-Za-z0-9+/]{12,}=*")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
#: Shorter values would match ordinary words.
MIN_SECRET_LENGTH = 6


_secrets_cache: tuple[str, ...] | None = None


def _configured_secrets() -> tuple[str, ...]:
    """The deployment's secret values, longest first (none before settings are ready).

    Computed once: every log line asks, and settings change only in tests, which announce it
    (``setting_changed``).
    """
    global _secrets_cache
    if _secrets_cache is not None:
        return _secrets_cache
    try:
        from django.conf import settings

        values = [
            settings.SECRET_KEY,
            *getattr(settings, "SECRET_KEY_FALLBACKS", []),
            *getattr(settings, "CCTV_STREAM_KEYS", []),
            getattr(settings, "METRICS_TOKEN", ""),
            getattr(settings, "EMAIL_HOST_PASSWORD", ""),
            *(db.get("PASSWORD", "") for db in settings.DATABASES.values()),
        ]
        urls = [
            getattr(settings, "DRAMATIQ_BROKER_URL", ""),
            *(str(cache.get("LOCATION", "")) for cache in settings.CACHES.values()),
        ]
    except Exception:  # settings not configured (gunicorn's master, a script): ask again later
        return ()
    for url in urls:
        try:
            values.append(urlsplit(url).password or "")
        except ValueError:
            continue
    unique = {v for v in values if isinstance(v, str) and len(v) >= MIN_SECRET_LENGTH}
    _secrets_cache = tuple(sorted(unique, key=len, reverse=True))
    return _secrets_cache


@receiver(setting_changed)
def _forget_secrets(**kwargs: Any) -> None:
    global _secrets_cache
    _secrets_cache = None


def scrub_secrets(text: str) -> str:
    """``text`` without secrets: what the apps' scrubbers hide (stream URLs, registered by
    ``cctv_bridge.ops_hooks``), the deployment's secret values, authorization headers, session
    and CSRF cookies, anything named like a password or token, and e-mail addresses."""
    if not text:
        return text
    text = scrub_registered(text)
    for secret in _configured_secrets():
        if secret in text:
            text = text.replace(secret, REDACTED)
    # The cheap membership tests skip the regular expressions for most lines.
    if ":" in text or "=" in text:
        text = _AUTHORIZATION.sub(lambda m: m.group(1) + REDACTED, text)
        text = _SENSITIVE_PAIR.sub(lambda m: m.group(1) + REDACTED, text)
    text = _BEARER.sub(lambda m: f"{m.group(1) or m.group(2)} {REDACTED}", text)
    if "@" in text:
        text = _EMAIL.sub("<e-mail>", text)
    return text


_SENSITIVE_FIELD = re.compile(rf"(?i)^{_SENSITIVE_NAME}$|authorization|cookie")


class SecretsLogFilter(ScrubbingLogFilter):
    """Scrub the deployment's secrets, tokens, cookies and e-mail addresses from a record's
    message, traceback and stack (the plain formatter of the embedded set-up included).

    Put it on the *handler*, after ``stream_urls`` (the filter of that name in LOGGING).
    """

    def scrub_text(self, text: str) -> str:
        return scrub_secrets(text)


class JsonLogFormatter(JsonFormatter):
    """One JSON object per line: ``time`` (UTC, ISO 8601), ``level``, ``logger``, ``message``,
    ``exception`` when there is one, and the record's plain extra fields.

    Extra fields that are not text, numbers, booleans or None (an ``HttpRequest``, a socket) are
    left out, not serialised; text is scrubbed; a field named like a secret is masked.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("timestamp", "time")
        kwargs.setdefault(
            "rename_fields", {"levelname": "level", "name": "logger", "exc_info": "exception"}
        )
        if not args and "fmt" not in kwargs:
            kwargs["fmt"] = ["levelname", "name", "message"]
        super().__init__(*args, **kwargs)

    def process_log_record(self, log_data: dict[str, Any]) -> dict[str, Any]:
        stamp = log_data.pop("time", None)
        clean: dict[str, Any] = {"time": stamp} if stamp is not None else {}
        for key, value in log_data.items():
            if value is None:
                continue
            if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
                value = "\n".join(value)
            if isinstance(value, bool | int | float):
                clean[key] = value
            elif isinstance(value, str):
                if key in ("level", "logger"):  # logging's own names
                    clean[key] = value
                elif key not in ("message", "exception") and _SENSITIVE_FIELD.search(str(key)):
                    clean[key] = REDACTED
                else:
                    clean[key] = scrub_secrets(value)
        return clean
