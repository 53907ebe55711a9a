"""Demo advocacy initiatives, restated in our own words from the office's 2017–2019 report.

Each initiative is taken through its real steps by the engine (so the history is what the
engine writes), with the dates moved back to when they happened. Where the report gives no
decision number or registration, the initiative stays in a state that needs none: only the
consultative-advisory council has a council decision (No. 131 of 30 August 2019).
"""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from workflows.engine import TransitionLog
from workflows.models import Initiative, InitiativePage, InitiativePartner, TimelineEvent

OFFICE = "Координаційний офіс безпеки"
COUNCIL = "Виконавчий комітет Татарбунарської міської ради"

INITIATIVES = [
    {
        "key": "traffic-light-and-safe-stops",
        "area": "advocacy",
        "origin": "safety_passport",
        "uk": {
            "title": "Світлофор і безпечні зупинки",
            "summary": "Перший світлофор у місті та облаштовані зупинки там, де діти "
            "щодня переходять дорогу.",
            "problem": "Безпековий паспорт громади показав перевищення швидкості та "
            "небезпеку для дітей на дорогах.",
            "solution": "Встановити світлофор і зробити зупинки безпечними, разом із "
            "поліцією та міською радою.",
        },
        "en": {
            "title": "A traffic light and safe bus stops",
            "summary": "The town's first traffic light and safe stops where children cross "
            "the road every day.",
            "problem": "The community safety passport found speeding and danger to children "
            "on the roads.",
            "solution": "Install a traffic light and make the stops safe, with the police and "
            "the city council.",
        },
        "steps": [
            ("2018-03-01", "submit"),
            ("2018-03-05", "start_review"),
            ("2018-03-20", "accept"),
            ("2018-04-10", "start_drafting"),
        ],
    },
    {
        "key": "tourist-police-and-rescue-points",
        "area": "advocacy",
        "origin": "safety_passport",
        "uk": {
            "title": "Станції туристичної поліції та рятувальні пункти на курортах",
            "summary": "Робочі станції туристичної поліції й рятувальні пункти в Лебедівці "
            "та на інших курортах району.",
            "problem": "Влітку 2019 року приміщення для станцій стояли без меблів і техніки, "
            "а поліцейські були розпорошені базами відпочинку.",
            "solution": "Обладнати станції й пункти та закріпити за ними чергування на весь "
            "курортний сезон.",
        },
        "en": {
            "title": "Tourist police stations and rescue points at the resorts",
            "summary": "Working tourist police stations and rescue points at Lebedivka and the "
            "district's other resorts.",
            "problem": "In summer 2019 the rooms meant for the stations had no furniture or "
            "equipment, and officers were scattered across holiday camps.",
            "solution": "Equip the stations and points and staff them for the whole season.",
        },
        "steps": [
            ("2019-06-10", "submit"),
            ("2019-06-12", "start_review"),
            ("2019-06-20", "accept"),
        ],
        "timeline": [
            (
                "2019-08-15",
                "hearing",
                "Спільний моніторинг безпеки на курорті "
                "Лебедівка: станції туристичної поліції фактично не працюють.",
                "Joint safety monitoring at Lebedivka: the tourist police stations are "
                "not actually working.",
            )
        ],
    },
    {
        "key": "cctv-at-resort-entrances",
        "area": "cctv",
        "origin": "office",
        "uk": {
            "title": "Камери на в’їздах до курортів",
            "summary": "Відеоспостереження на головних в’їздах і виїздах курортних зон.",
            "problem": "Без камер на в’їздах-виїздах важко підтримувати безпеку відпочинку.",
            "solution": "Встановити камери й вивести їх у ситуаційний центр.",
        },
        "en": {
            "title": "Cameras at the resort entrances",
            "summary": "CCTV at the main entrances and exits of the resort areas.",
            "problem": "Without cameras at the entrances and exits, safe holidays are hard to "
            "maintain.",
            "solution": "Install cameras and bring them into the situational centre.",
        },
        "steps": [("2019-09-02", "submit"), ("2019-09-05", "start_review")],
    },
    {
        "key": "municipal-police",
        "area": "advocacy",
        "origin": "office",
        "uk": {
            "title": "Муніципальна поліція (варта)",
            "summary": "Місцева служба, що охороняє громадський порядок разом із поліцією.",
            "problem": "Поліції бракує людей, щоб бути поруч із мешканцями щодня.",
            "solution": "Створити муніципальну варту при міській раді.",
        },
        "en": {
            "title": "A municipal police (guard)",
            "summary": "A local service that keeps public order together with the police.",
            "problem": "The police lack the people to be close to residents every day.",
            "solution": "Set up a municipal guard under the city council.",
        },
        "steps": [
            ("2019-02-01", "submit"),
            ("2019-02-04", "start_review"),
            ("2019-02-18", "accept"),
        ],
    },
    {
        "key": "local-safety-strategy",
        "area": "coordination",
        "origin": "safety_passport",
        "uk": {
            "title": "Стратегія безпечної громади та місцева програма безпеки",
            "summary": "Стратегічне бачення безпеки Татарбунар і нова місцева програма.",
            "problem": "Паспорт безпеки виявив, що стратегічного бачення немає, а наявні "
            "програми слабкі.",
            "solution": "Створити робочу групу, яка підготує стратегію та програму.",
        },
        "en": {
            "title": "A safe-community strategy and a local safety programme",
            "summary": "A strategic view of Tatarbunary's safety and a new local programme.",
            "problem": "The safety passport found no strategic vision and weak existing "
            "programmes.",
            "solution": "Set up a working group to prepare the strategy and the programme.",
        },
        "steps": [
            ("2018-05-02", "submit"),
            ("2018-05-07", "start_review"),
            ("2018-05-21", "accept"),
            ("2018-06-04", "start_drafting"),
        ],
    },
    {
        "key": "roma-adviser",
        "area": "coordination",
        "origin": "coffee",
        "uk": {
            "title": "Ромський радник міського голови",
            "summary": "Радник, який опікується справами ромської громади, зокрема її безпекою.",
            "problem": "Ромській громаді бракувало постійного голосу в міській владі.",
            "solution": "Обрати ромського радника міського голови.",
        },
        "en": {
            "title": "A Roma adviser to the mayor",
            "summary": "An adviser for the Roma community's affairs, its safety included.",
            "problem": "The Roma community lacked a standing voice in the town's government.",
            "solution": "Choose a Roma adviser to the mayor.",
        },
        "steps": [
            ("2018-08-24", "submit"),
            ("2018-08-27", "start_review"),
            ("2018-09-03", "accept"),
        ],
        "timeline": [
            (
                "2018-08-23",
                "meeting",
                "Зустріч керівників поліції та міста з "
                "представниками ромської спільноти: домовилися про радника.",
                "Police and town leaders meet the Roma community and agree on an adviser.",
            )
        ],
    },
    {
        "key": "consultative-council",
        "area": "coordination",
        "origin": "office",
        "uk": {
            "title": "Консультативно-дорадча рада «Координаційний офіс безпеки»",
            "summary": "Офіс стає дорадчим органом при виконавчому комітеті міської ради.",
            "problem": "Офіс працював неформально, без закріпленого місця в місцевій владі.",
            "solution": "Створити при виконкомі консультативно-дорадчу раду з дев’яти осіб.",
        },
        "en": {
            "title": "The ‘Safety Coordination Office’ consultative-advisory council",
            "summary": "The office becomes an advisory body of the city executive committee.",
            "problem": "The office worked informally, with no set place in local government.",
            "solution": "Set up a nine-member consultative-advisory council under the executive "
            "committee.",
        },
        "steps": [
            ("2019-05-06", "submit"),
            ("2019-05-08", "start_review"),
            ("2019-05-20", "accept"),
            ("2019-06-03", "start_drafting"),
            (
                "2019-07-15",
                "submit_to_council",
                {"registration_number": "—", "registration_date": "2019-07-15"},
            ),
            ("2019-07-29", "send_to_committee"),
            ("2019-08-20", "put_on_agenda", {"session_date": "2019-08-30"}),
            (
                "2019-08-30",
                "adopt",
                {
                    "decision_number": "131",
                    "decision_date": "2019-08-30",
                    "votes_for": 9,
                    "votes_against": 0,
                    "votes_abstained": 0,
                },
            ),
        ],
    },
]


