"""Server processes on free loopback ports: start, wait until they serve, stop, keep the log.

Each process runs in a process group of its own (``start_new_session``), so stopping it ends
its children too (gunicorn's workers, rundramatiq's worker process). Its output goes to the
log the caller chose: a path (appended to, and quoted when the process dies before it
serves), an open file, ``subprocess.DEVNULL``, or ``None`` for the caller's own output.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import IO

from tests.harness.waiting import port_open, wait_until

ROOT = Path(__file__).resolve().parents[2]

#: Where a server's output goes: a file to append to, an open file, ``subprocess.DEVNULL``,
#: or None (inherited).
Log = Path | IO | int | None


class ServerExited(RuntimeError):
    """The server process ended while it was expected to come up or keep serving."""


def free_port() -> int:
    """A TCP port nothing listens on at the moment, on loopback."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_status(url: str, timeout: float = 5, headers: Mapping[str, str] | None = None) -> int:
    """The status of a GET (redirects followed); 0 while nothing answers."""
    request = urllib.request.Request(url, headers=dict(headers or {}))
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return 0


def child_pids(pid: int) -> list[int]:
    """The direct children of a process (gunicorn's workers, for its master), sorted."""
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return sorted(int(child) for child in text.split())


def kill_group(proc: subprocess.Popen, sig: int = signal.SIGKILL) -> None:
    """Signal the process group of ``proc`` (started with ``start_new_session``) and reap it."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):  # exited meanwhile
            os.killpg(proc.pid, sig)
    proc.wait(timeout=30)


def stop_group(proc: subprocess.Popen, timeout: float = 20) -> None:
    """SIGTERM, then SIGKILL if the group has not exited within ``timeout`` seconds."""
    if proc.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        kill_group(proc)


def tail(log: Path, lines: int = 40) -> str:
    """The last ``lines`` lines of a log file."""
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


class ServerProcess:
    """A command run from the repository root in a process group of its own."""

    name = "the server"

    def __init__(
        self,
        command: Sequence[str],
        env: Mapping[str, str],
        log: Log = subprocess.DEVNULL,
        port: int | None = None,
    ) -> None:
        self.command = [str(part) for part in command]
        self.env = dict(env)
        self.log = log
        self.port = port
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> ServerProcess:
        output = self.log.open("ab") if isinstance(self.log, Path) else self.log
        try:
            self.proc = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.env,
                stdout=output,
                stderr=None if output is None else subprocess.STDOUT,
                start_new_session=True,
            )
        finally:
            if isinstance(self.log, Path):
                output.close()  # the child holds its own descriptor
        return self

    def status(self, path: str = "/", timeout: float = 5) -> int:
        """The status of a GET of ``path``; 0 while the server does not answer."""
        return http_status(self.url + path, timeout)

    def with_log(self, message: str) -> str:
        """``message`` followed by the end of the log, when the log is a file."""
        if isinstance(self.log, Path) and self.log.exists():
            return f"{message}:\n{tail(self.log)}"
        return message

    def check_running(self) -> None:
        """Raise :class:`ServerExited`, with the end of its log, if the process has ended."""
        if self.proc is not None and self.proc.poll() is not None:
            raise ServerExited(self.with_log(f"{self.name} exited ({self.proc.returncode})"))

    def wait_serving(
        self, ready: Callable[[], object], timeout: float, what: str, interval: float = 0.05
    ) -> None:
        """Wait until ``ready()`` holds, failing at once if the process exits meanwhile; the
        failure quotes the end of the log."""

        def running_and_ready() -> object:
            self.check_running()
            return ready()

        try:
            wait_until(running_and_ready, timeout, what, interval)
        except AssertionError as error:
            raise AssertionError(self.with_log(str(error))) from None

    def worker_pids(self) -> list[int]:
        return child_pids(self.proc.pid)

    def kill(self) -> None:
        """SIGKILL the whole group at once, as the OOM killer or a lost host would."""
        kill_group(self.proc)

    def stop(self, timeout: float = 20) -> None:
        """SIGTERM the group; SIGKILL it if it has not exited within ``timeout`` seconds."""
        if self.proc is not None:
            stop_group(self.proc, timeout)


class Gunicorn(ServerProcess):
    """The site (or another WSGI ``app``) under gunicorn on a free loopback port.

    ``config`` adds the project's ``config/gunicorn.py``; ``options`` are further command-line
    options (they win over ``GUNICORN_CMD_ARGS`` in ``env``).
    """

    name = "gunicorn"

    def __init__(
        self,
        env: Mapping[str, str],
        log: Log = subprocess.DEVNULL,
        *,
        workers: int = 2,
        app: str = "config.wsgi:application",
        config: bool = False,
        options: Sequence[str] = (),
        port: int | None = None,
    ) -> None:
        port = port or free_port()
        command = [
            *(sys.executable, "-m", "gunicorn"),
            *(["--config=config/gunicorn.py"] if config else []),
            *(f"--bind=127.0.0.1:{port}", f"--workers={workers}", *options, app),
        ]
        super().__init__(command, env, log, port)
        self.workers = workers

    def start(self, timeout: float = 30) -> Gunicorn:
        """Start, and wait until it listens and every worker has booted."""
        super().start()
        self.wait_serving(lambda: port_open(self.port), timeout, "gunicorn listening")
        self.wait_serving(
            lambda: len(self.worker_pids()) == self.workers, timeout, "gunicorn's workers started"
        )
        return self


class Runembedded(ServerProcess):
    """``manage.py runembedded`` (the site with its in-process worker and scheduler)."""

    name = "The server"

    def __init__(self, env: Mapping[str, str], log: Log, port: int | None = None) -> None:
        port = port or free_port()
        command = [sys.executable, ROOT / "manage.py", "runembedded", "--noreload"]
        super().__init__([*command, f"127.0.0.1:{port}"], env, log, port)


class DramatiqWorker(ServerProcess):
    """``manage.py rundramatiq`` with one process and one thread (all queues if none given)."""

    name = "rundramatiq"

    def __init__(
        self, env: Mapping[str, str], log: Log, queues: Sequence[str] = ("default",)
    ) -> None:
        command = [sys.executable, "manage.py", "rundramatiq", "--processes", "1"]
        command += ["--threads", "1", *(["--queues", *queues] if queues else [])]
        super().__init__(command, env, log)
