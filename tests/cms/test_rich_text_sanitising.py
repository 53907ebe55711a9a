"""Rich text is sanitised on save, however it arrived; Wagtail's own rich text survives as is."""

from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from wagtail.admin.rich_text import DraftailRichTextArea
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale
from wagtail.test.utils.form_data import nested_form_data, rich_text

from cms.models import HomePage, LanguageSettings, NewsPage, StandardPage, TeamPage
from cms.rich_text import sanitise_rich_text

pytestmark = pytest.mark.django_db

ATTACKS = [
    ('<p>Hi<script>alert("x")</script></p>', "<p>Hi</p>"),
    ('<p>A<img src="x" onerror="alert(1)">B</p>', "<p>AB</p>"),
    ('<p onclick="alert(1)" onmouseover="alert(2)">Text</p>', "<p>Text</p>"),
    ('<a href="javascript:alert(1)">link</a>', "<a>link</a>"),
    ('<a href=" JaVaScRiPt:alert(1)">link</a>', "<a>link</a>"),
    ('<a href="java&#x09;script:alert(1)">link</a>', "<a>link</a>"),
    ('<a href="data:text/html;base64,PHNjcmlwdD4=">link</a>', "<a>link</a>"),
    ('<p>Map</p><iframe src="https://evil.example/"><p>inside</p></iframe>', "<p>Map</p>"),
    ('<p style="background:url(javascript:alert(1))">Red</p>', "<p>Red</p>"),
    ("<p>A<!-- <script>alert(1)</script> -->B</p>", "<p>AB</p>"),
    ('<svg onload="alert(1)"><circle r="5"/></svg><p>ok</p>', "<p>ok</p>"),
    ("<p>x<!--><script>alert(1)</script>--></p>", "<p>x--&gt;</p>"),
    ('<form action="/admin/"><input name="q"></form><p>ok</p>', "<p>ok</p>"),
    ('<p title="t" class="c" id="i" lang="en" data-x="1">Keep</p>', "<p>Keep</p>"),
    # Attributes Wagtail's rewriters would turn into a server error on the public page
    ('<a linktype="page" id="3 or 1=1">x</a>', '<a linktype="page">x</a>'),
    ('<embed embedtype="image" id="1" format="huge" alt="x"/><p>ok</p>', "<p>ok</p>"),
    ('<embed embedtype="media" url="javascript:alert(1)"/><p>ok</p>', "<p>ok</p>"),
]


@pytest.mark.parametrize(("dirty", "clean"), ATTACKS)
def test_scripts_handlers_bad_links_frames_and_styles_are_removed(dirty, clean):
    assert sanitise_rich_text(dirty) == clean
    assert sanitise_rich_text(clean) == clean  # and the result is stable


def editor_html() -> str:
    """Rich text exactly as Wagtail's editor stores it, with every feature the site offers."""
    contentstate = {
        "blocks": [
            block("k1", "header-two", "Heading", entity=(0, 7, 4)),
            block("k2", "unstyled", 'Tom & "Jerry" <b> it’s\u00a0fine\nnext line', bold=(0, 3)),
            block("k3", "atomic", " ", entity=(0, 1, 0)),
            block("k4", "unordered-list-item", "page link", entity=(0, 4, 1)),
            block("k5", "ordered-list-item", "external", entity=(0, 8, 2)),
            block("k6", "atomic", " ", entity=(0, 1, 3)),
            block("k7", "atomic", " ", entity=(0, 1, 5)),
            block("k8", "header-three", "Mail", entity=(0, 4, 6)),
        ],
        "entityMap": {
            "0": entity("IMAGE", id=5, alt='Рятувальники "на пляжі" & <вода>', format="left"),
            "1": entity("LINK", id=3, url="/pro-ofis/", parentId=1),
            "2": entity("LINK", url="https://example.org/?a=1&b=2"),
            "3": entity("EMBED", url="https://www.youtube.com/watch?v=abc&t=1"),
            "4": entity("DOCUMENT", id=7),
            "5": entity("HORIZONTAL_RULE"),
            "6": entity("LINK", url="mailto:office@example.org"),
        },
    }
    features = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "hr", "link", "document-link"]
    converter = ContentstateConverter(features=[*features, "image", "embed"])
    return converter.to_database_format(json.dumps(contentstate))


def block(key, kind, text, bold=None, entity=None):
    return {
        "key": key,
        "type": kind,
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [{"offset": bold[0], "length": bold[1], "style": "BOLD"}]
        if bold
        else [],
        "entityRanges": [{"offset": entity[0], "length": entity[1], "key": entity[2]}]
        if entity
        else [],
    }


def entity(kind, **data):
    mutable = kind in ("LINK", "DOCUMENT")
    return {"type": kind, "mutability": "MUTABLE" if mutable else "IMMUTABLE", "data": data}


def test_what_wagtails_editor_stores_is_left_byte_for_byte():
    html = editor_html()
    for part in (
        '<embed embedtype="image" format="left" id="5"',
        '<a linktype="page" id="3">',
        '<embed embedtype="media" url="https://www.youtube.com/watch?v=abc&amp;t=1"/>',
        '<a linktype="document" id="7">',
        "<hr/>",
        "<br/>",
        'data-block-key="k2"',
    ):
        assert part in html  # the sample covers what it should
    assert sanitise_rich_text(html) == html


