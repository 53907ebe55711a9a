"""The site's locales, read once per process instead of once per lookup.

Wagtail's ``Locale.get_active()`` queries the database on every call, and a page's
``.locale`` on every first access; a request asks several times. Locales are a handful of rows
that change only when a language is added to ``LANGUAGES`` (a new release, so a restart), so
each process keeps them: saving or deleting a locale clears this process's copy, and a code or
id it has not seen is looked up again (a locale added in another process is found).
"""

from __future__ import annotations

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_by_code: dict[str, Locale] = {}
_by_id: dict[int, Locale] = {}


def _load() -> None:
    _by_code.clear()
    _by_id.clear()
    for locale in Locale.all_objects.all():
        _by_code[locale.language_code] = locale
        _by_id[locale.pk] = locale


def forget(*args, **kwargs) -> None:
    """Signal receiver: a locale was saved or deleted."""
    _by_code.clear()
    _by_id.clear()


post_save.connect(forget, sender=Locale, dispatch_uid="cms.locales.saved")
post_delete.connect(forget, sender=Locale, dispatch_uid="cms.locales.deleted")


def locale_for_language(language_code: str) -> Locale:
    """The locale of ``language_code`` (as ``Locale.objects.get_for_language``)."""
    code = get_supported_content_language_variant(language_code)
    if code not in _by_code:
        _load()
    try:
        return _by_code[code]
    except KeyError:
        raise Locale.DoesNotExist(f"No locale for {code!r}") from None


def active_locale() -> Locale:
    """The locale of the active language, else the default one (as ``Locale.get_active``)."""
    try:
        return locale_for_language(translation.get_language())
    except (Locale.DoesNotExist, LookupError):
        return default_locale()


def default_locale() -> Locale:
    """The locale of ``LANGUAGE_CODE`` (as ``Locale.get_default``)."""
    return locale_for_language(settings.LANGUAGE_CODE)


def locale_by_id(pk: int) -> Locale:
    """The locale with this id (raises ``Locale.DoesNotExist``)."""
    if pk not in _by_id:
        _load()
    try:
        return _by_id[pk]
    except KeyError:
        raise Locale.DoesNotExist(f"No locale with id {pk}") from None


def attach_locale(instance) -> None:
    """Give a loaded page or snippet its ``locale`` from this cache (no query on access)."""
    locale_id = instance.__dict__.get("locale_id")
    if locale_id is not None and "locale" not in instance._state.fields_cache:
        instance._state.fields_cache["locale"] = locale_by_id(locale_id)
