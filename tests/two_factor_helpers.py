"""Signing staff in past two-factor authentication, for tests about something else.

Operators (and whoever ``OTP_REQUIRED_GROUPS`` names) cannot open any admin view with a bare
``client.force_login``: the admin sends them to set up an authenticator app. ``verified_login``
gives the user a confirmed TOTP device and a session that has given a code, as after a real
sign-in.
"""

from __future__ import annotations

import time

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def confirmed_device_for(user) -> TOTPDevice:
    """The user's confirmed TOTP device, made if they have none."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="test phone", confirmed=True)


def verified_login(client, user) -> TOTPDevice:
    """``client.force_login(user)``, with a session verified by the user's (new) device."""
    device = confirmed_device_for(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device


def current_code(device: TOTPDevice) -> str:
    """The code the authenticator app would show now for ``device``, as the phone computes it
    from the key, moved one time step on if the current step's code was already used (the
    device refuses a code twice)."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    if totp.t() <= device.last_t:
        totp.drift += device.last_t + 1 - totp.t()
    return f"{totp.token():0{device.digits}d}"
