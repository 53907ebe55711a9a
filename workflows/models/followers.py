"""Followers of initiatives: residents who subscribed by e-mail (double opt-in) and staff,
and the record of which public step was mailed to whom."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token() -> str:
    return secrets.token_urlsafe(24)


class Subscription(models.Model):
    """Someone who follows one initiative (or, without one, the whole tracker)."""

    email = models.EmailField(_("e-mail"))
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    initiative = models.ForeignKey(
        "workflows.Initiative",
        verbose_name=_("initiative"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Set when a staff member follows from the admin; no confirmation needed."),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["email", "initiative"], name="one_subscription_each")
        ]
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")

    def __str__(self) -> str:
        return self.email


class Delivery(models.Model):
    """That one history entry was mailed to one subscriber: the guard against double sends."""

    log = models.ForeignKey("workflows.TransitionLog", on_delete=models.CASCADE, related_name="+")
    subscription = models.ForeignKey(Subscription, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["log", "subscription"], name="one_delivery_each")
        ]

    def __str__(self) -> str:
        return f"{self.log_id} → {self.subscription_id}"
