"""A fake mail server for the fault drills.

Everything else a drill runs (its own ``redis-server``, PostgreSQL cluster, gunicorn and
dramatiq worker on free loopback ports) comes from the shared harness, ``tests.harness``.
"""

from __future__ import annotations

import socketserver
import threading


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
