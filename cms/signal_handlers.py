"""Keep partly translated pages off the English site."""

import logging

from django.conf import settings
from wagtail.signals import page_published

logger = logging.getLogger(__name__)


def unpublish_incomplete_translation(sender, instance, revision=None, **kwargs) -> None:
    """Take a wagtail-localize translation offline again if it was published half done.

    wagtail-localize fills segments nobody translated yet with the source text, so publishing
    an incomplete English translation would put Ukrainian text at an English address. The
    page stays as a draft for the translators; a fully translated page publishes normally.
    """
    if instance.locale.language_code == settings.LANGUAGE_CODE:
        return
    from wagtail_localize.models import Translation

    translation = (
        Translation.objects.filter(
            source__object_id=instance.translation_key,
            target_locale_id=instance.locale_id,
            enabled=True,
        )
        .select_related("source")
        .first()
    )
    if translation is None:
        return  # written by hand in the page editor, not through wagtail-localize
    total, translated = translation.get_progress()
    if translated < total:
        logger.warning(
            "Unpublished page %s (%s): %d of %d segments are translated.",
            instance.pk,
            instance.locale.language_code,
            translated,
            total,
        )
        instance.unpublish(log_action="wagtail.unpublish")


def register_signal_handlers() -> None:
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_unpublished, post_page_move

    from cms.chrome import bump_version
    from cms.models import LanguageSettings
    from cms.visibility import forget_restricted_paths

    page_published.connect(unpublish_incomplete_translation, dispatch_uid="cms-incomplete-tr")
    # The cached navigation and settings (cms.chrome) follow every change that can alter them.
    for signal, sender in [
        (page_published, None),
        (page_unpublished, None),
        (post_page_move, None),
        (post_delete, Page),
        (post_save, LanguageSettings),
        (post_delete, LanguageSettings),
        (post_save, Site),
    ]:
        signal.connect(bump_version, sender=sender, dispatch_uid=f"cms-chrome-{signal}-{sender}")
    # The cached list of restricted sections (cms.visibility).
    for signal, sender in [
        (post_save, PageViewRestriction),
        (post_delete, PageViewRestriction),
        (post_page_move, None),
        (post_delete, Page),
    ]:
        signal.connect(
            forget_restricted_paths, sender=sender, dispatch_uid=f"cms-restricted-{signal}-{sender}"
        )
    # A restriction change also changes which pages the navigation may show.
    post_save.connect(bump_version, sender=PageViewRestriction, dispatch_uid="cms-chrome-pvr")
    post_delete.connect(bump_version, sender=PageViewRestriction, dispatch_uid="cms-chrome-pvr-d")
    # Rich text is sanitised on every save and every revision, however it arrived.
    from cms.rich_text import connect_sanitising

    connect_sanitising()
