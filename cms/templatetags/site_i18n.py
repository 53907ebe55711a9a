"""Template tags for the language switcher, hreflang alternates and the untranslated notice."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, get_language_info
from wagtail.models import Page

from cms import i18n
from cms.i18n import (
    UNTRANSLATED_PARAM,
    LanguageVersion,
    hreflang_alternates,
    language_of,
    language_versions,
    servable,
    translated,
    view_alternates,
)
from cms.query_params import as_id

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
    """``<link rel="alternate" hreflang>`` for each translation of the current page, or of
    the current view outside Wagtail."""
    page = _page(context)
    if page is None:
        return {"alternates": view_alternates(context.get("request"))}
    return {"alternates": hreflang_alternates(page, context.get("request"))}


def _foreign_language(value) -> str | None:
    language = language_of(value)
    return language if language and language != get_language() else None


@register.simple_tag
def lang_attr(value) -> SafeString:
    """`` lang="uk"`` for an element that shows ``value`` when it is not in the page's
    language (an untranslated text, page or snippet shown in its original), else nothing."""
    language = _foreign_language(value)
    return format_html(' lang="{}"', language) if language else mark_safe("")


@register.filter
def lang_marked(value, source=None) -> SafeString:
    """``value``, inside ``<span lang="uk">`` if it is not in the page's language (for text
    inside a sentence, where no element of its own carries it). ``source``, if given, is what
    the text comes from and decides its language: ``{{ person.name|lang_marked:person }}``."""
    language = _foreign_language(value if source is None else source)
    if language:
        return format_html('<span lang="{}">{}</span>', language, value)
    return conditional_escape(value)


@register.simple_tag
def in_language(obj):
    """``obj`` (a page or a translatable snippet) in the page's language where a translation
    may be shown, else ``obj`` itself: ``{% in_language page.area as area %}``."""
    return translated(obj)


@register.simple_tag
def related_in_language(obj, field_name: str):
    """The page ``obj.<field_name>`` links to, in the page's language where a translation may
    be shown: ``{% related_in_language page "area" as area %}`` (one query, no page body)."""
    return i18n.related_in_language(obj, field_name)


@register.inclusion_tag("includes/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """Say that the page the visitor asked for exists only in another language, and link to it."""
    request = context.get("request")
    page_id = as_id(request.GET.get(UNTRANSLATED_PARAM, "")) if request else None
    if page_id is None:
        return {"missing_page": None}
    missing = servable(Page.objects.filter(pk=page_id)).select_related("locale").first()
    if missing is None or missing.locale.language_code == get_language():
        return {"missing_page": None}
    return {
        "missing_page": missing,
        "missing_url": missing.get_url(request),
        "missing_language_code": missing.locale.language_code,
        "missing_language": get_language_info(missing.locale.language_code)["name_translated"],
    }
