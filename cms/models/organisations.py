"""Organisations (the Memorandum's signatories and campaign partners) and the Memorandum page."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.blocks import BodyBlock
from cms.models.base import SitePage


class SharedFactsMixin:
    """Translatable snippets keep one row per language; the fields in ``shared_fields`` are
    facts, not text, so saving any language's row copies them to its other languages and
    the English page can never show another date than the Ukrainian one."""

    shared_fields: tuple[str, ...] = ()

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        facts = {name: getattr(self, name) for name in self.shared_fields}
        type(self).objects.filter(translation_key=self.translation_key).exclude(pk=self.pk).update(
            **facts
        )


class Organisation(SharedFactsMixin, TranslatableMixin, index.Indexed, models.Model):
    """A body the office works with; a signatory of the Memorandum once it has a joining date."""

    class Kind(models.TextChoices):
        # The order here is the order of the groups on the Memorandum page.
        LOCAL = "local", _("Local self-government")
        STATE = "state", _("State bodies")
        POLICE = "police", _("Police")
        EMERGENCY = "emergency", _("Emergency services")
        NGO = "ngo", _("Civil society organisations")
        BUSINESS = "business", _("Businesses")
        INTERNATIONAL = "international", _("International organisations")

    name = models.CharField(_("name"), max_length=255)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)
    joined = models.DateField(
        _("signed the Memorandum on"),
        null=True,
        blank=True,
        help_text=_("Leave empty for a partner that has not signed the Memorandum."),
    )
    left = models.DateField(_("left the Memorandum on"), null=True, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("website"),
        MultiFieldPanel([FieldPanel("joined"), FieldPanel("left")], heading=_("Memorandum")),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]
    shared_fields = ("kind", "logo_id", "website", "joined", "left")
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        *(SynchronizedField(name) for name in ("kind", "logo", "website", "joined", "left")),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        super().clean()
        if self.left and not self.joined:
            raise ValidationError({"left": _("An organisation can only leave after signing.")})
        if self.left and self.joined and self.left < self.joined:
            raise ValidationError({"left": _("The leaving date is before the signing date.")})

    def is_signatory_on(self, day: datetime.date) -> bool:
        return bool(self.joined and self.joined <= day and not (self.left and self.left <= day))


def in_language(model, locale: Locale, **filters) -> list:
    """Rows of a translatable snippet in ``locale``, with the default-language row standing in
    for each one that has no translation yet (the template marks its language)."""
    rows = list(model.objects.filter(locale=locale, **filters).select_related("locale"))
    present = {row.translation_key for row in rows}
    fallback = (
        model.objects.filter(locale__language_code=Locale.get_default().language_code, **filters)
        .exclude(translation_key__in=present)
        .select_related("locale")
    )
    return rows + list(fallback)


class MemorandumPage(SitePage):
    """The Memorandum's text, its signatories grouped by kind, and how their number grew."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("text of the Memorandum"), blank=True)

    content_panels = [
        *SitePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel(
            "signatory_totals",
            heading=_("Signatory totals on record"),
            label=_("Total"),
            help_text=_(
                "Official totals at a date, for periods whose signatories are not all listed as "
                "organisations. Joining and leaving dates after the last total are added to it."
            ),
        ),
    ]
    search_fields = [*SitePage.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("memorandum page")
        verbose_name_plural = _("memorandum pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read only where the template shows it: not at all when the page is kept
        # (cms.page_cache.fragments).
        context["signatories"] = SimpleLazyObject(self.signatories)
        return context

    def signatories(self) -> dict:
        """The current signatories by kind, the former ones and the growth chart."""
        from cms.charts import growth_chart, signatory_series

        today = timezone.localdate()
        organisations = in_language(Organisation, self.locale, joined__isnull=False)
        current = [org for org in organisations if org.is_signatory_on(today)]
        groups = []
        for kind, label in Organisation.Kind.choices:
            members = sorted((o for o in current if o.kind == kind), key=lambda o: o.name)
            if members:
                groups.append({"kind": kind, "label": label, "organisations": members})
        series = signatory_series(list(self.signatory_totals.all()), organisations)
        return {
            "signatory_groups": groups,
            "signatory_count": len(current),
            "signatory_total": max(len(current), series[-1].count if series else 0),
            "former_signatories": [org for org in organisations if org not in current],
            "growth": series,
            "chart": growth_chart(series),
        }


class SignatoryTotal(Orderable):
    """An official number of signatories at a date (e.g. 16 at signing, 20 at the end of 2018)."""

    page = ParentalKey(MemorandumPage, related_name="signatory_totals", on_delete=models.CASCADE)
    date = models.DateField(_("as of"))
    count = models.PositiveIntegerField(_("number of signatories"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    panels = [FieldPanel("date"), FieldPanel("count"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("signatory total")
        verbose_name_plural = _("signatory totals")
