"""The admin speaks Ukrainian to Ukrainian staff: the main screens show no English words
except proper names, and what Wagtail e-mails a moderator is in the moderator's language.

Wagtail's and wagtail-localize's own Ukrainian catalogues miss strings; the project supplies
them in ``locale/overrides`` (see ``locale/README.md``). Names stored as data (groups, the
moderation workflow and its task) are shown translated too (``accounts.admin_names``).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from cms.models import HomePage, NewsPage, Organisation

pytestmark = pytest.mark.django_db

#: Latin words that are names, not English: products, organisations, formats, units.
ALLOWED = {
    "Wagtail", "Safe", "Community", "EUAM", "PDF", "RSS", "Atom", "CSV", "JSON", "URL", "SVG",
    "HTML", "iCal", "UTC", "Kyiv", "Europe", "Markdown", "Gravatar", "JPEG", "PNG", "WebP",
    "AVIF", "GIF", "TOTP", "OpenCV", "RTSP", "MJPEG", "HTTP", "HTTPS", "Tatarbunary",
    # Wagtail 8.0.1's page search prints its missing model name as "1-20 of 103 None": a value,
    # not a sentence a catalogue can translate.
    "None",
}  # fmt: skip
LATIN_WORD = re.compile(r"\b[A-Za-z][A-Za-z']{2,}\b")
E_MAIL = re.compile(r"\S+@\S+")


class VisibleText(HTMLParser):
    """The text a person reads on the screen: element text and placeholders (not yet the
    labels only screen readers announce; not the time zone names of a select's options)."""

    HIDDEN = {"script", "style", "template", "noscript", "svg", "code", "pre", "option"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.open: list[tuple[str, bool]] = []

    def hidden(self) -> bool:
        return bool(self.open) and self.open[-1][1]

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        hidden = (
            self.hidden()
            or tag in self.HIDDEN
            or "hidden" in attributes
            or "w-sr-only" in (attributes.get("class") or "").split()
        )
        if attributes.get("placeholder") and not hidden:
            self.parts.append(attributes["placeholder"])
        if tag not in self.VOID:
            self.open.append((tag, hidden))

    def handle_endtag(self, tag):
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        if not self.hidden():
            self.parts.append(data)


def english_words(html: str, ignore: set[str]) -> set[str]:
    parser = VisibleText()
    parser.feed(html)
    text = E_MAIL.sub(" ", " ".join(parser.parts))
    return {w for w in LATIN_WORD.findall(text) if w not in ALLOWED and w not in ignore}


@pytest.fixture
def ukrainian_editor(client):
    user = get_user_model().objects.create_user("redaktorka", "r@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return client


def main_screens() -> list[str]:
    home = HomePage.objects.get(locale__language_code="uk")
    article = NewsPage.objects.filter(locale__language_code="uk").first()
    organisation = Organisation.objects.filter(locale__language_code="uk").first()
    return [
        "/admin/",
        f"/admin/pages/{home.pk}/",
        f"/admin/pages/{article.pk}/edit/",
        f"/admin/pages/{article.pk}/history/",
        "/admin/pages/search/?q=безпека",
        "/admin/account/",
        f"/admin/snippets/cms/organisation/edit/{organisation.pk}/",
    ]


def test_main_admin_screens_are_in_ukrainian(demo, ukrainian_editor):
    names = {w for u in get_user_model().objects.all() for w in LATIN_WORD.findall(str(u))}
    found = {}
    for url in main_screens():
        response = ukrainian_editor.get(url)
        assert response.status_code == 200, url
        words = english_words(response.content.decode(), ignore=names)
        if words:
            found[url] = sorted(words)
    assert found == {}


def test_yes_and_no_are_words_not_python_values(client):
    from tests.two_factor_helpers import verified_login

    user = get_user_model().objects.create_superuser("bulevi", "b@example.org", "x")
    verified_login(client, user)
    get_user_model().objects.create_user("inactive", "i@example.org", "x", is_active=False)
    html = client.get("/admin/users/").content.decode()
    assert re.search(r'w-sr-only">\s*Так\s*<', html)  # what a screen reader says
    assert re.search(r'w-sr-only">\s*Ні\s*<', html)
    assert not re.search(r">\s*(True|False)\s*<", html)


def test_the_sign_in_page_is_in_ukrainian(client):
    html = client.get("/admin/login/").content.decode()
    assert english_words(html, ignore=set()) == set()
    assert "Пароль" in html
