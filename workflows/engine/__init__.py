"""The workflow engine: a model declares states and transitions, the engine takes steps.

Public API, for any model (the advocacy initiative is one user of it):

- declare: :class:`WorkflowModel`, :class:`State`, :func:`workflow_transition`,
  :class:`Condition`, :data:`PUBLIC`;
- ask: ``Model.all_transitions()``, ``Model.transition_spec(name)`` (a
  :class:`TransitionSpec`: label, roles, data, conditions), ``item.transitions_for(user)``
  (the :class:`Available` steps);
- act: ``item.perform(name, user, data)``, which writes a :class:`TransitionLog` row or raises
  :class:`TransitionRefused`, then sends :data:`transition_taken`.

Only this package reads django-fsm's private ``custom`` slot where a transition's spec lives.
"""

from workflows.engine.history import TransitionLog
from workflows.engine.signals import transition_taken
from workflows.engine.spec import (
    PUBLIC,
    Available,
    Condition,
    DeclaredTransition,
    State,
    TransitionRefused,
    TransitionSpec,
    workflow_transition,
)
from workflows.engine.workflow import WorkflowModel

__all__ = [
    "PUBLIC",
    "Available",
    "Condition",
    "DeclaredTransition",
    "State",
    "TransitionLog",
    "TransitionRefused",
    "TransitionSpec",
    "WorkflowModel",
    "transition_taken",
    "workflow_transition",
]
