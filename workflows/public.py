"""The public initiative tracker: what residents may follow, in their language.

Only states the workflow marks public are shown, and only history entries marked public;
private states (a draft, a proposal the office has not accepted yet) do not exist here.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.csrf import csrf_exempt
from taggit.models import Tag

from cms import form_guard
from cms.charts import bar_length, coordinate
from cms.i18n import in_locale
from cms.models import Organisation, PriorityAreaPage
from cms.page_cache import cache_public, depends_on
from cms.page_cache.values import kept_value
from cms.query_params import as_id, slug_param
from cms.sitemap import SitemapView
from cms.texts import localized
from workflows.diagram import workflow_diagram
from workflows.engine import TransitionLog
from workflows.models import Initiative, Subscription, TimelineEvent
from workflows.names_in_language import (
    Named,
    area_of,
    area_rows,
    authority_rows,
    content_language,
)
from workflows.relations import shown_relations
from workflows.tasks import send_confirmation

PAGE_SIZE = 20
#: Public states in the order of the pipeline: the path to the decision first, then the ends.
PIPELINE_ORDER = [
    "accepted",
    "drafting",
    "submitted_to_council",
    "in_committee",
    "on_agenda",
    "adopted",
    "in_implementation",
    "implemented",
    "rejected",
    "declined",
    "withdrawn",
]
PUBLIC_STATES = sorted(
    (state for state in Initiative.STATES if state.public),
    key=lambda state: PIPELINE_ORDER.index(state.value),
)


def public_initiatives():
    return Initiative.objects.filter(state__in=[state.value for state in PUBLIC_STATES])


def pipeline(counts: dict[str, int], width: int = 640, bar_height: int = 22) -> dict:
    """Counts per public state as horizontal bars, in the order of the workflow."""
    top = max(counts.values(), default=0) or 1
    label_width = 260
    rows = []
    for index, state in enumerate(PUBLIC_STATES):
        count = counts.get(state.value, 0)
        length = bar_length(count, top, width - label_width - 40)
        rows.append(
            {
                "state": state,
                "count": count,
                "y": str(index * (bar_height + 8)),
                "text_y": str(index * (bar_height + 8) + bar_height // 2),
                "width": coordinate(length),
                "value_x": coordinate(label_width + length + 6, trim=False),
            }
        )
    return {
        "width": width,
        "height": len(rows) * (bar_height + 8),
        "bar_height": bar_height,
        "label_width": label_width,
        "bar_span": width - label_width - 40,  # the longest bar, for bars drawn on their own
        "rows": rows,
    }


def pipeline_context() -> dict:
    """The pipeline chart and the number of public initiatives (counted once until an
    initiative changes: ``cms.page_cache.values``)."""
    counts = kept_value("workflows:public-counts", public_counts)
    return {"chart": pipeline(counts), "total": sum(counts.values())}


def public_counts() -> dict[str, int]:
    """Public initiatives per state."""
    depends_on("initiatives")
    return dict(
        public_initiatives().values_list("state").annotate(n=Count("pk")).values_list("state", "n")
    )


def area_named(slug: str) -> PriorityAreaPage:
    """The area with this slug, in the active language: a slug from the other language (an
    address the language switcher carried over) names its translation, or the original if the
    area is not translated."""
    language = content_language()
    areas = PriorityAreaPage.objects.defer_streamfields().select_related("locale")
    named = list(areas.filter(slug=slug))
    own = next((area for area in named if area.locale.language_code == language), None)
    if own is not None:
        return own
    if not named:
        raise Http404("No such area.")
    other = named[0]
    depends_on(f"translations:{other.translation_key}")
    translation = areas.filter(
        translation_key=other.translation_key, locale__language_code=language
    ).first()
    return translation or other


def filtered_initiatives(request, items: QuerySet[Initiative] | None = None):
    """The public initiatives (``items``, by default all of them with their areas) that match
    the query string's filters, and the filters.

    An unknown state, area or year is a 404, so odd query strings never reach the database.
    """
    if items is None:
        items = public_initiatives().select_related("area__locale")
    filters = {}
    if state := request.GET.get("state"):
        if state not in {s.value for s in PUBLIC_STATES}:
            raise Http404("No such state.")
        filters["state"] = Initiative.state_info(state)
        items = items.filter(state=state)
    if area := slug_param(request, "area"):
        filters["area"] = area_named(area)
        items = items.filter(area__translation_key=filters["area"].translation_key)
    if authority := request.GET.get("authority"):
        if (authority_id := as_id(authority)) is None:
            raise Http404("No such authority.")
        organisation = get_object_or_404(Organisation, pk=authority_id)
        filters["authority"] = in_locale([organisation], Organisation.objects.all())[0]
        items = items.filter(responsible_authority__translation_key=organisation.translation_key)
    if tag := slug_param(request, "tag", max_length=100):
        filters["tag"] = get_object_or_404(Tag, slug=tag)
        items = items.filter(tags=filters["tag"])
    if year := request.GET.get("year"):
        if not (year.isdigit() and 2000 <= int(year) <= 2100):
            raise Http404("No such year.")
        filters["year"] = int(year)
        items = items.filter(created_at__year=filters["year"])
    if request.GET.get("overdue") == "1":
        filters["overdue"] = True
        items = items.filter(Initiative.overdue_q())
    return items, filters


#: What a card in the tracker shows: the texts, the state and what its deadline counts from.
CARD_FIELDS = (
    "pk",
    "state",
    "title_uk",
    "title_en",
    "summary_uk",
    "summary_en",
    "area",
    "updated_at",
    *sorted({state.deadline[0] for state in Initiative.STATES if state.deadline}),
)


@cache_public(tags=("initiatives",))
def tracker(request):
    """``/initiatives/``: filters by state, area, authority, tag, year and overdue, and the
    pipeline chart.

    Its queries do not grow with the number of initiatives: one page of cards (only the
    columns they show, newest first along the ``initiative_updated`` index), and the counts
    per state, the areas and the authorities (one query each, ``workflows.names_in_language``),
    which are kept between responses until something they show changes.
    """
    items, filters = filtered_initiatives(request, public_initiatives().only(*CARD_FIELDS))
    pipeline = pipeline_context()
    paginator = Paginator(items.order_by("-updated_at", "-pk"), PAGE_SIZE)
    if not filters:
        paginator.count = pipeline["total"]  # the chart counted the same rows: no COUNT(*)
    page = paginator.get_page(request.GET.get("page"))
    names = tracker_names()
    for item in page:
        item.title = localized(item, "title")
        item.summary = localized(item, "summary")
        item.area_shown = names["areas_by_id"].get(item.area_id)
    return TemplateResponse(
        request,
        "workflows/tracker.html",
        {
            "initiatives": page,
            "filters": filters,
            **pipeline,
            "states": PUBLIC_STATES,
            "areas": names["areas"],
            "authorities": names["authorities"],
        },
    )


def tracker_names() -> dict:
    """The areas and authorities of public initiatives in the visitor's language: the filter
    choices, and each card's area by id. Kept until an initiative, an area page or an
    organisation changes (``cms.page_cache.values``)."""
    language = content_language()
    # One value (one round trip to the cache) for both: an initiative change purges both.
    areas, authorities = kept_value(
        f"workflows:public-names:{language}",
        lambda: (
            area_rows(public_initiatives(), language),
            authority_rows(public_initiatives(), language),
        ),
    )
    return {
        "areas_by_id": {pk: Named.of(row) for pk, row in areas.by_id.items()},
        "areas": [Named.of(row) for row in areas.choices],
        "authorities": [Named.of(row) for row in authorities],
    }


def area_shown(area_id: int | None) -> Named | None:
    """An initiative's area in the visitor's language, kept between responses until that
    area or its translations change (``cms.page_cache.values``)."""
    if area_id is None:
        return None
    language = content_language()
    row = kept_value(f"workflows:area:{area_id}:{language}", lambda: area_of(area_id, language))
    return Named.of(row) if row else None


@cache_public
def initiative_detail(request, pk: int):
    """One initiative: where it stands, what it means, its public history and timeline."""
    item = get_object_or_404(public_initiatives(), pk=pk)
    history = TransitionLog.objects.filter(
        content_type__model="initiative", object_id=item.pk, public=True
    )
    timeline = TimelineEvent.objects.filter(
        content_type__model="initiative", object_id=item.pk, public=True
    )
    entries = [
        {
            "pk": log.pk,
            "at": log.at,
            "target": Initiative.state_info(log.target),
            "comment": localized(log, "comment"),
            "decision_number": log.decision_number,
        }
        for log in history
    ]
    return TemplateResponse(
        request,
        "workflows/initiative.html",
        {
            "item": item,
            "title": localized(item, "title"),
            "summary": localized(item, "summary"),
            "problem": localized(item, "problem"),
            "solution": localized(item, "solution"),
            "decline_reason": localized(item, "decline_reason"),
            "area": area_shown(item.area_id),
            "state": item.current_state,
            "history": entries,
            "timeline": [
                {
                    "date": e.date,
                    "kind": e.get_kind_display(),
                    "text": localized(e, "text"),
                }
                for e in timeline
            ],
            "deadline": item.deadline(),
            "overdue": item.is_overdue(),
            "states": PUBLIC_STATES,
            **shown_relations(item),
        },
    )


def sitemap_views() -> list[SitemapView]:
    """The tracker's pages for the sitemap: the tracker, how it works, the proposal form and
    every public initiative."""
    depends_on("initiatives")
    initiatives = public_initiatives().order_by("pk").values_list("pk", flat=True)
    return [
        SitemapView("workflows:tracker"),
        SitemapView("workflows:how"),
        SitemapView("workflows:propose"),
        *(SitemapView("workflows:initiative", (pk,)) for pk in initiatives),
    ]


@cache_public
def how_it_works(request):
    """``/initiatives/how/``: the workflow's diagram and what each state means."""
    return TemplateResponse(
        request,
        "workflows/how.html",
        {"diagram": workflow_diagram(Initiative), "states": Initiative.STATES},
    )


