"""Two-factor authentication in the admin: operators must set up an authenticator app before
anything else, other staff may; after the password a user with an app gives a code; wrong codes
are refused and throttled; an administrator resets a lost phone; the key is never shown again."""

from __future__ import annotations

import datetime
import io
import logging
import re
from base64 import b32decode, b32encode

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from tests.two_factor_helpers import confirmed_device_for, current_code, verified_login

pytestmark = pytest.mark.django_db

OPERATORS = "Situational centre operators"
PASSWORD = "right-pass-1"
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"
OVERVIEW = "/admin/two-factor/"


def staff(username: str, *groups: str, superuser: bool = False):
    """A member of staff in ``groups`` who reads the admin in English."""
    User = get_user_model()
    make = User.objects.create_superuser if superuser else User.objects.create_user
    user = make(username, f"{username}@example.org", PASSWORD)
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def refused(response) -> bool:
    """Wagtail answers a PermissionDenied in the admin with a redirect to the dashboard."""
    return response.status_code == 403 or response.get("Location") == "/admin/"


def text(response) -> str:
    return response.content.decode()


def key_on_the_page(html: str) -> bytes:
    """The key as a person would copy it from the set-up page into the app."""
    typed = re.search(r"<code>([A-Z2-7 ]+)</code>", html).group(1).replace(" ", "")
    return b32decode(typed + "=" * (-len(typed) % 8))


def device_secret(device: TOTPDevice) -> str:
    return b32encode(device.bin_key).decode().rstrip("=")


def code_for(key: bytes) -> str:
    return f"{totp(key):06d}"


def wrong_code_for(key: bytes) -> str:
    """A well-formed code that no time step around now accepts."""
    accepted = {f"{totp(key, drift=d):06d}" for d in (-2, -1, 0, 1, 2)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in accepted)


def password_login(client: Client, user) -> None:
    """A real sign-in through the admin's form (django-axes wants the address)."""
    response = client.post(
        "/admin/login/",
        {"username": user.username, "password": PASSWORD, "next": "/admin/"},
        REMOTE_ADDR="10.0.0.1",
    )
    assert response.status_code == 302, text(response)[:500]


def test_an_operator_without_an_app_can_only_set_one_up(client, demo):
    client.force_login(staff("duty-volunteer", OPERATORS))
    for url in ("/admin/", "/admin/cctv/", "/admin/cctv/coverage/", "/admin/pages/", OVERVIEW):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(SETUP + "?next="), url
    page = client.get(SETUP)
    html = text(page)
    assert page.status_code == 200
    assert "<svg" in html and "must use two-factor authentication" in html
    assert "/admin/cctv/" not in html  # no menu to views that would send them back
    # The public site does not change.
    assert client.get("/").status_code == 200


def test_an_operator_sets_up_the_app_with_a_code_from_the_key_on_the_page(client, demo, caplog):
    caplog.set_level(logging.DEBUG)
    user = staff("duty-volunteer", OPERATORS)
    client.force_login(user)
    key = key_on_the_page(text(client.get(SETUP + "?next=/admin/cctv/")))
    assert client.get(SETUP).content.count(b"<code>") == 1  # a reload shows the same key
    assert key_on_the_page(text(client.get(SETUP))) == key

    response = client.post(SETUP, {"code": code_for(key), "next": "/admin/cctv/"})

    assert response.status_code == 302 and response["Location"] == "/admin/cctv/"
    device = TOTPDevice.objects.get(user=user)
    assert device.confirmed and device.bin_key == key
    assert client.get("/admin/cctv/").status_code == 200
    # From now on, the key is never shown again, nor written to the log.
    typed = re.sub(r"(.{4})", r"\1 ", device_secret(device)).strip()
    for url in (SETUP, OVERVIEW, "/admin/", "/admin/cctv/", "/admin/account/"):
        response = client.get(url, follow=True)
        assert response.status_code == 200, url
        body = text(response)
        for secret in (device.key, device_secret(device), typed, "otpauth://"):
            assert secret not in body, (url, secret)
    assert device.key not in caplog.text and device_secret(device) not in caplog.text


def test_a_wrong_code_is_refused_and_changes_nothing(client, demo):
    user = staff("duty-volunteer", OPERATORS)
    client.force_login(user)
    key = key_on_the_page(text(client.get(SETUP)))

    response = client.post(SETUP, {"code": wrong_code_for(key)})

    assert response.status_code == 200
    assert "This code is not right" in text(response)
    assert key_on_the_page(text(response)) == key  # same key, still to be confirmed
    assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert client.get("/admin/cctv/")["Location"].startswith(SETUP)
    # Not six digits: a clear error, and no try counted.
    response = client.post(SETUP, {"code": "12345"})
    assert "Enter the 6-digit code" in text(response)
    assert TOTPDevice.objects.get(user=user).throttling_failure_count == 1


