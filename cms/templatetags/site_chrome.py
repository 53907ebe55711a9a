"""The parts of every page that come from the per-language site settings."""

from __future__ import annotations

from django import template
from django.utils.translation import get_language
from wagtail.models import Locale, Page

from cms.models import LanguageSettings

register = template.Library()


@register.simple_tag(takes_context=True)
def site_settings(context) -> LanguageSettings | None:
    """This language's settings, read once per request."""
    request = context.get("request")
    language = get_language()
    cache = getattr(request, "_language_settings", None) if request else None
    if cache is None:
        cache = {}
        if request is not None:
            request._language_settings = cache
    if language not in cache:
        cache[language] = LanguageSettings.for_language(language)
    return cache[language]


@register.simple_tag(takes_context=True)
def navigation_links(context, chrome: LanguageSettings | None) -> list[dict]:
    """The navigation's links in the visitor's language: a page chosen in another language is
    replaced by its live translation, and left out while it has none."""
    if chrome is None:
        return []
    request = context.get("request")
    active = Locale.get_active()
    chosen = [(block.value["page"], block.value["label"]) for block in chrome.navigation]
    chosen = [(page, label) for page, label in chosen if page is not None]
    foreign = [page.translation_key for page, _label in chosen if page.locale_id != active.pk]
    translations = {
        page.translation_key: page
        for page in Page.objects.live().public().filter(translation_key__in=foreign, locale=active)
    }
    links = []
    for page, label in chosen:
        target = page if page.locale_id == active.pk else translations.get(page.translation_key)
        if chrome.locale_id != active.pk:
            label = ""  # these are the default language's settings: its labels would not fit
        if target is None or not target.live:
            continue
        links.append({"url": target.get_url(request), "label": label or target.title})
    return links
