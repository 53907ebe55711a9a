from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConfigConfig(AppConfig):
    """Project wiring that needs the app registry: failed jobs, the embedded server command."""

    name = "config"
    verbose_name = _("Operations")
    default_auto_field = "django.db.models.BigAutoField"
