"""A read-only JSON API and CSV export of the public initiatives.

Public states and public history only, the same as the tracker; texts in both languages. The
list pages with ``limit`` (at most 100) and ``offset``; bad values get a 400 with a reason.
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from cms.csv_safety import SafeWriter
from cms.i18n import language_of, servable
from cms.page_cache import cache_public, depends_on
from cms.texts import localized
from workflows.engine import TransitionLog
from workflows.models import Initiative
from workflows.public import PUBLIC_STATES, filtered_initiatives, public_initiatives
from workflows.relations import public_relations

MAX_LIMIT = 100
#: Databases take a 64-bit OFFSET at most (SQLite: "datatype mismatch" beyond it); no list is
#: anywhere near this long.
MAX_OFFSET = 2**31 - 1


def both(item: Initiative, name: str) -> dict[str, str]:
    return {"uk": getattr(item, f"{name}_uk"), "en": getattr(item, f"{name}_en")}


def one_language(text: str) -> dict[str, str]:
    """A text kept in one language only (a tag, a place): under its language, and "" under
    the other (a text in Latin letters reads the same in both)."""
    language = language_of(text)
    return {code: text if language in (None, code) else "" for code, _name in settings.LANGUAGES}


def area_titles(items) -> dict:
    """Each initiative's priority area titled in every language, by the area's translation key:
    its own title, and each published translation's ("" for a language without one)."""
    areas = {item.area.translation_key: item.area for item in items if item.area}
    titles = {
        key: {code: "" for code, _name in settings.LANGUAGES} | {a.locale.language_code: a.title}
        for key, a in areas.items()
    }
    depends_on(*(f"translations:{key}" for key in areas))
    versions = servable(Page.objects.filter(translation_key__in=list(areas)))
    for key, code, title in versions.values_list(
        "translation_key", "locale__language_code", "title"
    ):
        titles[key][code] = title
    return titles


def area_of(item: Initiative, titles: dict) -> dict[str, str] | None:
    return titles[item.area.translation_key] if item.area else None


def label(state) -> dict[str, str]:
    labels = {}
    for language in ("uk", "en"):
        with translation.override(language):
            labels[language] = str(state.label)
    return labels


def url_in(language: str, pk: int) -> str:
    with translation.override(language):
        return reverse("workflows:initiative", args=[pk])


def as_json(item: Initiative, titles: dict) -> dict:
    decision = None
    if item.decision_number:
        decision = {
            "number": item.decision_number,
            "date": item.decision_date.isoformat() if item.decision_date else None,
            "votes": {
                "for": item.votes_for,
                "against": item.votes_against,
                "abstained": item.votes_abstained,
            },
        }
    deadline = item.deadline()
    return {
        "id": item.pk,
        "state": item.state,
        "state_label": label(item.current_state),
        "title": both(item, "title"),
        "summary": both(item, "summary"),
        "area": area_of(item, titles),
        "decision": decision,
        "deadline": deadline.isoformat() if deadline else None,
        "overdue": item.is_overdue(),
        "updated_at": item.updated_at.isoformat(),
        "url": {language: url_in(language, item.pk) for language in ("uk", "en")},
    }


def bad_request(message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=400)


@cache_public(tags=("initiatives",))
def initiative_list(request):
    try:
        limit = int(request.GET.get("limit", 20))
        offset = int(request.GET.get("offset", 0))
    except ValueError:
        return bad_request("limit and offset must be whole numbers")
    if not (1 <= limit <= MAX_LIMIT) or not (0 <= offset <= MAX_OFFSET):
        return bad_request(f"limit must be 1–{MAX_LIMIT} and offset 0–{MAX_OFFSET}")
    try:
        items, _filters = filtered_initiatives(request)
    except Http404 as error:
        return JsonResponse({"error": str(error)}, status=404)
    total = items.count()
    page = list(items.order_by("-updated_at", "-pk")[offset : offset + limit])
    titles = area_titles(page)
    return JsonResponse(
        {
            "count": total,
            "limit": limit,
            "offset": offset,
            "states": [{"value": s.value, "label": label(s)} for s in PUBLIC_STATES],
            "results": [as_json(item, titles) for item in page],
        },
        json_dumps_params={"ensure_ascii": False},
    )


@cache_public
def initiative_detail(request, pk: int):
    item = get_object_or_404(public_initiatives().select_related("area__locale"), pk=pk)
    history = TransitionLog.objects.filter(
        content_type__model="initiative", object_id=item.pk, public=True
    )
    relations = public_relations(item)
    data = as_json(item, area_titles([item])) | {
        "problem": both(item, "problem"),
        "solution": both(item, "solution"),
        "location": one_language(item.location),
        "responsible_body": one_language(item.responsible_body),
        "partners": [organisation.name for organisation in relations["partners"]],
        "documents": [
            {"title": document.title, "url": request.build_absolute_uri(document.url)}
            for document in relations["documents"]
        ],
        "related_pages": [
            {"title": page.title, "url": page.get_full_url(request)} for page in relations["pages"]
        ],
        "tags": [one_language(tag.name) for tag in relations["tags"]],
        "history": [
            {
                "at": log.at.isoformat(),
                "state": log.target,
                "comment": {"uk": log.comment_uk, "en": log.comment_en},
                "decision_number": log.decision_number or None,
            }
            for log in history
        ],
    }
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


@cache_public(tags=("initiatives",))
def export_csv(request):
    """The tracker's current list (same filters) as CSV, in the visitor's language.

    A text not translated into it is given in Ukrainian, and the last columns name the
    language of each title and area ("uk" or "en").
    """
    items, _filters = filtered_initiatives(request)
    items = list(items.order_by("-updated_at", "-pk"))
    titles, language = area_titles(items), get_language()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="initiatives.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the Cyrillic as UTF-8
    writer = SafeWriter(response)  # no cell a spreadsheet would run as a formula
    writer.writerow(
        [
            _("ID"),
            _("Title"),
            _("State"),
            _("Priority area"),
            _("Decision"),
            _("Overdue"),
            _("Updated"),
            _("Title language"),
            _("Priority area language"),
        ]
    )
    for item in items:
        title = localized(item, "title")
        names = area_of(item, titles) or {}
        # The visitor's language, else Ukrainian, else whichever language the area has.
        order = (language, settings.LANGUAGE_CODE, *names)
        area_language = next((code for code in order if names.get(code)), "")
        area = names.get(area_language, "")
        writer.writerow(
            [
                item.pk,
                title,
                str(item.current_state.label),
                area,
                item.decision_number,
                _("yes") if item.is_overdue() else "",
                item.updated_at.date().isoformat(),
                title.language,
                area_language,
            ]
        )
    return response
