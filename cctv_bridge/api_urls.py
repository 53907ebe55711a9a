"""The camera status JSON API, mounted at ``api/cameras/`` outside the language prefix."""

from django.urls import path

from cctv_bridge import public

app_name = "cctv_bridge_api"

urlpatterns = [
    path("", public.status_api, name="status"),
]
