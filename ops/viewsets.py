"""Admin screens of the operations app."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from ops.models import FailedJob


class FailedJobPermissionPolicy(ModelPermissionPolicy):
    """Failed jobs are written by the workers only: nobody adds or copies one by hand."""

    def user_has_permission(self, user, action):
        if action in {"add", "copy"}:
            return False
        return super().user_has_permission(user, action)


class FailedJobViewSet(ModelViewSet):
    model = FailedJob
    icon = "warning"
    menu_label = _("Failed jobs")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["resolved"]
    list_display = ["actor_name", "queue_name", "error", "retries", "failed_at", "resolved"]
    list_filter = ["resolved", "queue_name", "actor_name"]
    search_fields = ["actor_name", "error"]
    inspect_view_fields = [
        "actor_name",
        "queue_name",
        "message_id",
        "args",
        "kwargs",
        "retries",
        "error",
        "traceback",
        "failed_at",
        "resolved",
    ]


failed_job_viewset = FailedJobViewSet("failed_jobs")
