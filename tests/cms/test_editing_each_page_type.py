"""For every page type: an editor creates it in the admin and submits it, a moderator approves,
and the page is published at a Latin address, in Ukrainian and as an English translation."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.text import slugify
from wagtail.models import Locale, Page, WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms import models

pytestmark = pytest.mark.django_db

EMPTY = streamfield([])
NONE = inline_formset([])

#: page type → (parent type, its required form data besides title and slug)
PAGE_TYPES = {
    models.StandardPage: (models.HomePage, {"intro": "Вступ", "body": EMPTY}),
    models.PriorityAreaPage: (
        models.PriorityAreaIndexPage,
        {"intro": "Вступ", "activities": streamfield([("activity", "Зустрічі")]), "body": EMPTY},
    ),
    models.NewsPage: (
        models.NewsIndexPage,
        {
            "date": "2026-11-20",
            "intro": "Коротко",
            "lead_image_alt": "",
            "lead_image_caption": "",
            "tags": "пляж",
            "authors": NONE,
            "body": streamfield([("paragraph", rich_text("<p>Текст</p>"))]),
            "related_pages": NONE,
        },
    ),
    models.CampaignPage: (
        models.CampaignIndexPage,
        {
            "start_date": "2026-06-01",
            "end_date": "",
            "intro": "Літо",
            "places": streamfield([("item", "Лебедівка")]),
            "target_groups": EMPTY,
            "goals": EMPTY,
            "partners": NONE,
            "results": streamfield([("figure", {"value": "12", "label": "рейдів"})]),
            "body": EMPTY,
            "gallery": EMPTY,
            "news_links": NONE,
        },
    ),
    models.EventPage: (
        models.EventIndexPage,
        {
            "start": "2026-12-19 10:00",
            "end": "2026-12-19 13:00",
            "location": "Одеса",
            "intro": "Форум",
            "frequency": "weekly",
            "interval": "1",
            "repeat_until": "",
            "body": EMPTY,
        },
    ),
    models.CampaignIndexPage: (models.HomePage, {"intro": ""}),
    models.EventIndexPage: (models.HomePage, {"intro": ""}),
    models.NewsIndexPage: (models.HomePage, {"intro": ""}),
    models.PriorityAreaIndexPage: (models.HomePage, {"intro": ""}),
    models.MemorandumPage: (
        models.HomePage,
        {
            "intro": "",
            "body": EMPTY,
            "signatory_totals": inline_formset([{"date": "2017-02-01", "count": "16", "note": ""}]),
        },
    ),
    models.TeamPage: (
        models.HomePage,
        {"intro": "", "council_text": rich_text(""), "mentors_text": rich_text("")},
    ),
    models.ContactPage: (
        models.HomePage,
        {
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "street_address": "вул. Центральна, 1",
            "locality": "м. Татарбунари",
            "reception_schedule": streamfield(
                [("slot", {"weekday": "1", "starts": "10:00", "ends": "13:00"})]
            ),
            "reception_note": "",
            "honeypot": "on",
            "from_address": "",
            "to_address": "",
            "subject": "",
            "form_fields": inline_formset(
                [
                    {
                        "label": "Повідомлення",
                        "field_type": "multiline",
                        "required": "on",
                        "choices": "",
                        "default_value": "",
                        "help_text": "",
                    }
                ]
            ),
        },
    ),
}


def member_of(group_name: str):
    user = get_user_model().objects.create_user(f"{group_name.lower()}-user", password="x")
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.mark.parametrize("model", list(PAGE_TYPES), ids=lambda m: m.__name__)
def test_editor_creates_and_submits_moderator_publishes(client, demo, model):
    parent_model, fields = PAGE_TYPES[model]
    parent = parent_model.objects.get(locale__language_code="uk")
    if model.max_count_per_parent == 1:  # the demo has this one already: make room
        model.objects.child_of(parent).delete()
    editor, moderator = member_of("Editors"), member_of("Moderators")
    client.force_login(editor)
    title = f"Тестова сторінка {model.__name__}"
    data = nested_form_data(
        {
            "title": title,
            "slug": slugify(title, allow_unicode=True),  # as the editor's slug sync types it
            "comments": NONE,
            **fields,
            "action-submit": "submit",
        }
    )
    if model is models.EventPage:
        data["weekdays"] = ["TH", "TU"]  # check boxes: one value per box
    url = f"/admin/pages/add/cms/{model._meta.model_name}/{parent.pk}/"
    response = client.post(url, data)
    if response.status_code != 302:
        form = response.context["form"]
        pytest.fail(f"{form.errors.as_text()} {[f.errors for f in form.formsets.values()]}")
    page = model.objects.get(title=title)
    assert not page.live
    if model is models.EventPage:  # check boxes in the form, iCalendar codes in the row
        assert page.weekdays == "TU,TH"
    assert page.slug.isascii() and page.slug.startswith("testova-storinka")

    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    state.current_task_state.task.specific.on_action(state.current_task_state, moderator, "approve")
    page.refresh_from_db()
    assert page.live
    assert client.get(page.url).status_code == 200

    english = page.copy_for_translation(Locale.objects.get(language_code="en"), copy_parents=True)
    english.title = f"Test page {model.__name__}"
    english.slug = f"test-page-{model._meta.model_name}"
    english.save_revision().publish()
    english.refresh_from_db()
    html = client.get(english.url).content.decode()
    assert '<html lang="en">' in html and english.title in html


def test_every_page_type_is_covered():
    concrete = {
        model
        for model in vars(models).values()
        if isinstance(model, type) and issubclass(model, Page) and not model._meta.abstract
    }
    assert concrete - {models.HomePage} == set(PAGE_TYPES)