class SubscribeForm(forms.Form):
    email = forms.EmailField(label=_("Your e-mail"), max_length=254)


FOLLOW_FORM = "follow"


@csrf_exempt
def subscribe(request, pk: int | None = None):
    """Follow one initiative (or the tracker): a confirmation e-mail goes out first.

    Without a CSRF token, so that the tracker pages carrying this form can be cached for
    everyone; the signed form token (``cms.form_guard``) is what a submission must carry
    instead. A forged request can only ask for a confirmation e-mail to an address the forger
    already knows, at most one per address while it is pending and a few per client an hour,
    and nothing is followed until its owner confirms.
    """
    initiative = get_object_or_404(public_initiatives(), pk=pk) if pk else None
    if request.method != "POST":
        return redirect(
            reverse("workflows:initiative", args=[pk]) if pk else reverse("workflows:tracker")
        )
    form = SubscribeForm(request.POST)

    def refused(refusal: form_guard.Refusal) -> TemplateResponse:
        form.add_error(None, refusal.message)
        return TemplateResponse(
            request,
            "workflows/subscribe.html",
            {"form": form, "initiative": initiative},
            status=refusal.status,
            headers=refusal.headers,
        )

    if refusal := form_guard.check_form(request.POST, FOLLOW_FORM):
        return refused(refusal)
    if not form.is_valid():
        return TemplateResponse(
            request,
            "workflows/subscribe.html",
            {"form": form, "initiative": initiative},
            status=400,
        )
    if refusal := form_guard.check_limits(
        form_guard.per_client(request, FOLLOW_FORM, settings.FOLLOW_REQUESTS_PER_CLIENT_HOUR)
    ):
        return refused(refusal)
    email = form.cleaned_data["email"].lower()
    known = Subscription.objects.filter(email=email, initiative=initiative).first()
    if not (known and known.confirmed_at):
        if not form_guard.claim_once(
            PENDING_CONFIRMATION, email, settings.FOLLOW_CONFIRMATION_PENDING_SECONDS
        ):
            return TemplateResponse(
                request, "workflows/subscribe.html", {"pending": True, "initiative": initiative}
            )
        subscription = (
            known
            or Subscription.objects.get_or_create(
                email=email, initiative=initiative, defaults={"language": get_language()}
            )[0]
        )
        send_confirmation.send(subscription.pk)
    # The same answer whether the address was new or already following: nothing to learn here.
    return TemplateResponse(
        request, "workflows/subscribe.html", {"sent": True, "initiative": initiative}
    )


