from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpsConfig(AppConfig):
    """Operations: failed jobs, heartbeat, outbox, health, metrics, logs and backups.

    The bottom layer: it imports no app of the project. Apps contribute their metrics, health
    checks and backup contents through ``ops.registry`` in an ``ops_hooks`` module, imported
    here once every app is loaded.
    """

    name = "ops"
    verbose_name = _("Operations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.utils.module_loading import autodiscover_modules

        from ops import sqlite_like

        sqlite_like.connect()
        autodiscover_modules("ops_hooks")