def test_after_setting_up_a_new_sign_in_asks_for_the_code(demo):
    user = staff("duty-volunteer", OPERATORS)
    device = confirmed_device_for(user)
    browser = Client()
    password_login(browser, user)

    for url in ("/admin/", "/admin/cctv/"):
        response = browser.get(url)
        assert response["Location"] == f"{VERIFY}?next={url.replace('/', '%2F')}"
    page = browser.get(VERIFY + "?next=/admin/cctv/")
    assert page.status_code == 200 and 'autocomplete="one-time-code"' in text(page)
    code = current_code(device)
    response = browser.post(VERIFY, {"code": code, "next": "/admin/cctv/"})
    assert response.status_code == 302 and response["Location"] == "/admin/cctv/"
    assert browser.get("/admin/cctv/").status_code == 200

    # The same code cannot open a second session.
    other = Client()
    password_login(other, user)
    response = other.post(VERIFY, {"code": code, "next": "/admin/"})
    assert response.status_code == 200 and "This code is not right" in text(response)
    assert other.get("/admin/").status_code == 302


def test_the_code_page_only_sends_back_to_this_site(demo):
    user = staff("editor-1", "Editors")
    device = confirmed_device_for(user)
    browser = Client()
    password_login(browser, user)
    response = browser.post(
        VERIFY, {"code": current_code(device), "next": "https://attacker.example/admin/"}
    )
    assert response.status_code == 302 and response["Location"] == "/admin/"


def test_an_editor_without_an_app_uses_the_admin_and_may_turn_it_on_and_off(client, demo):
    user = staff("editor-1", "Editors")
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
    overview = text(client.get(OVERVIEW))
    assert "Two-factor authentication is off." in overview and SETUP in overview
    assert "/admin/two-factor/" in text(client.get("/admin/account/"))  # from the account page

    setup = client.get(SETUP)
    assert "must use two-factor authentication" not in text(setup)
    key = key_on_the_page(text(setup))
    response = client.post(SETUP, {"code": code_for(key)})
    assert response.status_code == 302 and response["Location"] == OVERVIEW
    assert "Two-factor authentication is on." in text(client.get(OVERVIEW))

    fresh = Client()
    fresh.force_login(user)
    assert fresh.get("/admin/")["Location"].startswith(VERIFY)

    # Turning it off takes a current code; a wrong one changes nothing.
    device = TOTPDevice.objects.get(user=user)
    response = client.post("/admin/two-factor/disable/", {"code": wrong_code_for(key)})
    assert response.status_code == 200 and "This code is not right" in text(response)
    assert TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=None)
    response = client.post("/admin/two-factor/disable/", {"code": current_code(device)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert fresh.get("/admin/").status_code == 200


def test_an_operator_cannot_turn_it_off(client, demo):
    user = staff("duty-volunteer", OPERATORS)
    device = verified_login(client, user)
    overview = text(client.get(OVERVIEW))
    assert "cannot be turned off" in overview and "/admin/two-factor/disable/" not in overview

    response = client.post(
        "/admin/two-factor/disable/", {"code": current_code(device)}, follow=True
    )

    assert "cannot be turned off" in text(response)
    assert TOTPDevice.objects.filter(pk=device.pk, confirmed=True).exists()
    assert client.get("/admin/cctv/").status_code == 200


def test_an_administrator_resets_a_lost_phone(demo):
    operator = staff("duty-volunteer", OPERATORS)
    phone = Client()
    verified_login(phone, operator)
    assert phone.get("/admin/cctv/").status_code == 200
    reset_url = f"/admin/two-factor/reset/{operator.pk}/"

    editor = Client()
    editor.force_login(staff("editor-1", "Editors"))
    assert refused(editor.post(reset_url))
    assert TOTPDevice.objects.filter(user=operator).exists()

    admin = Client()
    verified_login(admin, staff("office-admin", "Administrators"))  # they must use it too
    assert reset_url in text(admin.get("/admin/users/"))
    assert "duty-volunteer" in text(admin.get(reset_url))
    response = admin.post(reset_url)
    assert response.status_code == 302 and response["Location"] == "/admin/users/"

    assert not TOTPDevice.objects.filter(user=operator).exists()
    history = text(admin.get("/admin/reports/site-history/"))
    assert "Two-factor authentication reset by an administrator" in history
    # The operator's open session is no longer trusted: set up a new app first.
    assert phone.get("/admin/cctv/")["Location"].startswith(SETUP)


def test_only_a_superuser_resets_a_superuser(demo):
    root = staff("root", superuser=True)
    confirmed_device_for(root)
    admin = Client()
    verified_login(admin, staff("office-admin", "Administrators"))  # they must use it too
    assert refused(admin.post(f"/admin/two-factor/reset/{root.pk}/"))
    assert TOTPDevice.objects.filter(user=root).exists()


def test_wrong_codes_make_the_next_try_wait(demo):
    user = staff("duty-volunteer", OPERATORS)
    device = confirmed_device_for(user)
    browser = Client()
    browser.force_login(user)
    wrong = wrong_code_for(device.bin_key)

    assert "This code is not right" in text(browser.post(VERIFY, {"code": wrong}))
    # Straight after a wrong code even the right one is not checked.
    response = browser.post(VERIFY, {"code": current_code(device)})
    assert response.status_code == 200 and "Too many wrong codes" in text(response)
    assert browser.get("/admin/")["Location"].startswith(VERIFY)
    device.refresh_from_db()
    assert device.throttling_failure_count == 1  # the refused try did not count

    # Six wrong codes in a row: 32 seconds to wait, and the page says until when.
    failed_at = timezone.now()
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=6, throttling_failure_timestamp=failed_at
    )
    response = browser.post(VERIFY, {"code": current_code(device)})
    until = timezone.localtime(failed_at + datetime.timedelta(seconds=32)).strftime("%H:%M:%S")
    assert f"You can try again at {until}" in text(response)

    # Once the wait is over the right code gets in and the count starts again.
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_timestamp=failed_at - datetime.timedelta(minutes=5)
    )
    assert browser.post(VERIFY, {"code": current_code(device)}).status_code == 302
    device.refresh_from_db()
    assert device.throttling_failure_count == 0
    assert browser.get("/admin/").status_code == 200


