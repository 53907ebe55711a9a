"""The home page and plain text pages."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.base import SitePage
from cms.visibility import public_q


class HomePage(SitePage):
    """The office in one screen."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*SitePage.search_fields, index.SearchField("intro")]
    max_count_per_parent = 1
    subpage_types = [
        "cms.StandardPage",
        "cms.NewsIndexPage",
        "cms.PriorityAreaIndexPage",
        "cms.CampaignIndexPage",
        "cms.EventIndexPage",
        "cms.MemorandumPage",
        "cms.TeamPage",
        "cms.ContactPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from cms.models.areas import PriorityAreaPage
        from cms.models.campaigns import CampaignPage
        from cms.models.events import EventPage, upcoming
        from cms.models.news import NewsPage

        context = super().get_context(request, *args, **kwargs)
        # Each list is built and read only where the template shows it: when the page's content
        # is kept (cms.page_cache.fragments), none of this runs.
        context["areas"] = SimpleLazyObject(
            lambda: (
                PriorityAreaPage.objects.descendant_of(self).live().public().defer_streamfields()
            )
        )
        context["latest_news"] = SimpleLazyObject(
            lambda: (
                NewsPage.objects.descendant_of(self)
                .live()
                .public()
                .for_listing()
                .order_by("-date", "-pk")[:3]
            )
        )
        context["current_campaigns"] = SimpleLazyObject(
            lambda: (
                CampaignPage.objects.descendant_of(self)
                .live()
                .public()
                .current()
                .for_listing()
                .order_by("start_date", "pk")[:3]
            )
        )
        context["upcoming_events"] = SimpleLazyObject(
            lambda: upcoming(
                EventPage.objects.descendant_of(self).live().public().for_listing(), timezone.now()
            )[:4]
        )
        # What the initiative tracker and the camera network contribute (``home_page_slot``).
        context["home_slots"] = SimpleLazyObject(lambda: home_slots(request))
        # Wagtail's public() on plain pages reads the restrictions again; public_q() does not.
        context["sections"] = SimpleLazyObject(
            lambda: self.get_children().live().filter(public_q())
        )
        return context


def home_slots(request) -> list[str]:
    """HTML that other apps contribute to the home page through the ``home_page_slot`` hook
    (a function of the request returning safe HTML, or an empty string to show nothing)."""
    from wagtail import hooks

    return [html for fn in hooks.get_hooks("home_page_slot") if (html := fn(request))]


class StandardPage(SitePage):
    """A page of text: about the office, contacts, rules, anything without its own type."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*SitePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    subpage_types = ["cms.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
