from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CctvBridgeConfig(AppConfig):
    """The situational centre's cameras: registry, probes and status pages."""

    name = "cctv_bridge"
    verbose_name = _("Cameras")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from cctv_bridge.admin_views import ReadOnlyPolicy
        from cctv_bridge.models import SnapshotAccess

        register_permission_policy(SnapshotAccess, ReadOnlyPolicy(SnapshotAccess), exact_class=True)

        # Cameras change with every probe; their public pages have a short lifetime instead
        # of being purged (CCTV_STATUS_CACHE_SECONDS).
        from cms.page_cache import ignore_models

        ignore_models(*self.get_models())

        from cms.sitemap import SitemapView, register_views

        register_views(lambda: [SitemapView("cctv_bridge:status")])
