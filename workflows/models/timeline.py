"""Timeline entries: what happened to a workflow item without changing its state."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TimelineEvent(models.Model):
    """Something that happened to an item without changing its state: a committee meeting, a
    letter, a hearing, a progress update."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        LETTER = "letter", _("Letter")
        HEARING = "hearing", _("Hearing")
        PROGRESS = "progress", _("Progress update")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    text_uk = models.TextField(_("text (Ukrainian)"))
    text_en = models.TextField(_("text (English)"), blank=True)
    public = models.BooleanField(_("public"), default=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "date"])]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self) -> str:
        return f"{self.date}: {self.get_kind_display()}"
