"""The history every workflow item shares, and the advocacy initiative."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_fsm import FSMField
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, PageChooserPanel
from wagtail.documents import get_document_model_string
from wagtail.models import Orderable

from workflows.engine import PUBLIC, Condition, State, WorkflowModel, workflow_transition


class TransitionLog(models.Model):
    """One step an item took: who, for which body, from where to where, when and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    transition = models.CharField(_("step"), max_length=50)
    source = models.CharField(_("from"), max_length=50)
    target = models.CharField(_("to"), max_length=50)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    acting_body = models.CharField(_("on behalf of"), max_length=255, blank=True)
    at = models.DateTimeField(_("at"), auto_now_add=True, db_index=True)
    comment_uk = models.TextField(_("comment (Ukrainian)"), blank=True)
    comment_en = models.TextField(_("comment (English)"), blank=True)
    public = models.BooleanField(_("public"), default=True)
    decision_number = models.CharField(_("decision number"), max_length=50, blank=True)
    document_url = models.URLField(_("document"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "at"])]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")

    def __str__(self) -> str:
        return f"{self.source_label} → {self.target_label} ({self.transition_label})"

    @property
    def _workflow(self) -> type:
        return ContentType.objects.get_for_id(self.content_type_id).model_class()

    @property
    def source_label(self) -> str:
        """The state the item left, by name in the user's language."""
        return str(self._workflow.state_label(self.source))

    @property
    def target_label(self) -> str:
        """The state the item entered, by name in the user's language."""
        return str(self._workflow.state_label(self.target))

    @property
    def transition_label(self) -> str:
        """The step taken, by name in the user's language."""
        return str(self._workflow.transition_label(self.transition))

    @classmethod
    def record(cls, item: models.Model, **values) -> TransitionLog:
        content_type = ContentType.objects.get_for_model(item)
        return cls.objects.create(content_type=content_type, object_id=item.pk, **values)


class TimelineEvent(models.Model):
    """Something that happened to an item without changing its state: a committee meeting, a
    letter, a hearing, a progress update."""

    class Kind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        LETTER = "letter", _("Letter")
        HEARING = "hearing", _("Hearing")
        PROGRESS = "progress", _("Progress update")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    date = models.DateField(_("date"))
    text_uk = models.TextField(_("text (Ukrainian)"))
    text_en = models.TextField(_("text (English)"), blank=True)
    public = models.BooleanField(_("public"), default=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "date"])]
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")

    def __str__(self) -> str:
        return f"{self.date}: {self.get_kind_display()}"


# --- The advocacy initiative ----------------------------------------------------------------
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


class Initiative(WorkflowModel, ClusterableModel):
    """An advocacy initiative, from a proposal to the council's decision and its implementation.

    Texts have a Ukrainian and an English field on one row, so the state, dates and votes are
    the same whatever the language.
    """

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
        choices=[(state.value, state.label) for state in STATES],
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
        # The tracker and the admin list newest first within a set of states.
        indexes = [models.Index(fields=["state", "-updated_at"], name="initiative_state_updated")]
        verbose_name = _("initiative")
        verbose_name_plural = _("initiatives")

    def __str__(self) -> str:
        return self.title_uk

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

    def after_transition(self, log) -> None:
        if log.public:
            from workflows.notifications import notify_followers

            notify_followers.send(log.pk)  # the broker sends it only after the commit

    # --- after a "no" -------------------------------------------------------------------
    def reopen_as_successor(self, user) -> Initiative:
        """A declined or rejected initiative starts again as a new draft that links back."""
        from workflows.engine import TransitionRefused

        if self.state not in ("declined", "rejected"):
            raise TransitionRefused(_("Only a declined or rejected initiative can be re-opened."))
        if not {"initiator", "coordinator", "head"} & self.roles_of(user):
            raise TransitionRefused(_("You do not have a role that may re-open it."))
        copied = {name: getattr(self, name) for name in self.PROPOSAL_FIELDS}
        return Initiative.objects.create(
            **copied, initiator=self.initiator or user, predecessor=self
        )


class InitiativeTag(TaggedItemBase):
    content_object = ParentalKey(Initiative, related_name="tagged_items", on_delete=models.CASCADE)


class InitiativePartner(Orderable):
    """A partner organisation: one of the Memorandum's signatories."""

    initiative = ParentalKey(Initiative, related_name="partners", on_delete=models.CASCADE)
    organisation = models.ForeignKey(
        "cms.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner organisation")
        verbose_name_plural = _("partner organisations")

    def clean(self):
        super().clean()
        if self.organisation_id and not self.organisation.joined:
            raise ValidationError(
                {"organisation": _("Partners are chosen from the Memorandum's signatories.")}
            )


class InitiativeDocument(Orderable):
    """A document of the initiative: a draft decision, a letter, the adopted decision."""

    initiative = ParentalKey(Initiative, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    public = models.BooleanField(_("public"), default=True)

    panels = [FieldPanel("document"), FieldPanel("public")]

    class Meta(Orderable.Meta):
        verbose_name = _("document")
        verbose_name_plural = _("documents")


class InitiativePage(Orderable):
    """A news item or campaign about the initiative."""

    initiative = ParentalKey(Initiative, related_name="related_pages", on_delete=models.CASCADE)
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", ["cms.NewsPage", "cms.CampaignPage"])]

    class Meta(Orderable.Meta):
        verbose_name = _("related page")
        verbose_name_plural = _("related news and campaigns")


from workflows.notifications import Delivery, Subscription  # noqa: E402,F401  (models of this app)
