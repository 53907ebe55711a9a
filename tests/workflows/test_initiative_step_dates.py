"""The council secretariat cannot record impossible dates or votes: dates follow the order of
events (proposal ≤ registration ≤ committee ≤ agenda ≤ decision ≤ implementation), recorded
facts are not in the future (plans may be), and the votes fit the council."""

import datetime

import pytest
from django.utils import timezone, translation

from tests.workflow_helpers import member
from workflows.engine import TransitionLog, TransitionRefused
from workflows.models import Initiative

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


def initiative_in(state: str, proposed: datetime.date, **fields) -> Initiative:
    item = Initiative.objects.create(
        title_uk="Освітлення пішохідних переходів", state=state, **fields
    )
    Initiative.objects.filter(pk=item.pk).update(
        created_at=timezone.make_aware(datetime.datetime.combine(proposed, datetime.time(10)))
    )
    item.refresh_from_db()
    return item


def english_speaking(role: str):
    """A staff member whose admin is in English (the catalogue's Ukrainian comes with the
    lead's merge of the new messages; the language switch itself is what is checked here)."""
    from wagtail.users.models import UserProfile

    user = member(role)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def step_url(item: Initiative, name: str) -> str:
    return f"/admin/initiatives/{item.pk}/step/{name}/"


def adoption(decision_date: datetime.date, votes=(18, 2, 1)) -> dict:
    return {
        "decision_number": "1204-VII",
        "decision_date": decision_date.isoformat(),
        "votes_for": votes[0],
        "votes_against": votes[1],
        "votes_abstained": votes[2],
    }


def test_the_reported_case_a_future_registration_is_refused_next_to_the_field(client):
    """3 December: a registration on 31 December is refused in the user's language, next to
    the field, keeping what was typed."""
    item = initiative_in("drafting", proposed=TODAY() - 60 * DAY)
    client.force_login(english_speaking("council_secretariat"))
    future = (TODAY() + 28 * DAY).isoformat()
    response = client.post(
        step_url(item, "submit_to_council"),
        {"registration_number": "02-14/318", "registration_date": future, "comment_uk": "Так"},
    )
    form = response.context["form"]
    assert "registration_date" in form.errors
    assert "future" in " ".join(form.errors["registration_date"])
    html = response.content.decode()
    assert f'value="{future}"' in html and 'value="02-14/318"' in html
    item.refresh_from_db()
    assert item.state == "drafting" and item.registration_date is None
    assert not TransitionLog.objects.filter(object_id=item.pk).exists()


