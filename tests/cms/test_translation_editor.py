"""An editor finishes a page translation in wagtail-localize's editor: the target language is
ticked, the English slug comes from the English title, and the translation goes to the
moderators like any other page."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import translate_object

from cms.models import NewsPage

pytestmark = pytest.mark.django_db

TITLE_EN = "At the Zorka camp, children learned how to spend their holidays safely"


@pytest.fixture
def editor():
    user = get_user_model().objects.create_user("translator", "translator@example.org", "x")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def moderator():
    user = get_user_model().objects.create_user("reviewer", "reviewer@example.org", "x")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def source(demo):
    return NewsPage.objects.get(slug="u-tabori-zorka-ditiam-rozpovily-yak-bezpechno-vidpochyvaty")


def started_translation(source: Page, user) -> tuple[Translation, Page]:
    english = Locale.objects.get(language_code="en")
    translate_object(source, [english], user=user)
    translation = Translation.objects.get(
        source__object_id=source.translation_key, target_locale=english
    )
    return translation, source.get_translation(english)


def translate(translation: Translation, path: str, text: str) -> None:
    segment = StringSegment.objects.get(source=translation.source, context__path=path)
    StringTranslation.objects.update_or_create(
        translation_of=segment.string,
        locale=translation.target_locale,
        context=segment.context,
        defaults={"data": text, "translation_type": "manual"},
    )


def test_the_only_target_language_is_ticked(client, editor, source):
    client.force_login(editor)
    html = client.get(f"/admin/localize/submit/page/{source.pk}/").content.decode()
    english = Locale.objects.get(language_code="en")
    checkbox = re.search(rf'<input[^>]*name="locales"[^>]*value="{english.pk}"[^>]*>', html)
    assert checkbox and "checked" in checkbox.group(0)


def test_an_editor_s_main_action_is_to_submit_the_translation(client, editor, source):
    _translation, target = started_translation(source, editor)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{target.pk}/edit/").content.decode()
    footer = html[html.index('class="translation-moderation-form"') :]
    first_button = re.search(r"<button[^>]*>", footer).group(0)
    assert 'name="action-submit"' in first_button


def test_submitting_a_translation_gives_a_latin_slug_and_tells_the_moderators(
    client, editor, moderator, source
):
    translation, target = started_translation(source, editor)
    translate(translation, "title", TITLE_EN)
    client.force_login(editor)
    mail.outbox.clear()

    response = client.post(f"/admin/pages/{target.pk}/edit/", {"action-submit": "1"})

    assert response.status_code == 302
    target = NewsPage.objects.get(pk=target.pk)
    assert target.slug == "at-the-zorka-camp-children-learned-how-to-spend-their-holidays-safely"
    assert target.workflow_in_progress
    assert not target.live
    assert target.get_latest_revision_as_object().title == TITLE_EN
    told = [message for message in mail.outbox if moderator.email in message.to]
    assert told, "the moderators were not told"
    for message in told:  # in the moderator's language (Ukrainian, the default)
        assert "«Затвердження модераторами»" in message.subject, message.subject


def test_a_slug_the_translator_wrote_is_kept(client, editor, source):
    translation, target = started_translation(source, editor)
    translate(translation, "title", TITLE_EN)
    translate(translation, "slug", "zorka-camp")
    client.force_login(editor)
    client.post(f"/admin/pages/{target.pk}/edit/", {"action-submit": "1"})
    assert NewsPage.objects.get(pk=target.pk).slug == "zorka-camp"


def test_a_translation_locked_by_someone_else_is_not_submitted(client, editor, moderator, source):
    translation, target = started_translation(source, editor)
    translate(translation, "title", TITLE_EN)
    target.locked, target.locked_by = True, moderator
    target.save(update_fields=["locked", "locked_by"])
    client.force_login(editor)
    client.post(f"/admin/pages/{target.pk}/edit/", {"action-submit": "1"})
    target = NewsPage.objects.get(pk=target.pk)
    assert not target.workflow_in_progress
    assert target.get_latest_revision_as_object().title != TITLE_EN
