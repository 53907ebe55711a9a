"""The advocacy initiative: what it proposes, where it stands, what the council decided."""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_fsm import FSMField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.models import ClusterableModel

from workflows.engine import TransitionRefused, WorkflowModel
from workflows.models.initiative_workflow import InitiativeWorkflow


class Initiative(InitiativeWorkflow, WorkflowModel, ClusterableModel):
    """An advocacy initiative, from a proposal to the council's decision and its implementation.

    Texts have a Ukrainian and an English field on one row, so the state, dates and votes are
    the same whatever the language.
    """

    #: What the initiator proposes; a re-opened initiative starts from a copy of it.
    PROPOSAL_FIELDS = (
        "title_uk",
        "title_en",
        "summary_uk",
        "summary_en",
        "problem_uk",
        "problem_en",
        "solution_uk",
        "solution_en",
        "area",
        "origin",
        "responsible_authority",
        "location",
    )

    class Origin(models.TextChoices):
        SAFETY_PASSPORT = "safety_passport", _("Finding of the community safety passport")
        RESIDENT = "resident", _("Request from a resident")
        COFFEE = "coffee", _("“Coffee with a police officer” meeting")
        SURVEY = "survey", _("Survey")
        OFFICE = "office", _("The office's own analysis")

    state = FSMField(
        _("state"),
        default="draft",
        protected=True,
        db_index=True,
        choices=[(state.value, state.label) for state in InitiativeWorkflow.STATES],
    )
    title_uk = models.CharField(_("title (Ukrainian)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    summary_uk = models.TextField(_("summary (Ukrainian)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    problem_uk = models.TextField(_("problem (Ukrainian)"), blank=True)
    problem_en = models.TextField(_("problem (English)"), blank=True)
    solution_uk = models.TextField(_("proposed solution (Ukrainian)"), blank=True)
    solution_en = models.TextField(_("proposed solution (English)"), blank=True)
    area = models.ForeignKey(
        "cms.PriorityAreaPage",
        verbose_name=_("priority area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    origin = models.CharField(_("origin"), max_length=20, choices=Origin.choices, blank=True)
    initiator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("initiator"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="initiatives",
    )
    responsible_authority = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("responsible authority"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    location = models.CharField(_("location"), max_length=255, blank=True)
    revision_request = models.TextField(_("what to improve"), blank=True)
    decline_reason_uk = models.TextField(_("reason for declining (Ukrainian)"), blank=True)
    decline_reason_en = models.TextField(_("reason for declining (English)"), blank=True)
    registration_number = models.CharField(_("registration number"), max_length=50, blank=True)
    registration_date = models.DateField(_("registration date"), null=True, blank=True)
    committee_date = models.DateField(_("committee meeting date"), null=True, blank=True)
    session_date = models.DateField(_("session date"), null=True, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=50, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    votes_for = models.PositiveSmallIntegerField(_("votes for"), null=True, blank=True)
    votes_against = models.PositiveSmallIntegerField(_("votes against"), null=True, blank=True)
    votes_abstained = models.PositiveSmallIntegerField(_("abstained"), null=True, blank=True)
    responsible_body = models.CharField(_("responsible body"), max_length=255, blank=True)
    planned_end = models.DateField(_("planned end"), null=True, blank=True)
    progress = models.PositiveSmallIntegerField(
        _("progress, %"), default=0, validators=[MaxValueValidator(100)]
    )
    withdrawal_reason = models.TextField(_("reason for withdrawal"), blank=True)
    predecessor = models.ForeignKey(
        "self",
        verbose_name=_("re-opens"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
    )
    proposer_name = models.CharField(_("proposed by"), max_length=255, blank=True)
    proposer_email = models.EmailField(
        _("proposer's e-mail"), blank=True, help_text=_("Never shown in public.")
    )
    tags = ClusterTaggableManager(
        verbose_name=_("tags"), through="workflows.InitiativeTag", blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        # The tracker and the admin list newest first within a set of states; the unfiltered
        # tracker (every public state, newest first) walks the second one instead of sorting.
        indexes = [
            models.Index(fields=["state", "-updated_at"], name="initiative_state_updated"),
            models.Index(fields=["-updated_at", "-id"], name="initiative_updated"),
        ]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title_uk

    # --- after a "no" -------------------------------------------------------------------
    def reopen_as_successor(self, user) -> Initiative:
        """A declined or rejected initiative starts again as a new draft that links back."""
        if self.state not in ("declined", "rejected"):
            raise TransitionRefused(_("Only a declined or rejected initiative can be re-opened."))
        if not {"initiator", "coordinator", "head"} & self.roles_of(user):
            raise TransitionRefused(_("You do not have a role that may re-open it."))
        copied = {name: getattr(self, name) for name in self.PROPOSAL_FIELDS}
        return Initiative.objects.create(
            **copied, initiator=self.initiator or user, predecessor=self
        )
