"""The admin never calls out to wagtail.org: an office's installation is updated by its
maintainers from the locked requirements, and the admin's policy allows only its own origin."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.two_factor_helpers import verified_login

pytestmark = pytest.mark.django_db


def test_the_dashboard_does_not_check_for_wagtail_upgrades(client):
    superuser = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    verified_login(client, superuser)
    response = client.get("/admin/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "w-upgrade" not in html
    assert "releases.wagtail.org" not in html
    assert "connect-src 'self';" in response["Content-Security-Policy"] + ";"
