from wagtail import hooks
from wagtail.permissions import register_permission_policy

from ops.models import FailedJob
from ops.viewsets import FailedJobPermissionPolicy, failed_job_viewset

register_permission_policy(FailedJob, FailedJobPermissionPolicy(FailedJob))


@hooks.register("register_admin_viewset")
def register_failed_jobs():
    return failed_job_viewset
