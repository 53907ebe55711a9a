"""The groups whose members take the initiative workflow's steps (see Initiative.ROLE_GROUPS)."""

from django.db import migrations

GROUPS = [
    "Office coordinators",
    "Office heads",
    "Council secretariat",
    "Committee secretaries",
    "Executive bodies",
]


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for name in GROUPS:
        Group.objects.get_or_create(name=name)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("workflows", "0001_initiatives"), ("auth", "0012_alter_user_first_name_max_length")]

    operations = [migrations.RunPython(create_groups, remove_groups)]
