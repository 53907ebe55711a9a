"""Staff following initiatives from the admin, and the administrators' list of followers."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.viewsets.model import ModelViewSet

from workflows.models import Initiative, Subscription


def staff_subscription(user, initiative: Initiative) -> Subscription | None:
    return Subscription.objects.filter(user=user, initiative=initiative).first()


@require_POST
def toggle_following(request, pk: int, edit_url_name: str):
    """Follow or stop following: a staff member's account address needs no confirmation."""
    initiative = get_object_or_404(Initiative, pk=pk)
    if not initiative.can_view(request.user):
        raise PermissionDenied
    existing = staff_subscription(request.user, initiative)
    if existing is not None:
        existing.delete()
        messages.success(request, _("You no longer follow this initiative."))
    elif not request.user.email:
        messages.error(request, _("Add an e-mail address to your account to follow initiatives."))
    else:
        Subscription.objects.update_or_create(
            email=request.user.email.lower(),
            initiative=initiative,
            defaults={
                "user": request.user,
                "language": get_language(),
                "confirmed_at": timezone.now(),
            },
        )
        messages.success(
            request, _("You will get an e-mail when this initiative takes a public step.")
        )
    return redirect(edit_url_name, initiative.pk)


class SubscriptionViewSet(ModelViewSet):
    """Who follows what, for administrators only (the addresses are personal data)."""

    model = Subscription
    icon = "mail"
    menu_label = _("Followers")
    add_to_settings_menu = True
    url_prefix = "initiative-followers"
    list_display = ["email", "initiative", "language", "confirmed_at", "created_at"]
    list_filter = ["language", "confirmed_at"]
    search_fields = ["email"]
    form_fields = ["language"]
    copy_view_enabled = False
    inspect_view_enabled = True
