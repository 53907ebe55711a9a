"""Timeline entries that are not steps: a committee meeting, a letter, a hearing, progress."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from workflows.models import Initiative, TimelineEvent

#: Who records what happened around an initiative: the office and the council's staff.
TIMELINE_ROLES = frozenset(
    {"coordinator", "head", "council_secretariat", "committee_secretary", "executive_body"}
)


def may_record_events(initiative: Initiative, user) -> bool:
    roles = initiative.roles_of(user)
    return initiative.can_view(user) and bool(roles & (TIMELINE_ROLES | {initiative.SUPER_ROLE}))


class TimelineEventForm(forms.ModelForm):
    class Meta:
        model = TimelineEvent
        fields = ["kind", "date", "text_uk", "text_en", "public"]
        widgets = {
            "date": forms.DateInput(attrs={"type": "date"}),
            "text_uk": forms.Textarea(attrs={"rows": 3}),
            "text_en": forms.Textarea(attrs={"rows": 3}),
        }

    def clean_date(self):
        date = self.cleaned_data["date"]
        if date > timezone.localdate():
            raise forms.ValidationError(_("The timeline records what happened: not a future date."))
        return date


@require_POST
def add_timeline_event(request, pk: int, edit_url_name: str):
    initiative = get_object_or_404(Initiative, pk=pk)
    if not may_record_events(initiative, request.user):
        raise PermissionDenied
    form = TimelineEventForm(request.POST)
    if not form.is_valid():
        return TemplateResponse(
            request,
            "workflows/admin/timeline_form.html",
            {"initiative": initiative, "form": form, "edit_url_name": edit_url_name},
            status=400,
        )
    event = form.save(commit=False)
    event.item = initiative
    event.author = request.user
    event.save()
    messages.success(request, _("Added to the timeline."))
    return redirect(edit_url_name, initiative.pk)
