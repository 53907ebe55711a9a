"""The advocacy initiative's workflow: its states, roles, permissions, date rules and the
transitions from a proposal to the council's decision and its implementation.

:class:`InitiativeWorkflow` is mixed into :class:`~workflows.models.initiatives.Initiative`;
django-fsm collects the transitions declared here when the model class is prepared.
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from workflows.engine import PUBLIC, Condition, State, workflow_transition

STAFF = frozenset({"coordinator", "head", "administrator"})
COUNCIL = frozenset({"council_secretariat", "committee_secretary"})
EVERYONE = frozenset({PUBLIC})
#: Once the council has decided, its decision and the registration cannot change.
FROZEN = frozenset(
    {
        "decision_number",
        "decision_date",
        "votes_for",
        "votes_against",
        "votes_abstained",
        "registration_number",
        "registration_date",
    }
)


class InitiativeWorkflow:
    """What the engine needs to know about an initiative, and its steps."""

    STATES = [
        State("draft", _("Draft"), _("The initiator is still writing it."), public=False),
        State(
            "submitted",
            _("Submitted"),
            _("Sent to the office, which has not looked at it yet."),
            public=False,
        ),
        State(
            "under_review",
            _("Under office review"),
            _("The office checks whether it is sound and whether to advocate it."),
            public=False,
        ),
        State(
            "needs_revision",
            _("Needs revision"),
            _("The office asked the initiator to improve it."),
            public=False,
        ),
        State(
            "resubmitted",
            _("Resubmitted"),
            _("Improved by the initiator and back with the office."),
            public=False,
        ),
        State(
            "declined",
            _("Declined"),
            _("The office decided not to advocate it, and says why."),
            final=True,
        ),
        State(
            "accepted",
            _("Accepted for advocacy"),
            _("The office will work for it to be adopted."),
        ),
        State(
            "drafting",
            _("Drafting the council decision"),
            _("The office and partners are preparing a draft decision of the council."),
        ),
        State(
            "submitted_to_council",
            _("Submitted to the council"),
            _("The draft is registered at the council, which must answer in 30 days."),
            deadline=("registration_date", 30),
        ),
        State(
            "in_committee",
            _("In committee"),
            _("A standing committee of the council is considering it."),
            deadline=("registration_date", 30),
        ),
        State(
            "on_agenda",
            _("On the agenda"),
            _("The council will vote on it at a session."),
        ),
        State("adopted", _("Adopted"), _("The council voted for it.")),
        State(
            "rejected",
            _("Rejected by the council"),
            _("The council voted against it."),
            final=True,
        ),
        State(
            "in_implementation",
            _("In implementation"),
            _("The responsible body is carrying out the decision."),
        ),
        State("implemented", _("Implemented"), _("The decision has been carried out."), final=True),
        State(
            "withdrawn",
            _("Withdrawn"),
            _("The initiator or the office withdrew it, and says why."),
            final=True,
        ),
    ]
    ROLE_GROUPS = {
        "coordinator": "Office coordinators",
        "head": "Office heads",
        "council_secretariat": "Council secretariat",
        "committee_secretary": "Committee secretaries",
        "executive_body": "Executive bodies",
        "administrator": "Administrators",
    }
    OWNER_ROLES = {"initiator": "initiator_id"}
    PRIVATE = frozenset({"draft", "submitted", "under_review", "needs_revision", "resubmitted"})
    PERMISSIONS = {
        "draft": {
            "view": frozenset({"initiator"}) | STAFF,
            "edit": frozenset({"initiator"}) | STAFF,
        },
        **{
            state: {"view": frozenset({"initiator"}) | STAFF, "edit": STAFF}
            for state in ("submitted", "under_review", "needs_revision", "resubmitted")
        },
        **{
            state: {"view": EVERYONE, "edit": STAFF | COUNCIL}
            for state in (
                "accepted",
                "drafting",
                "submitted_to_council",
                "in_committee",
                "on_agenda",
            )
        },
        "adopted": {"view": EVERYONE, "edit": STAFF | COUNCIL | {"executive_body"}},
        "in_implementation": {"view": EVERYONE, "edit": STAFF | {"executive_body"}},
        **{
            state: {"view": EVERYONE, "edit": frozenset({"administrator"})}
            for state in ("declined", "rejected", "implemented", "withdrawn")
        },
    }
    FROZEN_FIELDS = dict.fromkeys(("adopted", "in_implementation", "implemented"), FROZEN)
    #: Proposal ≤ registration ≤ committee ≤ agenda ≤ decision ≤ implementation.
    DATE_ORDER = (
        "created_at",
        "registration_date",
        "committee_date",
        "session_date",
        "decision_date",
        "planned_end",
    )
    #: A committee meeting, a council session and the end of implementation are set ahead.
    PLANNED_DATES = frozenset({"committee_date", "session_date", "planned_end"})
    DATE_LABELS = {"created_at": _("proposal date")}
    VOTES = ("votes_for", "votes_against", "votes_abstained")

    # --- transitions: the path from a proposal to the council's decision ------------------
    @workflow_transition(
        source="draft",
        target="submitted",
        label=_("Submit to the office"),
        roles={"initiator", "coordinator"},
        public=False,
    )
    def submit(self):
        pass

    @workflow_transition(
        source=["submitted", "resubmitted"],
        target="under_review",
        label=_("Start review"),
        roles={"coordinator", "head"},
        public=False,
    )
    def start_review(self):
        pass

    @workflow_transition(
        source="under_review",
        target="needs_revision",
        label=_("Ask for revision"),
        roles={"coordinator", "head"},
        requires=["revision_request"],
        public=False,
    )
    def request_revision(self):
        pass

    @workflow_transition(
        source="needs_revision",
        target="resubmitted",
        label=_("Resubmit"),
        roles={"initiator", "coordinator"},
        public=False,
    )
    def resubmit(self):
        pass

    @workflow_transition(
        source="under_review",
        target="declined",
        label=_("Decline"),
        roles={"head"},
        requires=["decline_reason_uk"],
        optional=["decline_reason_en"],
    )
    def decline(self):
        pass

    @workflow_transition(
        source="under_review", target="accepted", label=_("Accept for advocacy"), roles={"head"}
    )
    def accept(self):
        pass

    @workflow_transition(
        source="accepted",
        target="drafting",
        label=_("Start drafting the decision"),
        roles={"coordinator", "head"},
    )
    def start_drafting(self):
        pass

    @workflow_transition(
        source="drafting",
        target="submitted_to_council",
        label=_("Register at the council"),
        roles={"coordinator", "head", "council_secretariat"},
        requires=["registration_number", "registration_date"],
    )
    def submit_to_council(self):
        pass

    @workflow_transition(
        source="submitted_to_council",
        target="in_committee",
        label=_("Send to committee"),
        roles={"council_secretariat", "committee_secretary"},
        optional=["committee_date"],
    )
    def send_to_committee(self):
        pass

    @workflow_transition(
        source="in_committee",
        target="on_agenda",
        label=_("Put on the agenda"),
        roles={"council_secretariat", "committee_secretary"},
        requires=["session_date"],
    )
    def put_on_agenda(self):
        pass

    @workflow_transition(
        source="on_agenda",
        target="adopted",
        label=_("Record adoption"),
        roles={"council_secretariat"},
        requires=[
            "decision_number",
            "decision_date",
            "votes_for",
            "votes_against",
            "votes_abstained",
        ],
        conditions=[
            Condition(
                lambda i: (i.votes_for or 0) > (i.votes_against or 0),
                _("An adopted decision has more votes for than against."),
                fields=("votes_for", "votes_against"),
            )
        ],
    )
    def adopt(self):
        pass

    @workflow_transition(
        source="on_agenda",
        target="rejected",
        label=_("Record rejection"),
        roles={"council_secretariat"},
        requires=["decision_date"],
        optional=["votes_for", "votes_against", "votes_abstained"],
    )
    def reject(self):
        pass

    @workflow_transition(
        source="adopted",
        target="in_implementation",
        label=_("Start implementation"),
        roles={"executive_body", "council_secretariat"},
        requires=["responsible_body", "planned_end"],
    )
    def start_implementation(self):
        pass

    @workflow_transition(
        source="in_implementation",
        target="implemented",
        label=_("Mark as implemented"),
        roles={"executive_body"},
        conditions=[
            Condition(
                lambda i: i.progress == 100,
                _("Set the progress to 100 per cent first."),
                fields=("progress",),
            )
        ],
    )
    def complete(self):
        pass

    @workflow_transition(
        source=[state.value for state in STATES if not state.final],
        target="withdrawn",
        label=_("Withdraw"),
        roles={"initiator", "head"},
        requires=["withdrawal_reason"],
    )
    def withdraw(self):
        pass

    def step_errors(self, fields) -> dict[str, list[str]]:
        """The dates' order, and votes that fit the council (``COUNCIL_SEATS``)."""
        errors = super().step_errors(fields)
        voted = [name for name in self.VOTES if name in fields]
        seats = settings.COUNCIL_SEATS
        cast = sum(getattr(self, name) or 0 for name in self.VOTES)
        if voted and cast > seats:
            errors.setdefault(voted[0], []).append(
                ngettext(
                    "The votes add up to %(cast)s, more than the council's %(seats)s member.",
                    "The votes add up to %(cast)s, more than the council's %(seats)s members.",
                    seats,
                )
                % {"cast": cast, "seats": seats}
            )
        return errors
