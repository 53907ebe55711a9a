"""/metrics: Prometheus metrics for the office's operators, behind a bearer token.

Request latency is counted per route (not per path); queue depth, failed jobs, probe
durations, camera states and initiative states are read from the real broker and database at
scrape time. The last test serves the site with gunicorn's several workers and checks that a
scrape adds up all of them, recycled ones included.
"""

from __future__ import annotations

import datetime
import json
import os
import urllib.error
import urllib.request
import uuid
from pathlib import Path
from urllib.parse import quote

import dramatiq
import pytest
from django.db import connection
from django.utils import timezone
from dramatiq.common import dq_name, xq_name
from prometheus_client.parser import text_string_to_metric_families

from cctv_bridge.models import Camera, Probe
from config.broker import OnCommitRabbitmqBroker
from ops import outbox
from ops.metrics.sources import queue_depths
from ops.models import FailedJob
from tests.conftest import service_url
from tests.harness.servers import Gunicorn, free_port
from tests.harness.waiting import wait_until
from tests.jobs_helpers import QUEUE, always_fails, read_group
from tests.workflow_helpers import member
from workflows.models import Initiative

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "metrics-test-token-" + "k" * 24


@pytest.fixture
def token(settings):
    settings.METRICS_TOKEN = TOKEN
    return TOKEN


def scrape(client) -> dict[tuple[str, frozenset], float]:
    """``{(sample name, labels): value}`` of one authorised scrape."""
    response = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert response.status_code == 200, response.content
    return parse(response.content.decode())


def parse(text: str) -> dict[tuple[str, frozenset], float]:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def value(samples, name: str, **labels: str) -> float:
    return samples.get((name, frozenset(labels.items())), 0.0)


# --- Access --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_metrics_need_the_bearer_token(client, token):
    refused = client.get("/metrics")
    assert refused.status_code == 401
    assert refused["WWW-Authenticate"].startswith("Bearer")
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong-token").status_code == 401
    assert client.get("/metrics", HTTP_AUTHORIZATION=f"Basic {TOKEN}").status_code == 401

    answered = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}")
    assert answered.status_code == 200
    assert answered["Content-Type"].startswith("text/plain")
    assert "no-store" in answered["Cache-Control"]
    body = answered.content.decode()
    assert "safe_community_http_request_duration_seconds" in body
    assert TOKEN not in body


