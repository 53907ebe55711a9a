from django.apps import AppConfig


class ConfigConfig(AppConfig):
    """Project wiring that needs the app registry: the top layer, which may see every app."""

    name = "config"

    def ready(self) -> None:
        from django.apps import apps

        from cms.page_cache import ignore_models

        # Job bookkeeping (ops) is never part of a public page.
        ignore_models(*apps.get_app_config("ops").get_models())
