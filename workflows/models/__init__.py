"""The models of the initiatives app, by concern.

The history of steps, :class:`~workflows.engine.history.TransitionLog`, belongs to the workflow
engine (``workflows.engine``); it keeps this app's label and table.
"""

from workflows.models.followers import Delivery, Subscription
from workflows.models.initiatives import Initiative
from workflows.models.relations import (
    InitiativeDocument,
    InitiativePage,
    InitiativePartner,
    InitiativeTag,
)
from workflows.models.timeline import TimelineEvent

__all__ = [
    "Delivery",
    "Initiative",
    "InitiativeDocument",
    "InitiativePage",
    "InitiativePartner",
    "InitiativeTag",
    "Subscription",
    "TimelineEvent",
]
