"""The public tracker's pages, under ``/initiatives/`` (and ``/en/initiatives/``).

Included once from ``config/urls.py`` inside ``i18n_patterns``; the JSON API, outside it, is
``workflows/api_urls.py``. The namespace is the app's, ``workflows`` (``initiatives`` is the
admin viewset's).
"""

from django.urls import path

from workflows import api, feeds, proposals, public

app_name = "workflows"

urlpatterns = [
    path("", public.tracker, name="tracker"),
    path("how/", public.how_it_works, name="how"),
    path("propose/", proposals.propose, name="propose"),
    path("<int:pk>/", public.initiative_detail, name="initiative"),
    path("export.csv", api.export_csv, name="csv"),
    path("rss/", feeds.rss, name="rss"),
    path("atom/", feeds.atom, name="atom"),
    path("<int:pk>/rss/", feeds.rss, name="initiative_rss"),
    path("<int:pk>/atom/", feeds.atom, name="initiative_atom"),
    path("follow/", public.subscribe, name="follow"),
    path("<int:pk>/follow/", public.subscribe, name="follow_initiative"),
    path("follow/confirm/<str:token>/", public.confirm_subscription, name="follow_confirm"),
    path("follow/stop/<str:token>/", public.stop_subscription, name="follow_stop"),
]
