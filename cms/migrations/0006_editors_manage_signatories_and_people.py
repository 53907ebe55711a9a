"""Editors and moderators keep the Memorandum's signatories and the team's people up to date.

They are content like the pages that show them; only the per-language site settings stay with
the Administrators group (which holds every permission, see accounts/permissions.py).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

SNIPPET_PERMISSIONS = {
    "Editors": ["add", "change", "view"],
    "Moderators": ["add", "change", "delete", "view"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    app_config = apps.get_app_config("cms")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    for name, actions in SNIPPET_PERMISSIONS.items():
        group = Group.objects.filter(name=name).first()
        if group is None:
            continue
        codenames = [f"{action}_{model}" for action in actions for model in ("organisation", "person")]
        group.permissions.add(
            *Permission.objects.filter(content_type__app_label="cms", codename__in=codenames)
        )


class Migration(migrations.Migration):
    dependencies = [("cms", "0005_search_configuration")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
