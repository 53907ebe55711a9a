"""People of the office and its councils, and the team page that presents them."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.models.base import SitePage
from cms.models.organisations import SharedFactsMixin, in_language


class Person(SharedFactsMixin, TranslatableMixin, index.Indexed, models.Model):
    """Someone the site presents: the office's team, a mentor, a council member, an author."""

    class Group(models.TextChoices):
        # The order here is the order of the sections on the team page.
        LEADERSHIP = "leadership", _("The office's team")
        COUNCIL = "council", _("Consultative-advisory council")
        MENTORS = "mentors", _("Council of veteran mentors")
        PARTNERS = "partners", _("Partners and trainers")

    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=255, blank=True)
    group = models.CharField(_("group"), max_length=20, choices=Group.choices)
    photo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = models.TextField(_("short biography"), blank=True)
    sort_order = models.PositiveSmallIntegerField(_("order in its group"), default=0)

    panels = [
        FieldPanel("name"),
        FieldPanel("role"),
        FieldPanel("group"),
        FieldPanel("photo"),
        FieldPanel("bio"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    shared_fields = ("group", "photo_id", "sort_order")
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("role"),
        TranslatableField("bio"),
        *(SynchronizedField(name) for name in ("group", "photo", "sort_order")),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["group", "sort_order", "name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return self.name


class TeamPage(SitePage):
    """The office's people, its council of veteran mentors and its consultative council."""

    intro = models.TextField(_("introduction"), blank=True)
    council_text = RichTextField(
        _("about the consultative-advisory council"), blank=True, features=["bold", "link"]
    )
    mentors_text = RichTextField(
        _("about the council of veteran mentors"), blank=True, features=["bold", "link"]
    )

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("council_text"),
        FieldPanel("mentors_text"),
    ]
    search_fields = [
        *SitePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("council_text"),
        index.SearchField("mentors_text"),
    ]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("team page")
        verbose_name_plural = _("team pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        people = in_language(Person, self.locale)
        texts = {Person.Group.COUNCIL: self.council_text, Person.Group.MENTORS: self.mentors_text}
        sections = []
        for group, label in Person.Group.choices:
            members = sorted(
                (p for p in people if p.group == group), key=lambda p: (p.sort_order, p.name)
            )
            if members or texts.get(group):
                sections.append(
                    {"group": group, "label": label, "text": texts.get(group), "people": members}
                )
        context["sections"] = sections
        return context
