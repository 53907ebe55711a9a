"""Log lines: one JSON object per request and per job, with a request id, and never a secret.

The handler under test is built from ``settings.LOGGING`` itself (its JSON or plain formatter
and the console handler's filters, in order), writing to a buffer.
"""

from __future__ import annotations

import io
import json
import logging
import logging.config
import uuid
from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from django.utils.module_loading import import_string

from ops.logs import request_id_var
from tests.harness.waiting import wait_until
from tests.jobs_helpers import RESULTS, always_fails, read_group

CAMERA_PASSWORD = "Cam3ra-Passw0rd"
CAMERA_URL = f"rtsp://admin:{CAMERA_PASSWORD}@192.168.10.20:554/Streaming/Channels/101"
FORM_PASSWORD = "Hunter2-form-passw0rd"
BEARER_TOKEN = "bearer-token-5f1d8c0e9a7b"
SESSION_ID = "s3ssion0id0abcdef0123456789xyzw"
CSRF_TOKEN = "Csrf0Token0abcdefghijklmnopqrstu"
FOLLOWER_EMAIL = "halyna.follower@example.org"
STREAM_KEY = "1vnbP9Wc8Jm1rIbs0aWXXQ-1zRqkCS2C7iUQDfwY9u8="
METRICS_TOKEN = "metrics-token-9a8b7c6d5e4f3a2b"


class Captured:
    """What the configured console handler wrote."""

    def __init__(self, stream: io.StringIO):
        self.stream = stream

    @property
    def text(self) -> str:
        return self.stream.getvalue()

    def records(self) -> list[dict]:
        return [json.loads(line) for line in self.text.splitlines() if line.strip()]

    def by(self, logger: str) -> list[dict]:
        return [record for record in self.records() if record["logger"] == logger]


def configured_handler(formatter: str, stream: io.StringIO) -> logging.Handler:
    config = settings.LOGGING
    handler = logging.StreamHandler(stream)
    handler.setFormatter(
        logging.config.DictConfigurator(config).configure_formatter(
            dict(config["formatters"][formatter])
        )
    )
    for name in config["handlers"]["console"]["filters"]:
        handler.addFilter(import_string(config["filters"][name]["()"])())
    return handler


@pytest.fixture(params=["json"])
def log_output(request) -> Iterator[Captured]:
    stream = io.StringIO()
    handler = configured_handler(request.param, stream)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield Captured(stream)
    finally:
        root.removeHandler(handler)


# --- Requests ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_each_request_logs_one_json_line_with_the_proxys_request_id(client, log_output):
    response = client.get("/initiatives/", HTTP_X_REQUEST_ID="caddy-7f3a9e21c04b")
    assert response.status_code == 200
    assert response["X-Request-ID"] == "caddy-7f3a9e21c04b"
    [line] = log_output.by("config.requests")
    assert line["method"] == "GET"
    assert line["route"] == "workflows:tracker"
    assert line["status"] == 200
    assert isinstance(line["duration_ms"], float)
    assert line["request_id"] == "caddy-7f3a9e21c04b"
    assert line["level"] == "INFO"
    assert "time" in line and "message" in line
    assert "user_id" not in line  # anonymous


@pytest.mark.django_db
def test_a_request_id_that_is_not_a_sane_token_is_replaced(client, log_output):
    for offered in ("short", "has space in it", "x" * 200, "evil\u2028line-separator"):
        response = client.get("/initiatives/", HTTP_X_REQUEST_ID=offered)
        assert response["X-Request-ID"] != offered
        assert len(response["X-Request-ID"]) == 32
    ids = {line["request_id"] for line in log_output.by("config.requests")}
    assert len(ids) == 4


@pytest.mark.django_db
def test_request_line_names_the_user_by_id_only(client, admin_user, log_output):
    client.force_login(admin_user)
    client.get("/initiatives/")
    [line] = log_output.by("config.requests")
    assert line["user_id"] == admin_user.pk
    assert admin_user.username not in log_output.text
    assert admin_user.email.split("@")[0] not in log_output.text


@pytest.mark.django_db
def test_everything_logged_during_a_request_carries_its_id(client, log_output):
    client.get("/no-such-page-4711/", HTTP_X_REQUEST_ID="proxy-0000-1111-2222")
    [not_found] = log_output.by("django.request")
    assert not_found["request_id"] == "proxy-0000-1111-2222"
    assert not_found["status_code"] == 404
    assert "request" not in not_found  # the HttpRequest is never serialised