@pytest.mark.parametrize(
    ("state", "name", "known", "data", "field"),
    [
        (
            "drafting",
            "submit_to_council",
            {},
            {"registration_number": "1", "registration_date": -61},
            "registration_date",
        ),
        (
            "submitted_to_council",
            "send_to_committee",
            {"registration_date": -20},
            {"committee_date": -21},
            "committee_date",
        ),
        (
            "in_committee",
            "put_on_agenda",
            {"registration_date": -20, "committee_date": -10},
            {"session_date": -11},
            "session_date",
        ),
        (
            "on_agenda",
            "adopt",
            {"registration_date": -20, "session_date": -5},
            adoption(TODAY() - 6 * DAY),
            "decision_date",
        ),
        (
            "on_agenda",
            "reject",
            {"registration_date": -20, "session_date": -5},
            {"decision_date": -6},
            "decision_date",
        ),
        (
            "adopted",
            "start_implementation",
            {"registration_date": -20, "decision_date": -5},
            {"responsible_body": "Виконавчий комітет", "planned_end": -6},
            "planned_end",
        ),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_a_date_out_of_order_is_refused_with_a_field_error(state, name, known, data, field):
    """Offsets are days from today; the proposal was 60 days ago."""

    def as_dates(values: dict) -> dict:
        return {
            k: TODAY() + v * DAY if isinstance(v, int) and k.endswith(("date", "end")) else v
            for k, v in values.items()
        }

    item = initiative_in(state, proposed=TODAY() - 60 * DAY, **as_dates(known))
    with translation.override("en"), pytest.raises(TransitionRefused) as refused:
        item.perform(name, member("administrator"), as_dates(data))
    assert list(refused.value.errors) == [field]
    assert "earlier" in str(refused.value.errors[field][0])
    item.refresh_from_db()
    assert item.state == state
    assert not TransitionLog.objects.filter(object_id=item.pk).exists()


def test_dates_in_order_are_accepted_all_the_way_to_implementation():
    admin = member("administrator")
    item = initiative_in("drafting", proposed=TODAY() - 60 * DAY)
    item.perform(
        "submit_to_council",
        admin,
        {"registration_number": "7", "registration_date": TODAY() - 30 * DAY},
    )
    item.perform("send_to_committee", admin, {"committee_date": TODAY() - 20 * DAY})
    item.perform("put_on_agenda", admin, {"session_date": TODAY() - 10 * DAY})
    item.perform("adopt", admin, adoption(TODAY() - 10 * DAY))
    item.perform("start_implementation", admin, {"responsible_body": "ЖКГ", "planned_end": TODAY()})
    assert Initiative.objects.get(pk=item.pk).state == "in_implementation"


@pytest.mark.parametrize(
    ("state", "name", "data", "field"),
    [
        ("drafting", "submit_to_council", {"registration_number": "1"}, "registration_date"),
        ("on_agenda", "adopt", adoption(TODAY()), "decision_date"),
        ("on_agenda", "reject", {}, "decision_date"),
    ],
)
def test_a_recorded_fact_cannot_be_in_the_future(state, name, data, field):
    item = initiative_in(state, proposed=TODAY() - 60 * DAY)
    with translation.override("en"), pytest.raises(TransitionRefused) as refused:
        item.perform(name, member("administrator"), {**data, field: TODAY() + DAY})
    assert list(refused.value.errors) == [field]
    assert "future" in str(refused.value.errors[field][0])
    assert Initiative.objects.get(pk=item.pk).state == state


@pytest.mark.parametrize(
    ("state", "name", "data"),
    [
        ("submitted_to_council", "send_to_committee", {"committee_date": 14}),
        ("in_committee", "put_on_agenda", {"session_date": 21}),
        ("adopted", "start_implementation", {"responsible_body": "ЖКГ", "planned_end": 180}),
    ],
)
def test_a_step_that_plans_something_may_name_a_future_date(state, name, data):
    item = initiative_in(state, proposed=TODAY() - 60 * DAY, registration_date=TODAY() - DAY)
    dated = {k: TODAY() + v * DAY if isinstance(v, int) else v for k, v in data.items()}
    item.perform(name, member("administrator"), dated)
    assert Initiative.objects.get(pk=item.pk).state != state


def test_a_registration_before_the_proposal_is_refused_in_the_admin(client):
    item = initiative_in("drafting", proposed=TODAY() - 10 * DAY)
    client.force_login(member("council_secretariat"))
    response = client.post(
        step_url(item, "submit_to_council"),
        {"registration_number": "5", "registration_date": (TODAY() - 11 * DAY).isoformat()},
    )
    assert "registration_date" in response.context["form"].errors
    assert Initiative.objects.get(pk=item.pk).state == "drafting"


def test_votes_must_fit_the_council(settings):
    settings.COUNCIL_SEATS = 26
    item = initiative_in("on_agenda", proposed=TODAY() - 60 * DAY, session_date=TODAY() - DAY)
    admin = member("administrator")
    with translation.override("en"), pytest.raises(TransitionRefused) as refused:
        item.perform("adopt", admin, adoption(TODAY() - DAY, votes=(20, 5, 2)))
    assert "votes_for" in refused.value.errors
    assert "26" in str(refused.value.errors["votes_for"][0])
    assert Initiative.objects.get(pk=item.pk).state == "on_agenda"
    item.perform("adopt", admin, adoption(TODAY() - DAY, votes=(20, 4, 2)))
    assert Initiative.objects.get(pk=item.pk).state == "adopted"


def test_votes_over_the_council_are_shown_on_the_step_form(client, settings):
    settings.COUNCIL_SEATS = 26
    item = initiative_in("on_agenda", proposed=TODAY() - 60 * DAY, session_date=TODAY() - DAY)
    client.force_login(member("council_secretariat"))
    response = client.post(
        step_url(item, "reject"),
        {
            "decision_date": (TODAY() - DAY).isoformat(),
            "votes_for": "3",
            "votes_against": "30",
            "votes_abstained": "0",
        },
    )
    assert "votes_for" in response.context["form"].errors
    assert Initiative.objects.get(pk=item.pk).state == "on_agenda"


def test_the_admin_shows_dates_of_older_rows_that_break_the_rules(client):
    """Rows written before the rules stay as they are; the admin points at the problem."""
    item = initiative_in(
        "adopted",
        proposed=TODAY() - 60 * DAY,
        registration_date=TODAY() + 28 * DAY,
        decision_date=TODAY() + 14 * DAY,
    )
    client.force_login(english_speaking("council_secretariat"))
    html = client.get(f"/admin/initiatives/edit/{item.pk}/").content.decode()
    assert "future" in html and "earlier" in html


def test_the_public_answer_date_counts_from_the_registration(client, demo):
    item = initiative_in("drafting", proposed=TODAY() - 60 * DAY)
    registered = TODAY() - 3 * DAY
    item.perform(
        "submit_to_council",
        member("council_secretariat"),
        {"registration_number": "02-14/1", "registration_date": registered},
    )
    due = registered + 30 * DAY
    html = client.get(f"/en/initiatives/{item.pk}/").content.decode()
    assert f"{due.day} {due:%B} {due.year}" in html


def test_today_is_the_sites_day_whatever_the_staff_members_time_zone():
    """The admin shows times in a staff member's own zone; "today" for the rules is still the
    community's day. Far east of Kyiv it is already tomorrow from 10:00 to 22:00 UTC, far west
    it is still yesterday for the other hours: together they catch a wrong "today" at any time.
    """
    admin, today = member("administrator"), TODAY()
    early = initiative_in("drafting", proposed=today - 60 * DAY)
    with timezone.override("Etc/GMT-14"), pytest.raises(TransitionRefused) as refused:
        early.perform(
            "submit_to_council",
            admin,
            {"registration_number": "3", "registration_date": today + DAY},
        )
    assert list(refused.value.errors) == ["registration_date"]
    late = initiative_in("drafting", proposed=today - 60 * DAY)
    with timezone.override("Etc/GMT+12"):
        late.perform(
            "submit_to_council", admin, {"registration_number": "4", "registration_date": today}
        )
    assert Initiative.objects.get(pk=late.pk).state == "submitted_to_council"


def test_the_demo_initiatives_keep_the_rules(demo):
    """The demo takes its initiatives through the engine, proposed on their first step's day."""
    items = Initiative.objects.all()
    assert items.filter(decision_date__isnull=False).exists()
    assert {item.title_uk: item.date_problems() for item in items if item.date_problems()} == {}
