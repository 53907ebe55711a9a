"""What an initiative links to — partners, documents, news and campaigns, tags — as a visitor
in the active language should see them: translations where they exist, public things only."""

from __future__ import annotations

from typing import TypeVar

from django.db import models
from wagtail.models import Locale, Page

T = TypeVar("T", bound=models.Model)


def in_active_locale(objects: list[T], queryset: models.QuerySet[T]) -> list[T]:
    """Each translatable object replaced by its translation into the active locale, if any.

    ``queryset`` says which translations may be shown (e.g. only live, public pages); the
    original stays where there is no such translation.
    """
    if not objects:
        return []
    translations = {
        obj.translation_key: obj
        for obj in queryset.filter(
            translation_key__in=[obj.translation_key for obj in objects],
            locale=Locale.get_active(),
        )
    }
    return [translations.get(obj.translation_key, obj) for obj in objects]


def public_relations(initiative) -> dict:
    """The initiative's partners, public documents, live public pages and tags."""
    from cms.models import Organisation

    partners = [link.organisation for link in initiative.partners.select_related("organisation")]
    visible_pages = Page.objects.live().public()
    linked = [link.page for link in initiative.related_pages.select_related("page")]
    shown_ids = set(
        visible_pages.filter(pk__in=[p.pk for p in linked]).values_list("pk", flat=True)
    )
    pages = in_active_locale([p for p in linked if p.pk in shown_ids], visible_pages)
    return {
        "partners": in_active_locale(partners, Organisation.objects.all()),
        "documents": [
            link.document
            for link in initiative.documents.filter(public=True).select_related("document")
        ],
        "pages": [page.specific_deferred for page in pages],
        "tags": list(initiative.tags.all()),
    }
