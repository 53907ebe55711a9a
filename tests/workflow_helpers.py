"""Users for the workflow tests: one per role, by the groups Initiative.ROLE_GROUPS names."""

from __future__ import annotations

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from workflows.models import Initiative

_numbers = itertools.count()


def member(role: str, name: str | None = None):
    """A user holding ``role`` (no group for "initiator", a role held by ownership)."""
    user = get_user_model().objects.create_user(name or f"{role}-{next(_numbers)}", password="x")
    if role in Initiative.ROLE_GROUPS:
        user.groups.add(Group.objects.get(name=Initiative.ROLE_GROUPS[role]))
    return user
