"""The roles of the matrix: who the office's people are, by the groups the migrations create."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

#: Column order of every expectation row. A role is membership of exactly one group that a
#: migration creates (cms 0002, workflows 0002, cctv_bridge 0002); "superuser" has no group.
ROLES = (
    "anonymous",
    "editor",
    "moderator",
    "secretariat",
    "operator",
    "administrator",
    "superuser",
)
GROUPS = {
    "editor": "Editors",
    "moderator": "Moderators",
    "secretariat": "Council secretariat",
    "operator": "Situational centre operators",
    "administrator": "Administrators",
}


def make_user(role: str):
    """A fresh active user holding ``role``; None for the anonymous visitor."""
    if role == "anonymous":
        return None
    users = get_user_model().objects
    email = f"matrix-{role}@example.org"
    if role == "superuser":
        return users.create_superuser(f"matrix-{role}", email, "x")
    user = users.create_user(f"matrix-{role}", email, "x", first_name=role.title())
    user.groups.add(Group.objects.get(name=GROUPS[role]))
    return user


def log_in(client, user) -> None:
    """Sign ``user`` in on ``client`` as the admin will accept them.

    ``force_login`` skips django-axes (``client.login`` would count as an attempt). Where the
    admin requires a second factor of this user (camera operators), the user gets a confirmed
    TOTP device and a session that has given a code, as after a real sign-in.
    """
    try:
        from accounts.two_factor import two_factor_required
        from tests.two_factor_helpers import verified_login
    except ImportError:  # no two-factor authentication in this checkout
        client.force_login(user)
        return
    if two_factor_required(user):
        verified_login(client, user)
    else:
        client.force_login(user)
