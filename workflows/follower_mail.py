"""The e-mails followers get: the double opt-in confirmation and one public step, each in the
follower's language, with absolute links into the tracker."""

from __future__ import annotations

import unicodedata

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.texts import localized
from workflows.engine import TransitionLog
from workflows.models import Initiative, Subscription


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


def mail_confirmation(subscription: Subscription) -> None:
    """Ask the address's owner to confirm: nothing else is sent to it until they do."""
    language = subscription.language
    with translation.override(language):
        context = {
            "confirm_url": absolute(
                path_in(language, "workflows:follow_confirm", token=subscription.token)
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


def mail_step(log: TransitionLog, initiative: Initiative, subscription: Subscription) -> None:
    """Mail one public step of ``initiative`` to one follower, in their language."""
    language = subscription.language
    with translation.override(language):
        context = {
            "title": localized(initiative, "title", language),
            "state": initiative.state_info(log.target),
            "comment": localized(log, "comment", language),
            "url": absolute(path_in(language, "workflows:initiative", pk=initiative.pk)),
            "stop_url": absolute(
                path_in(language, "workflows:follow_stop", token=subscription.token)
            ),
        }
        send_mail(
            mail_subject(context["title"]),
            render_to_string("workflows/email/step.txt", context),
            None,
            [subscription.email],
        )
