"""Real files for the upload tests, and the admin's upload views as an editor sends to them.

Every file here is real: pictures drawn with Pillow, a PDF with its cross-reference table,
Word, Excel and OpenDocument packages built with zipfile.
"""

from __future__ import annotations

import io
import os
import struct
import zipfile
import zlib
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage

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


# --- The admin's upload views ----------------------------------------------------------------


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
