"""Finishing a page translation in wagtail-localize's editor the way every other page is
finished: an English slug made from the English title, and submission for moderation.

wagtail-localize 1.14's translation editor offers only "Publish in …" as its main action; for
an editor, who may not publish, its footer fell back to "Delete", with no way to submit the
translation to the moderators. For users who cannot publish, the editor's footer is therefore
Wagtail's own page action menu (``PageActionMenu``, with "Submit to …" first), and its POSTs
are handled here: the translated strings become a draft revision (``Translation.save_target``),
then Wagtail's workflow starts, which notifies the moderators as any submission does.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail.admin.action_menu import PageActionMenu
from wagtail.models import Page, WorkflowState
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.views import submit_translations
from wagtail_localize.views.edit_translation import edit_translation

from cms.transliteration import slugify_uk

#: The names of the buttons of Wagtail's page action menu that this editor handles.
SUBMIT, RESTART, CANCEL = "action-submit", "action-restart-workflow", "action-cancel-workflow"


def synced_translation(page: Page) -> Translation | None:
    """The enabled wagtail-localize translation whose target is ``page``, if any."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def translated_text(translation: Translation, path: str) -> tuple[StringSegment, str | None]:
    """The source segment at ``path`` (``title``, ``slug``) and its translation, if made."""
    segment = translation.source.stringsegment_set.select_related("string", "context").get(
        context__path=path
    )
    made = StringTranslation.objects.filter(
        translation_of=segment.string, locale=translation.target_locale, context=segment.context
    ).first()
    return segment, made.data if made is not None else None


def slug_from_translated_title(translation: Translation) -> None:
    """Give the target page a slug made from its translated title (official transliteration
    for Cyrillic), unless the translator wrote one of their own: a translation that still uses
    the source page's slug would keep the other language's words in its address."""
    try:
        slug_segment, slug = translated_text(translation, "slug")
        _title_segment, title = translated_text(translation, "title")
    except StringSegment.DoesNotExist:
        return
    if title is None or slug not in (None, "", slug_segment.string.data):
        return
    new_slug = slugify_uk(title)
    if new_slug:
        StringTranslation.objects.update_or_create(
            translation_of=slug_segment.string,
            locale=translation.target_locale,
            context=slug_segment.context,
            defaults={
                "data": new_slug,
                "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
            },
        )


def action_menu(request: HttpRequest, page: Page) -> PageActionMenu:
    lock = page.get_lock()
    return PageActionMenu(
        request,
        view="edit",
        page=page,
        lock=lock,
        locked_for_user=lock is not None and lock.for_user(request.user),
        translation_editor=True,
    )


def submit_first(menu_items: list, request: HttpRequest, context: dict) -> None:
    """In the translation editor, "Submit to …" is the main action of who cannot publish."""
    if not context.get("translation_editor"):
        return
    submit = [item for item in menu_items if item.name == SUBMIT]
    if submit:
        menu_items.remove(submit[0])
        menu_items.insert(0, submit[0])


def edit_for_moderation(request: HttpRequest, page: Page) -> HttpResponse | None:
    """``before_edit_page``: the translation editor for users who submit rather than publish
    (None: Wagtail's or wagtail-localize's own editor goes on)."""
    if page.alias_of_id is not None:
        return None
    translation = synced_translation(page)
    if translation is None:
        return None
    if request.method == "POST":
        slug_from_translated_title(translation)
    if page.permissions_for_user(request.user).can_publish():
        return None  # wagtail-localize's "Publish in …" is their main action
    if request.method == "POST":
        return save_for_moderation(request, translation, page)
    # The template (site/templates/wagtail_localize/admin/edit_translation.html) shows this
    # menu in place of the editor's own footer; the request carries it there because
    # wagtail-localize's view builds its context itself.
    request.translation_action_menu = action_menu(request, page)
    return edit_translation(request, translation, page)


def save_for_moderation(request: HttpRequest, translation: Translation, page: Page):
    lock = page.get_lock()
    if lock is not None and lock.for_user(request.user):
        messages.error(request, _("The page could not be saved as it is locked."))
        return redirect("wagtailadmin_pages:edit", page.id)
    try:
        translation.save_target(user=request.user, publish=False)
    except ValidationError:
        messages.error(request, _("The page could not be saved due to validation errors."))
        return redirect("wagtailadmin_pages:edit", page.id)
    page = page.specific_class.objects.get(pk=page.pk)
    title = page.get_admin_display_title()
    workflow_state = page.current_workflow_state
    permissions = page.permissions_for_user(request.user)
    if SUBMIT in request.POST and permissions.can_submit_for_moderation():
        if workflow_state and workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            workflow_state.resume(request.user)
        else:
            page.get_workflow().start(page, request.user)
        message = _("Page '%(page_title)s' has been submitted for moderation.")
    elif (
        RESTART in request.POST and workflow_state and workflow_state.user_can_cancel(request.user)
    ):
        workflow_state.cancel(user=request.user)
        page.get_workflow().start(page, request.user)
        message = _("Workflow on page '%(page_title)s' has been restarted.")
    elif CANCEL in request.POST and workflow_state and workflow_state.user_can_cancel(request.user):
        workflow_state.cancel(user=request.user)
        message = _("Workflow on page '%(page_title)s' has been cancelled.")
    else:
        message = _("Page '%(page_title)s' has been updated.")
    messages.success(request, message % {"page_title": title})
    if SUBMIT in request.POST:
        return redirect("wagtailadmin_explore", page.get_parent().id)
    return redirect("wagtailadmin_pages:edit", page.id)


class SingleTargetTickedForm(submit_translations.SubmitTranslationForm):
    """wagtail-localize's "Translate" form, with the target language ticked when only one is
    left to translate into (English, for a Ukrainian page)."""

    def __init__(self, instance, *args, **kwargs):
        super().__init__(instance, *args, **kwargs)
        if not self.is_bound and not self.initial.get("locales"):
            targets = list(self.fields["locales"].queryset)
            if len(targets) == 1:
                self.initial["locales"] = targets


def tick_single_target() -> None:
    """Make wagtail-localize's translate views use ``SingleTargetTickedForm``. They build the
    form from their module's name for it, and offer no setting or hook to choose another;
    replacing the name keeps their URL, view and template as they are."""
    submit_translations.SubmitTranslationForm = SingleTargetTickedForm
