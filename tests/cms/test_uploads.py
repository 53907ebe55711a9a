"""Images are accepted for what their bytes are, within size and pixel limits.

Uploads go through the admin's own views as an editor would send them; a refused file leaves no
row and nothing under MEDIA_ROOT. The files are real (``tests/upload_files.py``).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.models import UploadedFile

from tests.factories.users import UserFactory
from tests.upload_files import (
    CSV,
    HTML,
    PHP,
    SVG,
    add_document,
    add_image,
    file_error_codes,
    noise,
    picture,
    png_bomb,
    stored_files,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def editor(client):
    user = UserFactory(groups=["Editors"])
    client.force_login(user)
    return user


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


# --- Limits ------------------------------------------------------------------------------------


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
