"""Private services for the fault drills.

A drill kills, stops and restarts things, so each one gets its own PostgreSQL cluster,
``redis-server``, gunicorn, dramatiq worker and mail server on free loopback ports: the
machine's shared PostgreSQL and Redis keep serving the other suites that run at the same time.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import socketserver
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import IO

import pytest

ROOT = Path(__file__).resolve().parents[2]
PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))


def require(available: bool, reason: str) -> None:
    """Skip when a program a drill needs is missing; under ``REQUIRE_SERVICES=1``, fail."""
    if available:
        return
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def wait_until(predicate: Callable[[], object], timeout: float, what: str) -> None:
    """Poll ``predicate`` until it is true; fail, naming ``what``, after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout:g} s")
        time.sleep(0.05)


def database_url(settings_dict: Mapping) -> str:
    """A ``DATABASE_URL`` for a Django connection's settings (the test database, say)."""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{settings_dict['USER']}{password}@{host}:{port}/{settings_dict['NAME']}"


def kill_group(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    """Signal the process group a drill started (``start_new_session=True``), and reap it."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):  # exited meanwhile
            os.killpg(proc.pid, sig)
    proc.wait(timeout=30)


def stop_group(proc: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM, then SIGKILL if the group has not exited within ``timeout`` seconds."""
    if proc.poll() is not None:
        return
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)


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


def child_pids(pid: int) -> set[int]:
    """The direct children of a process (gunicorn's workers, for its master)."""
    children = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # "pid (command) state ppid …"; the command may contain spaces and parentheses.
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            children.add(int(entry.name))
    return children


class Gunicorn:
    """The site under gunicorn, as the production image runs it, on a free loopback port.

    The image's ``GUNICORN_CMD_ARGS`` less ``--max-requests``: a drill must not mistake a
    planned worker recycle for a restart.
    """

    def __init__(self, env: Mapping[str, str], log: IO, workers: int = 2) -> None:
        self.port = free_port()
        self.env = dict(env)
        self.log = log
        self.workers = workers
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                *(sys.executable, "-m", "gunicorn", "config.wsgi:application"),
                *("--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers)),
                *("--threads", "1", "--timeout", "30", "--graceful-timeout", "5"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        wait_until(lambda: port_open(self.port), 30, "gunicorn listening")
        wait_until(
            lambda: len(self.worker_pids()) == self.workers, 30, "gunicorn's workers started"
        )

    def worker_pids(self) -> set[int]:
        return child_pids(self.proc.pid)

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc)


class DramatiqWorker:
    """``manage.py rundramatiq`` (one process, one thread) in a process group of its own."""

    def __init__(self, env: Mapping[str, str], log: IO, queues: tuple[str, ...] = ("default",)):
        self.env = dict(env)
        self.log = log
        self.queues = queues
        self.proc: subprocess.Popen | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [
                *(sys.executable, "manage.py", "rundramatiq", "--processes", "1"),
                *("--threads", "1", "--queues", *self.queues),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )

    def kill(self) -> None:
        """SIGKILL the whole worker (the rundramatiq master and its worker process) at once,
        as the OOM killer or a lost host would: no shutdown hooks, no acknowledgements."""
        kill_group(self.proc)

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc)


class _SMTPSession(socketserver.StreamRequestHandler):
    """Just enough SMTP for Django's backend: EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT."""

    def reply(self, line: str) -> None:
        self.wfile.write(line.encode("ascii") + b"\r\n")
        self.wfile.flush()

    def handle(self) -> None:
        mailbox: MailServer = self.server.mailbox  # type: ignore[attr-defined]
        self.request.settimeout(120)
        self.reply("220 drill.invalid ESMTP")
        recipients: list[str] = []
        while line := self.rfile.readline():
            verb = line[:4].decode("ascii", "replace").upper()
            if verb in {"EHLO", "HELO"}:
                self.reply("250 drill.invalid")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 OK")
            elif verb == "RCPT":
                address = line.decode("ascii", "replace").split("<", 1)[1].split(">", 1)[0]
                recipients.append(address)
                self.reply("250 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                lines = []
                while (data := self.rfile.readline()) not in {b".\r\n", b""}:
                    lines.append(data)
                if not data:
                    return  # the client went away in the middle of the message
                message = b"".join(lines)
                if mailbox.hold(recipients):
                    # Never answer: the client waits for our "250" until it goes away.
                    while self.request.recv(1024):
                        pass
                    return
                mailbox.accept(recipients, message)
                self.reply("250 OK: queued")
            elif verb == "QUIT":
                self.reply("221 Bye")
                return
            elif verb in {"RSET", "NOOP"}:
                self.reply("250 OK")
            else:
                self.reply("502 Command not implemented")


class MailServer:
    """An SMTP server on loopback that counts deliveries, and can hang on one message.

    A message counts as delivered when the server answers "250" after its data, as a real
    server takes responsibility for it. With ``hold_message=n`` the n-th message is read in
    full and then never answered (a mail server that hangs); it is dropped when the client
    disconnects, and ``held`` is set.
    """

    def __init__(self, hold_message: int | None = None) -> None:
        self.hold_message = hold_message
        self.delivered: list[tuple[list[str], bytes]] = []
        self.held_for: list[list[str]] = []
        self.held = threading.Event()
        self._count = 0
        self._lock = threading.Lock()
        self.server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _SMTPSession)
        self.server.daemon_threads = True
        self.server.mailbox = self  # type: ignore[attr-defined]
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def hold(self, recipients: list[str]) -> bool:
        with self._lock:
            self._count += 1
            if self._count != self.hold_message:
                return False
            self.held_for.append(list(recipients))
        self.held.set()
        return True

    def accept(self, recipients: list[str], message: bytes) -> None:
        with self._lock:
            self.delivered.append((list(recipients), message))

    def recipients(self) -> list[str]:
        """Every recipient of every delivered message, sorted (duplicates kept)."""
        with self._lock:
            return sorted(address for to, _message in self.delivered for address in to)
