"""Odd input gets an answer, never a server error: search queries with unbalanced quotes or NUL
characters, huge or negative numbers, page numbers that are not numbers, odd ``Accept``
headers, paths that try to redirect elsewhere, and an editor's malformed page-edit form.

The crawl requests a sample of every kind of public page (both languages) with each odd input
and fails on any 5xx and on any redirect off the site. CI runs it on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone, translation

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "query",
    ['"', 'безпека "пляж', 'a"b"c"', "\x00", "пляж\x00", '"\x00"', "*", "(", "NEAR(", "-", "^"],
)
@pytest.mark.parametrize("prefix", ["", "/en"])
def test_search_with_odd_queries_answers(client, demo, query, prefix):
    response = client.get(f"{prefix}/search/", {"q": query, "page": "1"})
    assert response.status_code in (200, 400)


@pytest.mark.parametrize("accept", ["foo", "text/html;q=abc", "*/*;q=2", ",,", "a/b/c", "\x01"])
def test_health_with_an_odd_accept_header_is_not_a_server_error(client, demo, accept):
    response = client.get("/healthz/", HTTP_ACCEPT=accept)
    assert response.status_code < 500 or response.status_code == healthy_status(client)


def healthy_status(client) -> int:
    """What /healthz/ says with an ordinary request (500 while a check fails, by design)."""
    return client.get("/healthz/", HTTP_ACCEPT="text/plain").status_code


@pytest.mark.parametrize("name", ["offset", "limit"])
@pytest.mark.parametrize("value", [HUGE, "-" + HUGE, "1e400", "١٢", "0x10", " 5", "5\x00"])
def test_api_with_huge_or_odd_numbers_is_a_400(client, demo, name, value):
    response = client.get("/api/initiatives/", {name: value})
    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json"


# --- An editor's malformed page-edit form -------------------------------------------------------


def editor():
    user = get_user_model().objects.create_user("odd-editor", "odd@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def stream_fields(model) -> list[str]:
    from wagtail.fields import StreamField

    return [f.name for f in model._meta.get_fields() if isinstance(f, StreamField)]


def page_types_with_stream_fields():
    from wagtail.models import get_page_models

    return [m for m in get_page_models() if m._meta.app_label == "cms" and stream_fields(m)]


MALFORMED = {
    "stream field not JSON": lambda name: {name: "{not json", f"{name}-count": "x"},
    "stream field count not a number": lambda name: {f"{name}-count": "many"},
    "stream field count huge": lambda name: {f"{name}-count": HUGE},
    "stream field child without type": lambda name: {f"{name}-count": "1", f"{name}-0-value": "x"},
}


@pytest.mark.parametrize("case", list(MALFORMED))
@pytest.mark.parametrize("model", page_types_with_stream_fields(), ids=lambda m: m.__name__)
def test_a_malformed_page_edit_form_shows_the_editor_an_error(client, demo, model, case):
    from cms.stream_forms import MALFORMED_MESSAGE

    page = model.objects.filter(locale__language_code="uk").first()
    if page is None:
        pytest.skip(f"the demo has no {model.__name__}")
    revisions = page.revisions.count()
    client.force_login(editor())
    data = {"title": page.title, "slug": page.slug}
    for name in stream_fields(model):
        data.update(MALFORMED[case](name))
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200
    with translation.override("uk"):  # the admin's language
        message = str(MALFORMED_MESSAGE)
    # The StreamField widget carries its errors in JSON, where non-ASCII text is escaped.
    body = response.content.decode()
    assert message in body or json.dumps(message)[1:-1] in body
    assert page.revisions.count() == revisions


# --- The crawl ----------------------------------------------------------------------------------

#: Put into every query parameter the public pages read (and a few they do not).
ODD_VALUES = ['"', 'пляж "безпека', "a\x00b", HUGE, "-" + HUGE, "abc", "1e400"]
PARAMETERS = (
    *("q", "page", "offset", "limit", "year", "month", "state", "area", "tag", "authority"),
    *("overdue", "format", "place", "camera", "kind", "period", "lang", "next", "token"),
)
#: The parameters the code reads, each sent alone with each of these (one check does not hide
#: the next one behind a 404), on one page of each top-level section.
READ_PARAMETERS = (
    *("q", "page", "area", "tag", "year", "state", "authority", "overdue", "offset", "limit"),
    *("format", "untranslated", "next", "p"),
)
ALONE_VALUES = ["a\x00b", HUGE, "-1", '"', "abc"]
ODD_ACCEPT = ["foo", "text/html;q=abc", ","]
OFF_SITE_PATHS = [
    "//evil.example/",
    "//evil.example",
    "/ua//evil.example/",
    "/ua/%2F%2Fevil.example",
    "/uk/%5C%5Cevil.example/",
    "/en//evil.example/",
    "/%2F%2Fevil.example",
    "/%5Cevil.example",
    "/en/search//evil.example",
    "/initiatives//evil.example",
    "/cameras/%2F%2Fevil.example",
]
#: Also requested, whether or not a page links to them.
ALWAYS = [
    *("/", "/en/", "/sitemap.xml", "/healthz/", "/search/?q=безпека", "/en/search/?q=safety"),
    *(
        "/api/initiatives/",
        "/api/cameras/",
        "/initiatives/export.csv",
        "/en/initiatives/export.csv",
    ),
    *("/initiatives/rss/", "/en/initiatives/atom/", "/cameras/incidents/rss/", "/en/cameras/"),
    *("/initiatives/propose/", "/en/initiatives/how/"),
]
LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)|<loc>([^<]+)</loc>""")
SKIP = ("/admin/", "/static/", "/media/", "/documents/", "/metrics")
PER_SECTION = 2
MAX_PAGES = 250


