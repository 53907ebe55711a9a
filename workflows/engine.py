"""A small Plone-style workflow engine on django-fsm: any model can use it.

A model declares its states (label and plain-language definition, public or private, final or
not, an optional response deadline), its transitions with :func:`workflow_transition` (who may
take them, what data they need, what must hold), and which roles may view and edit it in each
state. :meth:`WorkflowModel.perform` then takes a transition for a user: guards first, then
the data, the state change, the save and one history row, in one database transaction.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise
from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransition, ConcurrentTransitionMixin, transition

#: Anyone, signed in or not: used in a state's ``view`` roles for public states.
PUBLIC = "public"


@dataclass(frozen=True)
class State:
    """One state of a workflow, as staff and the public see it."""

    value: str
    label: Promise | str
    definition: Promise | str
    public: bool = True
    final: bool = False
    #: (date field the clock starts from, days allowed) for a state that awaits an answer.
    deadline: tuple[str, int] | None = None


@dataclass(frozen=True)
class Condition:
    """Something that must hold before a transition, and what to say when it does not."""

    check: Callable[[models.Model], bool]
    message: Promise | str
    #: The fields it reads. Where the step's own form asks for them, the condition can only be
    #: judged on the data sent, so the list of next steps does not pre-check it.
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class TransitionSpec:
    """What the engine needs to know about one transition besides source and target."""

    label: Promise | str
    roles: frozenset[str]
    requires: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    conditions: tuple[Condition, ...] = ()
    public: bool = True


class TransitionRefused(Exception):
    """A transition the user may not take now; ``message`` says why in the user's language.

    ``errors`` maps a field to what is wrong with the value sent for it, so that a form can
    show each problem next to its field.
    """

    def __init__(
        self,
        message,
        *,
        missing: Iterable[str] = (),
        errors: dict[str, list[str]] | None = None,
    ):
        super().__init__(str(message))
        self.message = message
        self.missing = list(missing)
        self.errors = dict(errors or {})


def workflow_transition(
    *,
    source,
    target: str,
    label,
    roles: Iterable[str],
    requires: Iterable[str] = (),
    optional: Iterable[str] = (),
    conditions: Iterable[Condition] = (),
    public: bool = True,
    field_name: str = "state",
):
    """A django-fsm transition carrying the engine's metadata (roles, data, conditions)."""
    spec = TransitionSpec(
        label=label,
        roles=frozenset(roles),
        requires=tuple(requires),
        optional=tuple(optional),
        conditions=tuple(conditions),
        public=public,
    )
    return transition(field=field_name, source=source, target=target, custom={"spec": spec})


@dataclass
class Available:
    """A transition as the admin offers it: its name, label and the fields it asks for."""

    name: str
    label: Promise | str
    target: str
    requires: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    blocked_by: list[str] = field(default_factory=list)


