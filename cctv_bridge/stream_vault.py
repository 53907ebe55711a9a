"""Stream URLs encrypted at rest, so that a database dump alone does not reveal a camera's
password.

The key lives outside the database: ``CCTV_STREAM_KEYS`` (comma-separated Fernet keys, newest
first, so an old key can still decrypt while rows are re-encrypted), or — when unset, for the
embedded demo — a key derived from ``SECRET_KEY``. Production settings require the variable.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


class StreamKeyError(Exception):
    """The stored URL cannot be decrypted with the configured keys (the keys were changed)."""


def _fernet() -> MultiFernet:
    """The configured keys (the first encrypts), then the key derived from SECRET_KEY, which
    encrypts only when no key is configured and otherwise still opens URLs stored before the
    keys were set, until ``manage.py rotate_stream_keys`` re-encrypts them."""
    keys = [key.strip() for key in settings.CCTV_STREAM_KEYS if key.strip()]
    derived = hashlib.sha256(b"cctv_bridge.stream_vault\0" + settings.SECRET_KEY.encode())
    keys.append(base64.urlsafe_b64encode(derived.digest()).decode())
    return MultiFernet([Fernet(key) for key in keys])


def seal(url: str) -> str:
    return _fernet().encrypt(url.encode()).decode()


def unseal(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode()).decode()
    except InvalidToken:
        raise StreamKeyError("the stream URL cannot be decrypted with CCTV_STREAM_KEYS") from None


def reseal(token: str) -> str:
    """The token re-encrypted with the newest key (for key rotation)."""
    try:
        return _fernet().rotate(token.encode()).decode()
    except InvalidToken:
        raise StreamKeyError("the stream URL cannot be decrypted with CCTV_STREAM_KEYS") from None
