"""Idempotent page building for the demo: find a page by title, or create and publish it."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from wagtail.models import Locale, Page, Site

from cms.models import HomePage
from cms.transliteration import slugify_uk


def stream(blocks: list[list]) -> list[dict]:
    """Demo blocks ``[type, value]`` in the StreamField's stored form."""
    return [{"type": block_type, "value": value} for block_type, value in blocks]


def ensure_home(locale: Locale, fields: dict) -> HomePage:
    """The home page in ``locale``, created as the default site's root if missing."""
    existing = HomePage.objects.filter(locale=locale).first()
    if existing is not None:
        return existing
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(locale=locale, **fields))
    home.save_revision().publish()
    # Replace Wagtail's placeholder "Welcome" page as the default site's root.
    # Its address is the embedded server's, so absolute links (sitemap, hreflang) work.
    base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    old_root = site.root_page if site.pk else None
    site.hostname = base_url.hostname or "localhost"
    site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
    site.site_name = str(fields["title"])
    site.root_page = home
    site.save()
    if old_root is not None and old_root.specific_class is Page and old_root.pk != home.pk:
        old_root.delete()
    return home


def ensure_child(
    parent: Page, model: type[Page], fields: dict | Page, tags: Iterable[str] = ()
) -> tuple[Page, bool]:
    """The child of ``parent`` with this title, created and published if missing.

    ``fields`` is a dict of field values, or an unsaved page (with its inline rows)."""
    title = fields.title if isinstance(fields, Page) else fields["title"]
    existing = model.objects.child_of(parent).filter(title=title).first()
    if existing is not None:
        return existing, False
    page = fields if isinstance(fields, Page) else model(**fields)
    if tags:
        page.tags.add(*tags)
    page = parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_translation(page: Page, locale: Locale, fields: dict, tags: Iterable[str] = ()) -> Page:
    """The translation of ``page`` into ``locale``, copied, filled in and published if missing."""
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing
    translation = page.copy_for_translation(locale, copy_parents=False)
    for name, value in fields.items():
        setattr(translation, name, value)
    if tags:
        translation.tags.clear()
        translation.tags.add(*tags)
    if not translation.is_site_root():
        translation.slug = slugify_uk(fields["title"])
    translation.save()
    translation.save_revision().publish()
    return translation