def on_site(location: str) -> bool:
    """Whether a browser following ``location`` from this site stays on it."""
    cleaned = location.replace("\\", "/").strip()
    parts = urlsplit(cleaned)
    if parts.scheme or parts.netloc:
        return parts.scheme in ("http", "https") and parts.netloc == "testserver"
    return not cleaned.startswith("//")


def section(path: str) -> str:
    """Pages of one kind: the first two segments, numbers and slugs past them ignored."""
    parts = [p for p in urlsplit(path).path.split("/") if p]
    if parts[:1] == ["en"]:
        parts = parts[1:]
    return "/".join(re.sub(r"\d+", "N", part) for part in parts[:2]) + f" {len(parts)}"


def public_urls(client) -> list[str]:
    """Every public URL reachable from the home pages, the sitemap and ALWAYS, a few per kind."""
    seen: set[str] = set()
    queue = list(ALWAYS)
    while queue and len(seen) < MAX_PAGES:
        url = queue.pop(0)
        if url in seen or url.startswith(SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302) and on_site(response["Location"]):
            queue.append(urlsplit(response["Location"]).path)
            continue
        kind = response.get("Content-Type", "")
        if response.status_code != 200 or not ("html" in kind or "xml" in kind):
            continue
        for groups in LINK.findall(response.content.decode("utf-8", "replace")):
            parts = urlsplit((groups[0] or groups[1]).replace("&amp;", "&"))
            if parts.netloc in ("", "testserver") and parts.path.startswith("/"):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    sample: dict[str, list[str]] = {}
    for url in sorted(seen):
        if not url.startswith(SKIP):
            sample.setdefault(section(url), []).append(url)
    return [url for urls in sample.values() for url in urls[:PER_SECTION]]


def keep_healthy() -> None:
    """A scheduler heartbeat and camera probes from just now, so that /healthz/ answers 200
    when nothing is odd (the crawl takes longer than the heartbeat's three minutes)."""
    from cctv_bridge.models import Camera, Probe
    from ops.models import Heartbeat

    now = timezone.now()
    Heartbeat.objects.update_or_create(name="scheduler", defaults={"at": now})
    for camera in Camera.objects.filter(active=True):
        Probe.objects.create(camera=camera, at=now, reachable=True, duration=0.1, status="online")


def problems_with(client, url: str, **request) -> list[str]:
    if url.startswith("/healthz/"):
        keep_healthy()
    response = client.get(url, **request)
    problems = []
    if response.status_code >= 500:
        problems.append(f"{response.status_code} {url} {request}")
    if response.has_header("Location") and not on_site(response["Location"]):
        problems.append(f"off-site redirect {url} {request} → {response['Location']}")
    return problems


def test_no_public_page_fails_or_redirects_off_site_on_odd_input(client, demo):
    urls = public_urls(client)
    assert len(urls) > 30, urls  # every kind of page: news, events, tracker, cameras, feeds…
    problems = []
    for url in urls:
        path = urlsplit(url).path
        for value in ODD_VALUES:
            problems += problems_with(client, path, data=dict.fromkeys(PARAMETERS, value))
        for accept in ODD_ACCEPT:
            problems += problems_with(client, url, HTTP_ACCEPT=accept)
    tops: dict[str, str] = {}
    for url in urls:
        tops.setdefault(section(url).split("/")[0], urlsplit(url).path)
    for path in tops.values():
        for name in READ_PARAMETERS:
            for value in ALONE_VALUES:
                problems += problems_with(client, path, data={name: value})
    for path in OFF_SITE_PATHS:
        problems += problems_with(client, path)
        problems += problems_with(client, path, follow=True)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize(
    ("where", "query"),
    [
        ("news", {"tag": "a\x00b"}),
        ("news", {"area": "a\x00b"}),
        ("news", {"untranslated": HUGE}),
        ("tracker", {"tag": "a\x00b"}),
        ("tracker", {"area": "a\x00b"}),
        ("tracker", {"authority": HUGE}),
        ("tracker", {"authority": "١٢"}),
    ],
)
def test_list_filters_with_values_no_database_takes_are_404(client, demo, where, query):
    """PostgreSQL refuses a NUL character, SQLite an integer beyond 64 bits."""
    from cms.models import NewsIndexPage

    url = "/initiatives/"
    if where == "news":
        url = NewsIndexPage.objects.get(locale__language_code="uk").url
    response = client.get(url, query)
    assert response.status_code == (200 if "untranslated" in query else 404)
