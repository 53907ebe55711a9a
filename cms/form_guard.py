"""Residents' forms without CAPTCHAs: a signed form token, a trap field and rate limits.

Shared by the contact page, the proposal form and the follow forms.

* **Form token.** Each rendering of a form carries a token signed on the server
  (``TimestampSigner``, bound to the form's purpose). A submission without a valid one is
  refused, so a robot can neither post blindly nor forge an old timestamp as it could with the
  former unsigned honeypot time. There is no minimum time: a person whose browser fills the
  form in and who taps at once is accepted. The token lives ``FORM_TOKEN_SECONDS`` (a day by
  default): the follow forms sit in pages kept by the page cache for up to
  ``PAGE_CACHE_SECONDS`` (ten minutes), and a resident may leave such a page open for hours
  before sending it.
* **Trap field.** A text field hidden from people and screen readers; robots fill it.
* **Rate limits.** Fixed-window counters in Django's cache (``cache.add`` + ``cache.incr``,
  atomic on Redis and on the local-memory cache alike), keyed per client address and per
  recipient address. Keys are keyed hashes, so no address is stored in the cache in clear.

A refused submission is told so, with the form as it was typed (nothing lost): 400 for a token
or trap problem, 429 for a limit.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest, QueryDict
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext

TOKEN_FIELD = "form_token"  # noqa: S105 (a field name)
#: The name (and data attribute) the site's stylesheet hides; robots fill it in.
TRAP_FIELD = "whf_name"
_SALT = "cms.form_guard"


@dataclass(frozen=True)
class Refusal:
    """Why a submission was not accepted, for the person who sent it."""

    status: int
    message: str
    #: For a limit: when to try again, in seconds (the ``Retry-After`` header of the 429).
    retry_after: int | None = None

    @property
    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)} if self.retry_after else {}


@dataclass(frozen=True)
class Limit:
    """At most ``count`` submissions per ``seconds`` for one ``key`` within ``scope``."""

    scope: str
    key: str
    count: int
    seconds: int
    message: str


def form_token(purpose: str) -> str:
    """A token for one form (``purpose``: "contact", "proposal", "follow"…), signed now."""
    return signing.TimestampSigner(salt=_SALT).sign(purpose)


def token_max_age() -> int:
    return settings.FORM_TOKEN_SECONDS


def check_form(data: QueryDict, purpose: str) -> Refusal | None:
    """``None`` when the submission carries a valid, unexpired token and an empty trap."""
    if data.get(TRAP_FIELD):
        return Refusal(400, gettext("This form could not be sent. Please try again."))
    try:
        signed_purpose = signing.TimestampSigner(salt=_SALT).unsign(
            data.get(TOKEN_FIELD, ""), max_age=token_max_age()
        )
    except signing.SignatureExpired:
        return Refusal(
            400,
            gettext(
                "The form was open too long and has expired. What you typed is kept below: "
                "please send it again."
            ),
        )
    except signing.BadSignature:
        signed_purpose = None
    if signed_purpose != purpose:
        return Refusal(
            400,
            gettext(
                "The form could not be checked. What you typed is kept below: please send it again."
            ),
        )
    return None


def client_address(request: HttpRequest) -> str:
    """The visitor's address (``REMOTE_ADDR`` is set from the trusted proxy's header)."""
    return request.META.get("REMOTE_ADDR") or "unknown"


def per_client(request: HttpRequest, scope: str, count: int, seconds: int = 3600) -> Limit:
    return Limit(
        scope=f"{scope}:client",
        key=client_address(request),
        count=count,
        seconds=seconds,
        message=gettext(
            "Too many forms have been sent from your connection. Please try again in an hour; "
            "what you typed is kept below."
        ),
    )


def per_recipient(scope: str, email: str, count: int, seconds: int = 3600) -> Limit:
    return Limit(
        scope=f"{scope}:recipient",
        key=email.strip().lower(),
        count=count,
        seconds=seconds,
        message=gettext(
            "Too many forms have been sent with this e-mail address. Please try again in an "
            "hour; what you typed is kept below."
        ),
    )


def cache_key(scope: str, key: str) -> str:
    digest = salted_hmac(_SALT, f"{scope}\n{key}", algorithm="sha256").hexdigest()
    return f"form-guard:{scope}:{digest}"


def take(limit: Limit) -> bool:
    """Count one submission against ``limit``; ``False`` when it is over the limit."""
    key = cache_key(limit.scope, limit.key)
    if cache.add(key, 1, timeout=limit.seconds):
        return True
    try:
        used = cache.incr(key)
    except ValueError:  # the window ended between add() and incr()
        cache.add(key, 1, timeout=limit.seconds)
        return True
    return used <= limit.count


def check_limits(*limits: Limit) -> Refusal | None:
    """Count the submission against every limit; the first one exceeded refuses it (429)."""
    for limit in limits:
        if not take(limit):
            return Refusal(429, limit.message, retry_after=limit.seconds)
    return None


def claim_once(scope: str, key: str, seconds: int) -> bool:
    """``True`` for the first claim of ``key`` within ``seconds``, ``False`` while it holds."""
    return cache.add(cache_key(scope, key.strip().lower()), 1, timeout=seconds)


def release(scope: str, key: str) -> None:
    cache.delete(cache_key(scope, key.strip().lower()))
