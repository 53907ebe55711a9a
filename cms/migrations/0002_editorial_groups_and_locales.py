"""Editorial groups (Editors, Moderators, Administrators) and the English locale.

Wagtail's first migration already makes "Editors" and "Moderators" and puts the root page
under the "Moderators approval" workflow; this sets each group's permissions to the office's
rules: editors draft and submit, moderators approve and publish, administrators do everything.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PAGE_PERMISSIONS = {
    "Editors": ["add_page", "change_page"],
    "Moderators": ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    "Administrators": [
        "add_page", "change_page", "publish_page", "lock_page", "unlock_page", "bulk_delete_page",
    ],
}
COLLECTION_PERMISSIONS = {
    "Editors": {
        "wagtailimages": ["add_image", "change_image", "choose_image"],
        "wagtaildocs": ["add_document", "change_document", "choose_document"],
    },
    "Moderators": {
        "wagtailimages": ["add_image", "change_image", "choose_image", "delete_image"],
        "wagtaildocs": ["add_document", "change_document", "choose_document", "delete_document"],
    },
}
COLLECTION_PERMISSIONS["Administrators"] = COLLECTION_PERMISSIONS["Moderators"]


def make_permissions_exist(apps):
    # Permissions are normally created after all migrations (post_migrate); on a fresh
    # database they do not exist yet when this migration runs.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def set_up_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Locale = apps.get_model("wagtailcore", "Locale")

    Locale.objects.get_or_create(language_code="uk")
    Locale.objects.get_or_create(language_code="en")
    make_permissions_exist(apps)

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin)
        GroupPagePermission.objects.filter(group=group, page=root_page).exclude(
            permission__codename__in=codenames
        ).delete()
        for codename in codenames:
            permission = Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=permission
            )
        for app_label, collection_codenames in COLLECTION_PERMISSIONS[name].items():
            for codename in collection_codenames:
                permission = Permission.objects.get(
                    content_type__app_label=app_label, codename=codename
                )
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    administrators = Group.objects.get(name="Administrators")
    administrators.permissions.add(*Permission.objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0006_formstate"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(set_up_groups, migrations.RunPython.noop)]
