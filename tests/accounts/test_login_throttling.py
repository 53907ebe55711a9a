"""Wrong passwords lock one account out from one address for a while; other people and other
addresses can still sign in."""

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    user = get_user_model().objects.create_superuser("olena", "olena@example.org", "right-pass-1")
    return user


def login(client, password, username="olena", address="10.0.0.1"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_wrong_passwords_lock_the_account_out_from_that_address(client, staff):
    for _ in range(4):
        assert login(client, "wrong").status_code == 200  # the form again, with an error
    response = login(client, "wrong")
    assert response.status_code == 429
    # Even the right password is refused now, with a page that says why.
    response = login(client, "right-pass-1")
    assert response.status_code == 429
    assert (
        "Too many attempts" in response.content.decode() or "Забагато" in response.content.decode()
    )
    # From another address the owner still gets in.
    assert login(client, "right-pass-1", address="10.0.0.2").status_code == 302


def test_a_success_resets_the_count(client, staff):
    for _ in range(4):
        login(client, "wrong")
    assert login(client, "right-pass-1").status_code == 302
    client.logout()
    for _ in range(4):
        assert login(client, "wrong").status_code == 200
