"""Private services and prepared databases and environments for real processes.

A drill kills, stops and restarts things, so it gets its own ``redis-server`` and PostgreSQL
cluster on free loopback ports: the machine's shared servers keep serving the other suites
that run at the same time. Benches build a fresh database on the shared PostgreSQL and run
``manage.py`` commands in a production environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from tests.harness.servers import ROOT, free_port
from tests.harness.waiting import port_open, wait_until

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def require(available: bool, reason: str) -> None:
    """Skip when a program a test needs is missing; under ``REQUIRE_SERVICES=1``, fail."""
    if available:
        return
    import pytest

    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def database_url(settings_dict: Mapping) -> str:
    """A ``DATABASE_URL`` for a Django connection's settings (the test database, say)."""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{settings_dict['USER']}{password}@{host}:{port}/{settings_dict['NAME']}"


def shared_postgres(sql: str) -> None:
    """Run one statement on the machine's PostgreSQL (127.0.0.1:5432, user postgres)."""
    import psycopg2

    conn = psycopg2.connect(host="127.0.0.1", user="postgres", dbname="postgres")
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql)
    finally:
        conn.close()


def fresh_postgres_database(name: str) -> str:
    """Drop and create ``name`` on the machine's PostgreSQL; returns its ``DATABASE_URL``."""
    shared_postgres(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    shared_postgres(f'CREATE DATABASE "{name}"')
    return f"postgres://postgres@127.0.0.1:5432/{name}"


def empty_redis(url: str) -> int:
    """Empty a Redis database (the page cache's, say); returns how many keys it held."""
    import redis

    client = redis.Redis.from_url(url)
    try:
        keys = client.dbsize()
        client.flushdb()
        return keys
    finally:
        client.close()


def production_env(
    database_url: str,
    workdir: Path,
    port: int,
    cache_url: str,
    base: Mapping[str, str] | None = None,
    **extra: str,
) -> dict[str, str]:
    """The production settings for a local server: this database and cache, static and
    media files in ``workdir``, jobs in-process, plain HTTP; ``base`` defaults to this
    process's environment, ``extra`` adds or overrides variables (secrets, say)."""
    return {
        **(os.environ if base is None else base),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url,
        "DRAMATIQ_BROKER_URL": "inprocess://",
        "SECURE_SSL_REDIRECT": "False",
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / "media"),
        "WAGTAILADMIN_BASE_URL": f"http://127.0.0.1:{port}",
        "CACHE_URL": cache_url,
        **extra,
    }


def manage(env: Mapping[str, str], *args: str) -> str:
    """Run ``manage.py`` and return its output; on failure show the end of it and raise."""
    done = subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.stderr.write(done.stdout[-4000:] + done.stderr[-4000:])
        raise RuntimeError(f"manage.py {' '.join(args)} failed ({done.returncode})")
    return done.stdout


class RedisServer:
    """A private ``redis-server`` without persistence."""

    def __init__(self) -> None:
        require(shutil.which("redis-server") is not None, "redis-server is not installed")
        self.port = free_port()
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                *("redis-server", "--port", str(self.port), "--bind", "127.0.0.1"),
                *("--save", "", "--appendonly", "no"),
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_until(lambda: port_open(self.port), 10, "redis-server answering")

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


class PostgresCluster:
    """A throwaway PostgreSQL cluster in a temporary directory, on a free loopback port.

    ``initdb`` refuses to run as root, so under root the cluster belongs to the ``postgres``
    system user and its server commands run through ``runuser``. Durability is off
    (``fsync``, ``full_page_writes``): a drill's data only has to outlive a clean restart.
    """

    def __init__(self) -> None:
        require((PG_BIN / "initdb").exists(), f"PostgreSQL server programs not found in {PG_BIN}")
        self.dir = Path(tempfile.mkdtemp(prefix="sc-drill-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_owner: list[str] = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.as_owner = ["runuser", "-u", "postgres", "--"]
        self._server(
            "initdb",
            *("-D", self.data, "-U", "postgres", "-A", "trust", "-E", "UTF8"),
            *("--locale=C.UTF-8", "--no-sync", "--no-instructions"),
        )

    def _server(self, program: str, *args: object) -> None:
        subprocess.run(
            [*self.as_owner, str(PG_BIN / program), *map(str, args)],
            check=True,
            capture_output=True,
            timeout=60,
        )

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off -c synchronous_commit=off"
        )
        log = self.dir / "server.log"
        self._server("pg_ctl", "-D", self.data, "-l", log, "-o", options, "-w", "-t", 30, "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server; ``fast`` (what ``systemctl stop`` does) ends every session."""
        self._server("pg_ctl", "-D", self.data, "-m", mode, "-w", "-t", 30, "stop")

    def running(self) -> bool:
        status = subprocess.run(
            [*self.as_owner, str(PG_BIN / "pg_ctl"), "-D", str(self.data), "status"],
            capture_output=True,
        )
        return status.returncode == 0

    def psql(self, database: str, sql: str) -> str:
        return subprocess.run(
            [str(PG_BIN / "psql"), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", self.url(database)],
            input=sql,
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        ).stdout

    def copy_database(self, source: Mapping, name: str) -> None:
        """Copy a database (a Django connection's settings) into this cluster as ``name``.

        Cheaper than ``migrate`` + ``load_demo`` (~30 s on PostgreSQL) when the source is
        the test database, which the suite migrated and filled with the demo already.
        """
        self.psql("postgres", f'CREATE DATABASE "{name}"')
        env = {**os.environ, "PGPASSWORD": source.get("PASSWORD") or ""}
        dump = subprocess.Popen(
            [
                str(PG_BIN / "pg_dump"),
                *("--no-owner", "--no-privileges"),
                *("-h", source.get("HOST") or "127.0.0.1", "-p", str(source.get("PORT") or 5432)),
                *("-U", source["USER"], source["NAME"]),
            ],
            stdout=subprocess.PIPE,
            env=env,
        )
        subprocess.run(
            [str(PG_BIN / "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1", self.url(name)],
            stdin=dump.stdout,
            stdout=subprocess.DEVNULL,
            check=True,
            timeout=120,
        )
        dump.stdout.close()
        assert dump.wait(60) == 0, "pg_dump failed"

    def remove(self) -> None:
        if self.running():
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)
