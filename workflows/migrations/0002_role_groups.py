"""The groups whose members take the initiative workflow's steps (see Initiative.ROLE_GROUPS)."""

from django.db import migrations

GROUPS = [
    "Office coordinators",
    "Office heads",
    "Council secretariat",
    "Committee secretaries",
    "Executive bodies",
]


#: Members may open the admin and see and edit initiatives; which steps they may take and which
#: fields they may change in which state is the workflow's business (Initiative.PERMISSIONS).
CODENAMES = ["view_initiative", "add_initiative", "change_initiative"]


def create_groups(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    initiative_permissions = Permission.objects.filter(
        content_type__app_label="workflows", codename__in=CODENAMES
    )
    for name in [*GROUPS, "Administrators"]:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin, *initiative_permissions)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("workflows", "0001_initiatives"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("cms", "0002_editorial_groups_and_locales"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
