from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """The Plone-style workflow engine and the advocacy-initiative tracker."""

    name = "workflows"
    verbose_name = _("Initiatives")
    default_auto_field = "django.db.models.BigAutoField"
