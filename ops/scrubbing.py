"""The log-scrubbing mechanism: a filter base class and the scrubbers the apps add.

An app whose values must never reach a log line (camera stream URLs, say) writes a function
``text -> text`` that hides them, and

* puts a :class:`ScrubbingLogFilter` subclass that applies it on the handlers in ``LOGGING``,
  so every record is cleaned before any formatter sees it, and
* registers it with :func:`register_scrubber` (from its ``ops_hooks``), so ``ops.logs``
  applies it too wherever it cleans text itself: the JSON formatter formats tracebacks afresh
  from ``exc_info``, past the filters' cleaned ``exc_text``.

Imported while logging is configured, before Django's app registry exists: no models here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

Scrubber = Callable[[str], str]

_scrubbers: list[Scrubber] = []


def register_scrubber(scrubber: Scrubber) -> Scrubber:
    """Have ``ops.logs`` apply ``scrubber`` before its own (usable as a decorator)."""
    if scrubber not in _scrubbers:
        _scrubbers.append(scrubber)
    return scrubber


def scrub_registered(text: str) -> str:
    """``text`` through every registered scrubber, in registration order."""
    for scrubber in _scrubbers:
        text = scrubber(text)
    return text


class ScrubbingLogFilter(logging.Filter):
    """Rewrite a log record's text with ``scrub_text`` before any handler formats it.

    Install it on the *handlers* (``LOGGING["handlers"][…]["filters"]``): a filter on a logger
    does not see records propagated from child loggers. It rewrites the message (with its
    arguments merged in) and pre-formats the traceback into ``exc_text`` so formatters use the
    scrubbed text. Never drops a record.
    """

    def scrub_text(self, text: str) -> str:
        raise NotImplementedError

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string: leave the record to logging's own handling
            return True
        cleaned = self.scrub_text(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.scrub_text(record.exc_text)
        if record.stack_info:
            record.stack_info = self.scrub_text(record.stack_info)
        return True
