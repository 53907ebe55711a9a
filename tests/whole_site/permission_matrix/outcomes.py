"""What a GET ended in, as one word: the cell of the matrix."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.contrib.messages import constants
from django.urls import reverse

#: The words a cell may hold.
OUTCOMES = {
    "ok": "2xx: the page, file, feed or JSON",
    "password": "200 with Wagtail's form asking for the password of a restricted page/document",
    "login": "a redirect to a login page (the admin's, or the site's /_util/login/)",
    "denied": "Wagtail's refusal: a redirect to the dashboard with an error message",
    "redirect": "any other redirect",
    "400": "bad request",
    "401": "unauthorised (no bearer token)",
    "403": "forbidden",
    "404": "not found",
    "405": "method not allowed (the view only takes POST)",
    "500": "server error",
}


def classify(response) -> str:
    """The outcome word for one response."""
    status = response.status_code
    if 200 <= status < 300:
        templates = [t.name or "" for t in getattr(response, "templates", [])]
        if any(name.endswith("password_required.html") for name in templates):
            return "password"
        return "ok"
    if 300 <= status < 400:
        path = urlsplit(response["Location"]).path
        if path == reverse("wagtailadmin_login") or path.endswith("/_util/login/"):
            return "login"
        if path == reverse("wagtailadmin_home") and _error_message_queued(response):
            return "denied"
        return "redirect"
    return str(status)


def _error_message_queued(response) -> bool:
    storage = getattr(response.wsgi_request, "_messages", None)
    queued = getattr(storage, "_queued_messages", [])
    return any(message.level == constants.ERROR for message in queued)
