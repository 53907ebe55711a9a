"""Images and documents are accepted for what their bytes are, within size limits.

Every file here is real: pictures drawn with Pillow, a PDF with its cross-reference table,
Word, Excel and OpenDocument packages built with zipfile. Uploads go through the admin's own
views as an editor would send them; a refused file leaves no row and nothing under MEDIA_ROOT.
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import UploadedFile

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent


# --- Real files ------------------------------------------------------------------------------


def picture(image_format: str = "PNG", size: tuple[int, int] = (64, 48)) -> bytes:
    """A real picture: a gradient, so that every format has something to compress."""
    image = PILImage.linear_gradient("L").resize(size).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, image_format)
    return buffer.getvalue()


def noise(image_format: str, size: tuple[int, int]) -> bytes:
    """A picture of random pixels: it hardly compresses, so its size is predictable."""
    image = PILImage.frombytes("RGB", size, os.urandom(size[0] * size[1] * 3))
    buffer = io.BytesIO()
    image.save(buffer, image_format, **({"compress_level": 1} if image_format == "PNG" else {}))
    return buffer.getvalue()


def png_bomb(width: int, height: int) -> bytes:
    """A valid greyscale PNG of width × height black pixels: ~140 KB that decode to 144 MB."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    compressor = zlib.compressobj(9)
    row = bytes(width + 1)  # filter byte + pixels
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def pdf(text: str = "Protocol of the council session") -> bytes:
    """A minimal PDF 1.7 that readers open: catalogue, page tree, page, font, content stream."""
    stream = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
    ]
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


OOXML = {
    "docx": (
        "word/document.xml",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>Протокол засідання</w:t></w:r></w:p></w:body></w:document>",
    ),
    "xlsx": (
        "xl/workbook.xml",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheets><sheet name="Камери" sheetId="1"/></sheets></workbook>',
    ),
    "docm": (
        "word/document.xml",
        "application/vnd.ms-word.document.macroEnabled.main+xml",
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body/></w:document>",
    ),
}


def office_open_xml(kind: str) -> bytes:
    """A Word document or Excel workbook package ([Content_Types].xml, rels, main part)."""
    part, content_type, body = OOXML[kind]
    overrides = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
    if kind == "docm":
        overrides += (
            '<Override PartName="/word/vbaProject.bin" '
            'ContentType="application/vnd.ms-office.vbaProject"/>'
        )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f"{overrides}</Types>",
        )
        package.writestr(
            "_rels/.rels",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            f'relationships/officeDocument" Target="{part}"/></Relationships>',
        )
        package.writestr(part, body)
        if kind == "docm":
            package.writestr(
                "word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
            )
    return buffer.getvalue()


def open_document(kind: str) -> bytes:
    """An OpenDocument text or spreadsheet: ``mimetype`` first and stored, then the manifest."""
    mimetype = {
        "odt": "application/vnd.oasis.opendocument.text",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
    }[kind]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        package.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
            ' manifest:version="1.3">'
            f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
            '<manifest:file-entry manifest:full-path="content.xml" '
            'manifest:media-type="text/xml"/></manifest:manifest>',
        )
        package.writestr(
            "content.xml",
            "<office:document-content "
            'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.3">'
            "<office:body/></office:document-content>",
        )
    return buffer.getvalue()


def plain_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as package:
        package.writestr("readme.txt", "not an office document")
    return buffer.getvalue()


HTML = b"<!DOCTYPE html><html><body><script>fetch('/admin/')</script></body></html>"
SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)
PHP = b"<?php system($_GET['c']); ?>\n"
CSV = "Камера,Стан\nTB-001,працює\n".encode()


# --- Fixtures and helpers --------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_user("editor-uploads", password="x")
    user.groups.add(Group.objects.get(name="Editors"))
    client.force_login(user)
    return user


def stored_files(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()]


def file_error_codes(response) -> list[str]:
    assert response.status_code == 200, "the form was not shown again with errors"
    return [error.code for error in response.context["form"].errors.as_data().get("file", [])]


def add_image(client, name: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Світлина", "file": SimpleUploadedFile(name, content), "tags": ""},
    )


def add_document(client, name: str, content: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Документ", "file": SimpleUploadedFile(name, content), "tags": ""},
    )


# --- Images ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "image_format"),
    [
        ("beach.png", "PNG"),
        ("beach.jpg", "JPEG"),
        ("beach.jpeg", "JPEG"),
        ("beach.webp", "WEBP"),
        ("beach.gif", "GIF"),
        ("beach.avif", "AVIF"),
    ],
)
def test_editor_uploads_a_real_picture(client, editor, media, name, image_format):
    response = add_image(client, name, picture(image_format))
    assert response.status_code == 302, response.context["form"].errors
    image = Image.objects.get(title="Світлина")
    assert (image.width, image.height) == (64, 48)
    assert Path(image.file.path).is_file()


