"""The main menu of every page: the editors' links from the language settings, then the sections
that are not Wagtail pages (the initiative tracker, the proposal form, the camera status).

Those sections belong to other apps, which ``cms`` does not import: the settings name them by
URL name (``SITE_NAVIGATION_SECTIONS``), and a name that does not resolve is left out, so the
content app also works without them.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse


def section_links() -> list[dict]:
    """The app sections' links in the active language (reversed under its URL prefix)."""
    links = []
    for url_name, label in getattr(settings, "SITE_NAVIGATION_SECTIONS", ()):
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        links.append({"url": url, "label": str(label)})
    return links


def mark_current(links: list[dict], request: HttpRequest | None) -> list[dict]:
    """Copies of ``links`` with ``current``: ``"page"`` for the page shown, ``"true"`` for the
    section around it (the deepest link whose path starts the page's path; a language's home
    page is not everyone's section)."""
    path = request.path if request is not None else ""
    homes = {"/", *(f"/{code}/" for code, _name in settings.LANGUAGES)}
    paths = [urlsplit(link["url"]).path for link in links]
    around = [
        link_path
        for link_path in paths
        if link_path != path and link_path not in homes and path.startswith(link_path)
    ]
    section = max(around, key=len, default=None)
    marked = []
    for link, link_path in zip(links, paths, strict=True):
        current = "page" if link_path == path else "true" if link_path == section else None
        marked.append({**link, "current": current})
    return marked
