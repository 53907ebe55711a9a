"""The engine's signal: whatever a model's workflow should set off after a step hangs here."""

from django.dispatch import Signal

#: Sent after a step succeeded, inside its transaction (what a receiver writes commits or rolls
#: back with the step; a job sent from a receiver leaves the broker only after the commit).
#: Arguments: ``sender`` (the model class), ``instance``, ``transition`` (its name), ``actor``
#: (the user) and ``log`` (the :class:`~workflows.engine.history.TransitionLog` row).
transition_taken = Signal()
