"""Campaigns: a season or programme of work with places, goals, partners and results."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, PageManager
from wagtail.search import index

from cms.blocks import BodyBlock, CaptionedImageBlock, KeyFigureBlock
from cms.models.base import SectionIndexPage, SitePage
from cms.visibility import SitePageQuerySet


def item_list(verbose_name: str, item_label: str) -> StreamField:
    """A short ordered list of phrases (places, target groups, goals) that editors can reorder
    and translators translate item by item."""
    return StreamField(
        [("item", blocks.CharBlock(label=item_label, max_length=300))],
        verbose_name=verbose_name,
        blank=True,
    )


class CampaignIndexPage(SectionIndexPage):
    """Current campaigns first, then past ones."""

    subpage_types = ["cms.CampaignPage"]

    class Meta:
        verbose_name = _("campaign index")
        verbose_name_plural = _("campaign indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = CampaignPage.objects.child_of(self).live().public().for_listing()
        context["current_campaigns"] = campaigns.current().order_by("start_date", "pk")
        context["past_campaigns"] = campaigns.past().order_by("-end_date", "-pk")
        return context


class CampaignQuerySet(SitePageQuerySet):
    def current(self):
        """Campaigns going on today (or without an end)."""
        return self.filter(Q(end_date__isnull=True) | Q(end_date__gte=timezone.localdate()))

    def past(self):
        return self.filter(end_date__lt=timezone.localdate())


class CampaignPage(SitePage):
    """One campaign: when and where, for whom, what for, with whom, and what came of it."""

    start_date = models.DateField(_("start"))
    end_date = models.DateField(
        _("end"), null=True, blank=True, help_text=_("Leave empty while the campaign goes on.")
    )
    intro = models.TextField(_("lead"), help_text=_("One or two sentences shown in lists."))
    area = models.ForeignKey(
        "cms.PriorityAreaPage",
        verbose_name=_("priority area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="campaigns",
    )
    places = item_list(_("places"), _("Place"))
    target_groups = item_list(_("target groups"), _("Target group"))
    goals = item_list(_("goals"), _("Goal"))
    results = StreamField(
        [("figure", KeyFigureBlock())], verbose_name=_("results in figures"), blank=True
    )
    gallery = StreamField([("image", CaptionedImageBlock())], verbose_name=_("gallery"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    objects = PageManager.from_queryset(CampaignQuerySet)()

    content_panels = [
        *SitePage.content_panels,
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Period")),
        FieldPanel("intro"),
        FieldPanel("area"),
        MultiFieldPanel(
            [FieldPanel("places"), FieldPanel("target_groups"), FieldPanel("goals")],
            heading=_("Where, for whom, what for"),
        ),
        InlinePanel("partners", heading=_("Partner organisations"), label=_("Partner")),
        FieldPanel("results"),
        FieldPanel("body"),
        FieldPanel("gallery"),
        InlinePanel("news_links", heading=_("Related news"), label=_("News article")),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("places"),
        index.SearchField("goals"),
        index.SearchField("body"),
        index.FilterField("start_date"),
        index.FilterField("end_date"),
    ]
    parent_page_types = ["cms.CampaignIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")

    def clean(self):
        super().clean()
        if self.end_date and self.start_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The campaign cannot end before it starts.")})

    @property
    def is_current(self) -> bool:
        return self.end_date is None or self.end_date >= timezone.localdate()

    def get_context(self, request, *args, **kwargs):
        from cms.i18n import in_locale
        from cms.models.organisations import Organisation
        from cms.renditions import picture_renditions, prefetch_pictures

        context = super().get_context(request, *args, **kwargs)
        partners = [link.organisation for link in self.partners.select_related("organisation")]
        # A partner picked in another language is shown in this page's language if it can be.
        context["partner_organisations"] = in_locale(
            partners, Organisation.objects.all(), self.locale
        )
        news_links = self.news_links.select_related(
            "news_page", "news_page__lead_image"
        ).prefetch_related(picture_renditions("news_page__lead_image__renditions"))
        context["related_news"] = [link.news_page for link in news_links if link.news_page.live]
        # The gallery's images arrive in one query; their renditions in one more, not one each.
        prefetch_pictures(item.value["image"] for item in self.gallery)
        return context


class CampaignPartner(Orderable):
    page = ParentalKey(CampaignPage, related_name="partners", on_delete=models.CASCADE)
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


class CampaignNewsLink(Orderable):
    page = ParentalKey(CampaignPage, related_name="news_links", on_delete=models.CASCADE)
    news_page = models.ForeignKey(
        "cms.NewsPage", verbose_name=_("news article"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("news_page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related news article")
        verbose_name_plural = _("related news articles")
