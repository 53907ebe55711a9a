"""Worklists: the items awaiting a user's action, computed from the declared transitions."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from workflows.models import Initiative


def roles_acting_in(model, excluded: tuple[str, ...] = ("withdraw",)) -> dict[str, set[str]]:
    """For each state, the roles that may take a step out of it (withdrawal aside: anyone
    entitled may withdraw, which does not make an item await them)."""
    acting: dict[str, set[str]] = defaultdict(set)
    for transition in model.all_transitions():
        if transition.name not in excluded:
            acting[transition.source] |= set(transition.spec.roles)
    return acting


def awaiting(user, model=Initiative) -> QuerySet:
    """Items in a state where one of the user's roles acts next; one query, whatever the
    number of items."""
    probe = model()
    roles = probe.roles_of(user)
    group_roles = roles - set(model.OWNER_ROLES)
    states, owner_states = set(), set()
    for state, acting in roles_acting_in(model).items():
        if model.SUPER_ROLE in roles or acting & group_roles:
            states.add(state)
        if acting & set(model.OWNER_ROLES):
            owner_states.add(state)
    condition = Q(state__in=states)
    for attribute in model.OWNER_ROLES.values():
        condition |= Q(state__in=owner_states, **{attribute: user.pk})
    return model.objects.filter(condition).select_related("area").order_by("updated_at")


class WorklistPanel(Component):
    """ "Awaiting my action" on the admin dashboard."""

    name = "initiatives_worklist"
    order = 90
    template_name = "workflows/admin/worklist_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        items = awaiting(self.request.user)
        return {
            "items": list(items[:10]),
            "total": items.count(),
            "heading": _("Initiatives awaiting your action"),
        }