@pytest.mark.django_db
def test_without_a_token_metrics_do_not_exist_except_locally_in_debug_mode(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics").status_code == 404
    settings.DEBUG = True
    assert client.get("/metrics", REMOTE_ADDR="127.0.0.1").status_code == 200
    # Behind the proxy every request comes from a private address: that proves nothing.
    assert client.get("/metrics", REMOTE_ADDR="10.0.0.7").status_code == 404


def test_metrics_are_not_in_the_sitemap(client, demo, token):
    sitemap = client.get("/sitemap.xml")
    assert sitemap.status_code == 200
    assert "/metrics" not in sitemap.content.decode()


def test_metrics_expose_no_secrets(client, demo, token, settings):
    body = client.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {TOKEN}").content.decode()
    for secret in (settings.SECRET_KEY, "demo-camera-secret", "redis://", "amqp://", "@"):
        assert secret not in body


# --- Request latency -----------------------------------------------------------------------


def test_request_latency_is_labelled_by_route_and_status_class(client, demo, token):
    count = "safe_community_http_request_duration_seconds_count"
    before = scrape(client)
    assert client.get("/initiatives/").status_code == 200
    assert client.get("/en/initiatives/").status_code == 200
    assert client.get("/no-such-page-4711/").status_code == 404
    after = scrape(client)

    tracker = {"method": "GET", "route": "workflows:tracker", "status": "2xx"}
    assert value(after, count, **tracker) - value(before, count, **tracker) == 2
    missing = {"method": "GET", "route": "wagtail_serve", "status": "4xx"}
    assert value(after, count, **missing) - value(before, count, **missing) == 1
    bucket = "safe_community_http_request_duration_seconds_bucket"
    assert value(after, bucket, **tracker, le="+Inf") == value(after, count, **tracker)
    labels = {label for _name, labels in after for label in labels}
    assert not any("4711" in v for _k, v in labels), "a raw path became a label"


# --- Jobs ----------------------------------------------------------------------------------


def queue_messages(client, queue: str, state: str) -> float:
    return value(scrape(client), "safe_community_job_queue_messages", queue=queue, state=state)


@pytest.mark.django_db
def test_queue_depth_counts_messages_waiting_on_the_configured_broker(
    client, token, broker, django_capture_on_commit_callbacks
):
    """In-process broker in the embedded run, Redis in the services run."""
    assert queue_messages(client, QUEUE, "ready") == 0
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            read_group.send(0, "never run")
        read_group.send_with_options(args=(0, "later"), delay=3_600_000)
    assert queue_messages(client, QUEUE, "ready") == 3
    assert queue_messages(client, QUEUE, "delayed") == 1
    broker.flush_all()
    assert queue_messages(client, QUEUE, "ready") == 0


@pytest.mark.django_db
def test_outbox_backlog_counts_jobs_not_yet_sent(client, token, broker):
    """Rows written with a change whose commit has not sent them (yet)."""
    for _ in range(2):
        outbox.store(broker, read_group.message(0, "kept"), None)
    samples = scrape(client)
    assert value(samples, "safe_community_outbox_messages", queue=QUEUE) == 2
    assert value(samples, "safe_community_outbox_oldest_age_seconds", queue=QUEUE) >= 0


def test_queue_depth_on_rabbitmq_reads_a_passive_declare():
    broker = OnCommitRabbitmqBroker(url=service_url("AMQP_URL"), confirm_delivery=True)
    queue = f"metrics-{uuid.uuid4().hex[:8]}"

    @dramatiq.actor(broker=broker, queue_name=queue, max_retries=0)
    def remember(token: str) -> None:  # pragma: no cover - never consumed here
        pass

    try:
        for n in range(2):
            broker.enqueue_now(remember.message(str(n)))
        wait_until(lambda: queue_depths(broker)[queue]["ready"] == 2, 60, "two messages ready")
        assert queue_depths(broker)[queue]["dead"] == 0
    finally:
        for name in (queue, dq_name(queue), xq_name(queue)):
            broker.channel.queue_delete(name)
        broker.close()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_job_that_failed_for_good_is_counted_per_actor(client, token, worker):
    failed = {"actor": "always_fails", "queue": QUEUE, "resolved": "false"}
    assert value(scrape(client), "safe_community_failed_jobs", **failed) == 0
    always_fails.send(str(uuid.uuid4()))
    wait_until(
        lambda: FailedJob.objects.filter(actor_name="always_fails").exists(),
        60,
        "the failed job recorded",
    )
    assert value(scrape(client), "safe_community_failed_jobs", **failed) == 1
    FailedJob.objects.update(resolved=True)
    samples = scrape(client)
    assert value(samples, "safe_community_failed_jobs", **failed) == 0
    assert value(samples, "safe_community_failed_jobs", **{**failed, "resolved": "true"}) == 1


@pytest.mark.django_db
def test_a_broker_that_does_not_answer_is_reported_not_fatal(client, token):
    configured = dramatiq.get_broker()
    port = free_port()  # nothing listens there
    from dramatiq.brokers.redis import RedisBroker

    silent = RedisBroker(url=f"redis://127.0.0.1:{port}/0", socket_connect_timeout=1)
    dramatiq.set_broker(silent)
    try:
        samples = scrape(client)
    finally:
        dramatiq.set_broker(configured)
    assert value(samples, "safe_community_metrics_source_up", source="broker") == 0
    assert value(samples, "safe_community_metrics_source_up", source="database") == 1


# --- Cameras -------------------------------------------------------------------------------


def test_camera_states_and_recent_probe_durations_come_from_the_rows(client, demo, token):
    cameras = list(Camera.objects.filter(active=True).order_by("pk"))
    assert len(cameras) >= 3
    Camera.objects.filter(pk=cameras[0].pk).update(status=Camera.Status.OFFLINE)
    Camera.objects.filter(pk=cameras[1].pk).update(status=Camera.Status.DEGRADED)
    Probe.objects.all().delete()
    now = timezone.now()
    camera = Camera.objects.filter(pk=cameras[2].pk).first()
    for duration in (0.2, 0.4, 0.6, 0.8, 9.0):
        Probe.objects.create(
            camera=camera, at=now, reachable=duration < 5, duration=duration, status="online"
        )
    Probe.objects.create(  # too old for the window
        camera=camera,
        at=now - datetime.timedelta(hours=2),
        reachable=True,
        duration=60.0,
        status="online",
    )

    samples = scrape(client)
    for status in Camera.Status.values:
        expected = Camera.objects.filter(active=True, status=status).count()
        assert value(samples, "safe_community_cameras", status=status) == expected
    assert value(samples, "safe_community_cameras", status="offline") >= 1

    name, source = "safe_community_camera_probe_duration_seconds", camera.source
    assert value(samples, name, source=source, quantile="0.5") == 0.6
    assert value(samples, name, source=source, quantile="1.0") == 9.0
    recent = "safe_community_camera_probes_recent"
    assert value(samples, recent, source=source, reachable="true") == 4
    assert value(samples, recent, source=source, reachable="false") == 1


# --- Initiatives ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_initiative_states_and_transitions_follow_a_real_transition(client, token):
    before = scrape(client)
    item = Initiative.objects.create(state="submitted", title_uk="Освітлення парку")
    item.perform("start_review", member("coordinator"))
    after = scrape(client)

    def delta(name: str, state: str) -> float:
        return value(after, name, state=state) - value(before, name, state=state)

    assert delta("safe_community_initiatives", "under_review") == 1
    assert delta("safe_community_initiatives", "submitted") == 0  # created there, then moved
    assert delta("safe_community_initiative_transitions_total", "under_review") == 1
    assert delta("safe_community_initiative_transitions_total", "accepted") == 0
    for state in Initiative.STATES:  # every state is reported, zero or not
        assert ("safe_community_initiatives", frozenset({("state", state.value)})) in after


# --- gunicorn, several workers -------------------------------------------------------------


def database_url() -> str:
    """The test database, as a URL for another process."""
    db = connection.settings_dict
    if db["ENGINE"].endswith("sqlite3"):
        return f"sqlite:///{db['NAME']}"
    password = f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def get(url: str, token: str | None = None) -> tuple[int, str]:
    """Status and body; status 0 while nothing listens yet."""
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as refused:
        return refused.code, ""
    except (urllib.error.URLError, ConnectionError):
        return 0, ""


@pytest.mark.django_db
def test_gunicorn_workers_add_up_in_one_scrape_even_after_being_recycled(tmp_path):
    metrics_dir = tmp_path / "prometheus"
    metrics_dir.mkdir()
    (metrics_dir / "counter_424242.db").write_bytes(b"left over from the last run")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": database_url(),
        "METRICS_TOKEN": TOKEN,
        "PROMETHEUS_MULTIPROC_DIR": str(metrics_dir),
        "LOG_FORMAT": "json",
        "PAGE_CACHE_ENABLED": "False",
    }
    env.pop("GUNICORN_CMD_ARGS", None)
    log = tmp_path / "gunicorn.log"
    server = Gunicorn(
        env,
        log,
        workers=3,
        config=True,
        # Each worker exits after three requests: fifteen requests span several processes.
        options=("--max-requests=3", "--max-requests-jitter=0"),
    )
    url = f"{server.url}/metrics"
    refused = {"method": "GET", "route": "metrics", "status": "4xx"}
    count = "safe_community_http_request_duration_seconds_count"

    def refusals_counted() -> float:
        status, body = get(url, TOKEN)
        assert status == 200
        return value(parse(body), count, **refused)

    try:
        server.start(timeout=120)
        server.wait_serving(lambda: get(url)[0] == 401, 120, "gunicorn answering")
        for _ in range(14):  # the readiness check was the first refusal
            assert get(url)[0] == 401
        # Each exit is handled by the master a moment after the worker's last answer.
        wait_until(
            lambda: (metrics_dir / "histogram_archive.db").exists(), 60, "the histogram archive"
        )
        wait_until(lambda: refusals_counted() == 15, 60, "fifteen refusals counted")
        # Children first: a worker that exits after this is reaped and its file folded away.
        workers = [str(pid) for pid in server.worker_pids()]
        files = sorted(path.name for path in metrics_dir.iterdir())
        assert "counter_424242.db" not in files  # emptied at start
        # Only current workers keep files of their own, beside the archive: not one file for
        # each of the eight or more workers that served these requests.
        owners = {name[len("histogram_") : -3] for name in files if name.startswith("histogram_")}
        assert owners - {"archive"} <= set(workers)
    finally:
        server.stop(timeout=60)
    output = log.read_text()

    lines = [json.loads(line) for line in output.splitlines() if line.startswith("{")]
    requests = [line for line in lines if line.get("logger") == "config.requests"]
    assert [line["status"] for line in requests].count(401) == 15
    assert all(line["route"] == "metrics" and line["request_id"] for line in requests)
    assert any(line.get("logger") == "gunicorn.error" for line in lines)
    assert not any(line.get("logger") == "gunicorn.access" for line in lines)
    assert not [
        line for line in output.splitlines() if "Booting worker" in line and line[:1] != "{"
    ]
