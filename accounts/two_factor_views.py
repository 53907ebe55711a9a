"""Admin views of two-factor authentication, under ``/admin/two-factor/``.

* ``verify/`` — the code after the password (login-page layout, no menu);
* ``""`` — the user's own status, with turning it off (refused where it is required);
* ``setup/`` — QR code, the key to type, and a code to confirm;
* ``reset/<user id>/`` — an administrator removes someone's device (a lost phone).

See accounts/two_factor.py for who must use it and how the admin enforces it.
"""

from __future__ import annotations

import logging
import re

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.debug import sensitive_post_parameters, sensitive_variables
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from wagtail.log_actions import log

from accounts.two_factor import (
    CodeCheck,
    check_code,
    confirmed_device,
    device_being_set_up,
    has_device,
    may_reset,
    provisioning_qr_svg,
    remove_devices,
    secret_for_manual_entry,
    two_factor_required,
)

logger = logging.getLogger(__name__)

#: Wagtail log actions (site history) for turning two-factor authentication on and off.
ACTION_ON = "two_factor.on"
ACTION_OFF = "two_factor.off"
ACTION_RESET = "two_factor.reset"


class CodeForm(forms.Form):
    """One code from the authenticator app; spaces (as some apps show it: "123 456") allowed."""

    code = forms.CharField(
        label=gettext_lazy("Code from the authenticator app"),
        max_length=16,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "numeric",
                "autofocus": True,
                "size": 8,
            }
        ),
    )

    def clean_code(self) -> str:
        code = re.sub(r"\s+", "", self.cleaned_data["code"])
        if not re.fullmatch(r"\d{6}", code):
            raise forms.ValidationError(
                _("Enter the 6-digit code that your authenticator app shows.")
            )
        return code


def explain_refusal(form: CodeForm, outcome: CodeCheck) -> None:
    if outcome.locked_until is not None:
        form.add_error(
            "code",
            _("Too many wrong codes. You can try again at %(time)s.")
            % {"time": format_date(timezone.localtime(outcome.locked_until), "H:i:s")},
        )
    else:
        form.add_error(
            "code",
            _(
                "This code is not right. Check that the time on your phone is correct, wait "
                "for the next code and try again."
            ),
        )


def safe_next(request: HttpRequest, default: str) -> str:
    """The ``next`` address from the form or query string, if it stays on this site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def admin_home() -> str:
    return reverse("wagtailadmin_home")


def overview_url() -> str:
    return reverse("two_factor")


def sign_in_with(request: HttpRequest, device) -> None:
    """Mark this session verified by ``device``, under a new session key: the verified session
    is worth more than the one a password alone opened."""
    request.session.cycle_key()
    otp_login(request, device)


@sensitive_post_parameters("code")
def verify(request: HttpRequest) -> HttpResponse:
    """The code after the password, for a user with a confirmed device."""
    device = confirmed_device(request.user)
    next_url = safe_next(request, admin_home())
    if device is None or request.user.is_verified():
        return redirect(next_url)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = check_code(device, form.cleaned_data["code"])
        if outcome.accepted:
            sign_in_with(request, device)
            return redirect(next_url)
        explain_refusal(form, outcome)
    return TemplateResponse(request, "two_factor/verify.html", {"form": form, "next": next_url})


def overview(request: HttpRequest) -> HttpResponse:
    """The user's own two-factor status, with the way to turn it on or off."""
    return render_overview(request, CodeForm())


def render_overview(request: HttpRequest, form: CodeForm) -> TemplateResponse:
    return TemplateResponse(
        request,
        "two_factor/overview.html",
        {
            "device": confirmed_device(request.user),
            "required": two_factor_required(request.user),
            "form": form,
        },
    )


@sensitive_post_parameters("code")
@sensitive_variables("device")
def setup(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app: scan (or type) the key, confirm with one code.

    The key is shown only here, only while the device is unconfirmed.
    """
    if has_device(request.user):
        messages.info(request, _("Two-factor authentication is already on for your account."))
        return redirect(overview_url())
    device = device_being_set_up(request.user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        outcome = check_code(device, form.cleaned_data["code"])
        if outcome.accepted:
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            sign_in_with(request, device)
            log(instance=request.user, action=ACTION_ON, user=request.user)
            logger.info("Two-factor authentication turned on for user id %s", request.user.pk)
            messages.success(
                request,
                _(
                    "Two-factor authentication is on. From now on, signing in to the admin asks "
                    "for a code from your authenticator app."
                ),
            )
            return redirect(safe_next(request, overview_url()))
        explain_refusal(form, outcome)
    return TemplateResponse(
        request,
        "two_factor/setup.html",
        {
            "form": form,
            "qr_code": provisioning_qr_svg(device),
            "secret": secret_for_manual_entry(device),
            "required": two_factor_required(request.user),
            "next": safe_next(request, ""),
        },
    )


@require_POST
@sensitive_post_parameters("code")
def disable(request: HttpRequest) -> HttpResponse:
    """Turn two-factor authentication off, with a current code; refused where it is required."""
    if two_factor_required(request.user):
        messages.error(
            request,
            _(
                "Two-factor authentication is required for your account and cannot be turned "
                "off. If you lost your phone, ask an administrator to reset it."
            ),
        )
        return redirect(overview_url())
    device = confirmed_device(request.user)
    if device is None:
        return redirect(overview_url())
    form = CodeForm(request.POST)
    if form.is_valid():
        outcome = check_code(device, form.cleaned_data["code"])
        if outcome.accepted:
            remove_devices(request.user)
            log(instance=request.user, action=ACTION_OFF, user=request.user)
            logger.info("Two-factor authentication turned off by user id %s", request.user.pk)
            messages.success(request, _("Two-factor authentication is off."))
            return redirect(overview_url())
        explain_refusal(form, outcome)
    return render_overview(request, form)


def reset(request: HttpRequest, user_id: int) -> HttpResponse:
    """An administrator removes a user's devices (a lost or replaced phone).

    The user's sessions stop being verified at once; where two-factor authentication is
    required, their next admin request asks them to set up a new device.
    """
    target = get_object_or_404(get_user_model(), pk=user_id)
    if not may_reset(request.user, target):
        raise PermissionDenied
    if request.method == "POST":
        if remove_devices(target):
            log(instance=target, action=ACTION_RESET, user=request.user)
            logger.info(
                "Two-factor authentication of user id %s reset by user id %s",
                target.pk,
                request.user.pk,
            )
        messages.success(
            request,
            _("Two-factor authentication of %(username)s has been reset.")
            % {"username": target.get_username()},
        )
        return HttpResponseRedirect(safe_next(request, reverse("wagtailusers_users:index")))
    return TemplateResponse(
        request,
        "two_factor/reset.html",
        {
            "target": target,
            "has_device": has_device(target),
            "required": two_factor_required(target),
            "next": safe_next(request, ""),
        },
    )
