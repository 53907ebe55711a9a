"""What an initiative links to — partners, documents, news and campaigns, tags — as a visitor
in the active language should see them: translations where they exist, public things only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from django.db.models import Model, QuerySet
from wagtail.models import Page

from cms.i18n import servable
from cms.page_cache import depends_on
from cms.page_cache.values import kept_value
from cms.texts import LocalizedText
from workflows.names_in_language import content_language

T = TypeVar("T", bound=Model)


def in_visitors_language(objects: list[T], queryset: QuerySet[T]) -> list[T]:
    """Each translatable object replaced by its translation in ``queryset`` into the active
    language, if there is one (``cms.i18n.in_locale``, with the language joined in the query
    instead of looking the locale up first)."""
    if not objects:
        return []
    # A translation published later must purge the response that showed the original.
    depends_on(*(f"translations:{obj.translation_key}" for obj in objects))
    translations = {
        obj.translation_key: obj
        for obj in queryset.filter(
            translation_key__in=[obj.translation_key for obj in objects],
            locale__language_code=content_language(),
        ).select_related("locale")
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


def public_relations(initiative) -> dict:
    """The initiative's partners, public documents, live public pages and tags."""
    from cms.models import Organisation

    partners = [
        link.organisation for link in initiative.partners.select_related("organisation__locale")
    ]
    visible_pages = servable(Page.objects.all())
    linked = [link.page for link in initiative.related_pages.select_related("page__locale")]
    shown_ids = set(
        visible_pages.filter(pk__in=[p.pk for p in linked]).values_list("pk", flat=True)
    )
    pages = in_visitors_language([p for p in linked if p.pk in shown_ids], visible_pages)
    return {
        "partners": in_visitors_language(partners, Organisation.objects.all()),
        "documents": [
            link.document
            for link in initiative.documents.filter(public=True).select_related("document")
        ],
        "pages": [specific_with_locale(page) for page in pages],
        "tags": list(initiative.tags.all()),
    }


def specific_with_locale(page: Page) -> Page:
    """``page`` as its own type (its URL may depend on it), without a query: the locale
    already loaded comes along, so marking its language needs none either."""
    specific = page.specific_deferred
    if specific is not page:
        specific.locale = page.locale
    return specific


@dataclass(frozen=True)
class ShownPartner:
    """A partner organisation as the initiative page shows it."""

    name_text: str
    language: str
    website: str

    @property
    def name(self) -> LocalizedText:
        return LocalizedText(self.name_text, self.language)


@dataclass(frozen=True)
class ShownDocument:
    title: str
    url: str
    file_extension: str


@dataclass(frozen=True)
class ShownPage:
    """A related page (news, a campaign) as the initiative page links to it."""

    title_text: str
    language: str
    url: str

    @property
    def title(self) -> LocalizedText:
        return LocalizedText(self.title_text, self.language)


@dataclass(frozen=True)
class ShownTag:
    name: str
    slug: str


def shown_relations(initiative) -> dict:
    """``public_relations`` as the initiative page shows them (names, titles, addresses),
    kept between responses until the initiative, its links or what they show change: the
    rows loaded while computing them say which (``cms.page_cache.values``)."""
    return kept_value(
        f"workflows:relations:{initiative.pk}:{content_language()}",
        lambda: relations_as_shown(initiative),
    )


def relations_as_shown(initiative) -> dict:
    relations = public_relations(initiative)
    return {
        "partners": [
            ShownPartner(o.name, o.locale.language_code, o.website) for o in relations["partners"]
        ],
        "documents": [
            ShownDocument(d.title, d.url, d.file_extension) for d in relations["documents"]
        ],
        "pages": [ShownPage(p.title, p.locale.language_code, p.url) for p in relations["pages"]],
        "tags": [ShownTag(tag.name, tag.slug) for tag in relations["tags"]],
    }
