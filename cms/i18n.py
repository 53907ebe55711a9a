"""Which language versions of a page exist, and where a visitor goes when one does not."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.db.models import F, Model, Q, QuerySet
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import get_language_info, override
from wagtail.models import Locale, Page

from cms.locales import active_locale, attach_locale, locale_by_id
from cms.page_cache import depends_on
from cms.page_cache.values import kept_value
from cms.per_request import once_per_request
from cms.sites import site_for_request
from cms.texts import LocalizedText
from cms.visibility import public_q

T = TypeVar("T", bound=Model)

#: Query parameter that carries the page a visitor wanted but that is not translated.
UNTRANSLATED_PARAM = "untranslated"


def servable(pages: QuerySet[Page]) -> QuerySet[Page]:
    """Pages that may be served in their own language: live, public, and not an alias of a
    page in another language (such an alias would show that other language's text)."""
    return pages.live().filter(servable_q())


def servable_q() -> Q:
    """``servable`` as a condition (without declaring a list of pages to the page cache)."""
    return Q(live=True) & public_q() & (Q(alias_of__isnull=True) | Q(alias_of__locale=F("locale")))


def is_foreign_alias(page: Page) -> bool:
    """True for an alias whose content comes from a page in another language."""
    return page.alias_of_id is not None and page.alias_of.locale_id != page.locale_id


def translations_by_language(page: Page) -> dict[str, Page]:
    """The servable language versions of ``page``, itself included, keyed by language code.

    Kept on the page instance: the switcher and the hreflang links of one response both ask.
    """
    cached = getattr(page, "_servable_translations", None)
    if cached is None:
        depends_on(f"translations:{page.translation_key}")
        # Through Page, not the page's own type: listing its type would make every page of
        # that type stale whenever one of them changes (cms.page_cache).
        group = Page.objects.filter(translation_key=page.translation_key)
        cached = page._servable_translations = {}
        for translation in servable(group):
            attach_locale(translation)
            cached[translation.locale.language_code] = translation
    return cached


def nearest_translated_ancestor(page: Page, language_code: str) -> Page | None:
    """The deepest ancestor of ``page`` that exists in ``language_code``, or None."""
    ancestor_keys = list(
        page.get_ancestors().filter(depth__gt=1).values_list("translation_key", flat=True)
    )
    depends_on(*(f"translations:{key}" for key in ancestor_keys))
    return (
        servable(Page.objects.filter(translation_key__in=ancestor_keys))
        .filter(locale__language_code=language_code)
        .order_by("-depth")
        .first()
    )


@dataclass(frozen=True)
class LanguageVersion:
    """One entry of the language switcher."""

    code: str
    name: str
    url: str
    is_current: bool
    is_translated: bool


def untranslated_url(page: Page, language_code: str, request: HttpRequest | None) -> str:
    """Where to send a visitor who asks for ``page`` in a language it does not exist in.

    The nearest translated ancestor, with a notice naming the page; if even the home page is
    not translated, the page's own path in that language, where the server shows the notice.
    """
    ancestor = nearest_translated_ancestor(page, language_code)
    if ancestor is not None:
        return notice_url(ancestor, page, request)
    return path_in_language(page, language_code, request)


def notice_url(ancestor: Page, page: Page, request: HttpRequest | None) -> str:
    """``ancestor``'s URL with the notice that ``page`` is not translated."""
    return f"{ancestor.get_url(request)}?{UNTRANSLATED_PARAM}={page.pk}"


def path_in_language(page: Page, language_code: str, request: HttpRequest | None) -> str:
    """``page``'s path with the URL prefix of ``language_code`` (none for the default)."""
    _site_id, _root_url, path = page.get_url_parts(request) or (None, None, "/")
    own_prefix = f"/{page.locale.language_code}/"
    if path.startswith(own_prefix):
        path = path[len(own_prefix) - 1 :]
    if language_code == settings.LANGUAGE_CODE:
        return path
    return f"/{language_code}{path}"


def page_links(page: Page, request: HttpRequest | None) -> dict:
    """Where the switcher and the hreflang links of ``page`` point: its own URL, and for each
    language its translation's URL (relative and absolute) or the fallback's.

    The same for every visitor of a site, so kept between responses (``cms.page_cache.values``)
    while none of the pages involved changes, and computed once per response.
    """
    site = site_for_request(request)
    if page.pk is None or request is None or getattr(request, "is_preview", False):
        return _page_links(page, request)
    name = f"page-links:{page.pk}:{site.pk if site else 0}"
    return once_per_request(name, lambda: kept_value(name, lambda: _page_links(page, request)))


def _page_links(page: Page, request: HttpRequest | None) -> dict:
    translations = translations_by_language(page)
    languages = {}
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is None:
            languages[code] = {"url": untranslated_url(page, code, request), "full_url": None}
        else:
            languages[code] = {
                "url": target.get_url(request),
                "full_url": target.get_full_url(request),
            }
    return {"own": page.get_url(request), "languages": languages}


def subroute(page: Page, request: HttpRequest | None, own: str | None = None) -> str:
    """The part of the address after the page's own ("past/" of ``/podii/past/``): routable
    pages name their routes alike in every language, so a translation has the same one."""
    if request is None:
        return ""
    own = page.get_url(request) if own is None else own
    if own and own.startswith("/") and request.path.startswith(own):
        return request.path[len(own) :]
    return ""


def language_versions(page: Page, request: HttpRequest | None) -> list[LanguageVersion]:
    """The switcher's entries: the same page in each language, or the nearest fallback."""
    links = page_links(page, request)
    current = page.locale.language_code
    suffix = subroute(page, request, links["own"])
    versions = []
    for code, _name in settings.LANGUAGES:
        link = links["languages"][code]
        translated = link["full_url"] is not None
        versions.append(
            LanguageVersion(
                code=code,
                name=get_language_info(code)["name_local"],
                url=link["url"] + suffix if translated else link["url"],
                is_current=code == current,
                is_translated=translated,
            )
        )
    return versions


def hreflang_alternates(page: Page, request: HttpRequest | None) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` for every existing translation, plus ``x-default``; a
    sub-route (``/podii/past/``) pairs with the same sub-route of each translation."""
    links = page_links(page, request)
    suffix = subroute(page, request, links["own"])
    full = {code: link["full_url"] for code, link in links["languages"].items()}
    alternates = [
        (code, full[code] + suffix) for code, _name in settings.LANGUAGES if full.get(code)
    ]
    default = full.get(settings.LANGUAGE_CODE) or full.get(page.locale.language_code)
    if default is not None:
        alternates.append(("x-default", default + suffix))
    return alternates


#: URL names that are not pages of their own (Wagtail's catch-all serves its pages and 404s).
NOT_ALTERNATED = frozenset({"wagtail_serve"})


def view_alternates(request: HttpRequest | None) -> list[tuple[str, str]]:
    """``(hreflang, absolute URL)`` of a view outside Wagtail (the tracker, an initiative, the
    camera status) in every language, plus ``x-default``.

    The URL configuration names the view and reverses it in each language, arguments and all;
    the query string is left out, so every filtered list names the list itself.
    """
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name or match.url_name in NOT_ALTERNATED:
        return []
    urls = {}
    for code, _name in settings.LANGUAGES:
        with override(code):
            try:
                urls[code] = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
            except NoReverseMatch:
                return []
    if len(set(urls.values())) < len(urls):  # a view outside the language prefixes
        return []
    alternates = [(code, request.build_absolute_uri(url)) for code, url in urls.items()]
    alternates.append(("x-default", request.build_absolute_uri(urls[settings.LANGUAGE_CODE])))
    return alternates


CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def language_of(value: object) -> str | None:
    """The language a shown value is in, where it can be told.

    A bilingual field's text says which language it fell back to (``cms.texts``); a page or
    a translatable snippet is in its locale's language; a text kept in one language only (a
    tag, a place, the responsible body, a document's title) is Ukrainian if it is written in
    Cyrillic, which English never is.
    """
    if isinstance(value, LocalizedText):
        return value.language
    locale_id = getattr(value, "locale_id", None)
    if isinstance(locale_id, int):
        return locale_by_id(locale_id).language_code
    if isinstance(value, str) and CYRILLIC.search(value):
        return settings.LANGUAGE_CODE
    return None


def translated(obj: T | None, queryset: QuerySet[T] | None = None) -> T | None:
    """``obj``'s translation into the active language if one may be shown, else ``obj``.

    Pages must be servable; for other translatable objects any row of ``queryset`` (by
    default all of the model's) will do.
    """
    if obj is None:
        return None
    if queryset is None:
        model = type(obj)
        queryset = (
            servable(Page.objects.all()) if isinstance(obj, Page) else model._default_manager.all()
        )
    found = in_locale([obj], queryset)[0]
    return found.specific_deferred if isinstance(found, Page) and found is not obj else found


def related_in_language(obj: Model, field_name: str) -> Page | None:
    """The page ``obj.<field_name>`` points to, in the active language where a translation may
    be shown (as ``translated``), in one query and without the pages' bodies: what a link
    to it needs."""
    pk = getattr(obj, f"{field_name}_id")
    if pk is None:
        return None
    model = obj._meta.get_field(field_name).related_model
    same = model._base_manager.filter(pk=pk).values("translation_key")
    rows = list(
        model.objects.filter(
            Q(pk=pk) | (Q(translation_key__in=same, locale=active_locale()) & servable_q())
        ).defer_streamfields()
    )
    original = next((row for row in rows if row.pk == pk), None)
    if original is None:
        return None
    depends_on(f"translations:{original.translation_key}")
    found = next((row for row in rows if row.pk != pk), original)
    attach_locale(found)
    return found


def in_locale(objects: list[T], queryset: QuerySet[T], locale: Locale | None = None) -> list[T]:
    """Each translatable object replaced by its translation into ``locale`` (the active one by
    default), if any.

    ``queryset`` says which translations may be shown (e.g. only live, public pages); the
    original stays where there is no such translation.
    """
    if not objects:
        return []
    # A translation published later must purge the response that showed the original.
    depends_on(*(f"translations:{obj.translation_key}" for obj in objects))
    translations = {}
    for found in queryset.filter(
        translation_key__in=[obj.translation_key for obj in objects],
        locale=locale or active_locale(),
    ):
        attach_locale(found)
        translations[found.translation_key] = found
    return [translations.get(obj.translation_key, obj) for obj in objects]
