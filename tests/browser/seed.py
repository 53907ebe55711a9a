"""Prepare the browser tests' own SQLite database, run in a ``manage.py shell`` subprocess.

What ``runembedded --demo`` prepares (migrations, the demo content, the demo administrator,
with the in-process worker draining the jobs they send, so the search index is filled), plus
one user per role and the data the scenarios start from. Prints one ``SEED {json}`` line.
"""

from __future__ import annotations

import datetime
import json
import os

#: The user each scenario signs in as, and the group that gives the role.
ROLES = {
    "editor": "Editors",
    "moderator": "Moderators",
    "secretariat": "Council secretariat",
    "operator": "Situational centre operators",
}
UNTRANSLATED_SLUG = "pered-velykodnem-politsiia-ta-ofis-pospilkuvalysia-z-ponad-200-meshkantsiamy"
INITIATIVE = {
    "title_uk": "Освітлення пішохідного переходу біля ліцею, браузерний тест",
    "title_en": "Lighting the pedestrian crossing by the lyceum, browser test",
    "summary_uk": "Ліхтарі над переходом, яким діти йдуть до ліцею.",
    "summary_en": "Street lights over the crossing children use on their way to the lyceum.",
}


def to_the_agenda(number: int, today: datetime.date) -> list[tuple[str, dict]]:
    """The steps that bring an initiative to the council's agenda, where it can be adopted."""
    return [
        ("submit", {}),
        ("start_review", {}),
        ("accept", {}),
        ("start_drafting", {}),
        ("submit_to_council", {"registration_number": f"BT-{number}", "registration_date": today}),
        ("send_to_committee", {}),
        ("put_on_agenda", {"session_date": today}),
    ]


def prepare_demo() -> None:
    from django.core.management import call_command

    from config.broker import (
        drain_in_process_broker,
        start_in_process_worker,
        stop_in_process_worker,
    )

    quiet = open(os.devnull, "w")  # noqa: SIM115 - closed with the process
    start_in_process_worker()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("load_demo", stdout=quiet)
    call_command("create_demo_admin", stdout=quiet)
    drain_in_process_broker()
    stop_in_process_worker()


def create_role_users(password: str) -> dict[str, str]:
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    users = {}
    for role, group in ROLES.items():
        username = f"browser-{role}"
        user = get_user_model().objects.create_user(
            username, f"{username}@example.org", password, first_name=role.title()
        )
        user.groups.add(Group.objects.get(name=group))
        users[role] = username
    return users


def create_superuser(password: str) -> str:
    """A superuser: the admin shows some things (the dashboard's upgrade notice) only to them."""
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser(
        "browser-superuser", "browser-superuser@example.org", password, first_name="Superuser"
    )
    return "browser-superuser"


def authenticator_keys(users: dict[str, str]) -> dict[str, str]:
    """A confirmed authenticator app (TOTP device) for each role the admin requires one of
    (accounts/two_factor.py), by role; the browser tests compute its codes from the key."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from accounts.two_factor import two_factor_required

    keys = {}
    for role, username in users.items():
        user = get_user_model().objects.get(username=username)
        if two_factor_required(user):
            # The server refuses a code twice, so a second sign-in within one 30-second step
            # uses the next step's code: a wider window than a phone needs (tests only).
            device = TOTPDevice.objects.create(
                user=user, name="browser tests", confirmed=True, tolerance=5
            )
            keys[role] = device.key
    return keys


def initiative_on_the_agenda(number: int) -> int:
    """An initiative taken through the engine's real steps up to "on the agenda"."""
    from django.contrib.auth import get_user_model

    from workflows.models import Initiative

    office = get_user_model().objects.get(username="office-demo")  # made by load_demo
    today = datetime.date.today()
    item = Initiative.objects.create(
        origin=Initiative.Origin.RESIDENT,
        **{
            **INITIATIVE,
            "title_uk": f"{INITIATIVE['title_uk']} № {number}",
            "title_en": f"{INITIATIVE['title_en']} No. {number}",
        },
    )
    for name, data in to_the_agenda(number, today):
        item.perform(name, office, data)
    return item.pk


def open_incident() -> dict:
    """An open incident on a camera of its own, inactive, so no probe closes it meanwhile."""
    from django.utils import timezone

    from cctv_bridge.models import Camera, Incident

    now = timezone.now()
    camera = Camera(
        code="bt-01",
        name_uk="Браузерний тест: подвір'я ЦНАП",
        name_en="Browser test: service centre yard",
        source=Camera.Source.SNAPSHOT,
        public=False,
        active=False,
        status=Camera.Status.OFFLINE,
        status_since=now,
    )
    camera.stream_url = "http://127.0.0.1:9/snapshot.jpg"
    camera.save()
    incident = Incident.objects.create(
        camera=camera,
        status=Camera.Status.OFFLINE,
        detail={"error": "unreachable"},
        codes=["unreachable"],
        started_at=now - datetime.timedelta(minutes=12),
    )
    return {"incident": incident.pk, "camera": camera.code}


def quiet_camera() -> dict:
    """An online camera nobody probes, whose state the operator console test changes."""
    from django.utils import timezone

    from cctv_bridge.models import Camera

    camera = Camera(
        code="bt-live",
        name_uk="Браузерний тест: камера, що змінює стан",
        name_en="Browser test: a camera that changes state",
        source=Camera.Source.SNAPSHOT,
        active=False,
        status=Camera.Status.ONLINE,
        status_since=timezone.now(),
    )
    camera.stream_url = "http://127.0.0.1:9/live.jpg"
    camera.save()
    return {"quiet_camera": camera.code}


def run() -> None:
    prepare_demo()

    from cms.models import NewsIndexPage, NewsPage
    from workflows.models import Initiative

    users = create_role_users(os.environ["BROWSER_TEST_PASSWORD"])
    users["superuser"] = create_superuser(os.environ["BROWSER_TEST_PASSWORD"])
    seed = {
        "users": users,
        "authenticator_keys": authenticator_keys(users),
        "news_index": NewsIndexPage.objects.get(locale__language_code="uk").pk,
        "initiative": initiative_on_the_agenda(1),
        # A second one, left on the agenda for test_edit_page_offers_the_adoption_step.
        "initiative_on_agenda": initiative_on_the_agenda(2),
        # The demo's adopted initiative (council decision No. 131), for the accessibility run.
        "adopted_initiative": Initiative.objects.filter(state="adopted").first().pk,
        # A demo article without an English translation.
        "untranslated": NewsPage.objects.get(slug=UNTRANSLATED_SLUG).pk,
        **open_incident(),
        **quiet_camera(),
    }
    print("SEED " + json.dumps(seed), flush=True)
