"""The leak crawler: from both home pages, follow every public link, feed, API response and
sitemap entry, plus error pages, and fail on anything private — a camera's stream credentials
or host, a follower's or proposer's e-mail, a private initiative, an unpublished page."""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest

from cctv_bridge.models import Camera
from cms.models import NewsPage
from tests.cctv.camera_helpers import camera
from workflows.models import Initiative, Subscription

pytestmark = pytest.mark.django_db

LIMIT = 600
LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)""")
SKIP = ("/admin/", "/static/", "/media/", "/documents/")


@pytest.fixture
def secrets(demo):
    cam = camera("rtsp://10.77.0.9:8554/leak-path", source="rtsp", code="leak-01")
    camera("http://10.77.0.10:8081/hidden.jpg", public=False, code="leak-02", name_uk="Секретна")
    Subscription.objects.create(email="follower.secret@example.org", language="uk")
    Initiative.objects.create(title_uk="Таємна чернетка ініціативи", state="draft")
    Initiative.objects.create(
        title_uk="Пропозиція мешканки",
        state="submitted",
        proposer_name="Оксана Прихована",
        proposer_email="proposer.secret@example.org",
    )
    news = NewsPage.objects.live().filter(locale__language_code="uk").first()
    draft = news.copy(
        update_attrs={"title": "Неопублікована новина-секрет", "slug": "neopublikovana-sekret"},
        keep_live=False,
    )
    assert not draft.live
    return [
        "s3cret-Pa55word",
        "viewer:",
        "10.77.0.9",
        "10.77.0.10",
        "leak-path",
        "hidden.jpg",
        "demo-camera-secret",
        ":8101",
        ":8554",
        cam.stream_url_sealed[:16],
        "Секретна",
        "follower.secret@example.org",
        "proposer.secret@example.org",
        "Оксана Прихована",
        "Таємна чернетка ініціативи",
        "Пропозиція мешканки",
        "Неопублікована новина-секрет",
        "/admin/cctv/snapshot/",
    ]


def crawl(client, starts):
    seen, queue, pages = set(), deque(starts), []
    while queue and len(seen) < LIMIT:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
            continue
        body = b"".join(response) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        pages.append((url, response.status_code, text))
        if "html" in response.get("Content-Type", "") or "xml" in response.get("Content-Type", ""):
            for link in LINK.findall(text) + re.findall(r"<loc>([^<]+)</loc>", text):
                parts = urlsplit(urljoin(url, link.replace("&amp;", "&")))
                if parts.netloc not in ("", "testserver") or parts.path.startswith(SKIP):
                    continue
                path = parts.path + (f"?{parts.query}" if parts.query else "")
                if path not in seen:
                    queue.append(path)
    return pages


def test_nothing_private_is_reachable_from_the_public_site(client, secrets):
    starts = [
        "/",
        "/en/",
        "/sitemap.xml",
        "/api/initiatives/?limit=100",
        "/api/cameras/",
        "/no-such-page/",
        "/en/no-such-page/",
        "/initiatives/export.csv",
    ]
    pages = crawl(client, starts)
    assert len(pages) > 80, [url for url, *_ in pages]
    visited = {url for url, *_ in pages}
    assert {"/cameras/", "/initiatives/", "/en/cameras/"} <= visited
    for url, status, text in pages:
        assert status < 500, url
        for secret in secrets:
            assert secret not in text, (url, secret)
    assert not Camera.objects.filter(code="leak-02", public=True).exists()
