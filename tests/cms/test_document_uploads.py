"""Documents are accepted for what their bytes are, and served so that a browser never runs them.

Uploads go through the admin's own views as an editor would send them; a refused file leaves no
row and nothing under MEDIA_ROOT. The files are real (``tests/upload_files.py``).
"""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import UploadedFile

from tests.factories.users import UserFactory
from tests.upload_files import (
    CSV,
    HTML,
    SVG,
    add_document,
    file_error_codes,
    office_open_xml,
    open_document,
    pdf,
    picture,
    plain_zip,
    stored_files,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    user = UserFactory(groups=["Editors"])
    client.force_login(user)
    return user


GOOD_DOCUMENTS = {
    "protocol.pdf": (pdf(), "application/pdf"),
    "decision.docx": (
        office_open_xml("docx"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "cameras.xlsx": (
        office_open_xml("xlsx"),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
    "plan.odt": (open_document("odt"), "application/vnd.oasis.opendocument.text"),
    "budget.ods": (open_document("ods"), "application/vnd.oasis.opendocument.spreadsheet"),
    "cameras.csv": (b"\xef\xbb\xbf" + CSV, "text/csv; charset=utf-8"),  # Excel's "CSV UTF-8"
    "notes.txt": ("Графік прийому громадян\n".encode(), "text/plain; charset=utf-8"),
}


@pytest.mark.parametrize("name", list(GOOD_DOCUMENTS))
def test_editor_uploads_a_real_document_and_it_is_served_safely(client, editor, media, name):
    content, content_type = GOOD_DOCUMENTS[name]
    response = add_document(client, name, content)
    assert response.status_code == 302, response.context["form"].errors
    document = Document.objects.get(title="Документ")

    served = client.get(document.url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content) == content
    assert served["Content-Type"] == content_type
    assert served["X-Content-Type-Options"] == "nosniff"
    assert served["Content-Security-Policy"] == "default-src 'none'"
    disposition = served.get("Content-Disposition", "")
    if name.endswith(".pdf"):
        assert not disposition.startswith("attachment")
    else:
        assert disposition.startswith("attachment")


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("report.pdf", HTML, "document_is_web_page"),
        ("report.pdf", picture(), "content_does_not_match_extension"),
        ("report.pdf", pdf()[:-200], "pdf_incomplete"),
        ("report.docx", plain_zip(), "content_does_not_match_extension"),
        ("report.docx", office_open_xml("xlsx"), "content_does_not_match_extension"),
        ("report.docx", office_open_xml("docm"), "document_has_macros"),
        ("report.docx", pdf(), "content_does_not_match_extension"),
        ("report.xlsx", office_open_xml("docx"), "content_does_not_match_extension"),
        ("report.odt", open_document("ods"), "content_does_not_match_extension"),
        ("report.ods", office_open_xml("xlsx"), "content_does_not_match_extension"),
        ("notes.txt", SVG, "document_is_web_page"),
        ("notes.txt", b"\n\n  <p>Hello</p>", "document_is_web_page"),
        ("data.csv", CSV + b"<script src=//evil.example/x.js></script>\n", "document_is_web_page"),
        ("data.csv", "Камера,Стан\n".encode("cp1251"), "text_not_utf8"),
        ("notes.txt", picture(), "text_has_binary_data"),
    ],
    ids=[
        "html-as-pdf",
        "png-as-pdf",
        "truncated-pdf",
        "zip-as-docx",
        "xlsx-as-docx",
        "docm-as-docx",
        "pdf-as-docx",
        "docx-as-xlsx",
        "ods-as-odt",
        "xlsx-as-ods",
        "svg-as-txt",
        "html-as-txt",
        "script-in-csv",
        "cp1251-csv",
        "png-as-txt",
    ],
)
def test_a_document_whose_content_does_not_match_its_name_is_refused(
    client, editor, media, name, content, code
):
    before = Document.objects.count()
    response = add_document(client, name, content)
    assert file_error_codes(response) == [code]
    assert Document.objects.count() == before
    assert stored_files(media) == []


def test_a_document_type_outside_the_list_is_refused_by_name(client, editor, media):
    response = add_document(client, "page.html", HTML)
    assert response.status_code == 200
    assert "file" in response.context["form"].errors
    assert stored_files(media) == []


def test_an_allowed_type_without_a_content_check_is_refused(client, editor, media, settings):
    settings.WAGTAILDOCS_EXTENSIONS = [*settings.WAGTAILDOCS_EXTENSIONS, "html"]
    response = add_document(client, "page.html", b"<p>Hello</p>")
    assert file_error_codes(response) == ["document_type_not_checked"]
    assert stored_files(media) == []


def test_a_document_over_the_size_limit_is_refused(client, editor, media, settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 25 * 1024 * 1024
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024  # read when the form is built
    response = add_document(client, "cameras.csv", CSV * 100)
    assert file_error_codes(response) == ["file_too_large"]
    assert stored_files(media) == []


def test_the_document_multiple_uploader_and_chooser_refuse_disguised_files(client, editor, media):
    before = Document.objects.count()
    multiple = client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile("a.pdf", HTML)}
    )
    assert json.loads(multiple.content)["success"] is False
    chooser = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Документ",
            "document-chooser-upload-file": SimpleUploadedFile("b.docx", plain_zip()),
        },
    )
    assert json.loads(chooser.content)["step"] == "reshow_creation_form"
    assert Document.objects.count() == before
    assert not UploadedFile.objects.exists()
    assert stored_files(media) == []

    accepted = client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile("c.pdf", pdf())}
    )
    assert json.loads(accepted.content)["success"] is True
    assert Document.objects.count() == before + 1
