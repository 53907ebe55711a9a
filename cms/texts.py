"""Texts kept as ``<name>_uk`` and ``<name>_en`` fields on one row, and the language each is in.

Initiatives, their history and cameras keep their texts this way. Where the English is
missing the Ukrainian is shown, and the value says so, so that a page can mark it
``lang="uk"`` and an export can name its language.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import get_language


class LocalizedText(str):
    """A text that knows which language it is in (``.language``)."""

    language: str

    def __new__(cls, text: str, language: str) -> LocalizedText:
        value = super().__new__(cls, text)
        value.language = language
        return value


def localized(row, name: str, language: str | None = None) -> LocalizedText:
    """``row.<name>`` in ``language`` (the active one by default), or the Ukrainian text where
    the English one is missing."""
    if (language or get_language()) == "en" and (english := getattr(row, f"{name}_en")):
        return LocalizedText(english, "en")
    return LocalizedText(getattr(row, f"{name}_uk"), settings.LANGUAGE_CODE)
