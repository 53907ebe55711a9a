"""Load the demo pages in both languages. Idempotent: a second run changes nothing."""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.translation import ngettext
from wagtail.models import Locale, Page, Site

from cms.demo.content import AREA_INDEX, HOME, NEWS_INDEX, PAGES
from cms.demo.news import AREAS, NEWS
from cms.models import (
    HomePage,
    NewsIndexPage,
    NewsPage,
    PriorityAreaIndexPage,
    PriorityAreaPage,
    StandardPage,
)
from cms.transliteration import slugify_uk


class Command(BaseCommand):
    help = "Create the demo home page and pages in Ukrainian and English (skips what exists)."

    @transaction.atomic
    def handle(self, *args, **options):
        uk = Locale.objects.get(language_code="uk")
        en = Locale.objects.get(language_code="en")
        home = self.ensure_home(uk)
        created = 0
        english_home = self.ensure_translation(home, en, HOME["en"])
        for entry in PAGES:
            page, was_created = self.ensure_child(home, StandardPage, entry["uk"])
            created += was_created
            if "en" in entry:
                self.ensure_translation(page, en, entry["en"])
        created += self.load_areas_and_news(home, en)
        message = ngettext(
            "Demo content ready: %(count)d new page; home at %(home)s, English home at %(en)s.",
            "Demo content ready: %(count)d new pages; home at %(home)s, English home at %(en)s.",
            created,
        )
        self.stdout.write(message % {"count": created, "home": home.url, "en": english_home.url})

    def load_areas_and_news(self, home: HomePage, en: Locale) -> int:
        """The six priority areas and the news, each news item linked to its area."""
        created = 0
        area_index, was_created = self.ensure_child(home, PriorityAreaIndexPage, AREA_INDEX["uk"])
        created += was_created
        self.ensure_translation(area_index, en, AREA_INDEX["en"])
        areas = {}
        for entry in AREAS:
            area, was_created = self.ensure_child(
                area_index, PriorityAreaPage, area_fields(entry["uk"])
            )
            created += was_created
            english = self.ensure_translation(area, en, area_fields(entry["en"]))
            areas[entry["key"]] = {"uk": area, "en": english}

        news_index, was_created = self.ensure_child(home, NewsIndexPage, NEWS_INDEX["uk"])
        created += was_created
        self.ensure_translation(news_index, en, NEWS_INDEX["en"])
        for entry in NEWS:
            date = datetime.date.fromisoformat(entry["date"])
            fields = {
                **entry["uk"],
                "body": stream(entry["uk"]["body"]),
                "date": date,
                "area": areas[entry["area"]]["uk"],
            }
            item, was_created = self.ensure_child(
                news_index, NewsPage, fields, tags=entry["tags"]["uk"]
            )
            created += was_created
            if "en" in entry:
                en_fields = {
                    **entry["en"],
                    "body": stream(entry["en"]["body"]),
                    "area": areas[entry["area"]]["en"],
                }
                self.ensure_translation(item, en, en_fields, tags=entry["tags"]["en"])
        return created

    def ensure_home(self, locale: Locale) -> HomePage:
        existing = HomePage.objects.filter(locale=locale).first()
        if existing is not None:
            return existing
        root = Page.get_first_root_node()
        home = root.add_child(instance=HomePage(locale=locale, **HOME["uk"]))
        home.save_revision().publish()
        # Replace Wagtail's placeholder "Welcome" page as the default site's root.
        # Its address is the embedded server's, so absolute links (sitemap, hreflang) work.
        base_url = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        old_root = site.root_page if site.pk else None
        site.hostname = base_url.hostname or "localhost"
        site.port = base_url.port or (443 if base_url.scheme == "https" else 80)
        site.site_name = str(HOME["uk"]["title"])
        site.root_page = home
        site.save()
        if old_root is not None and old_root.specific_class is Page and old_root.pk != home.pk:
            old_root.delete()
        return home

    def ensure_child(self, parent: Page, model, fields: dict, tags=()) -> tuple[Page, bool]:
        existing = model.objects.child_of(parent).filter(title=fields["title"]).first()
        if existing is not None:
            return existing, False
        page = model(**fields)
        if tags:
            page.tags.add(*tags)
        page = parent.add_child(instance=page)
        page.save_revision().publish()
        return page, True

    def ensure_translation(self, page: Page, locale: Locale, fields: dict, tags=()) -> Page:
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


def area_fields(texts: dict) -> dict:
    """A priority area's demo texts in one language as page fields."""
    activities = [("activity", text) for text in texts["activities"]]
    return {**texts, "body": stream(texts["body"]), "activities": activities}


def stream(blocks: list[tuple[str, object]]) -> list[dict]:
    """Demo blocks ``(type, value)`` in the StreamField's stored form."""
    return [{"type": block_type, "value": value} for block_type, value in blocks]