class WorkflowModel(ConcurrentTransitionMixin, models.Model):
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
    #: Date (or date-time) fields in the order their events happen: none may be earlier than
    #: one before it. A step that sets one is refused when it would break the order.
    DATE_ORDER: tuple[str, ...] = ()
    #: The dates in DATE_ORDER that plan something ahead (a meeting, an end date); every other
    #: one records what happened, so it cannot be in the future.
    PLANNED_DATES: frozenset[str] = frozenset()
    #: How a date field is named in messages, where its verbose name would not do.
    DATE_LABELS: dict[str, Promise | str] = {}

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
        found = next((t for t in cls.all_transitions() if t.name == name), None)
        return found.custom["spec"].label if found else name

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

    # --- dates ----------------------------------------------------------------------------
    @staticmethod
    def site_today() -> datetime.date:
        """Today in the site's time zone (TIME_ZONE), whatever zone the admin shows a staff
        member's times in: the community's day decides what is "in the future"."""
        return timezone.localdate(timezone=timezone.get_default_timezone())

    def _date_of(self, name: str) -> datetime.date | None:
        value = getattr(self, name)
        if isinstance(value, datetime.datetime):
            if timezone.is_naive(value):
                return value.date()
            return timezone.localdate(value, timezone=timezone.get_default_timezone())
        return value

    def _date_label(self, name: str) -> str:
        return str(self.DATE_LABELS.get(name) or self._meta.get_field(name).verbose_name)

    def date_errors(
        self,
        fields: Iterable[str],
        today: datetime.date | None = None,
        *,
        against_later: bool = True,
    ) -> dict[str, list[str]]:
        """What is wrong with the dates in ``fields``, by field, in the user's language.

        A date may not be earlier than a date before it in :attr:`DATE_ORDER` nor later than one
        after it, and a date that records a fact may not be after ``today`` (in the site's time
        zone). Only the dates named are judged, so older rows that break the rules can still
        take steps that do not touch them. Without ``against_later`` a date is compared with the
        dates before it only, so that a pair out of order is told once.
        """
        today = today or self.site_today()
        dates = [(self._date_of(name), name) for name in self.DATE_ORDER]
        errors: dict[str, list[str]] = {}
        for name in fields:
            if name not in self.DATE_ORDER:
                continue
            position = self.DATE_ORDER.index(name)
            value = dates[position][0]
            if value is None:
                continue
            if name not in self.PLANNED_DATES and value > today:
                errors.setdefault(name, []).append(
                    gettext("This date is in the future: a step records what has happened.")
                )
            earlier = [(date, other) for date, other in dates[:position] if date is not None]
            later = [(date, other) for date, other in dates[position + 1 :] if date is not None]
            if earlier and value < max(earlier)[0]:
                limit, other = max(earlier)
                errors.setdefault(name, []).append(
                    gettext("This cannot be earlier than the %(event)s (%(date)s).")
                    % {"event": self._date_label(other), "date": date_format(limit)}
                )
            if against_later and later and value > min(later)[0]:
                limit, other = min(later)
                errors.setdefault(name, []).append(
                    gettext("This cannot be later than the %(event)s (%(date)s).")
                    % {"event": self._date_label(other), "date": date_format(limit)}
                )
        return errors

    def date_problems(self, today: datetime.date | None = None) -> list[str]:
        """Every date of this item that breaks the rules, as sentences: rows written before the
        rules existed keep their dates, and the admin shows what is wrong with them."""
        errors = self.date_errors(self.DATE_ORDER, today, against_later=False)
        return [
            f"{capfirst(self._date_label(name))}: {message}"
            for name, messages in errors.items()
            for message in messages
        ]

    def step_errors(self, fields: Iterable[str]) -> dict[str, list[str]]:
        """What is wrong with the values a step sets (``fields``), by field; empty when all is
        well. Subclasses add their own rules to the dates' order."""
        return self.date_errors(fields)

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
    def all_transitions(cls) -> list:
        return list(cls._meta.get_field("state").get_all_transitions(cls))

    def transition_named(self, name: str):
        return next((t for t in self.all_transitions() if t.name == name), None)

    def transitions_for(self, user) -> list[Available]:
        """The transitions ``user`` may take from the current state, and what each needs."""
        roles = self.roles_of(user)
        offered = []
        for item in self.get_available_state_transitions():
            spec = item.custom["spec"]
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
        user changed the item meanwhile.
        """
        from workflows.models import TransitionLog

        data = dict(data or {})
        found = self.transition_named(name)
        if found is None:
            raise TransitionRefused(_("There is no such step."))
        spec = found.custom["spec"]
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
            self.after_transition(log)
            return log

    def records_publicly(self, spec: TransitionSpec, asked: bool | None = None) -> bool:
        """Whether the step just taken goes into the public history: a caller may keep a
        public step private, never make a private step (or one into a private state) public."""
        public = spec.public and self.current_state.public
        return public if asked is None else public and asked

    def after_transition(self, log) -> None:
        """Called inside the step's transaction; jobs sent here leave only if it commits."""
