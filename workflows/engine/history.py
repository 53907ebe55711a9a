"""The history every workflow item shares: one row per step, generic over the item's model.

The table keeps the ``workflows`` app label (``workflows_transitionlog``), so the rows written
before the engine became a package are read as they are.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TransitionLog(models.Model):
    """One step an item took: who, for which body, from where to where, when and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    transition = models.CharField(_("step"), max_length=50)
    source = models.CharField(_("from"), max_length=50)
    target = models.CharField(_("to"), max_length=50)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acting_body = models.CharField(_("on behalf of"), max_length=255, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    comment_uk = models.TextField(_("comment (Ukrainian)"), blank=True)
    comment_en = models.TextField(_("comment (English)"), blank=True)
    public = models.BooleanField(_("public"), default=True)
    decision_number = models.CharField(_("decision number"), max_length=50, blank=True)
    document_url = models.URLField(_("document"), blank=True)

    class Meta:
        app_label = "workflows"
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")

    def __str__(self) -> str:
        return f"{self.source_label} → {self.target_label} ({self.transition_label})"

    @property
    def _workflow(self) -> type:
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    @property
    def source_label(self) -> str:
        """The state the item left, by name in the user's language."""
        return str(self._workflow.state_label(self.source))

    @property
    def target_label(self) -> str:
        """The state the item entered, by name in the user's language."""
        return str(self._workflow.state_label(self.target))

    @property
    def transition_label(self) -> str:
        """The step taken, by name in the user's language."""
        return str(self._workflow.transition_label(self.transition))

    @classmethod
    def record(cls, item: models.Model, **values) -> TransitionLog:
        content_type = ContentType.objects.get_for_model(item)
        return cls.objects.create(content_type=content_type, object_id=item.pk, **values)

    @classmethod
    def of(cls, item: models.Model) -> models.QuerySet[TransitionLog]:
        """The history of ``item``, oldest first."""
        content_type = ContentType.objects.get_for_model(item)
        return cls.objects.filter(content_type=content_type, object_id=item.pk)
