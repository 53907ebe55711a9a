"""Behind the TLS proxy every request comes from the proxy's address; the client's own address
is the one the proxy adds to ``X-Forwarded-For``. With ``TRUSTED_PROXY_COUNT`` proxies trusted,
the site (the login lock-out, the forms' limits, the logs) sees the client; with none trusted,
the header is ignored, so no client can choose its own address."""

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse

from config.security import ClientAddressMiddleware

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"


@pytest.fixture
def staff():
    return get_user_model().objects.create_user("olena", "olena@example.org", "right-pass-1")


def login(client, password, forwarded_for=None):
    extra = {"REMOTE_ADDR": PROXY}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return client.post("/admin/login/", {"username": "olena", "password": password}, **extra)


def test_behind_one_proxy_wrong_passwords_lock_out_only_that_client(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(4):
        assert login(client, "wrong", "203.0.113.5").status_code == 200
    assert login(client, "wrong", "203.0.113.5").status_code == 429
    assert login(client, "right-pass-1", "203.0.113.5").status_code == 429
    # Olena herself, at another address behind the same proxy, still signs in.
    assert login(client, "right-pass-1", "198.51.100.7").status_code == 302


def test_behind_one_proxy_a_client_cannot_escape_the_lock_out_by_adding_addresses(
    client, staff, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):  # the proxy appends the real address after whatever the client sent
        login(client, "wrong", f"192.0.2.{n}, 203.0.113.5")
    assert login(client, "right-pass-1", "192.0.2.99, 203.0.113.5").status_code == 429


def test_without_a_trusted_proxy_the_header_is_ignored(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 0
    for n in range(5):
        login(client, "wrong", f"192.0.2.{n}")
    assert login(client, "right-pass-1", "192.0.2.99").status_code == 429


def address_seen(forwarded_for: str | None, count: int, settings) -> str:
    settings.TRUSTED_PROXY_COUNT = count
    request = HttpRequest()
    request.META["REMOTE_ADDR"] = PROXY
    if forwarded_for is not None:
        request.META["HTTP_X_FORWARDED_FOR"] = forwarded_for
    seen = []

    def view(request):
        seen.append(request.META["REMOTE_ADDR"])
        return HttpResponse()

    ClientAddressMiddleware(view)(request)
    return seen[0]


@pytest.mark.parametrize(
    ("forwarded_for", "count", "seen"),
    [
        ("203.0.113.5", 1, "203.0.113.5"),
        ("203.0.113.5", 0, PROXY),
        (None, 1, PROXY),
        ("", 1, PROXY),
        (" 203.0.113.5 ", 1, "203.0.113.5"),
        ("198.51.100.1, 203.0.113.5", 1, "203.0.113.5"),
        ("198.51.100.1, 203.0.113.5", 2, "198.51.100.1"),
        ("198.51.100.1, 203.0.113.5, 10.0.0.2", 2, "203.0.113.5"),
        ("203.0.113.5", 2, PROXY),  # fewer hops than trusted proxies: not to be believed
        ("2001:db8::5", 1, "2001:db8::5"),
        ("[2001:db8::5]:4711", 1, "2001:db8::5"),
        ("203.0.113.5:4711", 1, "203.0.113.5"),
        ("not-an-address", 1, PROXY),
        ("203.0.113.5\x00", 1, PROXY),
        ("unknown, ,", 1, PROXY),
        ("1" * 5000, 1, PROXY),
        ("999.1.1.1", 1, PROXY),
    ],
)
def test_the_client_address_from_the_header(forwarded_for, count, seen, settings):
    assert address_seen(forwarded_for, count, settings) == seen
