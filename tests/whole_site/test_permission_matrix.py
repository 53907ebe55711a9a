"""The permission matrix: every URL pattern of the site × every role has an expected outcome.

The patterns come from Django's resolver, so a new URL cannot be forgotten: without a row in
``tests/whole_site/permission_matrix/expectations.py`` the first test fails and prints the row
to add,
and the matrix test prints what each role got there. Each URL is requested with real rows of
the demo, by anonymous visitors and by one member of each group the migrations create (plus a
superuser), and the outcome (ok, login, denied, 404, 405…) is compared with the table; all
differences are reported together at the end.
"""

from __future__ import annotations

from collections import defaultdict

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from accounts import two_factor
from cctv_bridge.models import SnapshotAccess
from tests.whole_site.permission_matrix.expectations import GET_SIDE_EFFECTS, RULES
from tests.whole_site.permission_matrix.outcomes import classify
from tests.whole_site.permission_matrix.patterns import Pattern, url_patterns
from tests.whole_site.permission_matrix.roles import ROLES, log_in, make_user
from tests.whole_site.permission_matrix.rules import (
    coverage_problems,
    group,
    rule,
    rule_for,
    variant_label,
)
from tests.whole_site.permission_matrix.url_samples import build_samples

#: Anonymous visitors come again after the staff, when the page cache is warm.
PASSES = (*ROLES, "anonymous (cache warm)")

pytestmark = pytest.mark.filterwarnings(
    # wagtail-localize's translations report pages an unordered queryset.
    "ignore::django.core.paginator.UnorderedObjectListWarning"
)


def test_every_url_pattern_has_an_expectation():
    patterns = url_patterns()
    problems = coverage_problems(patterns, RULES)
    stale = sorted(set(GET_SIDE_EFFECTS) - {p.key for p in patterns})
    if stale:
        problems.append(f"GET_SIDE_EFFECTS names patterns that no longer exist: {stale}")
    assert not problems, "\n\n".join(problems)


def test_a_new_or_vanished_pattern_is_reported():
    """The guard itself: a pattern of ours covered only by a group, a Wagtail pattern nobody
    covers, and a rule for a pattern that is gone are all reported."""

    def pattern(key, own):
        return Pattern(key, "x", (), i18n=False, positional=False, own=own)

    rules = [group("admin/images/**", "login ok ok ok ok ok ok"), rule("gone/", "ok " * 7)]
    problems = "\n".join(
        coverage_problems(
            [
                pattern("admin/images/<int:image_id>/", own=False),  # covered by the group
                pattern("admin/images/ours/", own=True),  # ours: needs an exact rule
                pattern("admin/metrics/", own=False),  # Wagtail's, but no group covers it
            ],
            rules,
        )
    )
    assert "2 URL pattern(s) have no expectation" in problems
    assert "rule('admin/images/ours/', '? ? ? ? ? ? ?')" in problems
    assert "rule('admin/metrics/'," in problems
    assert "rule('gone/', …)" in problems
    assert "admin/images/<int:image_id>/" not in problems


def request_plan(samples) -> tuple[list[tuple], list[str]]:
    """(pattern, its rule or None, variant, url) for every sample, and problems of the table."""
    plan, problems = [], []
    for pattern in url_patterns():
        found = rule_for(pattern, RULES)
        urls = samples.for_pattern(pattern)
        plan += [(pattern, found, variant, url) for variant, url in urls.items()]
        if found is not None:
            unknown = set(found.variants) - {variant_label(v) for v in urls}
            if unknown:
                problems.append(f"{pattern.key}: the rule names unknown variants {unknown}")
    return plan, problems


def has_session_cookie(client) -> bool:
    """Whether the client still holds a session (a real logout, or Wagtail's logout view
    answering a GET, deletes the cookie)."""
    morsel = client.cookies.get(settings.SESSION_COOKIE_NAME)
    return morsel is not None and bool(morsel.value)


def get(client, url: str) -> str:
    response = client.get(url)
    if response.streaming:  # the test client closes it once consumed
        b"".join(response.streaming_content)
    return classify(response)


