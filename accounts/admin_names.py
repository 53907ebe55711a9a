"""Names stored as data (groups, the moderation workflow and its task) shown in the user's
language.

The names are identifiers: code, settings and migrations find groups by them
(``OTP_REQUIRED_GROUPS``, the role groups of ``workflows``), so the database keeps the English
name. They are translated *at display*: a known name is loaded as a ``DisplayName``, a ``str``
that compares, queries, serialises and saves as the stored English name, but renders (``str()``,
templates, ``%s``) in the active language — "Moderators approval" reads «Затвердження
модераторами» in the Ukrainian admin and in Wagtail's e-mails to a Ukrainian moderator. An
administrator who saves a group or workflow form (whose field then holds the translation) saves
the English name again. Names an office adds itself are shown as typed.
"""

from __future__ import annotations

from django.contrib.auth.models import Group
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import gettext, gettext_noop
from wagtail.models import GroupApprovalTask, Task, Workflow

#: The names the migrations create, marked for the catalogues.
KNOWN_NAMES = frozenset(
    {
        gettext_noop("Administrators"),
        gettext_noop("Editors"),
        gettext_noop("Moderators"),
        gettext_noop("Moderators approval"),
        gettext_noop("Situational centre operators"),
        gettext_noop("Office coordinators"),
        gettext_noop("Office heads"),
        gettext_noop("Council secretariat"),
        gettext_noop("Committee secretaries"),
        gettext_noop("Executive bodies"),
    }
)
MODELS = (Group, Workflow, Task, GroupApprovalTask)


class DisplayName(str):
    """A stored name that reads in the active language."""

    def __str__(self) -> str:
        return gettext(str.__str__(self))

    def __html__(self) -> str:
        from django.utils.html import escape

        return escape(str(self))


def stored_name(name: str) -> str:
    """The English name for ``name`` in any language of the site (a form sends back what it
    showed), or ``name`` itself."""
    plain = str.__str__(name)
    if plain in KNOWN_NAMES:
        return plain
    from django.conf import settings

    for code, _label in settings.LANGUAGES:
        with translation.override(code):
            for known in KNOWN_NAMES:
                if gettext(known) == plain:
                    return known
    return plain


def show_translated(sender, instance, **kwargs) -> None:
    name = instance.__dict__.get("name")
    if type(name) is str and name in KNOWN_NAMES:
        instance.__dict__["name"] = DisplayName(name)


def store_english(sender, instance, **kwargs) -> None:
    name = instance.__dict__.get("name")
    if isinstance(name, str):
        instance.__dict__["name"] = stored_name(name)  # a plain str: saved as it is


def connect() -> None:
    """Called from ``ready()``."""
    for model in MODELS:
        post_init.connect(show_translated, sender=model, dispatch_uid=f"display-name-{model}")
        pre_save.connect(store_english, sender=model, dispatch_uid=f"store-name-{model}")
