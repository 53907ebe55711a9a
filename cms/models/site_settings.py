"""What every page shows around its content, kept per language: navigation, contacts, footer."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import TranslatableMixin


class NavigationLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(label=_("Page"))
    label = blocks.CharBlock(
        label=_("Label"), required=False, max_length=60, help_text=_("Defaults to the title.")
    )

    class Meta:
        icon = "link"
        label = _("Link")


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("instagram", "Instagram"),
    ("telegram", "Telegram"),
    ("youtube", "YouTube"),
    ("viber", "Viber"),
    ("x", "X"),
    ("other", _("Other")),
]


class SocialLinkBlock(blocks.StructBlock):
    network = blocks.ChoiceBlock(label=_("Network"), choices=SOCIAL_NETWORKS)
    url = blocks.URLBlock(label=_("Address"))
    label = blocks.CharBlock(label=_("Label"), required=False, max_length=60)

    class Meta:
        icon = "site"
        label = _("Social link")


class LanguageSettings(TranslatableMixin, models.Model):
    """Site-wide texts of one language. Translate the Ukrainian row to get the English one."""

    site_name = models.CharField(_("site name"), max_length=120)
    navigation = StreamField(
        [("link", NavigationLinkBlock())], verbose_name=_("main navigation"), blank=True
    )
    address = models.TextField(_("address"), blank=True)
    reception_hours = models.TextField(_("reception hours"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )
    footer_text = RichTextField(_("footer text"), blank=True, features=["bold", "italic", "link"])

    panels = [
        FieldPanel("site_name"),
        FieldPanel("navigation"),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("reception_hours"),
                FieldPanel("phone"),
                FieldPanel("email"),
            ],
            heading=_("Contact details"),
        ),
        FieldPanel("social_links"),
        FieldPanel("footer_text"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("language settings")
        verbose_name_plural = _("language settings")
        constraints = [
            models.UniqueConstraint(fields=["locale"], name="one_language_settings_per_locale")
        ]

    def __str__(self) -> str:
        return f"{self.site_name} ({self.locale.get_display_name()})"

    @classmethod
    def for_language(cls, language_code: str) -> LanguageSettings | None:
        """This language's settings, or the default language's while it has none."""
        rows = {
            row.locale.language_code: row
            for row in cls.objects.select_related("locale").filter(
                locale__language_code__in=[language_code, cls.default_language()]
            )
        }
        return rows.get(language_code) or rows.get(cls.default_language())

    @staticmethod
    def default_language() -> str:
        from django.conf import settings

        return settings.LANGUAGE_CODE
