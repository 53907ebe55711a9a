"""Demo advocacy initiatives, restated in our own words from the office's 2017–2019 report.

Each initiative is taken through its real steps by the engine (so the history is what the
engine writes), with the dates moved back to when they happened. Where the report gives no
decision number or registration, the initiative stays in a state that needs none: only the
consultative-advisory council has a council decision (No. 131 of 30 August 2019).
"""

from __future__ import annotations

import datetime
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from cms.demo import read_demo_data
from workflows.engine import TransitionLog
from workflows.models import Initiative, InitiativePage, InitiativePartner, TimelineEvent

OFFICE = "Координаційний офіс безпеки"
COUNCIL = "Виконавчий комітет Татарбунарської міської ради"

#: The initiatives (texts in both languages and the steps taken), and who answers for each,
#: which Memorandum signatories work on it, its tags and the news items (by Ukrainian title)
#: that tell its story.
_DATA = read_demo_data(Path(__file__).with_name("demo.json"))
INITIATIVES = _DATA["initiatives"]
LINKS = _DATA["links"]


def link_demo_initiative(item: Initiative, key: str) -> None:
    """Partners, authority, tags and news of a demo initiative, where the demo has them."""
    from cms.models import NewsPage, Organisation

    links = LINKS.get(key, {})
    organisations = Organisation.objects.filter(locale__language_code="uk")
    item.responsible_authority = organisations.filter(name=links.get("authority")).first()
    item.tags.add(*links.get("tags", []))
    item.save()  # a cluster's tags are written when the item is saved
    for name in links.get("partners", []):
        if organisation := organisations.filter(name=name).first():
            InitiativePartner.objects.create(initiative=item, organisation=organisation)
    for title in links.get("news", []):
        if page := NewsPage.objects.filter(title=title, locale__language_code="uk").first():
            InitiativePage.objects.create(initiative=item, page=page)


def load_initiatives(areas: dict) -> int:
    """Create the demo initiatives that do not exist yet; return how many were created."""
    # The demo's steps are taken by an account that cannot sign in, in the Administrators group
    # (the role that may take every step), so the history names who acted: the office.
    actor, was_created = get_user_model().objects.get_or_create(
        username="office-demo", defaults={"is_active": False, "first_name": OFFICE}
    )
    if was_created:
        actor.set_unusable_password()
        actor.save()
        actor.groups.add(Group.objects.get(name="Administrators"))
    created = 0
    content_type = ContentType.objects.get_for_model(Initiative)
    for entry in INITIATIVES:
        if Initiative.objects.filter(title_uk=entry["uk"]["title"]).exists():
            continue
        with transaction.atomic():
            item = Initiative.objects.create(
                **{f"{name}_uk": value for name, value in entry["uk"].items()},
                **{f"{name}_en": value for name, value in entry["en"].items()},
                area=areas[entry["area"]],
                origin=entry["origin"],
            )
            # Proposed when it was first submitted: the engine checks the later dates against it.
            proposed = datetime.date.fromisoformat(entry["steps"][0][0])
            item.created_at = timezone.make_aware(
                datetime.datetime.combine(proposed, datetime.time(9))
            )
            Initiative.objects.filter(pk=item.pk).update(created_at=item.created_at)
            for step in entry["steps"]:
                day, name, data = (*step, {})[:3]
                log = item.perform(
                    name, actor, data, acting_body=COUNCIL if name == "adopt" else OFFICE
                )
                moment = timezone.make_aware(
                    datetime.datetime.combine(datetime.date.fromisoformat(day), datetime.time(12))
                )
                TransitionLog.objects.filter(pk=log.pk).update(at=moment)
            link_demo_initiative(item, entry["key"])
            for day, kind, text_uk, text_en in entry.get("timeline", []):
                TimelineEvent.objects.create(
                    content_type=content_type,
                    object_id=item.pk,
                    kind=kind,
                    date=datetime.date.fromisoformat(day),
                    text_uk=text_uk,
                    text_en=text_en,
                )
            created += 1
    return created
