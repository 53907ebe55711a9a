"""What every page shows around its content (navigation, contacts, footer), per language.

Computing it takes several queries (the settings row, the chosen pages, their translations),
and it changes only when an editor edits the settings or publishes, moves or deletes a page.
So it is kept in the cache as plain values with the version number that those events bump
(both read in one round trip); a short lifetime bounds staleness where the cache is per process
(the in-memory default).
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import get_language
from wagtail.models import Page

from cms.locales import active_locale
from cms.models import LanguageSettings
from cms.page_cache import depends_on, lists
from cms.sites import site_for_request

VERSION_KEY = "site-chrome-version"
LIFETIME = 60  # seconds


def bump_version(*args, **kwargs) -> None:
    """Signal receiver: the navigation or the settings may have changed."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache yet
        cache.set(VERSION_KEY, 1, None)


def site_chrome(request: HttpRequest | None) -> dict | None:
    """The settings and navigation of the visitor's language, from the cache when possible."""
    language = get_language()
    site = site_for_request(request)
    key = f"site-chrome:{site.pk if site else 0}:{language}"
    found = cache.get_many([VERSION_KEY, key])  # one round trip
    version = found.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, None)
        version = cache.get(VERSION_KEY)
    stored_version, chrome = found.get(key) or (None, None)
    if chrome is None or stored_version != version:
        chrome = build_chrome(request, language)
        cache.set(key, (version, chrome), LIFETIME)
    # Loaded from the cache, none of it is seen by the page cache's collector: say it here.
    lists(LanguageSettings)
    depends_on(*(f"translations:{key}" for key in chrome.get("navigation_keys", ())))
    if chrome.get("reception"):
        depends_on(f"translations:{chrome['reception']['translation_key']}")
    return chrome or None


def build_chrome(request: HttpRequest | None, language: str) -> dict:
    from cms.models.site_settings import SOCIAL_NETWORKS

    networks = dict(SOCIAL_NETWORKS)
    settings_row = LanguageSettings.for_language(language)
    if settings_row is None:
        return {}
    return {
        "site_name": settings_row.site_name,
        "address": settings_row.address,
        "reception_hours": settings_row.reception_hours,
        "phone": settings_row.phone,
        "email": settings_row.email,
        "footer_text": settings_row.footer_text,
        "social_links": [
            {
                "url": block.value["url"],
                "label": block.value["label"] or str(networks.get(block.value["network"], "")),
            }
            for block in settings_row.social_links
        ],
        "navigation": navigation_links(request, settings_row),
        "navigation_keys": [
            str(block.value["page"].translation_key)
            for block in settings_row.navigation
            if block.value["page"] is not None
        ],
        "reception": reception(),
    }


def reception() -> dict | None:
    """Where and when the office receives residents, from the contact page of the visitor's
    language (None while it has none)."""
    from cms.models import ContactPage

    page = ContactPage.objects.live().public().filter(locale=active_locale()).first()
    if page is None:
        return None
    return {
        "street_address": page.street_address,
        "locality": page.locality,
        "reception_hours": page.reception_hours,
        "reception_note": page.reception_note,
        "translation_key": str(page.translation_key),
    }


def navigation_links(request: HttpRequest | None, settings_row) -> list[dict]:
    """The navigation's links in the visitor's language: a page chosen in another language is
    replaced by its live translation, and left out while it has none."""
    active = active_locale()
    chosen = [(block.value["page"], block.value["label"]) for block in settings_row.navigation]
    chosen = [(page, label) for page, label in chosen if page is not None]
    foreign = [page.translation_key for page, _label in chosen if page.locale_id != active.pk]
    translations = {
        page.translation_key: page
        for page in Page.objects.live().public().filter(translation_key__in=foreign, locale=active)
    }
    links = []
    for page, label in chosen:
        target = page if page.locale_id == active.pk else translations.get(page.translation_key)
        if settings_row.locale_id != active.pk:
            label = ""  # these are the default language's settings: its labels would not fit
        if target is None or not target.live:
            continue
        links.append({"url": target.get_url(request), "label": label or target.title})
    return links
