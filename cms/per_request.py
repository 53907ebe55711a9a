"""Values computed at most once per request (several template tags ask the same question).

A memo lives from Django's ``request_started`` signal to ``request_finished``; outside a
request (a management command, a background job) nothing is remembered, so a long-running
process never keeps a stale answer. ``forget`` drops a key when the answer changes during the
request that changed it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TypeVar

from django.core.signals import request_finished, request_started

T = TypeVar("T")
_memo: ContextVar[dict | None] = ContextVar("cms_per_request_memo", default=None)


def _start(**kwargs) -> None:
    _memo.set({})


def _finish(**kwargs) -> None:
    _memo.set(None)


request_started.connect(_start, dispatch_uid="cms.per_request.start")
request_finished.connect(_finish, dispatch_uid="cms.per_request.finish")


def once_per_request(key: Hashable, compute: Callable[[], T]) -> T:
    """``compute()``, or what it returned earlier in this request."""
    memo = _memo.get()
    if memo is None:
        return compute()
    try:
        return memo[key]
    except KeyError:
        value = memo[key] = compute()
        return value


def forget(key: Hashable) -> None:
    memo = _memo.get()
    if memo is not None:
        memo.pop(key, None)
