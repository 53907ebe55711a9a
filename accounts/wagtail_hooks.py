"""Two-factor authentication in the Wagtail admin (accounts/two_factor.py,
accounts/two_factor_views.py): its pages, the account menu item, the hidden menu before set-up,
the administrators' reset button and the site-history actions."""

from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.widgets import Button

from accounts import two_factor_views as views
from accounts.two_factor import has_device, may_reset, two_factor_required


@hooks.register("register_admin_urls")
def two_factor_urls():
    return [
        path("two-factor/", views.overview, name="two_factor"),
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
        path("two-factor/setup/", views.setup, name="two_factor_setup"),
        path("two-factor/disable/", views.disable, name="two_factor_disable"),
        path("two-factor/reset/<int:user_id>/", views.reset, name="two_factor_reset"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    return {
        "url": reverse("two_factor"),
        "label": _("Two-factor authentication"),
        "help_text": _("A code from an authenticator app on your phone after the password."),
    }


@hooks.register("construct_main_menu")
def no_menu_before_two_factor_set_up(request, menu_items):
    """A user who must set up two-factor authentication sees no menu on the set-up page: every
    other admin view would send them back to it."""
    user = request.user
    verified = getattr(user, "is_verified", lambda: False)()
    if not verified and two_factor_required(user) and not has_device(user):
        menu_items.clear()


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    if may_reset(request_user, user) and has_device(user):
        yield Button(
            _("Reset two-factor authentication"),
            reverse("two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def two_factor_log_actions(actions):
    actions.register_action(
        views.ACTION_ON,
        gettext_lazy("Turn on two-factor authentication"),
        gettext_lazy("Two-factor authentication on"),
    )
    actions.register_action(
        views.ACTION_OFF,
        gettext_lazy("Turn off two-factor authentication"),
        gettext_lazy("Two-factor authentication off"),
    )
    actions.register_action(
        views.ACTION_RESET,
        gettext_lazy("Reset two-factor authentication"),
        gettext_lazy("Two-factor authentication reset by an administrator"),
    )
