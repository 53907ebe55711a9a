"""The initiatives' background jobs: mail to followers.

A public step of an initiative sends one job after its transaction commits. Jobs are delivered
at least once (a retry, a worker killed mid-job, an outbox relay sending twice), so the job
keeps one ``Delivery`` row per recipient and mails only those without one. Only ids travel
through the broker.
"""

from __future__ import annotations

import logging

import dramatiq
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from workflows.engine import TransitionLog
from workflows.follower_mail import mail_confirmation, mail_step
from workflows.models import Delivery, Initiative, Subscription

logger = logging.getLogger(__name__)


class FollowersNotMailed(Exception):
    """Some followers could not be mailed this time; the job's retry tries them again."""


@dramatiq.actor(queue_name="default", max_retries=5)
def send_confirmation(subscription_id: int) -> None:
    """The double opt-in e-mail: nothing is sent to an address until its owner confirms."""
    subscription = Subscription.objects.filter(pk=subscription_id).first()
    if subscription is None or subscription.confirmed_at:
        return
    mail_confirmation(subscription)


@dramatiq.actor(queue_name="default", max_retries=5)
def notify_followers(log_id: int) -> None:
    """Mail a public step of an initiative to its confirmed followers, each in their language."""
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


def mail_public_step(sender, *, log: TransitionLog, **kwargs) -> None:
    """``transition_taken`` receiver for initiatives: a public step goes to the followers."""
    if log.public:
        notify_followers.send(log.pk)  # the broker sends it only after the commit
