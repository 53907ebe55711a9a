"""The demo site in Ukrainian and English: pages, snippets and settings, from ``data/*.json``.

Idempotent: a second run changes nothing. Only what the ``cms`` app owns is loaded here; the
``load_demo`` command (in ``config``, the layer that sees every app) adds initiatives and cameras.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

from wagtail.models import Locale, TranslatableMixin

from cms.demo import DATA, read_demo_data
from cms.demo.fields import (
    area_fields,
    campaign_fields,
    event_fields,
    organisation_fields,
    person_fields,
    translation_key_of,
)
from cms.demo.images import DemoIllustrations
from cms.demo.pages import ensure_child, ensure_home, ensure_translation, stream
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


class DemoSite:
    """Loads the demo pages; afterwards ``home``, ``english_home``, ``created`` (new pages) and
    ``areas`` (the priority area pages by key and language) describe what is there; the
    pictures are ``illustrations`` (``illustrations.created``: the images this run made)."""

    def __init__(self) -> None:
        self.content = read_demo_data(DATA / "content.json")
        self.created = 0
        self.areas: dict[str, dict[str, PriorityAreaPage]] = {}
        self.news: dict[str, dict[str, NewsPage]] = {}
        self.illustrations = DemoIllustrations()

    def load(self) -> DemoSite:
        content = self.content
        uk = Locale.objects.get(language_code="uk")
        en = Locale.objects.get(language_code="en")
        home = self.home = ensure_home(uk, content["home"]["uk"])
        self.english_home = ensure_translation(home, en, content["home"]["en"])
        for entry in content["pages"]:
            page, was_created = ensure_child(home, StandardPage, entry["uk"])
            self.created += was_created
            if "en" in entry:
                ensure_translation(page, en, entry["en"])
        self.created += self.load_areas_and_news(home, en)
        organisations_data = read_demo_data(DATA / "organisations.json")
        people_data = read_demo_data(DATA / "people.json")
        organisations = self.load_snippets(
            Organisation, organisations_data["organisations"], en, organisation_fields
        )
        self.load_snippets(Person, people_data["people"], en, person_fields)
        self.created += self.load_campaigns(home, en, organisations)
        self.created += self.load_events(home, en)
        self.created += self.load_memorandum(home, en, organisations_data)
        self.created += self.load_team(home, en, people_data["team"])
        self.created += self.load_contact(home, en)
        self.load_language_settings(home, en)
        return self

    def load_areas_and_news(self, home: HomePage, en: Locale) -> int:
        """The six priority areas and the news, each news item linked to its area."""
        data = read_demo_data(DATA / "news.json")
        created = 0
        area_index, was_created = ensure_child(
            home, PriorityAreaIndexPage, self.content["area_index"]["uk"]
        )
        created += was_created
        ensure_translation(area_index, en, self.content["area_index"]["en"])
        areas = self.areas
        for entry in data["areas"]:
            area, was_created = ensure_child(area_index, PriorityAreaPage, area_fields(entry["uk"]))
            created += was_created
            english = ensure_translation(area, en, area_fields(entry["en"]))
            areas[entry["key"]] = {"uk": area, "en": english}

        news_index, was_created = ensure_child(
            home, NewsIndexPage, self.content["news_index"]["uk"]
        )
        created += was_created
        ensure_translation(news_index, en, self.content["news_index"]["en"])
        for entry in data["news"]:
            date = datetime.date.fromisoformat(entry["date"])
            fields = {
                **entry["uk"],
                "body": stream(entry["uk"]["body"]),
                "date": date,
                "area": areas[entry["area"]]["uk"],
                **self.illustrations.lead_image_fields(entry["illustration"], "uk"),
            }
            item, was_created = ensure_child(news_index, NewsPage, fields, tags=entry["tags"]["uk"])
            created += was_created
            self.news[entry["key"]] = {"uk": item}
            if "en" in entry:
                en_fields = {
                    **entry["en"],
                    "body": stream(entry["en"]["body"]),
                    "area": areas[entry["area"]]["en"],
                    **self.illustrations.lead_image_fields(entry["illustration"], "en"),
                }
                self.news[entry["key"]]["en"] = ensure_translation(
                    item, en, en_fields, tags=entry["tags"]["en"]
                )
        return created

    def load_snippets(
        self,
        model: type[TranslatableMixin],
        entries: list[dict],
        en: Locale,
        fields: Callable[[dict, str], dict],
    ) -> dict:
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
        data = read_demo_data(DATA / "campaigns.json")
        index, created = ensure_child(home, CampaignIndexPage, data["campaign_index"]["uk"])
        ensure_translation(index, en, data["campaign_index"]["en"])
        for entry in data["campaigns"]:
            existing = CampaignPage.objects.child_of(index).filter(title=entry["uk"]["title"])
            if existing.exists():
                continue
            page = CampaignPage(
                **campaign_fields(entry, "uk", self.areas),
                gallery=self.illustrations.gallery(entry["gallery"], "uk"),
            )
            for key in entry["partners"]:
                page.partners.add(CampaignPartner(organisation=organisations[key]["uk"]))
            for key in entry["news"]:
                page.news_links.add(CampaignNewsLink(news_page=self.news[key]["uk"]))
            page, was_created = ensure_child(index, CampaignPage, page)
            created += was_created
            if "en" in entry:
                english = ensure_translation(
                    page,
                    en,
                    {
                        **campaign_fields(entry, "en", self.areas),
                        "gallery": self.illustrations.gallery(entry["gallery"], "en"),
                    },
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
        data = read_demo_data(DATA / "events.json")
        index, created = ensure_child(home, EventIndexPage, data["event_index"]["uk"])
        ensure_translation(index, en, data["event_index"]["en"])
        for entry in data["events"]:
            page, was_created = ensure_child(
                index, EventPage, event_fields(entry, "uk", self.areas)
            )
            created += was_created
            if "en" in entry:
                ensure_translation(page, en, event_fields(entry, "en", self.areas))
        return created

    def load_memorandum(self, home: HomePage, en: Locale, data: dict) -> int:
        memorandum, totals = data["memorandum"], data["memorandum_totals"]
        fields = {**memorandum["uk"], "body": stream(memorandum["uk"]["body"])}
        if not MemorandumPage.objects.child_of(home).filter(title=fields["title"]).exists():
            page = MemorandumPage(**fields, slug="memorandum")
            for total in totals:
                page.signatory_totals.add(
                    SignatoryTotal(
                        date=datetime.date.fromisoformat(total["date"]),
                        count=total["count"],
                        note=total["uk"],
                    )
                )
            fields = page
        page, created = ensure_child(home, MemorandumPage, fields)
        english = ensure_translation(
            page, en, {**memorandum["en"], "body": stream(memorandum["en"]["body"])}
        )
        notes = {total["date"]: total["en"] for total in totals}
        for total in english.signatory_totals.all():
            if total.note != notes.get(total.date.isoformat(), total.note):
                total.note = notes[total.date.isoformat()]
                total.save()
        return created

    def load_team(self, home: HomePage, en: Locale, team: dict) -> int:
        page, created = ensure_child(home, TeamPage, team["uk"])
        ensure_translation(page, en, team["en"])
        return created

    def load_contact(self, home: HomePage, en: Locale) -> int:
        texts = self.content["contact"]["uk"]
        fields = {k: v for k, v in texts.items() if k != "fields"}
        if not ContactPage.objects.child_of(home).filter(title=fields["title"]).exists():
            page = ContactPage(**fields)
            for label, field_type, required in texts["fields"]:
                page.form_fields.add(
                    ContactFormField(label=label, field_type=field_type, required=required)
                )
            fields = page
        page, created = ensure_child(home, ContactPage, fields)
        english_texts = self.content["contact"]["en"]
        english = ensure_translation(
            page, en, {k: v for k, v in english_texts.items() if k != "fields"}
        )
        for field, label in zip(english.form_fields.all(), english_texts["fields"], strict=True):
            if field.label != label:
                field.label = label
                field.save()
        return created

    def load_language_settings(self, home: HomePage, en: Locale) -> None:
        uk = Locale.get_default()
        texts = self.content["language_settings"]
        children = {page.title: page for page in home.get_children()}
        navigation = [
            ("link", {"page": children[title], "label": ""})
            for title in self.content["navigation"]
            if title in children
        ]
        row = LanguageSettings.objects.filter(locale=uk).first()
        if row is None:
            row = LanguageSettings.objects.create(locale=uk, navigation=navigation, **texts["uk"])
        if row.get_translation_or_none(en) is None:
            english = row.copy_for_translation(en)
            for name, value in texts["en"].items():
                setattr(english, name, value)
            english.navigation = [
                ("link", {"page": translation, "label": ""})
                for _kind, link in navigation
                if (translation := link["page"].get_translation_or_none(en)) is not None
            ]
            english.save()
