"""Waiting for something that happens elsewhere: another thread, process or server."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable


def wait_until(
    predicate: Callable[[], object], timeout: float, what: str, interval: float = 0.05
) -> None:
    """Poll ``predicate`` until it is true; fail, naming ``what``, after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"{what}: not within {timeout:g} s")
        time.sleep(interval)


def port_open(port: int, timeout: float | None = None) -> bool:
    """Whether something accepts connections on ``127.0.0.1:port``."""
    with socket.socket() as s:
        s.settimeout(timeout)
        return s.connect_ex(("127.0.0.1", port)) == 0
