"""The six priority areas of the office's work."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.base import SectionIndexPage, SitePage


class PriorityAreaIndexPage(SectionIndexPage):
    """The list of the office's priority areas."""

    subpage_types = ["cms.PriorityAreaPage"]

    class Meta:
        verbose_name = _("priority areas index")
        verbose_name_plural = _("priority areas indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["areas"] = (
            PriorityAreaPage.objects.child_of(self).live().public().defer_streamfields()
        )
        return context


class PriorityAreaPage(SitePage):
    """One area of work: what the office does in it and everything published about it."""

    intro = models.TextField(_("introduction"))
    activities = StreamField(
        [("activity", blocks.CharBlock(label=_("Activity"), max_length=300))],
        verbose_name=_("activities"),
        blank=True,
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("activities"),
        FieldPanel("body"),
    ]
    search_fields = [*SitePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.PriorityAreaIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("priority area")
        verbose_name_plural = _("priority areas")

    def get_context(self, request, *args, **kwargs):
        from cms.models.campaigns import CampaignPage
        from cms.models.events import EventPage
        from cms.models.news import NewsPage

        context = super().get_context(request, *args, **kwargs)
        # A translation may still point at the area it was copied with: match any language
        # version of this area, and list this language's pages only.
        in_area = Q(area__translation_key=self.translation_key, locale_id=self.locale_id)
        context["news"] = (
            NewsPage.objects.live()
            .public()
            .filter(in_area)
            .for_listing()
            .order_by("-date", "-pk")[:10]
        )
        context["campaigns"] = (
            CampaignPage.objects.live()
            .public()
            .filter(in_area)
            .for_listing()
            .order_by("-start_date")
        )
        context["events"] = (
            EventPage.objects.live().public().filter(in_area).for_listing().order_by("-start")
        )
        return context
