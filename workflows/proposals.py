"""Residents propose an initiative from the public site.

A proposal lands as "submitted": the office sees it in its worklist, the public does not see it
until the office accepts it. Spam is kept out by the signed form token, the trap field and
the rate limits of ``cms.form_guard`` (a few proposals an hour per client and per e-mail
address); a refused proposal is told so and keeps what was typed. The proposer's address is
never shown and is asked to confirm before anything else is sent to it (the same double opt-in
as following).
"""

from __future__ import annotations

import unicodedata

from django import forms
from django.conf import settings
from django.db import transaction
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms import form_guard
from cms.models import PriorityAreaPage
from workflows.engine import TransitionLog
from workflows.models import Initiative, Subscription
from workflows.tasks import send_confirmation


class ProposalForm(forms.Form):
    title = forms.CharField(label=_("What should change, in a line"), max_length=255)
    problem = forms.CharField(
        label=_("The problem: what happens, where and how often"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    solution = forms.CharField(
        label=_("Your proposal"), max_length=5000, widget=forms.Textarea(attrs={"rows": 5})
    )
    area = forms.ModelChoiceField(
        label=_("Priority area"), queryset=PriorityAreaPage.objects.none(), required=False
    )
    location = forms.CharField(
        label=_("Place (street, crossing, beach…)"), max_length=255, required=False
    )
    name = forms.CharField(label=_("Your name"), max_length=255)
    email = forms.EmailField(
        label=_("Your e-mail"),
        max_length=254,
        help_text=_("Only the office sees it. We will ask you to confirm it."),
    )
    consent = forms.BooleanField(
        label=_("I agree that the office stores my name and e-mail to work on this proposal.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["area"].queryset = PriorityAreaPage.objects.live().filter(
            locale=Locale.get_active()
        )

    def clean_title(self) -> str:
        """One line: the title becomes the subject of every e-mail about the initiative."""
        title = self.cleaned_data["title"]
        if any(unicodedata.category(char) == "Cc" for char in title):
            raise forms.ValidationError(
                _("The title must be a single line, without line breaks or tabs.")
            )
        return title


def create_proposal(data: dict, language: str) -> Initiative:
    """The initiative, already submitted, with one private history row; all or nothing."""
    suffix = "en" if language == "en" else "uk"
    texts = {
        f"title_{suffix}": data["title"],
        f"problem_{suffix}": data["problem"],
        f"solution_{suffix}": data["solution"],
    }
    if suffix == "en":
        # Ukrainian is the primary language and the title must exist: the office translates.
        texts["title_uk"] = data["title"]
    with transaction.atomic():
        initiative = Initiative.objects.create(
            state="submitted",  # set once, at creation; from here on only steps change it
            origin=Initiative.Origin.RESIDENT,
            area=data.get("area"),
            location=data.get("location", ""),
            proposer_name=data["name"],
            proposer_email=data["email"].lower(),
            **texts,
        )
        TransitionLog.record(
            initiative,
            transition="submit",
            source="draft",
            target="submitted",
            actor=None,
            acting_body=data["name"],
            public=False,
        )
        subscription, _created = Subscription.objects.get_or_create(
            email=data["email"].lower(),
            initiative=initiative,
            defaults={"language": language},
        )
        send_confirmation.send(subscription.pk)  # leaves only after the commit
    return initiative


PROPOSAL_FORM = "proposal"


def propose(request):
    """``/initiatives/propose/``: a resident's proposal, checked for robots and floods."""
    if request.method != "POST":
        return TemplateResponse(request, "workflows/propose.html", {"form": ProposalForm()})
    form = ProposalForm(request.POST)
    refusal = form_guard.check_form(request.POST, PROPOSAL_FORM)
    if refusal is None and form.is_valid():
        refusal = form_guard.check_limits(
            form_guard.per_client(request, PROPOSAL_FORM, settings.PROPOSALS_PER_CLIENT_HOUR),
            form_guard.per_recipient(
                PROPOSAL_FORM, form.cleaned_data["email"], settings.PROPOSALS_PER_ADDRESS_HOUR
            ),
        )
        if refusal is None:
            create_proposal(form.cleaned_data, get_language())
            return TemplateResponse(request, "workflows/propose.html", {"sent": True})
    if refusal is not None:
        form.add_error(None, refusal.message)
    return TemplateResponse(
        request,
        "workflows/propose.html",
        {"form": form},
        status=refusal.status if refusal else 400,
        headers=refusal.headers if refusal else None,
    )