#: One follow confirmation pending per e-mail address (``cms.form_guard.claim_once``).
PENDING_CONFIRMATION = "follow-pending"


def confirm_subscription(request, token: str):
    """The link in the confirmation e-mail: the GET shows a button, only its POST confirms.

    Mail scanners open links in messages; a GET that confirmed would follow for them.
    """
    subscription = get_object_or_404(Subscription, token=token[:64])
    if request.method != "POST":
        return TemplateResponse(
            request,
            "workflows/subscribe.html",
            {
                "confirm": subscription,
                "initiative": subscription.initiative,
                "title": subscription.initiative and localized(subscription.initiative, "title"),
            },
        )
    if not subscription.confirmed_at:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    # Confirmed: the address may ask to follow something else at once.
    form_guard.release(PENDING_CONFIRMATION, subscription.email)
    return TemplateResponse(
        request,
        "workflows/subscribe.html",
        {"confirmed": True, "initiative": subscription.initiative},
    )


def stop_subscription(request, token: str):
    """Unsubscribe: a GET shows a button, the POST removes the subscription."""
    subscription = get_object_or_404(Subscription, token=token[:64])
    if request.method == "POST":
        subscription.delete()
        return TemplateResponse(request, "workflows/subscribe.html", {"stopped": True})
    return TemplateResponse(
        request,
        "workflows/subscribe.html",
        {"stop": subscription, "initiative": subscription.initiative},
    )