def test_a_rich_text_field_is_sanitised_in_the_revision_and_the_published_page(client, demo):
    home = HomePage.objects.get(locale__language_code="uk")
    home.intro = '<p data-block-key="a1">Вітаємо<script>alert(1)</script></p><iframe src="x">'
    revision = home.save_revision()
    revision.refresh_from_db()
    assert revision.content["intro"] == '<p data-block-key="a1">Вітаємо</p>'

    revision.publish()
    home.refresh_from_db()
    assert home.intro == '<p data-block-key="a1">Вітаємо</p>'
    html = client.get("/").content.decode()
    assert "Вітаємо" in html and "alert(1)" not in html


def test_rich_text_blocks_inside_a_stream_field_are_sanitised(demo):
    news = NewsPage.objects.filter(locale__language_code="uk").first()
    news.body = [
        {"type": "heading", "value": "<b>Not rich text</b>", "id": "h1"},
        {
            "type": "paragraph",
            "value": '<p>Текст <a href="javascript:alert(1)" onclick="x()">тут</a></p>',
            "id": "p1",
        },
    ]
    news.save_revision().publish()
    news = NewsPage.objects.get(pk=news.pk)
    raw = news.body.get_prep_value()
    assert raw[0]["value"] == "<b>Not rich text</b>"  # a CharBlock is escaped when shown
    assert raw[1]["value"] == "<p>Текст <a>тут</a></p>"
    revision = json.loads(news.get_latest_revision().content["body"])
    assert revision[1]["value"] == "<p>Текст <a>тут</a></p>"


def test_snippets_and_other_models_are_sanitised_on_any_save(demo):
    settings_row = LanguageSettings.objects.get(locale__language_code="uk")
    settings_row.footer_text = '<p style="position:fixed">© Офіс<img src=x onerror=alert(1)></p>'
    settings_row.save(update_fields=["footer_text"])
    settings_row.refresh_from_db()
    assert settings_row.footer_text == "<p>© Офіс</p>"

    team = TeamPage.objects.get(locale__language_code="uk")
    team.council_text = "<p>Рада<object data=x></object></p>"
    team.save()
    assert TeamPage.objects.get(pk=team.pk).council_text == "<p>Рада</p>"


def test_links_and_embeds_round_trip_through_the_admin_edit_form(client, demo, media):
    """An editor saves rich text with a page link, a document link and an image; the stored
    HTML is what Wagtail's editor wrote, the edit form shows it again, saving it again changes
    nothing, and the published page renders the picture and the links."""
    image = Image.objects.create(title="Пляж", file=get_test_image_file(size=(1200, 800)))
    document = Document.objects.create(
        title="Протокол", file=ContentFile(b"%PDF-1.7\n%%EOF\n", name="protocol.pdf")
    )
    target = StandardPage.objects.filter(locale__language_code="uk").first()
    html = (
        f'<h2>Про офіс</h2><p>Див. <a linktype="page" id="{target.pk}">сторінку</a> і '
        f'<a linktype="document" id="{document.pk}">протокол</a>.</p>'
        f'<embed embedtype="image" id="{image.pk}" format="left" alt="Рятувальники на пляжі"/>'
        "<hr/><ul><li><b>Пункт</b></li></ul>"
    )
    home = HomePage.objects.get(locale__language_code="uk")
    editor = get_user_model().objects.create_user("editor-rich-text", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    url = f"/admin/pages/{home.pk}/edit/"

    def save(contentstate: str) -> str:
        data = nested_form_data(
            {
                "title": home.title,
                "slug": home.slug,
                "intro": contentstate,
                "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            }
        )
        response = client.post(url, data)
        assert response.status_code == 302, response.context["form"].errors
        return HomePage.objects.get(pk=home.pk).get_latest_revision().content["intro"]

    contentstate = rich_text(html)  # what the editor's browser posts
    stored = save(contentstate)
    # exactly what the editor's widget makes of the POST, nothing taken away or rewritten
    widget = DraftailRichTextArea()
    assert stored == widget.value_from_datadict({"intro": contentstate}, {}, "intro")
    assert f'<embed embedtype="image" format="left" id="{image.pk}"' in stored
    assert f'<a linktype="page" id="{target.pk}">' in stored
    assert f'<a linktype="document" id="{document.pk}">' in stored

    form = client.get(url).context["form"]
    assert form["intro"].value() == stored
    assert save(form["intro"].field.widget.format_value(stored)) == stored

    HomePage.objects.get(pk=home.pk).get_latest_revision().publish()
    public = client.get("/").content.decode()
    assert 'alt="Рятувальники на пляжі"' in public and "<img" in public
    assert f'href="{target.url}"' in public
    assert f'href="{document.url}"' in public


def test_a_translation_saved_in_code_is_sanitised_too(demo):
    home = HomePage.objects.get(locale__language_code="uk")
    english = home.get_translation_or_none(Locale.objects.get(language_code="en"))
    assert english is not None
    english.intro = '<p>Welcome</p><a href="vbscript:msgbox(1)">x</a>'
    english.save_revision().publish()
    assert HomePage.objects.get(pk=english.pk).intro == "<p>Welcome</p><a>x</a>"
