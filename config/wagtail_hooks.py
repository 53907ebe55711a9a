from wagtail import hooks


# --- Two-factor authentication (config/two_factor.py, config/two_factor_views.py) ----------
@hooks.register("register_admin_urls")
def two_factor_urls():
    from django.urls import path

    from config import two_factor_views as views

    return [
        path("two-factor/", views.overview, name="two_factor"),
        path("two-factor/verify/", views.verify, name="two_factor_verify"),
        path("two-factor/setup/", views.setup, name="two_factor_setup"),
        path("two-factor/disable/", views.disable, name="two_factor_disable"),
        path("two-factor/reset/<int:user_id>/", views.reset, name="two_factor_reset"),
    ]


@hooks.register("register_account_menu_item")
def two_factor_account_menu_item(request):
    from django.urls import reverse
    from django.utils.translation import gettext as _

    return {
        "url": reverse("two_factor"),
        "label": _("Two-factor authentication"),
        "help_text": _("A code from an authenticator app on your phone after the password."),
    }


@hooks.register("construct_main_menu")
def no_menu_before_two_factor_set_up(request, menu_items):
    """A user who must set up two-factor authentication sees no menu on the set-up page: every
    other admin view would send them back to it."""
    from config.two_factor import has_device, two_factor_required

    user = request.user
    verified = getattr(user, "is_verified", lambda: False)()
    if not verified and two_factor_required(user) and not has_device(user):
        menu_items.clear()


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    from django.urls import reverse
    from django.utils.translation import gettext as _
    from wagtail.admin.widgets import Button

    from config.two_factor import has_device, may_reset

    if may_reset(request_user, user) and has_device(user):
        yield Button(
            _("Reset two-factor authentication"),
            reverse("two_factor_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )


@hooks.register("register_log_actions")
def two_factor_log_actions(actions):
    from django.utils.translation import gettext_lazy as _

    from config.two_factor_views import ACTION_OFF, ACTION_ON, ACTION_RESET

    actions.register_action(
        ACTION_ON, _("Turn on two-factor authentication"), _("Two-factor authentication on")
    )
    actions.register_action(
        ACTION_OFF, _("Turn off two-factor authentication"), _("Two-factor authentication off")
    )
    actions.register_action(
        ACTION_RESET,
        _("Reset two-factor authentication"),
        _("Two-factor authentication reset by an administrator"),
    )
