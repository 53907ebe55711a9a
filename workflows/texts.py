"""Texts kept as ``<name>_uk`` and ``<name>_en`` fields on one row (see ``cms.texts``)."""

from __future__ import annotations

from cms.texts import LocalizedText, localized

__all__ = ["LocalizedText", "localized"]