@pytest.mark.django_db
def test_every_role_gets_the_expected_outcome_at_every_url(demo):
    samples = build_samples(get_user_model().objects.create_user("matrix-target", "t@x.org"))
    plan, problems = request_plan(samples)
    observed = defaultdict(dict)  # (key, variant) -> pass -> outcome
    users = {}
    for role in PASSES:
        anonymous = role.startswith("anonymous")
        column = ROLES.index("anonymous" if anonymous else role)
        users[role] = user = None if anonymous else make_user(role)
        client = Client(raise_request_exception=False)
        samples.keep_alive()  # a pass may outlast the heartbeat /healthz/ accepts
        if user is not None:
            log_in(client, user)
        for pattern, found, variant, url in plan:
            if anonymous:
                client.cookies.clear()  # every request a new visitor
            outcome = observed[pattern.key, variant][role] = get(client, url)
            expected = found.expected(variant)[column] if found is not None else outcome
            if outcome != expected:
                problems.append(
                    f"{role:<13} GET {url}  expected {expected}, got {outcome}  "
                    f"({pattern.key}{f' [{variant}]' if variant else ''})"
                )
            if user is not None and not has_session_cookie(client):
                if pattern.key not in GET_SIDE_EFFECTS:
                    problems.append(f"{role:<13} GET {url}  signed the user out")
                log_in(client, user)

    for pattern, found, variant, url in plan:
        if found is None:
            cells = " ".join(observed[pattern.key, variant][role] for role in ROLES)
            problems.append(
                f"no rule for {pattern.key} ({pattern.name or 'unnamed'}), GET {url}; "
                f"observed: rule({pattern.key!r}, {cells!r}),"
            )
    problems += side_effect_problems(samples, observed, users)
    assert not problems, (
        f"{len(problems)} difference(s) from tests/whole_site/permission_matrix/expectations.py "
        f"(roles: {', '.join(ROLES)}):\n" + "\n".join(problems)
    )


def side_effect_problems(samples, observed, users) -> list[str]:
    """A GET changes nothing it should not: a camera picture is logged once per look by
    those who got it, an incident stays unacknowledged, a follower stays subscribed and
    unconfirmed (mail scanners open the e-mailed links)."""
    problems = []
    snapshot, incident, follower = (samples.rows[k] for k in ("snapshot", "incident", "follower"))
    looked = sorted(
        users[role].username
        for role, outcome in observed["admin/cctv/snapshot/<int:pk>/", ""].items()
        if outcome == "ok"
    )
    logged = sorted(
        SnapshotAccess.objects.filter(camera=snapshot.camera, snapshot_taken_at=snapshot.taken_at)
        .exclude(username="matrix-target")
        .values_list("username", flat=True)
    )
    if not looked or logged != looked:
        problems.append(f"snapshot access log {logged}, but the picture went to {looked}")
    incident.refresh_from_db()
    if incident.acknowledged_at is not None:
        problems.append("a GET acknowledged the incident")
    if not type(follower).objects.filter(pk=follower.pk).exists():
        problems.append("a GET stopped the subscription")
    elif type(follower).objects.get(pk=follower.pk).confirmed_at is not None:
        problems.append("a GET confirmed the subscription")
    return problems


@pytest.mark.django_db
def test_an_operator_without_a_second_factor_opens_no_admin_screen(demo):
    """Camera operators must set up an authenticator app first: until then every admin URL
    but signing in and out, the code and set-up pages and their assets sends them there."""
    samples = build_samples(get_user_model().objects.create_user("matrix-target", "t@x.org"))
    plan, _problems = request_plan(samples)
    client = Client(raise_request_exception=False)
    client.force_login(make_user("operator"))  # no device
    setup = reverse("two_factor_setup")
    open_views = two_factor.ALWAYS_OPEN | two_factor.OPEN_WITHOUT_DEVICE
    reached, checked = [], 0
    for pattern, _found, _variant, url in plan:
        if not pattern.key.startswith("admin/") or pattern.name in open_views:
            continue
        checked += 1
        response = client.get(url)
        if response.status_code != 302 or not response["Location"].startswith(setup + "?"):
            reached.append(f"GET {url}: {response.status_code} {response.get('Location', '')}")
    assert checked > 300
    assert not reached, "\n".join(reached)
    assert not SnapshotAccess.objects.filter(username="matrix-operator").exists()
