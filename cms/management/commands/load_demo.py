"""Load the demo pages in both languages. Idempotent: a second run changes nothing."""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.translation import ngettext
from wagtail.models import Locale, Page, Site

from cms.demo.campaigns import CAMPAIGN_INDEX, CAMPAIGNS
from cms.demo.content import (
    AREA_INDEX,
    CONTACT,
    HOME,
    LANGUAGE_SETTINGS,
    NAVIGATION,
    NEWS_INDEX,
    PAGES,
)
from cms.demo.events import EVENT_INDEX, EVENTS
from cms.demo.news import AREAS, NEWS
from cms.demo.organisations import MEMORANDUM, MEMORANDUM_TOTALS, ORGANISATIONS
from cms.demo.people import PEOPLE, TEAM
from cms.models import (
    CampaignIndexPage,
    CampaignNewsLink,
    CampaignPage,
    CampaignPartner,
    ContactFormField,
    ContactPage,
    EventIndexPage,
    EventPage,
    HomePage,
    LanguageSettings,
    MemorandumPage,
    NewsIndexPage,
    NewsPage,
    Organisation,
    Person,
    PriorityAreaIndexPage,
    PriorityAreaPage,
    SignatoryTotal,
    StandardPage,
    TeamPage,
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
        organisations = self.load_snippets(Organisation, ORGANISATIONS, en, organisation_fields)
        self.load_snippets(Person, PEOPLE, en, person_fields)
        created += self.load_campaigns(home, en, organisations)
        created += self.load_events(home, en)
        created += self.load_memorandum(home, en)
        created += self.load_team(home, en)
        created += self.load_contact(home, en)
        self.load_language_settings(home, en)
        from workflows.demo import load_initiatives

        load_initiatives({key: versions["uk"] for key, versions in self.areas.items()})
        from cctv_bridge.demo import load_cameras
        from cctv_bridge.simulator import rtsp_available

        load_cameras(rtsp=bool(rtsp_available()))
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
        areas = self.areas = {}
        self.news = {}
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
            self.news[entry["key"]] = {"uk": item}
            if "en" in entry:
                en_fields = {
                    **entry["en"],
                    "body": stream(entry["en"]["body"]),
                    "area": areas[entry["area"]]["en"],
                }
                self.news[entry["key"]]["en"] = self.ensure_translation(
                    item, en, en_fields, tags=entry["tags"]["en"]
                )
        return created

    def load_snippets(self, model, entries: list[dict], en: Locale, fields) -> dict:
        """Translatable snippets in Ukrainian and, where given, English; by key."""
        uk = Locale.get_default()
        loaded = {}
        for entry in entries:
            uk_fields = fields(entry, "uk")
            row = model.objects.filter(locale=uk, name=uk_fields["name"]).first()
            if row is None:
                row = model.objects.create(locale=uk, **uk_fields)
            loaded[entry["key"]] = {"uk": row}
            if "en" in entry:
                english = row.get_translation_or_none(en)
                if english is None:
                    english = row.copy_for_translation(en)
                    for name, value in fields(entry, "en").items():
                        setattr(english, name, value)
                    english.save()
                loaded[entry["key"]]["en"] = english
        return loaded

    def load_campaigns(self, home: HomePage, en: Locale, organisations: dict) -> int:
        index, created = self.ensure_child(home, CampaignIndexPage, CAMPAIGN_INDEX["uk"])
        self.ensure_translation(index, en, CAMPAIGN_INDEX["en"])
        for entry in CAMPAIGNS:
            existing = CampaignPage.objects.child_of(index).filter(title=entry["uk"]["title"])
            if existing.exists():
                continue
            page = CampaignPage(**campaign_fields(entry, "uk", self.areas))
            for key in entry["partners"]:
                page.partners.add(CampaignPartner(organisation=organisations[key]["uk"]))
            for key in entry["news"]:
                page.news_links.add(CampaignNewsLink(news_page=self.news[key]["uk"]))
            page, was_created = self.ensure_child(index, CampaignPage, page)
            created += was_created
            if "en" in entry:
                english = self.ensure_translation(
                    page, en, campaign_fields(entry, "en", self.areas)
                )
                # The copy points at Ukrainian partners and news; use their English versions.
                for link in english.partners.all():
                    key = translation_key_of(organisations, link.organisation)
                    link.organisation = organisations[key].get("en", link.organisation)
                    link.save()
                for link in english.news_links.all():
                    key = translation_key_of(self.news, link.news_page)
                    if "en" in self.news[key]:
                        link.news_page = self.news[key]["en"]
                        link.save()
                    else:
                        link.delete()
        return created

    def load_events(self, home: HomePage, en: Locale) -> int:
        index, created = self.ensure_child(home, EventIndexPage, EVENT_INDEX["uk"])
        self.ensure_translation(index, en, EVENT_INDEX["en"])
        for entry in EVENTS:
            page, was_created = self.ensure_child(
                index, EventPage, event_fields(entry, "uk", self.areas)
            )
            created += was_created
            if "en" in entry:
                self.ensure_translation(page, en, event_fields(entry, "en", self.areas))
        return created

    def load_memorandum(self, home: HomePage, en: Locale) -> int:
        fields = {**MEMORANDUM["uk"], "body": stream(MEMORANDUM["uk"]["body"])}
        if not MemorandumPage.objects.child_of(home).filter(title=fields["title"]).exists():
            page = MemorandumPage(**fields, slug="memorandum")
            for total in MEMORANDUM_TOTALS:
                page.signatory_totals.add(
                    SignatoryTotal(
                        date=datetime.date.fromisoformat(total["date"]),
                        count=total["count"],
                        note=total["uk"],
                    )
                )
            fields = page
        page, created = self.ensure_child(home, MemorandumPage, fields)
        english = self.ensure_translation(
            page, en, {**MEMORANDUM["en"], "body": stream(MEMORANDUM["en"]["body"])}
        )
        notes = {total["date"]: total["en"] for total in MEMORANDUM_TOTALS}
        for total in english.signatory_totals.all():
            if total.note != notes.get(total.date.isoformat(), total.note):
                total.note = notes[total.date.isoformat()]
                total.save()
        return created

    def load_team(self, home: HomePage, en: Locale) -> int:
        page, created = self.ensure_child(home, TeamPage, TEAM["uk"])
        self.ensure_translation(page, en, TEAM["en"])
        return created

    def load_contact(self, home: HomePage, en: Locale) -> int:
        texts = CONTACT["uk"]
        fields = {k: v for k, v in texts.items() if k != "fields"}
        if not ContactPage.objects.child_of(home).filter(title=fields["title"]).exists():
            page = ContactPage(**fields)
            for label, field_type, required in texts["fields"]:
                page.form_fields.add(
                    ContactFormField(label=label, field_type=field_type, required=required)
                )
            fields = page
        page, created = self.ensure_child(home, ContactPage, fields)
        english_texts = CONTACT["en"]
        english = self.ensure_translation(
            page, en, {k: v for k, v in english_texts.items() if k != "fields"}
        )
        for field, label in zip(english.form_fields.all(), english_texts["fields"], strict=True):
            if field.label != label:
                field.label = label
                field.save()
        return created

    def load_language_settings(self, home: HomePage, en: Locale) -> None:
        uk = Locale.get_default()
        children = {page.title: page for page in home.get_children()}
        navigation = [
            ("link", {"page": children[title], "label": ""})
            for title in NAVIGATION
            if title in children
        ]
        row = LanguageSettings.objects.filter(locale=uk).first()
        if row is None:
            row = LanguageSettings.objects.create(
                locale=uk, navigation=navigation, **LANGUAGE_SETTINGS["uk"]
            )
        if row.get_translation_or_none(en) is None:
            english = row.copy_for_translation(en)
            for name, value in LANGUAGE_SETTINGS["en"].items():
                setattr(english, name, value)
            english.navigation = [
                ("link", {"page": translation, "label": ""})
                for _kind, link in navigation
                if (translation := link["page"].get_translation_or_none(en)) is not None
            ]
            english.save()

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

    def ensure_child(self, parent: Page, model, fields, tags=()) -> tuple[Page, bool]:
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


def organisation_fields(entry: dict, language: str) -> dict:
    joined = entry.get("joined")
    return {
        "name": entry[language]["name"],
        "description": entry[language].get("description", ""),
        "kind": entry["kind"],
        "website": entry.get("website", ""),
        "joined": datetime.date.fromisoformat(joined) if joined else None,
    }


def person_fields(entry: dict, language: str) -> dict:
    return {
        "name": entry[language]["name"],
        "role": entry[language].get("role", ""),
        "bio": entry[language].get("bio", ""),
        "group": entry["group"],
        "sort_order": entry.get("order", 0),
    }


def items(values: list[str]) -> list[tuple[str, str]]:
    return [("item", value) for value in values]


def campaign_fields(entry: dict, language: str, areas: dict) -> dict:
    texts = entry[language]
    end = entry["end"]
    return {
        "title": texts["title"],
        "intro": texts["intro"],
        "start_date": datetime.date.fromisoformat(entry["start"]),
        "end_date": datetime.date.fromisoformat(end) if end else None,
        "area": areas[entry["area"]][language],
        "places": items(texts["places"]),
        "target_groups": items(texts["target_groups"]),
        "goals": items(texts["goals"]),
        "results": [("figure", figure) for figure in texts["results"]],
        "body": stream(texts["body"]),
    }


def local_time(value: str | None) -> datetime.datetime | None:
    """A demo time written in Kyiv time ("2019-12-19T10:00") as an aware datetime."""
    if not value:
        return None
    return timezone.make_aware(datetime.datetime.fromisoformat(value), ZoneInfo("Europe/Kyiv"))


def event_fields(entry: dict, language: str, areas: dict) -> dict:
    texts = entry[language]
    recurrence = entry.get("recurrence") or {}
    until = recurrence.get("until")
    return {
        "title": texts["title"],
        "intro": texts["intro"],
        "location": texts.get("location", ""),
        "body": stream(texts.get("body", [])),
        "start": local_time(entry["start"]),
        "end": local_time(entry.get("end")),
        "area": areas[entry["area"]][language],
        "frequency": recurrence.get("freq", ""),
        "interval": recurrence.get("interval", 1),
        "weekdays": ",".join(recurrence.get("weekdays", [])),
        "repeat_until": datetime.date.fromisoformat(until) if until else None,
    }


def translation_key_of(loaded: dict, obj) -> str:
    """The demo key of a loaded object, found by its translation key."""
    for key, versions in loaded.items():
        if versions["uk"].translation_key == obj.translation_key:
            return key
    raise KeyError(obj)
