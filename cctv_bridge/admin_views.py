"""The camera registry, maintenance windows, duty roster and snapshot access log in the admin."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from cctv_bridge.admin_forms import CameraForm
from cctv_bridge.models import Camera, DutyShift, Maintenance, SnapshotAccess

CAMERA_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("code"),
            FieldRowPanel([FieldPanel("name_uk"), FieldPanel("name_en")]),
            FieldRowPanel([FieldPanel("address_uk"), FieldPanel("address_en")]),
            FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            FieldPanel("owner"),
        ],
        heading=_("Camera"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("source"),
            FieldPanel("stream_url"),
            FieldPanel("probe_interval"),
            FieldPanel("active"),
            FieldPanel("thresholds"),
        ],
        heading=_("Stream and probes"),
    ),
    MultiFieldPanel(
        [FieldPanel("public"), FieldPanel("public_delay_minutes")],
        heading=_("Public status page"),
    ),
    MultiFieldPanel(
        [
            FieldRowPanel([FieldPanel("purpose_uk"), FieldPanel("purpose_en")]),
            FieldPanel("legal_basis"),
            FieldPanel("responsible_person"),
            FieldRowPanel([FieldPanel("retention_days"), FieldPanel("probe_retention_days")]),
            FieldPanel("installed_on"),
            FieldRowPanel([FieldPanel("field_of_view_uk"), FieldPanel("field_of_view_en")]),
        ],
        heading=_("Camera passport"),
    ),
]


class CameraViewSet(ModelViewSet):
    model = Camera
    icon = "view"
    menu_label = _("Cameras")
    menu_order = 260
    add_to_admin_menu = True
    url_prefix = "cameras"
    list_display = ["code", "name_uk", "source", "status", "last_seen_at", "public"]
    list_filter = ["status", "source", "public", "active"]
    search_fields = ["code", "name_uk", "name_en", "address_uk"]
    edit_handler = ObjectList(CAMERA_PANELS, base_form_class=CameraForm)
    copy_view_enabled = False
    edit_template_name = "cctv_bridge/admin/camera_edit.html"
    inspect_view_enabled = True
    inspect_view_fields_exclude = ["stream_url_sealed", "baseline", "last_signature", "calibration"]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("<int:pk>/commission/", self.commission_view, name="commission"),
        ]

    def commission_view(self, request, pk: int):
        return commission(request, pk, self.get_url_name("edit"))


@require_POST
def commission(request, pk: int, edit_url_name: str):
    """Take the camera's reference picture now (a job: the probe can take seconds)."""
    from cctv_bridge.tasks import commission_camera

    if not request.user.has_perm("cctv_bridge.change_camera"):
        raise PermissionDenied
    camera = get_object_or_404(Camera, pk=pk)
    commission_camera.send(camera.pk)
    messages.success(
        request,
        _("The reference picture of %(code)s will be taken in a moment.") % {"code": camera.code},
    )
    return redirect(edit_url_name, camera.pk)


class MaintenanceViewSet(ModelViewSet):
    model = Maintenance
    icon = "cogs"
    menu_label = _("Camera maintenance")
    add_to_settings_menu = True
    url_prefix = "camera-maintenance"
    list_display = ["camera", "starts_at", "ends_at", "note_uk"]
    form_fields = ["camera", "starts_at", "ends_at", "note_uk", "note_en"]
    copy_view_enabled = False


def person_name(user) -> str:
    """A person's full name; the login only when no name was given."""
    return user.get_full_name() or user.get_username()


class DutyShiftForm(WagtailAdminModelForm):
    """Shifts are planned for people who may operate the cameras, chosen by their names."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        may_operate = (
            Q(is_superuser=True)
            | Q(groups__permissions__codename="operate_camera")
            | Q(user_permissions__codename="operate_camera")
        )
        if self.instance.operator_id:
            may_operate |= Q(pk=self.instance.operator_id)
        field = self.fields["operator"]
        field.queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(may_operate)
            .distinct()
            .order_by("first_name", "last_name", "username")
        )
        field.label_from_instance = person_name


class DutyShiftViewSet(ModelViewSet):
    """Planning shifts (administrators); operators read the roster in the console."""

    model = DutyShift
    icon = "date"
    menu_label = _("Duty roster")
    add_to_settings_menu = False  # in the Situational centre menu (wagtail_hooks)
    url_prefix = "duty-roster"
    list_display = [
        Column("operator", label=_("operator"), accessor=lambda shift: person_name(shift.operator)),
        "starts_at",
        "ends_at",
        "note",
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("operator"),
            FieldPanel("starts_at"),
            FieldPanel("ends_at"),
            FieldPanel("note"),
        ],
        base_form_class=DutyShiftForm,
    )
    copy_view_enabled = False

    def get_queryset(self, request):
        return DutyShift.objects.select_related("operator")


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Nobody, not even a superuser, adds, changes or deletes an access-log row by hand."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(
            user, action
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, action) for action in actions)


class SnapshotAccessViewSet(ModelViewSet):
    """Read-only: every look at a camera picture, for administrators, exportable."""

    model = SnapshotAccess
    icon = "list-ul"
    menu_label = _("Snapshot access log")
    add_to_settings_menu = True
    url_prefix = "snapshot-access"
    list_display = ["at", "username", "camera", "snapshot_taken_at"]
    list_filter = ["camera"]
    list_export = ["at", "username", "camera", "snapshot_taken_at"]
    export_filename = "snapshot-access"
    form_fields = ["username"]
    copy_view_enabled = False
    inspect_view_enabled = True
