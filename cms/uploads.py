"""Images and documents are accepted for what their bytes are, not for their names.

The forms here are Wagtail's own image and document forms with one more check on the file
(``WAGTAILIMAGES_IMAGE_FORM_BASE`` and ``WAGTAILDOCS_DOCUMENT_FORM_BASE`` in the settings), so
the check runs wherever Wagtail builds those forms: the add and edit views, the multiple
uploader and the choosers. A refused file is a form error on the file field, so nothing is
stored, not even as a pending upload.

* **Images.** Wagtail already compares the format it detects with the extension, limits the
  size and the pixel count, and refuses SVG unless "svg" is among the allowed extensions. On
  top of that the pixel count is read from the header before anything decodes the picture
  (Wagtail counts after decoding, so a decompression bomb would take its memory first), and
  then the whole picture is decoded with Pillow, restricted to the one format its extension
  names: a truncated or corrupt file (which Wagtail answers with a server error), or any
  format outside JPEG, PNG, WebP, GIF and AVIF (SVG included, whatever the settings say),
  never reaches the library.
* **Documents.** Each allowed extension has a check of its structure: a PDF starts with
  ``%PDF-`` and ends with ``%%EOF``; .docx and .xlsx are ZIP packages whose
  ``[Content_Types].xml`` declares a Word document or an Excel workbook (and no macros); .odt
  and .ods are ZIP packages whose ``mimetype`` entry says so; .csv and .txt are UTF-8 text
  without NUL bytes. A file that starts like a web page (the browsers' own HTML sniffing
  patterns, plus SVG and XML) or carries script tags is refused whatever its name. An extension
  without a check here is refused, so adding one to ``WAGTAILDOCS_EXTENSIONS`` needs a check.

Small explicit checks rather than a sniffing library: ``filetype`` and ``puremagic`` recognise
a format by its first bytes (a ZIP is a .docx if a ``word/`` name appears early on), which is
the question of what a file claims to be; here the question is whether it really is that
format, and the standard library's ``zipfile`` and UTF-8 decoder answer that exactly.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from collections.abc import Callable
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _
from PIL import Image, ImageSequence
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

#: Extension → the one Pillow format such a file may be in. No SVG: it is a document that can
#: carry script, and it is refused even if someone adds "svg" to WAGTAILIMAGES_EXTENSIONS.
IMAGE_FORMATS = {
    "jpg": "JPEG",
    "jpeg": "JPEG",
    "png": "PNG",
    "webp": "WEBP",
    "gif": "GIF",
    "avif": "AVIF",
}

#: What browsers take for HTML or XML when they sniff (WHATWG MIME Sniffing, "identify an
#: unknown MIME type"), after leading whitespace, plus SVG.
_WEB_PAGE_START = re.compile(
    rb"[\t\n\x0c\r ]*(?:"
    rb"<(?:!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p"
    rb"|!--|svg)[ >]|<\?xml)",
    re.IGNORECASE,
)
#: Active web content anywhere in a text document.
_WEB_CODE = re.compile(
    rb"<(?:script|iframe|object|embed|svg|html|body|!doctype|\?xml)[\s/>]", re.IGNORECASE
)
_HEAD_BYTES = 1445  # how much of a resource browsers sniff
_CHUNK = 64 * 1024

#: The main part's content type that makes a ZIP package a Word document or Excel workbook.
_OOXML_MAIN_PART = {
    "docx": b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "xlsx": b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
}
_ODF_MIMETYPE = {
    "odt": b"application/vnd.oasis.opendocument.text",
    "ods": b"application/vnd.oasis.opendocument.spreadsheet",
}
_LARGEST_PACKAGE_INDEX = 1024 * 1024  # [Content_Types].xml is a few kilobytes


def _extension(file: UploadedFile) -> str:
    return PurePath(getattr(file, "name", None) or "").suffix.lower().lstrip(".")


def _not_what_it_says(extension: str) -> ValidationError:
    return ValidationError(
        _("This file is not a real .%(extension)s file: its contents do not match its name."),
        code="content_does_not_match_extension",
        params={"extension": extension},
    )


# --- Images ----------------------------------------------------------------------------------


def check_image_pixels(file: UploadedFile) -> None:
    """Refuse a picture of more than ``WAGTAILIMAGES_MAX_IMAGE_PIXELS`` (width × height ×
    frames) from its header alone, before anything decodes it.

    Wagtail counts pixels only after Willow has decoded the picture, so a small file that
    unpacks to a huge one (a decompression bomb) would take its memory first.
    """
    expected = IMAGE_FORMATS.get(_extension(file))
    max_pixels = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 128_000_000)
    if expected is None or not max_pixels:
        return  # Wagtail refuses the extension, or the limit is switched off
    file.seek(0)
    try:
        with Image.open(file, formats=[expected]) as picture:  # reads the header only
            pixels = picture.width * picture.height * getattr(picture, "n_frames", 1)
    except Image.DecompressionBombError:
        pixels = None  # Pillow's own limit, twice its MAX_IMAGE_PIXELS
    except Exception:  # not this format: Wagtail's own checks say what is wrong with it
        return
    finally:
        file.seek(0)
    if pixels is None or pixels > max_pixels:
        raise ValidationError(
            _("This image has too many pixels; the limit is %(limit)s million."),
            code="image_too_many_pixels",
            params={"limit": max_pixels // 1_000_000},
        )


def check_image_content(file: UploadedFile) -> None:
    """Refuse a file that is not a complete, decodable picture in the format of its extension.

    Every frame is decoded, with Pillow limited to the one format the extension names.
    """
    extension = _extension(file)
    expected = IMAGE_FORMATS.get(extension)
    if expected is None:
        raise ValidationError(
            _("Only JPEG, PNG, WebP, GIF and AVIF images can be uploaded."),
            code="image_format_not_allowed",
        )
    check_image_pixels(file)
    file.seek(0)
    try:
        with Image.open(file, formats=[expected]) as picture:
            for frame in ImageSequence.Iterator(picture):
                frame.load()
    except Exception as error:  # whatever a hostile file makes a decoder raise
        raise _damaged_image(extension) from error
    finally:
        file.seek(0)


def _damaged_image(extension: str) -> ValidationError:
    return ValidationError(
        _("This image is damaged or incomplete, or it is not really a .%(extension)s file."),
        code="image_damaged",
        params={"extension": extension},
    )


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, whose file must also decode completely (``check_image_content``)."""

    def to_python(self, data):
        if hasattr(data, "read"):
            check_image_pixels(data)
        try:
            file = super().to_python(data)
        except ValidationError:
            raise
        except Exception as error:
            # Willow decodes the whole picture to read its size, and Wagtail catches only
            # decompression bombs there: a truncated file would answer with a server error.
            raise _damaged_image(_extension(data)) from error
        if file is not None:
            check_image_content(file)
        return file


