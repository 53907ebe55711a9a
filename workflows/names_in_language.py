"""Priority areas and responsible authorities as the tracker names them: each in the visitor's
language where a translation may be shown, else in its own language, from one small query.

The tracker shows only a title (and a slug or id for its link), so neither whole page rows
(with their StreamField bodies) nor model instances are loaded. Loading them is what tells
the page cache what a response depends on (``cms.page_cache``), so these functions tell it
themselves: the list of areas in the visitor's language (as ``.live()`` would), each page
shown from the other language, and the organisations.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from cms.models import Organisation, PriorityAreaPage
from cms.page_cache import depends_on, lists
from cms.texts import LocalizedText


@dataclass(frozen=True)
class Named:
    """An area or an authority as a list shows it. ``title`` knows its language, so a
    template marks an untranslated one with ``{% lang_attr named.title %}``."""

    pk: int
    translation_key: uuid.UUID
    title: LocalizedText
    slug: str = ""


@dataclass(frozen=True)
class Names:
    """What public initiatives point to, named in the visitor's language."""

    #: Area id → the area as shown: its live translation, else the area itself.
    by_id: dict[int, Named]
    #: The live areas, one per translation group, in the tree's order: the area filter.
    choices: list[Named]


def content_language() -> str:
    """The active language as Wagtail's locales spell it (what ``Locale.get_active`` looks
    up, without the query)."""
    return get_supported_content_language_variant(get_language())


def area_names(initiatives: QuerySet) -> Names:
    """The priority areas of ``initiatives`` (one query, however many initiatives).

    An area shows as its live translation into the visitor's language, else as itself (an
    area an editor has since unpublished still names the initiatives that point to it, but
    is no filter).
    """
    language = content_language()
    used = initiatives.filter(area=OuterRef("pk"))
    used_keys = PriorityAreaPage.objects.filter(pk__in=initiatives.values("area"))
    rows = (
        PriorityAreaPage.objects.annotate(used=Exists(used))
        .filter(
            Q(used=True)
            | Q(
                live=True,
                locale__language_code=language,
                translation_key__in=used_keys.values("translation_key"),
            )
        )
        .order_by("path")
        .values_list(
            "pk", "translation_key", "title", "slug", "locale__language_code", "live", "used"
        )
    )
    # Any area of this language published, renamed or unpublished, a new translation among
    # them, purges the response; pages shown from the other language by their own tag.
    lists(PriorityAreaPage)
    own, used_rows = {}, []
    for pk, key, title, slug, row_language, live, is_used in rows:
        named = Named(pk, key, LocalizedText(title, row_language), slug)
        if row_language == language and live:
            own[key] = named
        if is_used:
            used_rows.append((named, live))
    depends_on(
        *(f"page:{named.pk}" for named, _live in used_rows if named.title.language != language)
    )
    by_id = {named.pk: own.get(named.translation_key, named) for named, _live in used_rows}
    choices, seen = [], set()
    for named, live in used_rows:
        if live and named.translation_key not in seen:
            seen.add(named.translation_key)
            choices.append(own.get(named.translation_key, named))
    return Names(by_id=by_id, choices=choices)


def authority_names(initiatives: QuerySet) -> list[Named]:
    """The responsible authorities of ``initiatives`` (one query), each in the visitor's
    language where the organisation is translated, ordered by their own names."""
    language = content_language()
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
    lists(Organisation)  # any organisation saved or deleted purges the response
    own, used_rows = {}, []
    for pk, key, name, row_language, is_used in rows:
        named = Named(pk, key, LocalizedText(name, row_language))
        if row_language == language:
            own[key] = named
        if is_used:
            used_rows.append(named)
    shown, seen = [], set()
    for named in used_rows:
        if named.translation_key not in seen:
            seen.add(named.translation_key)
            shown.append(own.get(named.translation_key, named))
    return shown
