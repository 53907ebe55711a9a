"""News: an index with filters, pagination and feeds, and the articles themselves."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail.search import index

from cms.blocks import BodyBlock
from cms.models.base import SectionIndexPage, SitePage
from cms.query_params import slug_param

#: Years a news filter accepts; anything else is a 404, not a query.
FIRST_YEAR, LAST_YEAR = 2000, 2100


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "cms.NewsPage", related_name="tagged_items", on_delete=models.CASCADE
    )


class NewsIndexPage(RoutablePageMixin, SectionIndexPage):
    """All news of one language, newest first, filtered by area, tag and year."""

    subpage_types = ["cms.NewsPage"]
    page_size = 10

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def news(self):
        """Published news under this index, newest first."""
        return (
            NewsPage.objects.child_of(self).live().public().for_listing().order_by("-date", "-pk")
        )

    def filtered_news(self, request):
        """The news matching the query string's filters, and the filters themselves.

        An area, tag or year that does not exist is a 404, so an odd query string never
        reaches the database as a bad value.
        """
        from cms.models.areas import PriorityAreaPage

        news = self.news()
        filters = {}
        if area_slug := slug_param(request, "area"):
            filters["area"] = get_object_or_404(
                PriorityAreaPage.objects.live().filter(locale_id=self.locale_id),
                slug=area_slug,
            )
            news = news.filter(area__translation_key=filters["area"].translation_key)
        if tag_slug := slug_param(request, "tag", max_length=100):
            filters["tag"] = get_object_or_404(Tag, slug=tag_slug)
            news = news.filter(tags=filters["tag"])
        if year := request.GET.get("year"):
            if not (year.isdigit() and FIRST_YEAR <= int(year) <= LAST_YEAR):
                raise Http404("No such year.")
            filters["year"] = int(year)
            news = news.filter(date__year=filters["year"])
        return news, filters

    @path("")
    def index_route(self, request):
        news, filters = self.filtered_news(request)
        paginator = Paginator(news, self.page_size)
        return self.render(
            request,
            context_overrides={
                # Lazy: read where the template shows it (cms.page_cache.fragments).
                "news_page": SimpleLazyObject(lambda: paginator.get_page(request.GET.get("page"))),
                "filters": filters,
                "years": self.news().dates("date", "year", order="DESC"),
            },
        )

    @path("rss/", name="rss")
    def rss_route(self, request):
        from cms.feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_route(self, request):
        from cms.feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsPage(SitePage):
    """A news article."""

    date = models.DateField(_("date"), default=timezone.localdate)
    intro = models.TextField(_("lead"), help_text=_("One or two sentences shown in lists."))
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_alt = models.CharField(
        _("lead image alternative text"),
        max_length=300,
        blank=True,
        help_text=_("What the picture shows, for people who cannot see it."),
    )
    lead_image_caption = models.CharField(_("lead image caption"), max_length=300, blank=True)
    area = models.ForeignKey(
        "cms.PriorityAreaPage",
        verbose_name=_("priority area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news",
    )
    tags = ClusterTaggableManager(through="cms.NewsPageTag", blank=True, verbose_name=_("tags"))
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldPanel("lead_image_caption"),
            ],
            heading=_("Lead image"),
        ),
        InlinePanel("authors", heading=_("Authors"), label=_("Author")),
        FieldPanel("area"),
        FieldPanel("tags"),
        FieldPanel("body"),
        InlinePanel("related_pages", label=_("Related pages")),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def clean(self):
        super().clean()
        if self.lead_image and not (self.lead_image_alt or self.lead_image.description):
            raise ValidationError(
                {"lead_image_alt": _("Describe the lead image for people who cannot see it.")}
            )

    def authors_in_language(self) -> list:
        """The authors in the page's language where translated, in two queries however many
        there are."""
        from cms.i18n import in_locale
        from cms.models.people import Person

        people = [author.person for author in self.authors.select_related("person")]
        return in_locale(people, Person.objects.all())

    def related_links(self):
        """The pages the article points to, each loaded with the article (no query per link)."""
        return self.related_pages.select_related("page")

    @property
    def lead_image_alt_text(self) -> str:
        return self.lead_image_alt or (self.lead_image.description if self.lead_image else "")


class NewsPageRelatedPage(Orderable):
    """A page an article points readers to."""

    news_page = ParentalKey(NewsPage, related_name="related_pages", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("page")]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related pages")


class NewsPageAuthor(Orderable):
    """Who wrote an article (a person from the People snippets)."""

    news_page = ParentalKey(NewsPage, related_name="authors", on_delete=models.CASCADE)
    person = models.ForeignKey(
        "cms.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("author")
        verbose_name_plural = _("authors")
