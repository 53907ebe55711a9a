"""The Administrators group holds every permission, those of models added later included.

``cms`` migration 0002 gave it every permission that existed then; a model added by a later
migration (failed jobs, snippets, redirects, translations…) would otherwise be left to
superusers alone. Run after every ``migrate``, so new permissions join the group as they appear.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

ADMINISTRATORS = "Administrators"
#: Withheld on purpose, even from administrators (superusers keep them):
WITHHELD = {
    # an initiative ends as withdrawn or declined, its public record stays;
    ("workflows", "delete_initiative"),
    # a follower is only ever added by confirming their own e-mail address.
    ("workflows", "add_subscription"),
    ("workflows", "change_subscription"),
}


def grant_administrators_everything(
    sender=None, using: str = DEFAULT_DB_ALIAS, apps=global_apps, **kwargs
) -> None:
    """post_migrate receiver."""
    try:
        group_model = apps.get_model("auth", "Group")
        permission_model = apps.get_model("auth", "Permission")
    except LookupError:  # auth not migrated yet
        return
    group = group_model.objects.using(using).filter(name=ADMINISTRATORS).first()
    if group is None:
        return
    permissions = list(permission_model.objects.using(using).select_related("content_type"))

    def withheld(permission) -> bool:
        return (permission.content_type.app_label, permission.codename) in WITHHELD

    group.permissions.add(*(p for p in permissions if not withheld(p)))
    group.permissions.remove(*(p for p in permissions if withheld(p)))
