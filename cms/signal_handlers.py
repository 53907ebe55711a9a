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
    page_published.connect(unpublish_incomplete_translation, dispatch_uid="cms-incomplete-tr")
