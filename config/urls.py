"""URL scheme: Ukrainian at the site root, English under /en/.

Ukrainian is the primary language, so its addresses stay short and unprefixed. ``/uk/…`` and
the common ``/ua/…`` both redirect to the unprefixed Ukrainian address.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.http import HttpRequest, HttpResponsePermanentRedirect
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import routing
from cms.search import search_view
from cms.sitemap import sitemap
from ops import health
from ops.metrics import http as metrics


def redirect_to_ukrainian_root(
    request: HttpRequest, rest: str = ""
) -> HttpResponsePermanentRedirect:
    """``/ua/x/`` and ``/uk/x/`` → ``/x/``, keeping the query string.

    Leading slashes and backslashes of the rest are dropped: ``/ua//evil.example/`` (or
    ``/ua/%2F%2Fevil.example``) must not become ``//evil.example/``, which a browser reads as
    another site.
    """
    target = "/" + rest.lstrip("/\\")
    if request.META.get("QUERY_STRING"):
        target += "?" + request.META["QUERY_STRING"]
    return HttpResponsePermanentRedirect(target)


urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("healthz/", health.HealthView.as_view(), name="healthz"),
    path("metrics", metrics.metrics, name="metrics"),  # Prometheus; bearer token (README)
    path("api/initiatives/", include("workflows.api_urls")),
    path("api/cameras/", include("cctv_bridge.api_urls")),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, name="sitemap"),
    re_path(r"^(?:ua|uk)(?:/(?P<rest>.*))?$", redirect_to_ukrainian_root),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_view, name="search"),
    path("cameras/", include("cctv_bridge.urls")),
    path("initiatives/", include("workflows.urls")),
    # Wagtail's login and password views, then its page view with the page found in two
    # queries (cms.routing) in place of its own.
    path("", include([url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"])),
    re_path(wagtail_urls.serve_pattern, routing.serve, name="wagtail_serve"),
    prefix_default_language=False,
)
