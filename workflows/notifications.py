"""Followers of initiatives: residents who subscribed by e-mail (double opt-in) and staff.

A public step of an initiative sends one job after its transaction commits. Jobs are delivered
at least once (a retry, a worker killed mid-job, an outbox relay sending twice), so the job
keeps one ``Delivery`` row per recipient and mails only those without one. Only ids travel
through the broker.
"""

from __future__ import annotations

import logging
import secrets
import unicodedata

import dramatiq
from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cms.texts import localized

logger = logging.getLogger(__name__)


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


class FollowersNotMailed(Exception):
    """Some followers could not be mailed this time; the job's retry tries them again."""


def mail_subject(text: str) -> str:
    """``text`` as a safe e-mail subject: one line, control characters and line breaks turned
    into single spaces (a header with a line break is refused by the mail library)."""
    spaced = "".join(" " if unicodedata.category(char) == "Cc" else char for char in str(text))
    return " ".join(spaced.split())


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def path_in(language: str, name: str, **kwargs) -> str:
    with translation.override(language):
        return reverse(name, kwargs=kwargs)


@dramatiq.actor(queue_name="default", max_retries=5)
def send_confirmation(subscription_id: int) -> None:
    """The double opt-in e-mail: nothing is sent to an address until its owner confirms."""
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.confirmed_at:
        return
    language = subscription.language
    with translation.override(language):
        context = {
            "confirm_url": absolute(
                path_in(language, "subscription_confirm", token=subscription.token)
            ),
            "initiative": subscription.initiative,
            "proposal": subscription.initiative is not None
            and subscription.initiative.proposer_email == subscription.email,
            "title": subscription.initiative
            and localized(subscription.initiative, "title", language),
        }
        send_mail(
            mail_subject(_("Confirm your subscription")),
            render_to_string("workflows/email/confirm.txt", context),
            None,
            [subscription.email],
        )


@dramatiq.actor(queue_name="default", max_retries=5)
def notify_followers(log_id: int) -> None:
    """Mail a public step of an initiative to its confirmed followers, each in their language."""
    from workflows.models import Initiative, TransitionLog

    log = TransitionLog.objects.filter(pk=log_id, public=True).first()
    if log is None:
        return
    initiative = Initiative.objects.filter(pk=log.object_id).first()
    if initiative is None:
        return
    followers = Subscription.objects.filter(confirmed_at__isnull=False).filter(
        models.Q(initiative=initiative) | models.Q(initiative__isnull=True)
    )
    failed = 0
    for subscription in followers.order_by("pk"):
        # The row is inserted, the mail sent and the row marked sent in ONE transaction, which
        # commits right after the mail server accepts the message. So the committed row means
        # "sent": a send that fails, or a worker killed mid-send, rolls the row back and the
        # job's next run mails this recipient again (never lost). Meanwhile the uncommitted
        # row locks its (log, subscription) key: a duplicate job running at the same time
        # waits on it, then skips. Only a crash in the instant between the server's "250 OK"
        # and the commit can mail someone twice.
        try:
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        delivery = Delivery.objects.create(log=log, subscription=subscription)
                except IntegrityError:
                    continue  # already mailed by an earlier run of this job
                mail_step(log, initiative, subscription)
                Delivery.objects.filter(pk=delivery.pk).update(sent_at=timezone.now())
        except Exception as error:  # one follower never holds back the others
            failed += 1
            # The error's text may name the address: only its kind and the ids are logged.
            logger.warning(
                "Step %s not mailed to subscription %s (%s); the job will retry.",
                log.pk,
                subscription.pk,
                type(error).__name__,
            )
    if failed:
        raise FollowersNotMailed(
            f"{failed} of {followers.count()} followers not mailed for step {log.pk}."
        )


def mail_step(log, initiative, subscription: Subscription) -> None:
    """Mail one public step of ``initiative`` to one follower, in their language."""
    language = subscription.language
    with translation.override(language):
        context = {
            "title": localized(initiative, "title", language),
            "state": initiative.state_info(log.target),
            "comment": localized(log, "comment", language),
            "url": absolute(path_in(language, "initiative", pk=initiative.pk)),
            "stop_url": absolute(path_in(language, "subscription_stop", token=subscription.token)),
        }
        send_mail(
            mail_subject(context["title"]),
            render_to_string("workflows/email/step.txt", context),
            None,
            [subscription.email],
        )
