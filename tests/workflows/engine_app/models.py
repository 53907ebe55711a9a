"""A permit that an applicant drafts and submits and a clerk approves: draft → submitted →
approved, declared with the engine alone."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django_fsm import FSMField

from workflows.engine import PUBLIC, Condition, State, WorkflowModel, workflow_transition

CLERKS = "Permit clerks"


class Permit(WorkflowModel):
    STATES = [
        State("draft", "Draft", "The applicant is writing it.", public=False),
        State("submitted", "Submitted", "A clerk will decide.", deadline=("submitted_on", 14)),
        State("approved", "Approved", "The permit holds.", final=True),
    ]
    ROLE_GROUPS = {"clerk": CLERKS}
    OWNER_ROLES = {"applicant": "applicant_id"}
    PERMISSIONS = {
        "draft": {"view": frozenset({"applicant", "clerk"}), "edit": frozenset({"applicant"})},
        "submitted": {"view": frozenset({PUBLIC}), "edit": frozenset({"clerk"})},
        "approved": {"view": frozenset({PUBLIC}), "edit": frozenset()},
    }
    DATE_ORDER = ("submitted_on", "approved_on")

    state = FSMField(
        default="draft",
        protected=True,
        choices=[(state.value, state.label) for state in STATES],
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject = models.CharField(max_length=100)
    submitted_on = models.DateField(null=True, blank=True)
    approved_on = models.DateField(null=True, blank=True)
    fee_paid = models.BooleanField(default=False)

    @workflow_transition(
        source="draft",
        target="submitted",
        label="Submit",
        roles={"applicant"},
        requires=["submitted_on"],
        public=False,
    )
    def submit(self):
        pass

    @workflow_transition(
        source="submitted",
        target="approved",
        label="Approve",
        roles={"clerk"},
        requires=["approved_on"],
        conditions=[Condition(lambda permit: permit.fee_paid, "The fee is not paid yet.")],
    )
    def approve(self):
        pass
