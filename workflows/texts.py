"""Texts kept as ``<name>_uk`` and ``<name>_en`` fields on one row."""

from __future__ import annotations

from django.utils.translation import get_language


def localized(row, name: str, language: str | None = None) -> str:
    """``row.<name>`` in ``language`` (the active one by default), or the Ukrainian text where
    the English one is missing."""
    english = (language or get_language()) == "en"
    return (english and getattr(row, f"{name}_en")) or getattr(row, f"{name}_uk")
