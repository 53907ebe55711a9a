"""What a workflow declares: its states, its transitions' specs, and the answers it gives.

:func:`workflow_transition` wraps django-fsm's ``transition`` and stores a
:class:`TransitionSpec` in its ``custom`` data. This module is the only reader of that private
slot: everyone else asks :func:`declared_transitions` (or the model's methods built on it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache

from django.db import models
from django.utils.functional import Promise
from django_fsm import transition

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


@dataclass(frozen=True)
class DeclaredTransition:
    """One declared transition out of one source state (a transition with several sources is
    declared once per source, as django-fsm lists it)."""

    name: str
    source: str
    target: str
    spec: TransitionSpec


@dataclass
class Available:
    """A transition as the admin offers it: its name, label and the fields it asks for."""

    name: str
    label: Promise | str
    target: str
    requires: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    blocked_by: list[str] = field(default_factory=list)


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


def declared(fsm_transition) -> DeclaredTransition:
    """The engine's view of one django-fsm transition object."""
    return DeclaredTransition(
        name=fsm_transition.name,
        source=fsm_transition.source,
        target=fsm_transition.target,
        spec=fsm_transition.custom["spec"],
    )


@cache
def declared_transitions(
    model: type[models.Model], field_name: str = "state"
) -> tuple[DeclaredTransition, ...]:
    """Every transition ``model`` declares on ``field_name``, once per source state (read once
    per model: the declarations do not change once the class is prepared)."""
    fsm_field = model._meta.get_field(field_name)
    return tuple(declared(t) for t in fsm_field.get_all_transitions(model))
