"""What an initiative links to: tags, partner organisations, documents, news and campaigns."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from workflows.models.initiatives import Initiative


class InitiativeTag(TaggedItemBase):
    content_object = ParentalKey(Initiative, related_name="tagged_items", on_delete=models.CASCADE)


class InitiativePartner(Orderable):
    """A partner organisation: one of the Memorandum's signatories."""

    initiative = ParentalKey(Initiative, related_name="partners", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def clean(self):
        super().clean()
        if self.organisation_id and not self.organisation.joined:
            raise ValidationError(
                {"organisation": _("Partners are chosen from the Memorandum's signatories.")}
            )


class InitiativeDocument(Orderable):
    """A document of the initiative: a draft decision, a letter, the adopted decision."""

    initiative = ParentalKey(Initiative, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    public = models.BooleanField(_("public"), default=True)

    panels = [FieldPanel("document"), FieldPanel("public")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class InitiativePage(Orderable):
    """A news item or campaign about the initiative."""

    initiative = ParentalKey(Initiative, related_name="related_pages", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", ["cms.NewsPage", "cms.CampaignPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related news and campaigns")
