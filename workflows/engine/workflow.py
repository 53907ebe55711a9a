"""A small Plone-style workflow engine on django-fsm: any model can use it.

A model declares its states (label and plain-language definition, public or private, final or
not, an optional response deadline), its transitions with :func:`workflow_transition` (who may
take them, what data they need, what must hold), and which roles may view and edit it in each
state. :meth:`WorkflowModel.perform` then takes a transition for a user: guards first, then
the data, the state change, the save and one history row, in one database transaction, and
the :data:`~workflows.engine.signals.transition_taken` signal.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition, ConcurrentTransitionMixin

from workflows.engine.dates import DateRules
from workflows.engine.history import TransitionLog
from workflows.engine.signals import transition_taken
from workflows.engine.spec import (
    PUBLIC,
    Available,
    DeclaredTransition,
    State,
    TransitionRefused,
    TransitionSpec,
    declared,
    declared_transitions,
)


class WorkflowModel(DateRules, ConcurrentTransitionMixin, models.Model):
    """Base of a model that moves through a workflow.

    Subclasses set ``STATES`` (a list of :class:`State`), ``ROLE_GROUPS`` (role → Django group
    name), ``PERMISSIONS`` (state → {"view": roles, "edit": roles}) and ``FROZEN_FIELDS``
    (state → fields nobody may change any more), and declare a ``state`` FSMField with
    ``protected=True``.
    """

    STATES: list[State] = []
    ROLE_GROUPS: dict[str, str] = {}
    PERMISSIONS: dict[str, dict[str, frozenset[str]]] = {}
    FROZEN_FIELDS: dict[str, frozenset[str]] = {}
    #: Roles held by relation to the item rather than by group, e.g. {"initiator": "initiator_id"}.
    OWNER_ROLES: dict[str, str] = {}
    #: A role that may take every step (besides each step's own roles).
    SUPER_ROLE = "administrator"

    class Meta:
        abstract = True

    # --- states ---------------------------------------------------------------------------
    @classmethod
    def state_info(cls, value: str) -> State:
        return next(state for state in cls.STATES if state.value == value)

    @classmethod
    def state_label(cls, value: str) -> Promise | str:
        """The state's name in the user's language (the code itself for a state no longer
        declared, so old history still reads)."""
        return next((state.label for state in cls.STATES if state.value == value), value)

    @classmethod
    def transition_label(cls, name: str) -> Promise | str:
        """The step's name in the user's language (or its code, for a step no longer declared)."""
        spec = cls.transition_spec(name)
        return spec.label if spec else name

    @property
    def current_state(self) -> State:
        return self.state_info(self.state)

    def deadline(self) -> datetime.date | None:
        """When the answer awaited in the current state is due, if the state has a deadline."""
        rule = self.current_state.deadline
        if rule is None:
            return None
        started = getattr(self, rule[0])
        return started + datetime.timedelta(days=rule[1]) if started else None

    def is_overdue(self, today: datetime.date | None = None) -> bool:
        due = self.deadline()
        return bool(due and due < (today or timezone.localdate()))

    @classmethod
    def overdue_q(cls, today: datetime.date | None = None) -> Q:
        """The items :meth:`is_overdue` holds for, as a query (for lists and filters)."""
        today = today or timezone.localdate()
        q = Q(pk__in=[])
        for state in cls.STATES:
            if state.deadline:
                field, days = state.deadline
                since = today - datetime.timedelta(days=days)
                q |= Q(state=state.value, **{f"{field}__lt": since})
        return q

    # --- roles and permissions -----------------------------------------------------------
    def roles_of(self, user) -> set[str]:
        if user is None or not user.is_authenticated:
            return set()
        if user.is_superuser:
            return {*self.ROLE_GROUPS, *self.OWNER_ROLES, "administrator"}
        groups = set(user.groups.values_list("name", flat=True))
        roles = {role for role, group in self.ROLE_GROUPS.items() if group in groups}
        for role, attribute in self.OWNER_ROLES.items():
            if getattr(self, attribute) == user.pk:
                roles.add(role)
        return roles

    def can_view(self, user) -> bool:
        allowed = self.PERMISSIONS.get(self.state, {}).get("view", frozenset())
        return PUBLIC in allowed or bool(allowed & self.roles_of(user))

    def can_edit(self, user) -> bool:
        allowed = self.PERMISSIONS.get(self.state, {}).get("edit", frozenset())
        return bool(allowed & self.roles_of(user))

    def frozen_fields(self) -> frozenset[str]:
        return self.FROZEN_FIELDS.get(self.state, frozenset())

    # --- transitions ------------------------------------------------------------------------
    def may_take(self, spec: TransitionSpec, roles: set[str]) -> bool:
        return bool(spec.roles & roles) or self.SUPER_ROLE in roles

    @classmethod
    def all_transitions(cls) -> tuple[DeclaredTransition, ...]:
        """Every declared transition, once per source state (what a diagram or a worklist
        reads)."""
        return declared_transitions(cls)

    @classmethod
    def transition_named(cls, name: str) -> DeclaredTransition | None:
        """The transition ``name`` (from its first source), or None if none is declared."""
        return next((t for t in cls.all_transitions() if t.name == name), None)

    @classmethod
    def transition_spec(cls, name: str) -> TransitionSpec | None:
        """What transition ``name`` needs (label, roles, data, conditions), or None."""
        found = cls.transition_named(name)
        return found.spec if found else None

    def transitions_for(self, user) -> list[Available]:
        """The transitions ``user`` may take from the current state, and what each needs."""
        roles = self.roles_of(user)
        offered = []
        for item in map(declared, self.get_available_state_transitions()):
            spec = item.spec
            if not self.may_take(spec, roles):
                continue
            asked = {*spec.requires, *spec.optional}
            blocked = [
                str(c.message)
                for c in spec.conditions
                if not (set(c.fields) & asked) and not c.check(self)
            ]
            offered.append(
                Available(item.name, spec.label, item.target, spec.requires, spec.optional, blocked)
            )
        return offered

    def perform(
        self,
        name: str,
        user,
        data: dict | None = None,
        *,
        comment_uk: str = "",
        comment_en: str = "",
        public: bool | None = None,
        acting_body: str = "",
        document_url: str = "",
    ):
        """Take transition ``name`` as ``user``: all or nothing, one history row.

        Raises :class:`TransitionRefused` (and changes nothing) when the state does not allow
        it, the user lacks the role, data is missing or invalid, a condition fails, or another
        user changed the item meanwhile. After the history row, sends
        :data:`~workflows.engine.signals.transition_taken` inside the same transaction.
        """
        data = dict(data or {})
        found = self.transition_named(name)
        if found is None:
            raise TransitionRefused(_("There is no such step."))
        spec = found.spec
        allowed_here = {t.name for t in self.get_available_state_transitions()}
        if name not in allowed_here:
            raise TransitionRefused(
                format_lazy(
                    _("“{step}” cannot be taken while the item is “{state}”."),
                    step=spec.label,
                    state=self.current_state.label,
                )
            )
        if not self.may_take(spec, self.roles_of(user)):
            raise TransitionRefused(
                format_lazy(_("You do not have a role that may take “{step}”."), step=spec.label)
            )
        unexpected = set(data) - set(spec.requires) - set(spec.optional)
        if unexpected:
            raise TransitionRefused(
                format_lazy(
                    _("“{step}” does not take these fields: {fields}."),
                    step=spec.label,
                    fields=", ".join(sorted(unexpected)),
                )
            )
        missing = [
            f for f in spec.requires if (data[f] if f in data else getattr(self, f)) in (None, "")
        ]
        if missing:
            names = ", ".join(str(self._meta.get_field(f).verbose_name) for f in missing)
            raise TransitionRefused(
                format_lazy(_("“{step}” needs: {fields}."), step=spec.label, fields=names),
                missing=missing,
            )
        with transaction.atomic():
            errors: dict[str, list[str]] = {}
            for attribute, value in data.items():
                try:
                    setattr(self, attribute, self._meta.get_field(attribute).to_python(value))
                except ValidationError as error:
                    errors[attribute] = error.messages
            if not errors:
                exclude = [f.name for f in self._meta.fields if f.name not in data]
                try:
                    self.clean_fields(exclude=exclude)
                except ValidationError as error:
                    errors = error.message_dict
            if not errors:
                errors = self.step_errors(data)
            if errors:
                problems = "; ".join(
                    f"{self._meta.get_field(f).verbose_name}: {' '.join(map(str, m))}"
                    for f, m in errors.items()
                )
                raise TransitionRefused(
                    format_lazy(_("Some values are not valid: {problems}"), problems=problems),
                    missing=list(errors),
                    errors=errors,
                )
            for condition in spec.conditions:
                if not condition.check(self):
                    raise TransitionRefused(condition.message)
            source = self.state
            getattr(self, name)()
            try:
                self.save()
            except ConcurrentTransition as error:
                raise TransitionRefused(
                    _("Someone changed this item meanwhile. Reload it and try again.")
                ) from error
            log = TransitionLog.record(
                self,
                transition=name,
                source=source,
                target=self.state,
                actor=user,
                acting_body=acting_body,
                comment_uk=comment_uk,
                comment_en=comment_en,
                public=self.records_publicly(spec, public),
                decision_number=str(data.get("decision_number", "")),
                document_url=document_url,
            )
            transition_taken.send(
                sender=type(self), instance=self, transition=name, actor=user, log=log
            )
            return log

    def records_publicly(self, spec: TransitionSpec, asked: bool | None = None) -> bool:
        """Whether the step just taken goes into the public history: a caller may keep a
        public step private, never make a private step (or one into a private state) public."""
        public = spec.public and self.current_state.public
        return public if asked is None else public and asked
