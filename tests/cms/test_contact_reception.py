"""When and where residents can come: the contact page's reception schedule, kept by editors in
each language, shown with its street address on the contact page and in every page's footer."""

from __future__ import annotations

import datetime
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from cms.models import ContactPage
from cms.models.reception import ReceptionSlotBlock, reception_rows

pytestmark = pytest.mark.django_db

SHOWN = {
    "uk": ["Вівторок: 10:00–13:00", "Четвер: 14:00–17:00", "Двічі на тиждень", "демонстраційна"],
    "en": ["Tuesday: 10:00–13:00", "Thursday: 14:00–17:00", "Twice a week", "demo address"],
}


def contact(lang: str) -> ContactPage:
    return ContactPage.objects.get(locale__language_code=lang)


def footer(html: str) -> str:
    return html.split('class="site-footer"', 1)[1]


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_the_contact_page_shows_reception_days_hours_and_street_address(client, demo, lang):
    page = contact(lang)
    html = client.get(page.url).content.decode()
    reception = html.split('id="reception-heading"', 1)[1].split("</section>", 1)[0]
    for text in SHOWN[lang]:
        assert text in reception
    assert '<address itemprop="address"' in reception
    assert f'<span itemprop="streetAddress">{page.street_address}</span>' in reception
    assert 'itemtype="https://schema.org/GovernmentOffice"' in reception
    assert '<meta itemprop="openingHours" content="Tu 10:00-13:00">' in reception
    assert '<meta itemprop="openingHours" content="Th 14:00-17:00">' in reception


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_every_page_footer_shows_the_reception(client, demo, lang):
    html = client.get("/" if lang == "uk" else "/en/initiatives/").content.decode()
    for text in SHOWN[lang][:2]:
        assert text in footer(html)
    assert contact(lang).street_address in footer(html)


def test_the_footer_follows_a_published_schedule(client, demo):
    assert "10:00–13:00" in footer(client.get("/").content.decode())
    page = contact("uk")
    page.reception_schedule = [
        ("slot", {"weekday": "4", "starts": datetime.time(9), "ends": datetime.time(12, 30)})
    ]
    page.save_revision().publish()
    html = client.get("/").content.decode()  # the cached page and navigation are renewed
    assert "09:00–12:30" in footer(html)
    assert "Вівторок" not in footer(html)


def test_a_reception_must_end_after_it_starts():
    block = ReceptionSlotBlock()
    value = block.to_python({"weekday": "1", "starts": "13:00:00", "ends": "10:00:00"})
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(value)
    assert "ends" in raised.value.block_errors
    same = block.to_python({"weekday": "1", "starts": "10:00:00", "ends": "10:00:00"})
    with pytest.raises(StructBlockValidationError):
        block.clean(same)
    block.clean(block.to_python({"weekday": "1", "starts": "10:00:00", "ends": "13:00:00"}))


def test_days_with_the_same_hours_read_as_one_line():
    ten, one = datetime.time(10), datetime.time(13)
    rows = reception_rows(
        [
            {"weekday": "3", "starts": ten, "ends": one},
            {"weekday": "1", "starts": ten, "ends": one},
            {"weekday": "4", "starts": datetime.time(14), "ends": datetime.time(16)},
        ]
    )
    assert [row["opening_hours"] for row in rows] == ["Tu,Th 10:00-13:00", "Fr 14:00-16:00"]


def test_an_editor_is_told_when_a_reception_ends_before_it_starts(client, demo):
    editor = get_user_model().objects.create_user("reception-editor", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    page = contact("uk")
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text(""),
            "thank_you_text": rich_text(""),
            "street_address": "вул. Центральна, 1",
            "locality": "м. Татарбунари",
            "reception_schedule": streamfield(
                [("slot", {"weekday": "1", "starts": "13:00", "ends": "10:00"})]
            ),
            "reception_note": "",
            "honeypot": "on",
            "from_address": "",
            "to_address": "",
            "subject": "",
            "form_fields": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 200  # the form again, not a redirect
    html = response.content.decode()
    # The StreamField widget carries block errors in JSON, where non-ASCII text is escaped.
    message = "Прийом має закінчуватися пізніше, ніж починається."
    assert message in html or json.dumps(message)[1:-1] in html
    page.refresh_from_db()
    assert [slot.value["starts"] for slot in page.reception_schedule] == [
        datetime.time(10),
        datetime.time(14),
    ]  # nothing saved
