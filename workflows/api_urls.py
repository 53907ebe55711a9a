"""The read-only JSON API of the public initiatives, under ``/api/initiatives/``.

Outside ``i18n_patterns`` (the API answers in both languages at once), hence apart from
``workflows/urls.py``.
"""

from django.urls import path

from workflows import api

app_name = "workflows_api"

urlpatterns = [
    path("", api.initiative_list, name="list"),
    path("<int:pk>/", api.initiative_detail, name="initiative"),
]
