"""Operational records that belong to the job system rather than to a content domain.

They were born in the ``config`` app and keep its table names (``config_failedjob`` …): the
move to ``ops`` changed Django's bookkeeping only, not the tables.
"""

from __future__ import annotations

import traceback

from django.db import models
from django.utils.translation import gettext_lazy as _


class FailedJob(models.Model):
    """A background job that failed after its last retry, kept for an administrator to inspect."""

    message_id = models.CharField(_("message id"), max_length=64, unique=True)
    queue_name = models.CharField(_("queue"), max_length=100)
    actor_name = models.CharField(_("job"), max_length=200)
    args = models.JSONField(_("arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    retries = models.PositiveIntegerField(_("retries"), default=0)
    error = models.TextField(_("error"), blank=True)
    traceback = models.TextField(_("traceback"), blank=True)
    failed_at = models.DateTimeField(_("failed at"), auto_now_add=True)
    resolved = models.BooleanField(
        _("resolved"), default=False, help_text=_("Tick once the cause has been dealt with.")
    )

    class Meta:
        db_table = "config_failedjob"
        ordering = ["-failed_at"]
        verbose_name = _("failed job")
        verbose_name_plural = _("failed jobs")

    def __str__(self) -> str:
        return f"{self.actor_name} ({self.message_id})"

    @classmethod
    def record(cls, message, exception: BaseException | None) -> FailedJob:
        """Store (or refresh) the record of a dramatiq message that will not be retried."""
        if exception is not None:
            error = f"{type(exception).__name__}: {exception}"
            trace = "".join(traceback.format_exception(exception))
        else:
            error = str(_("Skipped after its retries were exhausted."))
            trace = message.options.get("traceback", "")
        job, _created = cls.objects.update_or_create(
            message_id=message.message_id,
            defaults={
                "queue_name": message.queue_name,
                "actor_name": message.actor_name,
                "args": list(message.args),
                "kwargs": dict(message.kwargs),
                "retries": message.options.get("retries", 0),
                "error": error[:2000],
                "traceback": trace[-20000:],
                "resolved": False,
            },
        )
        return job


class Heartbeat(models.Model):
    """The last time a periodic job ran: the scheduler, the broker and a worker all work."""

    name = models.CharField(max_length=50, unique=True)
    at = models.DateTimeField()

    class Meta:
        db_table = "config_heartbeat"

    def __str__(self) -> str:
        return f"{self.name} {self.at:%Y-%m-%d %H:%M:%S}"


class OutboxMessage(models.Model):
    """A job written in the same transaction as the change that caused it, and sent to the
    broker after the commit. If the broker is down, the row waits and the relay sends it
    when the broker is back: a committed change never loses its job (see ``ops.outbox``)."""

    queue_name = models.CharField(max_length=100)
    actor_name = models.CharField(max_length=200)
    #: The dramatiq message, encoded as the broker would carry it.
    payload = models.BinaryField()
    delay = models.PositiveIntegerField(null=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        db_table = "config_outboxmessage"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.actor_name} ({self.pk})"
