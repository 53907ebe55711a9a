"""The parts of every page that come from the per-language site settings (``cms.chrome``)."""

from __future__ import annotations

from django import template

from cms.chrome import site_chrome
from cms.navigation import mark_current, section_links

register = template.Library()


@register.simple_tag(takes_context=True)
def site_settings(context) -> dict | None:
    """Contacts, social links, footer and navigation of the visitor's language."""
    request = context.get("request")
    if request is None:
        return site_chrome(None)
    if not hasattr(request, "_site_chrome"):
        request._site_chrome = site_chrome(request)
    return request._site_chrome


@register.simple_tag(takes_context=True)
def main_navigation(context) -> list[dict]:
    """The main menu: the editors' links, then the app sections; each says if it is current."""
    chrome = site_settings(context) or {}
    links = [*chrome.get("navigation", ()), *section_links()]
    return mark_current(links, context.get("request"))
