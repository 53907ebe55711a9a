"""What an initiative links to — partners, documents, news and campaigns, tags — as a visitor
in the active language should see them: translations where they exist, public things only."""

from __future__ import annotations

from wagtail.models import Page

from cms.i18n import in_locale, servable


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
    pages = in_locale([p for p in linked if p.pk in shown_ids], visible_pages)
    return {
        "partners": in_locale(partners, Organisation.objects.all()),
        "documents": [
            link.document
            for link in initiative.documents.filter(public=True).select_related("document")
        ],
        "pages": [page.specific_deferred for page in pages],
        "tags": list(initiative.tags.all()),
    }