@pytest.mark.parametrize(
    ("name", "content", "codes"),
    [
        # Not a picture at all, whatever the name says
        ("shell.jpg", PHP, {"invalid_image"}),
        ("page.png", HTML, {"invalid_image", "invalid_image_known_format"}),
        # An SVG (script inside) under a raster name, and under its own
        ("logo.png", SVG, {"invalid_image_known_format"}),
        ("logo.svg", SVG, {"invalid_image_extension"}),
        # A real picture whose name claims another format
        ("photo.png", picture("JPEG"), {"invalid_image_known_format"}),
        # Formats Pillow reads but the site does not take
        ("scan.tiff", picture("TIFF"), {"invalid_image_extension"}),
        ("scan.jpg", picture("BMP"), {"invalid_image_known_format"}),
    ],
    ids=["php", "html", "svg-as-png", "svg", "jpeg-as-png", "tiff", "bmp-as-jpg"],
)
def test_a_file_that_is_not_a_real_picture_of_its_type_is_refused(
    client, editor, media, name, content, codes
):
    before = Image.objects.count()
    response = add_image(client, name, content)
    assert set(file_error_codes(response)) & codes
    assert Image.objects.count() == before
    assert stored_files(media) == []


def test_a_truncated_picture_is_refused_though_its_header_is_valid(client, editor, media):
    """Wagtail reads only the header; the whole picture is decoded before it is accepted."""
    whole = noise("JPEG", (400, 300))
    response = add_image(client, "cut.jpg", whole[: len(whole) // 2])
    assert file_error_codes(response) == ["image_damaged"]
    assert not Image.objects.filter(title="Світлина").exists()
    assert stored_files(media) == []


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_a_decompression_bomb_is_refused_from_its_header_before_decoding(
    client, editor, media, settings
):
    bomb = png_bomb(12_000, 12_000)
    assert len(bomb) < 200_000  # small on the wire, 144 megapixels once decoded
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS == 60_000_000
    response = add_image(client, "bomb.png", bomb)
    # Ours, not Wagtail's "file_too_many_pixels", which it finds only after decoding.
    assert file_error_codes(response) == ["image_too_many_pixels"]
    assert stored_files(media) == []


def test_a_picture_within_the_pixel_limit_is_accepted_and_one_over_it_is_not(
    client, editor, media, settings
):
    settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS = 64 * 48
    assert add_image(client, "fits.png", picture(size=(64, 48))).status_code == 302
    response = add_image(client, "over.png", picture(size=(64, 49)))
    assert file_error_codes(response) == ["image_too_many_pixels"]


def test_an_svg_is_refused_even_if_svg_is_added_to_the_allowed_extensions(
    client, editor, media, settings
):
    settings.WAGTAILIMAGES_EXTENSIONS = [*settings.WAGTAILIMAGES_EXTENSIONS, "svg"]
    response = add_image(client, "logo.svg", SVG)
    assert file_error_codes(response) == ["image_format_not_allowed"]
    assert stored_files(media) == []


def test_a_picture_over_10_mb_is_refused(client, editor, media, settings):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * 1024 * 1024
    big = noise("PNG", (2000, 1800))  # 10.8 MB
    assert len(big) > settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    response = add_image(client, "big.png", big)
    assert file_error_codes(response) == ["file_too_large"]
    assert stored_files(media) == []


def test_the_multiple_uploader_refuses_a_disguised_file_and_stores_nothing(client, editor, media):
    good = client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile("a.png", picture())}
    )
    assert json.loads(good.content)["success"] is True
    files_after_good = stored_files(media)
    before = Image.objects.count()

    bad = client.post(
        reverse("wagtailimages:add_multiple"), {"files[]": SimpleUploadedFile("b.png", SVG)}
    )
    assert json.loads(bad.content)["success"] is False
    assert Image.objects.count() == before
    assert not UploadedFile.objects.exists()
    assert stored_files(media) == files_after_good


def test_the_image_chooser_upload_refuses_a_disguised_file(client, editor, media):
    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Світлина",
            "image-chooser-upload-file": SimpleUploadedFile("x.jpg", PHP),
        },
    )
    assert json.loads(response.content)["step"] == "reshow_creation_form"
    assert not Image.objects.filter(title="Світлина").exists()
    assert stored_files(media) == []


def test_replacing_an_image_file_is_checked_too(client, editor, media):
    add_image(client, "beach.png", picture())
    image = Image.objects.get(title="Світлина")
    original = image.file.name
    response = client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Світлина", "file": SimpleUploadedFile("beach.png", SVG), "tags": ""},
    )
    assert "invalid_image_known_format" in file_error_codes(response)
    image.refresh_from_db()
    assert image.file.name == original


# --- Documents -------------------------------------------------------------------------------

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


def test_large_files_within_the_limits_are_accepted(client, editor, media, settings):
    """Past FILE_UPLOAD_MAX_MEMORY_SIZE Django spools an upload to a temporary file."""
    photo = noise("PNG", (1000, 1000))
    table = CSV * (3 * 1024 * 1024 // len(CSV))
    assert min(len(photo), len(table)) > settings.FILE_UPLOAD_MAX_MEMORY_SIZE
    assert add_image(client, "photo.png", photo).status_code == 302
    assert add_document(client, "table.csv", table).status_code == 302
    assert Document.objects.get(title="Документ").file.read() == table


def test_upload_limits_come_from_the_environment():
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.WAGTAILIMAGES_MAX_UPLOAD_SIZE, s.WAGTAILIMAGES_MAX_IMAGE_PIXELS, "
        "s.WAGTAILDOCS_MAX_UPLOAD_SIZE)"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "IMAGE_UPLOAD_MAX_MB": "3",
        "IMAGE_MAX_MEGAPIXELS": "20",
        "DOCUMENT_UPLOAD_MAX_MB": "7",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert result.stdout.split() == [str(3 * 1024 * 1024), "20000000", str(7 * 1024 * 1024)]
