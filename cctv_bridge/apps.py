from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CctvBridgeConfig(AppConfig):
    """The situational centre's cameras: registry, probes and status pages."""

    name = "cctv_bridge"
    verbose_name = _("Cameras")
    default_auto_field = "django.db.models.BigAutoField"
