"""Two-factor authentication for the Wagtail admin: a TOTP authenticator app (django-otp).

Who must have it: everyone who holds one of ``settings.OTP_REQUIRED_PERMISSIONS`` (by default
the permission to see camera pictures, which operators, Administrators and superusers all hold
— decided by the permission, however it was given, not by a group's name), members of the
groups in ``OTP_REQUIRED_GROUPS`` and, with ``OTP_REQUIRED_FOR_SUPERUSERS`` (default on),
superusers; every other member of staff may turn it on for themselves.

How it is enforced: django-otp's ``OTPMiddleware`` tells whether this session has given a code
(``request.user.is_verified()``, the device id kept in the session by ``django_otp.login``);
``TwoFactorMiddleware`` below then sends a signed-in user, on every admin view but a few,

* to the code page when they have a confirmed device and this session has not given a code;
* to the set-up page when they must have a device and have none.

Wrong codes are throttled by django-otp itself (each wrong code in a row doubles the wait).
The device's secret key is shown only while the device is being set up and never logged.
"""

from __future__ import annotations

import datetime
import logging
from base64 import b32encode
from dataclasses import dataclass
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _
from django_otp import device_classes, user_has_device
from django_otp.plugins.otp_totp.models import TOTPDevice

logger = logging.getLogger(__name__)

#: Admin views a signed-in user reaches before giving a code: signing in and out, the admin's
#: script catalogue and icons (the code page needs them), and the code page.
ALWAYS_OPEN = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_sprite",
        "two_factor_verify",
    }
)
#: Also open to a user without a confirmed device: setting one up.
OPEN_WITHOUT_DEVICE = frozenset({"two_factor_setup"})


def two_factor_required(user) -> bool:
    """Whether ``user`` may not use the admin without a confirmed device (and may not remove it)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser and settings.OTP_REQUIRED_FOR_SUPERUSERS:
        return True
    if any(user.has_perm(permission) for permission in settings.OTP_REQUIRED_PERMISSIONS):
        return True
    return user.groups.filter(name__in=settings.OTP_REQUIRED_GROUPS).exists()


def has_device(user) -> bool:
    """Whether ``user`` has a confirmed device (two-factor authentication is on)."""
    return user_has_device(user, confirmed=True)


def may_reset(acting_user, target) -> bool:
    """Whoever may edit user accounts may reset someone's device; a superuser's, only a
    superuser."""
    if not acting_user.has_perm("auth.change_user"):
        return False
    return acting_user.is_superuser or not target.is_superuser


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("pk").first()


def device_being_set_up(user) -> TOTPDevice:
    """The unconfirmed device ``user`` is setting up, made with a fresh key on first use.

    It is kept until confirmed so that reloading the page shows the same key the phone may
    already have scanned.
    """
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=_("Authenticator app"), confirmed=False)
    return device


@dataclass(frozen=True)
class CodeCheck:
    """The outcome of one code: accepted, wrong, or not tried because of earlier wrong codes."""

    accepted: bool
    locked_until: datetime.datetime | None = None


def check_code(device: TOTPDevice, code: str) -> CodeCheck:
    """Check ``code`` against ``device`` with django-otp's throttling and replay protection.

    The row is locked for the check, so two requests cannot both use one code nor both skip
    the wait after a wrong one. A wrong code is counted; a code sent while the wait after
    earlier wrong codes still runs is not checked at all (and does not lengthen the wait).
    """
    with transaction.atomic():
        locked = TOTPDevice.objects.select_for_update().get(pk=device.pk)
        allowed, detail = locked.verify_is_allowed()
        if not allowed:
            return CodeCheck(False, (detail or {}).get("locked_until"))
        if locked.verify_token(code):
            return CodeCheck(True)
        logger.info(
            "Wrong two-factor code for user id %s (%s in a row)",
            locked.user_id,
            locked.throttling_failure_count,
        )
        return CodeCheck(False)


def remove_devices(user) -> int:
    """Delete all of ``user``'s devices, confirmed or not; return how many there were.

    A session verified with a deleted device is no longer verified (OTPMiddleware drops it), so
    a user who must have a device is sent to set up a new one on their next admin request.
    """
    removed = 0
    for model in device_classes():
        removed += model.objects.filter(user=user).delete()[0]
    return removed


def secret_for_manual_entry(device: TOTPDevice) -> str:
    """The key as authenticator apps ask for it when typed: base32, in groups of four."""
    key = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def provisioning_qr_svg(device: TOTPDevice) -> SafeString:
    """The ``otpauth://`` URL of ``device`` as an inline SVG QR code.

    Inline, so neither the admin's Content-Security-Policy nor a cache ever sees the key as
    the address of an image. The SVG holds only paths made by the qrcode library.
    """
    image = qrcode.make(
        device.config_url,
        image_factory=qrcode.image.svg.SvgPathFillImage,
        box_size=14,
        border=4,
    )
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308 - generated, no input markup


def admin_root() -> str:
    return reverse("wagtailadmin_home")


def redirect_with_next(url_name: str, request: HttpRequest) -> HttpResponseRedirect:
    return HttpResponseRedirect(
        f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}"
    )


class TwoFactorMiddleware:
    """Ask for the code, or for setting up a device, before any other admin view.

    Must come after django-otp's ``OTPMiddleware``. Only paths under the admin are guarded;
    the public site does not change with a user's login.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not request.path_info.startswith(admin_root()):
            return None
        match = request.resolver_match
        name = match.url_name if match else None
        if name in ALWAYS_OPEN or user.is_verified():
            return None
        if has_device(user):
            return redirect_with_next("two_factor_verify", request)
        if name in OPEN_WITHOUT_DEVICE:
            return None
        if two_factor_required(user):
            return redirect_with_next("two_factor_setup", request)
        return None
