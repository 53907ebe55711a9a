"""Advocacy initiatives, taken through the engine's real steps so their history is the one the
engine writes."""

from __future__ import annotations

import factory

from tests.factories.users import UserFactory
from workflows.models import Initiative


class InitiativeFactory(factory.django.DjangoModelFactory):
    """An initiative, proposed; ``steps=["submit", "start_review", "accept"]`` takes those
    steps (as ``actor=``, by default an administrator), each with its history row."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    title_uk = factory.Sequence(lambda n: f"Ініціатива {n}")
    title_en = factory.Sequence(lambda n: f"Initiative {n}")
    summary_uk = "Що пропонують і навіщо."
    summary_en = "What is proposed and why."

    @factory.post_generation
    def steps(self, create: bool, names: list | None, actor=None, **kwargs) -> None:
        if not (create and names):
            return
        actor = actor or UserFactory(groups=["Administrators"])
        for step in names:
            name, data = (step, {}) if isinstance(step, str) else step
            self.perform(name, actor, data)
