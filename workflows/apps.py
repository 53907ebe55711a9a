from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WorkflowsConfig(AppConfig):
    """The workflow engine (``workflows.engine``) and the advocacy-initiative tracker."""

    name = "workflows"
    verbose_name = _("Initiatives")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.contrib.contenttypes.models import ContentType

        from cms.page_cache import ignore_models, register_model
        from cms.sitemap import register_views
        from workflows import models
        from workflows.engine import TransitionLog, transition_taken
        from workflows.public import sitemap_views
        from workflows.tasks import mail_public_step

        register_views(sitemap_views)
        # The initiative's reaction to its own steps: followers hear of the public ones.
        transition_taken.connect(
            mail_public_step, sender=models.Initiative, dispatch_uid="initiative_followers"
        )

        # A cached tracker response depends on the initiatives it loaded; a change to one
        # purges its own pages and the lists (tags: initiative:<id>, initiatives).
        def of_initiative(pk) -> tuple[str, ...]:
            return (f"initiative:{pk}",)

        def changed(pk) -> tuple[str, ...]:
            return (f"initiative:{pk}", "initiatives")

        register_model(
            models.Initiative, loaded=lambda i: of_initiative(i.pk), changed=lambda i: changed(i.pk)
        )

        # History and timeline rows belong to any model on the engine: only an initiative's rows
        # touch the initiative pages; another model's rows carry a tag of their own.
        def is_initiative(row) -> bool:
            return row.content_type_id == ContentType.objects.get_for_model(models.Initiative).pk

        def of_item(row) -> tuple[str, ...]:
            return (f"workflow-item:{row.content_type_id}:{row.object_id}",)

        for model in (TransitionLog, models.TimelineEvent):
            register_model(
                model,
                loaded=lambda row: (
                    of_initiative(row.object_id) if is_initiative(row) else of_item(row)
                ),
                changed=lambda row: changed(row.object_id) if is_initiative(row) else of_item(row),
            )
        # Followers and their e-mails are never shown in public.
        ignore_models(models.Subscription, models.Delivery)
        for model in (models.InitiativePartner, models.InitiativeDocument, models.InitiativePage):
            register_model(
                model,
                loaded=lambda row: of_initiative(row.initiative_id),
                changed=lambda row: changed(row.initiative_id),
            )