# --- Jobs ----------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_job_logs_actor_message_id_and_outcome(broker, single_worker, log_output):
    token = str(uuid.uuid4())
    sent_by = request_id_var.set("req-4c1f0a9e77d2")
    try:
        message = read_group.send(0, token)
    finally:
        request_id_var.reset(sent_by)
    wait_until(lambda: RESULTS[token], 60, "the job run")
    wait_until(lambda: log_output.by("config.jobs"), 60, "the job's log line")
    [line] = log_output.by("config.jobs")
    assert line["actor"] == "read_group"
    assert line["message_id"] == message.message_id
    assert line["queue"] == "tests"
    assert line["outcome"] == "done"
    assert line["level"] == "INFO"
    assert isinstance(line["duration_ms"], float)
    assert line["request_id"] == "req-4c1f0a9e77d2"  # the request that sent it


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_failing_job_logs_its_retries_then_its_failure(broker, worker, log_output):
    from ops.models import FailedJob

    message = always_fails.send(str(uuid.uuid4()))
    wait_until(
        lambda: FailedJob.objects.filter(message_id=message.message_id).exists(),
        60,
        "the failed job recorded",
    )
    wait_until(
        lambda: any(line["outcome"] == "failed" for line in log_output.by("config.jobs")),
        60,
        "the failure logged",
    )
    lines = [line for line in log_output.by("config.jobs") if line["actor"] == "always_fails"]
    assert [line["outcome"] for line in lines] == ["retry", "retry", "failed"]
    assert {line["message_id"] for line in lines} == {message.message_id}
    assert lines[-1]["level"] == "ERROR"
    assert lines[-1]["error"] == "RuntimeError"
    # dramatiq's own report of the exception carries the job's context too.
    assert all(
        line.get("message_id") == message.message_id
        for line in log_output.records()
        if line["logger"].startswith("dramatiq.worker")
    )


# --- Secrets -------------------------------------------------------------------------------


@pytest.fixture
def secret_settings(settings):
    settings.CCTV_STREAM_KEYS = [STREAM_KEY]
    settings.METRICS_TOKEN = METRICS_TOKEN
    return settings


def secrets(settings) -> list[str]:
    return [
        CAMERA_PASSWORD,
        f"admin:{CAMERA_PASSWORD}",
        FORM_PASSWORD,
        BEARER_TOKEN,
        SESSION_ID,
        CSRF_TOKEN,
        FOLLOWER_EMAIL,
        STREAM_KEY,
        METRICS_TOKEN,
        settings.SECRET_KEY,
    ]


def leak_everything(secret_settings) -> None:
    """Requests and code that put every kind of secret in front of the loggers."""
    browser = Client(enforce_csrf_checks=True)
    browser.cookies[settings.SESSION_COOKIE_NAME] = SESSION_ID
    browser.cookies[settings.CSRF_COOKIE_NAME] = CSRF_TOKEN
    # Refused by the CSRF check: django.security.csrf logs it with the request attached.
    refused = browser.post(
        "/admin/login/",
        {"username": FOLLOWER_EMAIL, "password": FORM_PASSWORD},
        HTTP_AUTHORIZATION=f"Bearer {BEARER_TOKEN}",
    )
    assert refused.status_code == 403
    # A wrong password: the login-throttling app logs the failed attempt.
    Client().post("/admin/login/", {"username": FOLLOWER_EMAIL, "password": FORM_PASSWORD})
    # A 404 with secrets in the query string.
    browser.get(f"/no-such-page/?password={FORM_PASSWORD}&token={BEARER_TOKEN}")

    logger = logging.getLogger("cctv_bridge.probing")
    logger.warning("camera did not answer at %s", CAMERA_URL)
    try:
        raise ConnectionError(f"cannot open {CAMERA_URL}")
    except ConnectionError:
        logger.exception("probe failed")
    careless = logging.getLogger("workflows.notifications")
    careless.info("confirmation sent to %s", FOLLOWER_EMAIL)
    careless.info("headers %s", {"Authorization": f"Bearer {BEARER_TOKEN}"})
    careless.info("cookie header: sessionid=%s; csrftoken=%s", SESSION_ID, CSRF_TOKEN)
    careless.info("cookies %s", {"sessionid": SESSION_ID})
    careless.info("post %s", {"password": [FORM_PASSWORD]})
    careless.info("key %s, stream keys %s", settings.SECRET_KEY, settings.CCTV_STREAM_KEYS)
    careless.info("scraping with %s", METRICS_TOKEN)
    careless.info("extra fields", extra={"password": FORM_PASSWORD, "to": FOLLOWER_EMAIL})


@pytest.mark.django_db
@pytest.mark.parametrize("log_output", ["json", "plain"], indirect=True)
def test_no_secret_reaches_the_log(request, log_output, secret_settings):
    leak_everything(secret_settings)
    text = log_output.text
    for secret in secrets(secret_settings):
        assert secret not in text, secret
    assert "WSGIRequest" not in text
    assert "probe failed" in text and "Traceback" in text  # logged, only scrubbed
    assert "rtsp://<camera-stream" in text
    if request.node.callspec.params["log_output"] == "json":
        records = log_output.records()  # every line is one JSON object
        assert any(line["logger"] == "django.security.csrf" for line in records)
        assert all("request" not in line for line in records)
