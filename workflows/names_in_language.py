"""Priority areas and responsible authorities as the tracker names them: each in the visitor's
language where a translation may be shown, else in its own language, from one small query.

The tracker shows only a title (and a slug or id for its link), so neither whole page rows
(with their StreamField bodies) nor model instances are loaded. Loading them is what tells
the page cache what a response depends on (``cms.page_cache``), so these functions tell it
themselves: the initiatives, the list of areas in the visitor's language (as ``.live()``
would), each area shown from the other language, and the organisations. What they return is
plain data, so that it can be kept between responses (``cms.page_cache.values``).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from cms.i18n import servable
from cms.models import Organisation, PriorityAreaPage
from cms.page_cache import depends_on, lists
from cms.texts import LocalizedText

#: ``(pk, translation_key, title, language of the title, slug)``
Row = tuple[int, uuid.UUID, str, str, str]


@dataclass(frozen=True)
class Named:
    """An area or an authority as a list shows it. ``title`` knows its language, so a
    template marks an untranslated one with ``{% lang_attr named.title %}``."""

    pk: int
    translation_key: uuid.UUID
    title: LocalizedText
    slug: str = ""

    @classmethod
    def of(cls, row: Row) -> Named:
        pk, key, title, language, slug = row
        return cls(pk, key, LocalizedText(title, language), slug)


@dataclass(frozen=True)
class AreaRows:
    """The areas of a set of initiatives as plain data (see ``area_rows``)."""

    #: Area id → the area as shown: its live translation, else the area itself.
    by_id: dict[int, Row]
    #: The live areas, one per translation group, in the tree's order: the area filter.
    choices: list[Row]


def content_language() -> str:
    """The active language as Wagtail's locales spell it (what ``Locale.get_active`` looks
    up, without the query)."""
    return get_supported_content_language_variant(get_language())


def area_rows(initiatives: QuerySet, language: str) -> AreaRows:
    """The priority areas of ``initiatives`` named in ``language`` (one query, however many
    initiatives there are).

    An area shows as its translation into ``language`` where that may be served (live,
    public, not an alias of the other language's page: ``cms.i18n.servable``), else as itself
    (an area an editor has since unpublished still names the initiatives that point to it,
    but is no filter).
    """
    used = initiatives.filter(area=OuterRef("pk"))
    used_keys = PriorityAreaPage.objects.filter(pk__in=initiatives.values("area"))
    translations = servable(PriorityAreaPage.objects.all()).filter(
        locale__language_code=language, translation_key__in=used_keys.values("translation_key")
    )
    rows = (
        PriorityAreaPage.objects.annotate(
            used=Exists(used), servable=Exists(translations.filter(pk=OuterRef("pk")))
        )
        .filter(Q(used=True) | Q(servable=True))
        .order_by("path")
        .values_list(
            "pk",
            "translation_key",
            "title",
            "locale__language_code",
            "slug",
            "live",
            "used",
            "servable",
        )
    )
    # Any initiative changed, any area of this language published, renamed or unpublished (a
    # new translation among them) purges the response; areas of the other language by page.
    depends_on("initiatives")
    lists(PriorityAreaPage)
    own, used_rows = {}, []
    for pk, key, title, row_language, slug, live, is_used, is_servable in rows:
        row = (pk, key, title, row_language, slug)
        if is_servable:
            own[key] = row
        if is_used:
            used_rows.append((row, live))
    depends_on(*(f"page:{row[0]}" for row, _live in used_rows if row[3] != language))
    by_id = {row[0]: own.get(row[1], row) for row, _live in used_rows}
    choices, seen = [], set()
    for row, live in used_rows:
        if live and row[1] not in seen:
            seen.add(row[1])
            choices.append(own.get(row[1], row))
    return AreaRows(by_id=by_id, choices=choices)


def authority_rows(initiatives: QuerySet, language: str) -> list[Row]:
    """The responsible authorities of ``initiatives`` (one query), each named in ``language``
    where the organisation is translated, in the order of their own names."""
    used = initiatives.filter(responsible_authority=OuterRef("pk"))
    used_keys = Organisation.objects.filter(pk__in=initiatives.values("responsible_authority"))
    rows = (
        Organisation.objects.annotate(used=Exists(used))
        .filter(
            Q(used=True)
            | Q(
                locale__language_code=language,
                translation_key__in=used_keys.values("translation_key"),
            )
        )
        .order_by("name", "pk")
        .values_list("pk", "translation_key", "name", "locale__language_code", "used")
    )
    depends_on("initiatives")
    lists(Organisation)  # any organisation saved or deleted purges the response
    own, used_rows = {}, []
    for pk, key, name, row_language, is_used in rows:
        row = (pk, key, name, row_language, "")
        if row_language == language:
            own[key] = row
        if is_used:
            used_rows.append(row)
    shown, seen = [], set()
    for row in used_rows:
        if row[1] not in seen:
            seen.add(row[1])
            shown.append(own.get(row[1], row))
    return shown


def area_of(area_id: int, language: str) -> Row | None:
    """One area named in ``language`` (one query): its translation where that may be served,
    else the area itself; None if there is no such area."""
    key = PriorityAreaPage.objects.filter(pk=area_id).values("translation_key")
    translation = servable(PriorityAreaPage.objects.all()).filter(
        translation_key__in=key, locale__language_code=language
    )
    rows = PriorityAreaPage.objects.filter(
        Q(pk=area_id) | Q(pk__in=translation.values("pk"))
    ).values_list("pk", "translation_key", "title", "locale__language_code", "slug")
    shown = {row[0]: row for row in rows}
    if not shown:
        return None
    # The translation group's changes (a new translation among them) and each page shown.
    depends_on(f"translations:{next(iter(shown.values()))[1]}", *(f"page:{pk}" for pk in shown))
    translated = next((row for pk, row in shown.items() if pk != area_id), None)
    return translated or shown[area_id]
