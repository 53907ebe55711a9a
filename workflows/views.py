"""The initiatives in the Wagtail admin: a list with filters, editing of the texts, and one
form per workflow step that asks for exactly the data that step needs."""

from __future__ import annotations

import copy

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.admin.views.generic import CreateView, EditView, IndexView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet

from workflows.admin_following import staff_subscription, toggle_following
from workflows.admin_timeline import TimelineEventForm, add_timeline_event, may_record_events
from workflows.diagram import workflow_diagram
from workflows.engine import TransitionLog, TransitionRefused
from workflows.models import Initiative, TimelineEvent
from workflows.worklists import awaiting

#: What editors change directly; everything a step decides goes through that step's form.
PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("title_uk"),
            FieldPanel("summary_uk"),
            FieldPanel("problem_uk"),
            FieldPanel("solution_uk"),
        ],
        heading=_("In Ukrainian"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("title_en"),
            FieldPanel("summary_en"),
            FieldPanel("problem_en"),
            FieldPanel("solution_en"),
        ],
        heading=_("In English (may stay empty: Ukrainian is shown instead)"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("area"),
            FieldPanel("origin"),
            FieldPanel("responsible_authority"),
            FieldPanel("location"),
            FieldPanel("progress"),
            FieldPanel("tags"),
        ],
        heading=_("Facts"),
    ),
    InlinePanel("partners", heading=_("Partner organisations"), label=_("Partner")),
    InlinePanel("documents", heading=_("Documents"), label=_("Document")),
    InlinePanel("related_pages", heading=_("Related news and campaigns"), label=_("Page")),
]


class InitiativeFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("state"), choices=[(s.value, s.label) for s in Initiative.STATES]
    )
    overdue = django_filters.BooleanFilter(label=_("overdue"), method="filter_overdue")

    class Meta:
        model = Initiative
        fields = ["state", "area", "responsible_authority"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = Initiative.overdue_q()
        return queryset.filter(overdue) if value else queryset.exclude(overdue)


def visible_initiatives(user, queryset=None):
    """What ``user`` may see in the list: the states their roles may view, and their own."""
    queryset = queryset if queryset is not None else Initiative.objects.all()
    if user.is_superuser:
        return queryset
    roles = Initiative().roles_of(user)
    visible = [
        state
        for state, rules in Initiative.PERMISSIONS.items()
        if "public" in rules["view"] or rules["view"] & roles
    ]
    return queryset.filter(Q(state__in=visible) | Q(initiator=user))


class InitiativeIndexView(IndexView):
    def get_base_queryset(self):
        queryset = super().get_base_queryset().select_related("area", "responsible_authority")
        return visible_initiatives(self.request.user, queryset)


class InitiativeCreateView(CreateView):
    """Whoever writes a new initiative is its initiator (and may submit it)."""

    def save_instance(self):
        instance = self.form.save(commit=False)
        instance.initiator = self.request.user
        instance.save()
        self.form.save_m2m()
        return instance


class InitiativeEditView(EditView):
    """Editing is allowed only to the roles the current state names; the page also shows the
    steps the user may take and the history."""

    template_name = "workflows/admin/initiative_edit.html"

    def dispatch(self, request, *args, **kwargs):
        initiative = get_object_or_404(Initiative, pk=kwargs["pk"])
        if not initiative.can_view(request.user):
            raise PermissionDenied
        if request.method == "POST" and not initiative.can_edit(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    step_url_name = ""  # set by the viewset

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        initiative = self.object
        context.update(
            following=staff_subscription(self.request.user, initiative),
            timeline_form=TimelineEventForm()
            if may_record_events(initiative, self.request.user)
            else None,
            initiative=initiative,
            state=initiative.current_state,
            may_edit=initiative.can_edit(self.request.user),
            steps=initiative.transitions_for(self.request.user),
            history=TransitionLog.objects.filter(
                content_type__model="initiative", object_id=initiative.pk
            ).select_related("actor"),
            timeline=TimelineEvent.objects.filter(
                content_type__model="initiative", object_id=initiative.pk
            ),
            deadline=initiative.deadline(),
            overdue=initiative.is_overdue(),
            date_problems=initiative.date_problems(),
        )
        return context


class ViewableInitiativeMixin:
    """Only whoever may view the initiative in its current state opens the screen: a model
    permission alone would show a private initiative's title and history to any role."""

    def dispatch(self, request, *args, **kwargs):
        if not get_object_or_404(Initiative, pk=kwargs["pk"]).can_view(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class InitiativeHistoryView(ViewableInitiativeMixin, HistoryView):
    """The change history, for whoever may view the initiative."""


class InitiativeUsageView(ViewableInitiativeMixin, UsageView):
    """Where the initiative is used, for whoever may view it."""


class StepForm(forms.Form):
    """The comment, audience and acting body every step records in the history."""

    acting_body = forms.CharField(label=_("on behalf of"), required=False, max_length=255)
    comment_uk = forms.CharField(
        label=_("comment (Ukrainian)"), required=False, widget=forms.Textarea
    )
    comment_en = forms.CharField(
        label=_("comment (English)"), required=False, widget=forms.Textarea
    )
    public = forms.BooleanField(label=_("show in the public history"), required=False)


def step_form_class(spec, target: str):
    """The form of one step: its data, and the public box only where the step may be public
    (the engine keeps a private step private whatever is sent)."""
    fields = [*spec.requires, *spec.optional]
    data_form = forms.modelform_factory(Initiative, fields=fields) if fields else None
    may_be_public = spec.public and Initiative.state_info(target).public

    class Form(StepForm):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if not may_be_public:
                del self.fields["public"]
            if data_form is not None:
                for name, field in data_form.base_fields.items():
                    self.fields[name] = copy.deepcopy(field)
                    self.fields[name].required = name in spec.requires
            self.order_fields(fields)  # the step's own data first, then the history's
            self.data_fields = fields

    return Form


class InitiativeViewSet(ModelViewSet):
    model = Initiative
    icon = "tasks"
    menu_label = _("Initiatives")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "initiatives"  # /admin/workflows/ belongs to Wagtail's page workflows
    list_display = ["title_uk", "state", "area", "responsible_authority", "updated_at"]
    filterset_class = InitiativeFilterSet
    search_fields = ["title_uk", "title_en"]
    panels = PANELS
    add_view_class = InitiativeCreateView
    edit_view_class = InitiativeEditView
    index_view_class = InitiativeIndexView
    history_view_class = InitiativeHistoryView
    usage_view_class = InitiativeUsageView
    copy_view_enabled = False

    def get_edit_view_kwargs(self, **kwargs):
        return super().get_edit_view_kwargs(step_url_name=self.get_url_name("step"), **kwargs)

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/step/<str:name>/", self.step_view, name="step"),
            path("worklist/", self.worklist_view, name="worklist"),
            path("how/", self.diagram_view, name="diagram"),
            path("<int:pk>/follow/", self.follow_view, name="follow"),
            path("<int:pk>/timeline/", self.timeline_view, name="timeline"),
        ]

    def follow_view(self, request, pk: int):
        return toggle_following(request, pk, self.get_url_name("edit"))

    def timeline_view(self, request, pk: int):
        return add_timeline_event(request, pk, self.get_url_name("edit"))

    def diagram_view(self, request):
        """The same diagram as the public page, generated from the declared transitions."""
        return TemplateResponse(
            request,
            "workflows/admin/diagram.html",
            {
                "diagram": workflow_diagram(Initiative),
                "states": Initiative.STATES,
                "heading": _("How an initiative moves"),
            },
        )

    def worklist_view(self, request):
        """Every initiative awaiting the user's action (the dashboard shows the first ten)."""
        page = Paginator(awaiting(request.user), 50).get_page(request.GET.get("p"))
        return TemplateResponse(
            request,
            "workflows/admin/worklist.html",
            {"items": page, "heading": _("Initiatives awaiting your action")},
        )

    def step_view(self, request, pk: int, name: str):
        initiative = get_object_or_404(Initiative, pk=pk)
        found = initiative.transition_named(name)
        if found is None or not initiative.can_view(request.user):
            raise PermissionDenied
        spec = found.spec
        form_class = step_form_class(spec, found.target)
        refused = None
        if request.method == "POST":
            form = form_class(request.POST)
            if form.is_valid():
                data = {field: form.cleaned_data[field] for field in form.data_fields}
                try:
                    initiative.perform(
                        name,
                        request.user,
                        data,
                        comment_uk=form.cleaned_data["comment_uk"],
                        comment_en=form.cleaned_data["comment_en"],
                        public=form.cleaned_data.get("public", False),
                        acting_body=form.cleaned_data["acting_body"],
                    )
                except TransitionRefused as error:
                    shown = {f: m for f, m in error.errors.items() if f in form.fields}
                    for field_name, problems in shown.items():
                        form.add_error(field_name, problems)
                    # Problems shown next to their fields need no banner; anything else does.
                    refused = None if shown and shown == error.errors else error.message
                else:
                    messages.success(
                        request,
                        _("Done: %(step)s. The initiative is now “%(state)s”.")
                        % {"step": spec.label, "state": initiative.current_state.label},
                    )
                    return redirect(self.get_url_name("edit"), initiative.pk)
        else:
            form = form_class(initial={"public": spec.public})
            if not initiative.may_take(spec, initiative.roles_of(request.user)):
                refused = _("You do not have a role that may take this step.")
        status = 200 if refused is None or request.method == "GET" else 409
        return TemplateResponse(
            request,
            "workflows/admin/step.html",
            {
                "initiative": initiative,
                "state": initiative.current_state,
                "step": spec,
                "form": form,
                "refused": refused,
                "edit_url_name": self.get_url_name("edit"),
            },
            status=status,
        )
