from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConfigConfig(AppConfig):
    """Project wiring that needs the app registry: failed jobs, the embedded server command."""

    name = "config"
    verbose_name = _("Operations")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.page_cache import ignore_models

        # Job bookkeeping is never part of a public page.
        ignore_models(*self.get_models())

        from config import sqlite_like

        sqlite_like.connect()
