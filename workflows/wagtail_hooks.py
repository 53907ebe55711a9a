from wagtail import hooks

from workflows.views import InitiativeViewSet


@hooks.register("register_admin_viewset")
def register_initiatives():
    return InitiativeViewSet("initiatives")
