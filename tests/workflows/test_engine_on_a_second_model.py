"""The workflow engine on a second model, a test-only permit (tests/workflows/engine_app), that
imports nothing of the initiatives: steps with role checks, history, the signal, the steps a user
may take, the spec of a transition, and page-cache tags that never touch an initiative's pages."""

from __future__ import annotations

import ast
import datetime
import itertools
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

from tests.workflows.engine_app.models import CLERKS, Permit
from workflows.engine import TransitionLog, TransitionRefused, TransitionSpec, transition_taken

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
_numbers = itertools.count()
SUBMITTED = {"submitted_on": "2026-03-02"}
APPROVED = {"approved_on": "2026-03-09"}


def person(*, clerk: bool = False):
    user = get_user_model().objects.create_user(f"permit-user-{next(_numbers)}", password="x")
    if clerk:
        user.groups.add(Group.objects.get_or_create(name=CLERKS)[0])
    return user


@pytest.fixture(autouse=True)
def in_english():
    """The engine's own messages, in English."""
    with translation.override("en"):
        yield


@pytest.fixture
def taken():
    """Every ``transition_taken`` signal sent for a permit, as its keyword arguments."""
    received = []

    def receive(sender, **kwargs):
        received.append({"sender": sender, **kwargs})

    transition_taken.connect(receive, sender=Permit, dispatch_uid="permit-test")
    yield received
    transition_taken.disconnect(sender=Permit, dispatch_uid="permit-test")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def test_the_engine_and_the_permit_import_nothing_of_the_initiatives():
    modules = [
        *(ROOT / "workflows" / "engine").glob("*.py"),
        ROOT / "tests/workflows/engine_app/models.py",
    ]
    for path in modules:
        ours = {m for m in imported_modules(path) if m.split(".")[0] == "workflows"}
        assert all(m == "workflows.engine" or m.startswith("workflows.engine.") for m in ours), (
            path,
            ours,
        )


def test_the_owner_submits_and_a_clerk_approves_with_history_and_signals(taken):
    applicant, clerk = person(), person(clerk=True)
    permit = Permit.objects.create(applicant=applicant, subject="Street party", fee_paid=True)

    submitted = permit.perform("submit", applicant, SUBMITTED, comment_en="Please.")
    approved = permit.perform("approve", clerk, APPROVED)

    permit.refresh_from_db()
    assert permit.state == "approved"
    assert permit.approved_on == datetime.date(2026, 3, 9)
    history = list(TransitionLog.of(permit))
    assert history == [submitted, approved]
    assert [(h.transition, h.source, h.target, h.actor) for h in history] == [
        ("submit", "draft", "submitted", applicant),
        ("approve", "submitted", "approved", clerk),
    ]
    # A private step stays out of the public history; the approval, into a public state, not.
    assert [h.public for h in history] == [False, True]
    assert history[0].comment_en == "Please."
    assert str(history[1]) == "Submitted → Approved (Approve)"
    assert [
        (s["sender"], s["instance"].pk, s["transition"], s["actor"], s["log"]) for s in taken
    ] == [
        (Permit, permit.pk, "submit", applicant, submitted),
        (Permit, permit.pk, "approve", clerk, approved),
    ]


@pytest.mark.parametrize(
    ("who", "state", "step", "data"),
    [
        ("clerk", "draft", "submit", SUBMITTED),  # a clerk is not the applicant
        ("stranger", "draft", "submit", SUBMITTED),
        ("applicant", "submitted", "approve", APPROVED),  # nor may the applicant approve
        ("stranger", "submitted", "approve", APPROVED),
    ],
)
def test_a_step_without_the_role_is_refused_and_changes_nothing(taken, who, state, step, data):
    applicant = person()
    users = {"applicant": applicant, "clerk": person(clerk=True), "stranger": person()}
    permit = Permit.objects.create(applicant=applicant, subject="Market stall", state=state)
    with pytest.raises(TransitionRefused, match="role"):
        permit.perform(step, users[who], data)
    permit.refresh_from_db()
    assert permit.state == state
    assert not TransitionLog.of(permit).exists()
    assert taken == []