CITY_COUNCIL = "Татарбунарська міська рада"
POLICE = "Татарбунарське відділення поліції"

#: Who answers for each initiative, which Memorandum signatories work on it, its tags, and the
#: news items (by Ukrainian title) that tell its story.
LINKS = {
    "traffic-light-and-safe-stops": {
        "authority": CITY_COUNCIL,
        "partners": [POLICE],
        "tags": ["дороги", "діти"],
        "news": ["«Кава з поліцейським»: 16 зустрічей і нові ініціативи"],
    },
    "tourist-police-and-rescue-points": {
        "authority": POLICE,
        "partners": ["Відділ Державної служби України з надзвичайних ситуацій"],
        "tags": ["курорти", "туристи"],
        "news": ["Курортний сезон: офіс перевірив, наскільки безпечно відпочивати на узбережжі"],
    },
    "cctv-at-resort-entrances": {
        "authority": CITY_COUNCIL,
        "partners": [POLICE],
        "tags": ["відеоспостереження", "курорти"],
        "news": ["Ситуаційний центр відеоспостереження представили громаді"],
    },
    "municipal-police": {"authority": CITY_COUNCIL, "partners": [POLICE], "tags": ["варта"]},
    "local-safety-strategy": {
        "authority": CITY_COUNCIL,
        "partners": ["Татарбунарська районна державна адміністрація"],
        "tags": ["стратегія"],
        "news": ["«Безпековий паспорт громади»: модельна методика на прикладі Татарбунар"],
    },
    "roma-adviser": {
        "authority": CITY_COUNCIL,
        "partners": ["Бюро правової допомоги"],
        "tags": ["інклюзія"],
        "news": ["Зустріч із ромською громадою: домовилися про радника міського голови"],
    },
    "consultative-council": {
        "authority": CITY_COUNCIL,
        "partners": ["Татарбунарська районна рада"],
        "tags": ["співпраця"],
        "news": ["Міськвиконком утворив консультативно-дорадчу раду «Координаційний офіс безпеки»"],
    },
}


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
