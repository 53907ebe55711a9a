"""No address of the site redirects a visitor to another site (an "open redirect" lets a link
that shows our domain land on a phishing page)."""

import pytest

from tests.factories.cms import StandardPageFactory

pytestmark = pytest.mark.django_db

OFF_SITE_TRICKS = [
    "/ua//evil.example/",
    "/ua/%2F%2Fevil.example",
    "/uk//evil.example/",
    "/uk/%2F%2Fevil.example/",
    "/ua/%5C%5Cevil.example/",
    "/ua/%5Cevil.example/",
    "/ua/%2F%5Cevil.example/",
    "/ua/%09/evil.example/",
    "/ua///evil.example",
    "/uk/%2F/evil.example?next=1",
]


def stays_on_site(location: str) -> bool:
    """A browser resolves ``location`` against our address; it stays here if it is a path."""
    cleaned = location.replace("\\", "/").lstrip("\t\n\r ")
    return cleaned.startswith("/") and not cleaned.startswith("//")


@pytest.mark.parametrize("path", OFF_SITE_TRICKS)
def test_the_ua_and_uk_prefix_redirects_never_leave_the_site(client, home, path):
    response = client.get(path)
    assert response.status_code in (301, 302, 404)
    if response.status_code != 404:
        assert stays_on_site(response["Location"]), response["Location"]


def test_the_ua_prefix_still_redirects_to_the_short_ukrainian_address(client, home):
    StandardPageFactory(parent=home, title="Про офіс")
    response = client.get("/ua/pro-ofis/?x=1")
    assert response.status_code == 301
    assert response["Location"] == "/pro-ofis/?x=1"
    assert client.get("/uk/").headers["Location"] == "/"
