"""The situational centre's operators, and what administrators may do with cameras."""

from django.db import migrations

OPERATORS = "Situational centre operators"
OPERATOR_CODENAMES = [
    "view_camera",
    "operate_camera",
    "view_incident",
    "change_incident",
    "view_dutyshift",
    "view_maintenance",
]
ADMIN_MODELS = ["camera", "maintenance", "incident", "dutyshift"]


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
    operators, _created = Group.objects.get_or_create(name=OPERATORS)
    operators.permissions.add(
        access_admin,
        *Permission.objects.filter(
            content_type__app_label="cctv_bridge", codename__in=OPERATOR_CODENAMES
        ),
    )
    administrators, _created = Group.objects.get_or_create(name="Administrators")
    administrators.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="cctv_bridge", content_type__model__in=ADMIN_MODELS
        ),
        # The access log is read, never written by hand.
        *Permission.objects.filter(
            content_type__app_label="cctv_bridge", codename="view_snapshotaccess"
        ),
    )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=OPERATORS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cctv_bridge", "0001_cameras"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("cms", "0002_editorial_groups_and_locales"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
