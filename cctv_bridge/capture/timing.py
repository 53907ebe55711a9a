"""A probe's hard deadline (``Budget``) and the one thread that cuts sockets past it."""

from __future__ import annotations

import contextlib
import heapq
import itertools
import socket
import threading
import time


class Budget:
    """The probe's hard deadline, on the monotonic clock."""

    __slots__ = ("end", "start")

    def __init__(self, seconds: float) -> None:
        self.start = time.monotonic()
        self.end = self.start + max(float(seconds), 0.0)

    def elapsed(self) -> float:
        return time.monotonic() - self.start

    def remaining(self) -> float:
        return max(self.end - time.monotonic(), 0.0)

    def cap(self, seconds: float) -> float:
        """``seconds``, but no later than the deadline."""
        return max(min(float(seconds), self.end - time.monotonic()), 0.0)

    @property
    def expired(self) -> bool:
        return time.monotonic() >= self.end


class Reaper:
    """One thread that cuts the sockets of probes past their deadline.

    Socket timeouts count per operation, so a server that drips a byte a second keeps a plain
    ``recv`` loop (and ``http.client``'s header parser) alive for ever. Shutting the socket down
    from here makes the blocked call return at once, whichever library is inside it. One thread
    for the whole process, not a timer per probe: a worker probes hundreds of cameras.
    """

    def __init__(self) -> None:
        self._heap: list[tuple[float, int, Watch]] = []
        self._counter = itertools.count()
        self._cond = threading.Condition()
        self._thread: threading.Thread | None = None

    def watch(self, deadline: float) -> Watch:
        entry = Watch(deadline)
        with self._cond:
            heapq.heappush(self._heap, (deadline, next(self._counter), entry))
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="cctv-reaper", daemon=True)
                self._thread.start()
            self._cond.notify()
        return entry

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._heap:
                    self._cond.wait()
                deadline, _n, entry = self._heap[0]
                delay = deadline - time.monotonic()
                if delay > 0:
                    self._cond.wait(delay)
                    continue
                heapq.heappop(self._heap)
            entry.expire()


class Watch:
    """The sockets of one probe; ``expire`` shuts them all down (once, idempotent)."""

    __slots__ = ("_lock", "_sockets", "deadline", "done", "expired")

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.expired = False
        self.done = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                _shutdown(sock)
            self._sockets.append(sock)

    def expire(self) -> None:
        with self._lock:
            if self.done:
                return
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)

    def close(self) -> None:
        """The probe is over: nothing more to cut. (Closed sockets are also safe to shut down:
        Python forgets the descriptor on close, so a reused fd is never touched.)"""
        with self._lock:
            self.done = True
            self._sockets.clear()


def _shutdown(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


reaper = Reaper()
