from django.template.loader import render_to_string
from wagtail import hooks

from cms.page_cache import depends_on
from workflows.admin_following import SubscriptionViewSet
from workflows.models import Initiative
from workflows.public import pipeline_context
from workflows.views import InitiativeViewSet
from workflows.worklists import WorklistPanel


@hooks.register("register_admin_viewset")
def register_initiatives():
    return InitiativeViewSet("initiatives")


@hooks.register("register_admin_viewset")
def register_followers():
    return SubscriptionViewSet("initiative_followers")


@hooks.register("home_page_slot")
def initiative_tracker_on_the_home_page(request):
    """The tracker's pipeline on the home page, once there is a public initiative."""
    depends_on("initiatives")
    context = pipeline_context()
    if not context["total"]:
        return ""
    return render_to_string("workflows/home_slot.html", context, request=request)


@hooks.register("construct_homepage_panels")
def worklist_on_the_dashboard(request, panels):
    if Initiative().roles_of(request.user):
        panels.append(WorklistPanel(request))
