"""A Unicode-aware ``LIKE`` for SQLite, the embedded database.

SQLite's built-in ``LIKE`` folds only ASCII letters, and Django runs every ``icontains``,
``iexact``, ``istartswith``… lookup on SQLite through it, so an admin search for "тар" did not
find "Тарас" while "Тар" did. SQLite lets a connection replace ``LIKE`` with a function of
its own (https://sqlite.org/lang_corefunc.html#like); this one compares case-folded text, as
PostgreSQL's ``UPPER() LIKE UPPER()`` does for Django's case-insensitive lookups.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.db.backends.signals import connection_created


@lru_cache(maxsize=256)
def like_pattern(pattern: str, escape: str | None) -> re.Pattern:
    """The regular expression for a ``LIKE`` pattern: ``%`` any run, ``_`` one character."""
    parts = []
    characters = iter(pattern)
    for character in characters:
        if escape is not None and character == escape:
            parts.append(re.escape(next(characters, "").casefold()))
        elif character == "%":
            parts.append(".*")
        elif character == "_":
            parts.append(".")
        else:
            parts.append(re.escape(character.casefold()))
    return re.compile("".join(parts), re.DOTALL)


def unicode_like(pattern: object, value: object, escape: str | None = None) -> bool | None:
    """SQLite calls ``like(pattern, value[, escape])`` for ``value LIKE pattern``."""
    if pattern is None or value is None:
        return None
    return like_pattern(str(pattern), escape).fullmatch(str(value).casefold()) is not None


def install_unicode_like(sender, connection, **kwargs) -> None:
    if connection.vendor != "sqlite":
        return
    raw = connection.connection
    raw.create_function("like", 2, unicode_like, deterministic=True)
    raw.create_function("like", 3, unicode_like, deterministic=True)


def connect() -> None:
    """Install the function on every new SQLite connection (called from ``ready()``)."""
    connection_created.connect(install_unicode_like, dispatch_uid="sqlite-unicode-like")