class CheckedImageForm(BaseImageForm):
    """Wagtail's image form, refusing files whose content is not a supported picture."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        # Wagtail builds the file field itself (formfield_for_dbfield); declaring one here
        # would also put it into the multiple uploader's edit form, which leaves it out. The
        # instance keeps its label, widget, limits and messages and gains the content check.
        field = self.fields.get("file")
        if type(field) is WagtailImageField:
            field.__class__ = CheckedImageField


# --- Documents -------------------------------------------------------------------------------


def _check_pdf(file: UploadedFile, extension: str) -> None:
    file.seek(0)
    if not re.match(rb"%PDF-[12]\.[0-9]", file.read(8)):
        raise _not_what_it_says(extension)
    file.seek(max(0, file.size - 1024))
    if b"%%EOF" not in file.read():
        raise ValidationError(_("This PDF file is incomplete or damaged."), code="pdf_incomplete")


def _open_package(file: UploadedFile, extension: str) -> zipfile.ZipFile:
    file.seek(0)
    try:
        return zipfile.ZipFile(file)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _not_what_it_says(extension) from error


def _read_entry(package: zipfile.ZipFile, name: str, limit: int) -> bytes | None:
    """An entry's bytes, at most ``limit`` of them decompressed (no ZIP bomb), or None."""
    try:
        with package.open(name) as entry:
            return entry.read(limit + 1)
    except (KeyError, zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        return None


def _check_office_open_xml(file: UploadedFile, extension: str) -> None:
    with _open_package(file, extension) as package:
        names = package.namelist()
        index = _read_entry(package, "[Content_Types].xml", _LARGEST_PACKAGE_INDEX)
    if index is None or len(index) > _LARGEST_PACKAGE_INDEX:
        raise _not_what_it_says(extension)
    if b"macroEnabled" in index or any(n.lower().endswith("vbaproject.bin") for n in names):
        raise ValidationError(
            _(
                "Documents with macros cannot be uploaded. Save the file without macros "
                "(as .docx or .xlsx) and upload it again."
            ),
            code="document_has_macros",
        )
    main = re.escape(_OOXML_MAIN_PART[extension])
    if not re.search(rb"ContentType\s*=\s*[\"']" + main + rb"[\"']", index):
        raise _not_what_it_says(extension)


def _check_open_document(file: UploadedFile, extension: str) -> None:
    with _open_package(file, extension) as package:
        mimetype = _read_entry(package, "mimetype", 100)
        has_manifest = "META-INF/manifest.xml" in package.namelist()
    if mimetype != _ODF_MIMETYPE[extension] or not has_manifest:
        raise _not_what_it_says(extension)


def _check_text(file: UploadedFile, extension: str) -> None:
    decoder = codecs.getincrementaldecoder("utf-8")()
    file.seek(0)
    previous = b""
    for chunk in file.chunks(_CHUNK):
        if b"\x00" in chunk:
            raise ValidationError(
                _("This file contains binary data, so it is not a plain .%(extension)s file."),
                code="text_has_binary_data",
                params={"extension": extension},
            )
        if _WEB_CODE.search(previous[-16:] + chunk):  # a tag split between two chunks too
            raise _web_page_error()
        previous = chunk
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as error:
            raise _not_utf8_error() from error
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError as error:
        raise _not_utf8_error() from error


def _not_utf8_error() -> ValidationError:
    return ValidationError(
        _(
            "This text file is not in UTF-8. Save it as UTF-8 (in Excel: “CSV UTF-8”) and "
            "upload it again."
        ),
        code="text_not_utf8",
    )


def _web_page_error() -> ValidationError:
    return ValidationError(
        _("This file contains web page code (HTML, SVG or XML) and cannot be uploaded."),
        code="document_is_web_page",
    )


#: Extension → the check of its structure. An allowed extension missing here is refused.
DOCUMENT_CHECKS: dict[str, Callable[[UploadedFile, str], None]] = {
    "pdf": _check_pdf,
    "docx": _check_office_open_xml,
    "xlsx": _check_office_open_xml,
    "odt": _check_open_document,
    "ods": _check_open_document,
    "csv": _check_text,
    "txt": _check_text,
}


def check_document_content(file: UploadedFile) -> None:
    """Refuse a file whose content is not the kind of document its extension names."""
    extension = _extension(file)
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None)
    if allowed is not None and extension not in allowed:
        return  # Wagtail's own validation refuses it by name, with the list of allowed ones
    check = DOCUMENT_CHECKS.get(extension)
    if check is None:
        raise ValidationError(
            _("Files of type .%(extension)s cannot be checked, so they cannot be uploaded."),
            code="document_type_not_checked",
            params={"extension": extension},
        )
    try:
        file.seek(0)
        if _WEB_PAGE_START.match(file.read(_HEAD_BYTES).removeprefix(codecs.BOM_UTF8)):
            raise _web_page_error()
        check(file, extension)
    finally:
        file.seek(0)


class CheckedDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content does not match their name."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):  # not when an edit keeps the current file
            check_document_content(file)
        return file

    def _post_clean(self) -> None:
        refused = len(self.errors.get("file", ()))
        super()._post_clean()
        if refused:
            # Document.clean() then checks the extension of no file at all and adds "File
            # extension “” is not allowed" under the real reason, which only confuses.
            del self.errors["file"][refused:]