def test_the_administrator_may_take_every_step():
    admin = get_user_model().objects.create_superuser("permit-admin", password="x")
    permit = Permit.objects.create(subject="Concert", fee_paid=True)
    permit.perform("submit", admin, SUBMITTED)
    permit.perform("approve", admin, APPROVED)
    assert permit.state == "approved"


def test_missing_data_a_failed_condition_and_dates_out_of_order_are_refused(taken):
    clerk = person(clerk=True)
    permit = Permit.objects.create(
        subject="Fair", state="submitted", submitted_on=datetime.date(2026, 3, 2)
    )
    with pytest.raises(TransitionRefused) as missing:
        permit.perform("approve", clerk, {})
    assert missing.value.missing == ["approved_on"]
    with pytest.raises(TransitionRefused, match="fee is not paid"):
        permit.perform("approve", clerk, APPROVED)
    Permit.objects.filter(pk=permit.pk).update(fee_paid=True)
    permit.refresh_from_db()
    with pytest.raises(TransitionRefused) as early:
        permit.perform("approve", clerk, {"approved_on": "2026-03-01"})
    assert list(early.value.errors) == ["approved_on"]
    assert taken == [] and not TransitionLog.of(permit).exists()


def test_the_steps_a_user_may_take_now():
    applicant, clerk = person(), person(clerk=True)
    draft = Permit.objects.create(applicant=applicant, subject="Parade")
    assert [a.name for a in draft.transitions_for(applicant)] == ["submit"]
    assert draft.transitions_for(clerk) == []
    assert draft.transitions_for(None) == []
    waiting = Permit.objects.create(applicant=applicant, subject="Parade", state="submitted")
    (approve,) = waiting.transitions_for(clerk)
    assert (approve.name, approve.target, approve.requires) == (
        "approve",
        "approved",
        ("approved_on",),
    )
    assert approve.blocked_by == ["The fee is not paid yet."]
    assert waiting.transitions_for(applicant) == []


def test_the_spec_of_a_transition_and_the_declared_transitions():
    spec = Permit.transition_spec("approve")
    assert isinstance(spec, TransitionSpec)
    assert (spec.label, spec.roles, spec.requires, spec.public) == (
        "Approve",
        frozenset({"clerk"}),
        ("approved_on",),
        True,
    )
    assert Permit.transition_spec("no_such_step") is None
    assert Permit.transition_label("submit") == "Submit"
    assert [(t.name, t.source, t.target) for t in Permit.all_transitions()] == [
        ("approve", "submitted", "approved"),
        ("submit", "draft", "submitted"),
    ]


def test_permissions_and_deadlines_by_state():
    applicant, stranger = person(), person()
    day = datetime.date(2026, 3, 2)
    draft = Permit.objects.create(applicant=applicant, subject="Run", submitted_on=day)
    assert draft.can_view(applicant) and draft.can_edit(applicant)
    assert not draft.can_view(stranger)
    waiting = Permit.objects.create(subject="Run", submitted_on=day, state="submitted")
    assert waiting.can_view(None) and not waiting.can_edit(applicant)
    assert waiting.deadline() == datetime.date(2026, 3, 16)
    assert waiting.is_overdue(datetime.date(2026, 3, 17))
    assert not waiting.is_overdue(datetime.date(2026, 3, 16))


def test_a_permit_s_history_does_not_purge_the_initiative_with_the_same_id():
    """History rows of every engine model share one table: only an initiative's own rows may
    purge initiative pages, or a passport edition's step would purge initiative number N."""
    from cms.page_cache.rules import rule_for

    applicant = person()
    permit = Permit.objects.create(applicant=applicant, subject="Fair", fee_paid=True)
    log = permit.perform("submit", applicant, SUBMITTED)
    loaded, changed = rule_for(TransitionLog)
    assert not any(tag.startswith("initiative") for tag in (*loaded(log), *changed(log)))
    assert changed(log) == (f"workflow-item:{log.content_type_id}:{permit.pk}",)
