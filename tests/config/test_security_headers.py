"""Security headers: a strict CSP on public pages (nothing inline, so no 'unsafe-inline'),
the admin's own policy, and the frame, referrer, content-type and permissions policies."""

import re
from pathlib import Path

import pytest

from tests.two_factor_helpers import verified_login
from tests.workflow_helpers import member

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
PUBLIC_TEMPLATES = [
    *ROOT.glob("site/templates/**/*.html"),
    *ROOT.glob("cms/templates/**/*.html"),
    *(p for p in ROOT.glob("workflows/templates/**/*.html") if "/admin/" not in str(p)),
    *(
        p
        for p in ROOT.glob("cctv_bridge/templates/**/*.html")
        if "/admin/" not in str(p) and "/operator/" not in str(p)
    ),
]


def directives(header: str) -> dict[str, str]:
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


@pytest.mark.parametrize(
    "url", ["/", "/en/", "/initiatives/", "/cameras/", "/search/?q=безпека", "/no-such-page/"]
)
def test_public_pages_send_a_strict_policy(client, home, url):
    response = client.get(url)
    policy = directives(response["Content-Security-Policy"])
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert policy["script-src"] == "script-src 'self'"
    assert policy["frame-ancestors"] == "frame-ancestors 'none'"
    assert policy["object-src"] == "object-src 'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "camera=()" in response["Permissions-Policy"]


def test_public_templates_have_nothing_inline():
    """What a strict policy would block: inline scripts, style attributes, event handlers."""
    assert PUBLIC_TEMPLATES
    for template in PUBLIC_TEMPLATES:
        text = template.read_text()
        assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(ld\+)?json)", text), (
            template
        )
        assert not re.search(r"\sstyle=", text), template
        assert not re.search(r"<style", text), template
        assert not re.search(r"\son[a-z]+=", text), template


def test_the_admin_has_its_own_policy(client):
    verified_login(client, member("administrator"))
    response = client.get("/admin/")
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == "frame-ancestors 'self'"  # the live preview
    assert "'unsafe-inline'" in policy["script-src"]
