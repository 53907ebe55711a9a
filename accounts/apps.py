from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Signing in and people's accounts: two-factor authentication, the admin's sign-in form,
    group and workflow names in the user's language, the Administrators group's permissions.

    No models of its own: django-otp keeps the devices, ``django.contrib.auth`` the users and
    groups (so no verbose name either: the admin never shows this app's name).
    """

    name = "accounts"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from accounts import admin_names
        from accounts.permissions import grant_administrators_everything

        post_migrate.connect(grant_administrators_everything, dispatch_uid="administrators-all")
        admin_names.connect()
