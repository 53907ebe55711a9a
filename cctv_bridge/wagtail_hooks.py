from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem


@hooks.register("register_admin_viewset")
def register_camera_admin():
    from cctv_bridge.admin_views import (
        CameraViewSet,
        DutyShiftViewSet,
        MaintenanceViewSet,
        SnapshotAccessViewSet,
    )

    return [
        CameraViewSet("cameras"),
        MaintenanceViewSet("camera_maintenance"),
        DutyShiftViewSet("duty_roster"),
        SnapshotAccessViewSet("snapshot_access"),
    ]


@hooks.register("register_admin_urls")
def operator_urls():
    from cctv_bridge import operator

    return [
        path("cctv/", operator.dashboard, name="cctv_operator"),
        path("cctv/board/", operator.board, name="cctv_board"),
        path("cctv/roster/", operator.roster, name="cctv_roster"),
        path("cctv/camera/<int:pk>/", operator.camera_detail, name="cctv_operator_camera"),
        path("cctv/snapshot/<int:pk>/", operator.snapshot_image, name="cctv_snapshot"),
        path("cctv/incident/<int:pk>/acknowledge/", operator.acknowledge, name="cctv_acknowledge"),
        path("cctv/coverage/", operator.coverage, name="cctv_coverage"),
    ]


class OperatorMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cctv_bridge.operate_camera")


class OperatorSubmenuItem(SubmenuMenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cctv_bridge.operate_camera")


class ShiftPlanningMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("cctv_bridge.change_dutyshift")


@hooks.register("register_admin_menu_item")
def situational_centre_menu_item():
    """The console, the duty roster and the coverage report together, where operators look
    (the roster used to be under Settings)."""
    items = [
        OperatorMenuItem(_("Live console"), reverse("cctv_operator"), icon_name="view", order=1),
        OperatorMenuItem(_("Duty roster"), reverse("cctv_roster"), icon_name="date", order=2),
        ShiftPlanningMenuItem(
            _("Plan duty shifts"), reverse("duty_roster:index"), icon_name="edit", order=3
        ),
        OperatorMenuItem(
            _("Which cameras see the same scene"),
            reverse("cctv_coverage"),
            icon_name="image",
            order=4,
        ),
    ]
    return OperatorSubmenuItem(
        _("Situational centre"),
        Menu(items=items),
        name="situational-centre",
        icon_name="view",
        order=255,
    )


@hooks.register("home_page_slot")
def camera_status_on_the_home_page(request):
    """The camera network's summary on the home page, once a camera is listed."""
    from django.template.loader import render_to_string

    from cctv_bridge.public import home_summary
    from cms.page_cache import lifetime

    context, fresh_seconds = home_summary()
    lifetime(fresh_seconds)
    if not context["total"]:
        return ""
    return render_to_string("cctv_bridge/home_slot.html", context, request=request)
