"""Template tags for the language switcher, hreflang alternates and the untranslated notice."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from cms.i18n import (
    UNTRANSLATED_PARAM,
    LanguageVersion,
    hreflang_alternates,
    language_versions,
    servable,
)

register = template.Library()


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context, to_home: bool = False):
    """Links to the same page in every site language (or to the nearest translated page).

    Outside Wagtail pages the same address is translated by the URL configuration; with
    ``to_home`` (error pages, where that address leads nowhere) each link goes to a home page.
    """
    request = context.get("request")
    page = _page(context)
    if page is not None and not to_home:
        return {"versions": language_versions(page, request)}
    current = get_language()
    versions = []
    for code, _name in settings.LANGUAGES:
        if to_home or request is None:
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        versions.append(
            LanguageVersion(
                code=code,
                name=get_language_info(code)["name_local"],
                url=url,
                is_current=code == current,
                is_translated=True,
            )
        )
    return {"versions": versions}


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    """``<link rel="alternate" hreflang>`` for each translation of the current page."""
    page = _page(context)
    if page is None:
        return {"alternates": []}
    return {"alternates": hreflang_alternates(page, context.get("request"))}


@register.inclusion_tag("includes/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """Say that the page the visitor asked for exists only in another language, and link to it."""
    request = context.get("request")
    raw_id = request.GET.get(UNTRANSLATED_PARAM, "") if request else ""
    if not raw_id.isdigit():
        return {"missing_page": None}
    missing = servable(Page.objects.filter(pk=int(raw_id))).select_related("locale").first()
    if missing is None or missing.locale.language_code == get_language():
        return {"missing_page": None}
    return {
        "missing_page": missing,
        "missing_url": missing.get_url(request),
        "missing_language_code": missing.locale.language_code,
        "missing_language": get_language_info(missing.locale.language_code)["name_translated"],
    }
