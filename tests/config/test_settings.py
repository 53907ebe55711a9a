"""Configuration comes from the environment; production settings pass Django's deploy checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from config.broker import dramatiq_broker_settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "x7#Lq9!vRw2$Zp4@Nc8%Tb6^Hm3&Jf5*Kd1(Gs0)Ya-Ue+Io=Pl",
    "ALLOWED_HOSTS": "bezpeka.example.org",
    "DATABASE_URL": "sqlite:////tmp/safe-community-check.sqlite3",
    "DRAMATIQ_BROKER_URL": "redis://127.0.0.1:6379/0",
    "CCTV_STREAM_KEYS": "1vnbP9Wc8Jm1rIbs0aWXXQ-1zRqkCS2C7iUQDfwY9u8=",
}


def run_django(code: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    clean.pop("DRAMATIQ_BROKER_URL", None)
    clean.pop("SECRET_KEY", None)
    clean.pop("CCTV_STREAM_KEYS", None)
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_to_start_without_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_django("", **env)
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_a_stream_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CCTV_STREAM_KEYS"}
    result = run_django("", **env)
    assert result.returncode != 0
    assert "CCTV_STREAM_KEYS must be set" in result.stderr


def test_production_reads_database_broker_hosts_and_roots_from_the_environment():
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'], "
        "s.DRAMATIQ_BROKER['BROKER'], s.ALLOWED_HOSTS, s.MEDIA_ROOT, s.STATIC_ROOT, s.DEBUG)"
    )
    result = run_django(
        code,
        **{
            **PRODUCTION_ENV,
            "DATABASE_URL": "postgres://office:pw@db.internal:5432/bezpeka",
            "DRAMATIQ_BROKER_URL": "amqp://guest:guest@mq.internal:5672/",
            "ALLOWED_HOSTS": "bezpeka.example.org,www.bezpeka.example.org",
            "MEDIA_ROOT": "/srv/media",
            "STATIC_ROOT": "/srv/static",
        },
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.postgresql",
        "bezpeka",
        "config.broker.OnCommitRabbitmqBroker",
        "['bezpeka.example.org',",
        "'www.bezpeka.example.org']",
        "/srv/media",
        "/srv/static",
        "False",
    ]


def test_embedded_defaults_need_no_services():
    code = (
        "from django.conf import settings as s; "
        "print(s.DATABASES['default']['ENGINE'], s.DRAMATIQ_BROKER['BROKER'], s.DEBUG)"
    )
    result = run_django(code, DJANGO_SETTINGS_MODULE="config.settings.dev")
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "django.db.backends.sqlite3",
        "config.broker.InProcessBroker",
        "True",
    ]


def test_production_passes_check_deploy():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=ROOT,
        env={**os.environ, **PRODUCTION_ENV},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    ("url", "broker"),
    [
        ("inprocess://", "config.broker.InProcessBroker"),
        ("redis://127.0.0.1:6379/0", "config.broker.OnCommitRedisBroker"),
        ("rediss://cache.example.org:6380/1", "config.broker.OnCommitRedisBroker"),
        ("amqp://guest:guest@127.0.0.1:5672/", "config.broker.OnCommitRabbitmqBroker"),
    ],
)
def test_broker_url_selects_the_transport(url, broker):
    assert dramatiq_broker_settings(url, max_retries=3)["BROKER"] == broker


def test_unknown_broker_scheme_is_a_clear_error():
    with pytest.raises(ValueError, match="unknown scheme 'kafka'"):
        dramatiq_broker_settings("kafka://127.0.0.1:9092", max_retries=3)