def granted_snapshots():
    """Not an operator, but given the permission to see camera pictures directly."""
    from django.contrib.auth.models import Permission

    user = staff("night-watch", "Editors")
    user.user_permissions.add(Permission.objects.get(codename="operate_camera"))
    return user


@pytest.mark.parametrize(
    "make",
    [
        lambda: staff("office-admin", "Administrators"),
        lambda: staff("root", superuser=True),
        granted_snapshots,
    ],
    ids=["administrator", "superuser", "snapshot-permission"],
)
def test_by_default_everyone_who_can_see_snapshots_must_set_up_the_app(client, demo, make):
    client.force_login(make())
    assert client.get("/admin/")["Location"].startswith(SETUP)
    assert client.get("/admin/cctv/")["Location"].startswith(SETUP)


@pytest.mark.parametrize("username", ["office-admin", "root"])
def test_the_required_permissions_groups_and_superusers_are_settings(
    client, demo, settings, username
):
    user = (
        staff("office-admin", "Administrators")
        if username == "office-admin"
        else staff("root", superuser=True)
    )
    client.force_login(user)
    settings.OTP_REQUIRED_PERMISSIONS = []
    settings.OTP_REQUIRED_GROUPS = [OPERATORS, "Administrators"]
    settings.OTP_REQUIRED_FOR_SUPERUSERS = True
    assert client.get("/admin/")["Location"].startswith(SETUP)
    settings.OTP_REQUIRED_GROUPS = [OPERATORS]
    settings.OTP_REQUIRED_FOR_SUPERUSERS = False
    assert client.get("/admin/").status_code == 200


def test_the_reset_command_removes_the_app(demo):
    user = staff("duty-volunteer", OPERATORS)
    confirmed_device_for(user)
    output = io.StringIO()
    call_command("reset_two_factor", "duty-volunteer", stdout=output)
    assert not TOTPDevice.objects.filter(user=user).exists()
    assert "duty-volunteer" in output.getvalue()  # said in the site's language
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody")


def test_the_demo_administrator_comes_with_an_app_and_can_sign_in(demo, settings):
    """`make run` prints the password and the app's key; `--code` gives the code to type."""
    settings.DEBUG = True
    output = io.StringIO()
    call_command("create_demo_admin", stdout=output)
    admin = get_user_model().objects.get(username="admin")
    device = TOTPDevice.objects.get(user=admin, confirmed=True)
    assert device_secret(device) in output.getvalue().replace(" ", "")
    call_command("create_demo_admin", stdout=io.StringIO())  # a second run changes nothing
    assert TOTPDevice.objects.filter(user=admin).count() == 1

    browser = Client()
    response = browser.post(
        "/admin/login/",
        {"username": "admin", "password": "safe-community-demo", "next": "/admin/"},
        REMOTE_ADDR="127.0.0.1",
    )
    assert response.status_code == 302
    assert browser.get("/admin/")["Location"].startswith(VERIFY)
    code = io.StringIO()
    call_command("create_demo_admin", "--code", stdout=code)
    assert browser.post(VERIFY, {"code": code.getvalue().strip()}).status_code == 302
    assert browser.get("/admin/").status_code == 200
