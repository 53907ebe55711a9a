"""The public camera pages: ``config.urls`` mounts them at ``cameras/`` inside ``i18n_patterns``.

The JSON API is ``cctv_bridge.api_urls`` (namespace ``cctv_bridge_api``), outside the prefix: Django
reverses an instance namespace through one include only, so the two need their own modules.
The namespace is the app's name: ``cameras`` is the admin's camera viewset.
"""

from django.urls import path

from cctv_bridge import public

app_name = "cctv_bridge"

urlpatterns = [
    path("", public.status_page, name="status"),
    path("incidents/rss/", public.incidents_rss, name="incidents_rss"),
    path("incidents/atom/", public.incidents_atom, name="incidents_atom"),
]
