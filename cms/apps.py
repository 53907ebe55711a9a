from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CmsConfig(AppConfig):
    """Public content: pages, blocks, snippets, and the bilingual plumbing they rely on."""

    name = "cms"
    verbose_name = _("Content")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from wagtail_localize.locales.components import LOCALE_COMPONENTS

        from cms.signal_handlers import register_signal_handlers

        register_signal_handlers()

        from cms.page_cache.invalidation import connect as connect_page_cache

        connect_page_cache()

        from cms.csv_safety import protect_wagtail_exports

        # Form submissions, reports and every other admin list export (CSV injection).
        protect_wagtail_exports()

        from cms.stream_forms import register as register_checked_stream_fields

        # A malformed StreamField in a posted admin form is a form error, not a server error.
        register_checked_stream_fields()

        # wagtail-localize's "Synchronise content from another locale" creates live aliases of
        # every Ukrainian page inside the English tree, i.e. Ukrainian text at /en/ URLs.
        # Editors translate pages one by one instead, so the option is not offered.
        LOCALE_COMPONENTS[:] = [
            component
            for component in LOCALE_COMPONENTS
            if component["model"].__name__ != "LocaleSynchronization"
        ]
