"""Images: responsive renditions in modern formats, and alt text before publishing."""

import re

import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests.factories.cms import NewsIndexPageFactory, NewsPageFactory

pytestmark = pytest.mark.django_db


def test_lead_image_is_a_picture_with_avif_webp_and_several_widths(client, home, media):
    image = Image.objects.create(
        title="Пляж", file=get_test_image_file(size=(1600, 900)), description=""
    )
    item = NewsPageFactory(parent=NewsIndexPageFactory(parent=home))
    item.lead_image = image
    item.lead_image_alt = "Рятувальники на пляжі в Лебедівці"
    item.save_revision().publish()
    html = client.get(item.url).content.decode()
    picture = html.split("<picture", 1)[1].split("</picture>")[0]
    types = re.findall(r'<source[^>]*type="([^"]+)"', picture)
    assert types == ["image/avif", "image/webp"]
    widths = sorted(int(w) for w in re.findall(r" (\d+)w", picture.split("<source", 2)[1]))
    assert widths == [480, 800, 1200]
    assert 'alt="Рятувальники на пляжі в Лебедівці"' in picture
    # The article's lead picture is at the top of the page: fetched at once, not lazily.
    assert 'loading="eager"' in picture and "sizes=" in picture
    assert image.renditions.filter(file__endswith=".avif").exists()


def test_image_block_needs_alt_text_unless_decorative(media):
    from django.core.exceptions import ValidationError

    from cms.blocks import CaptionedImageBlock

    image = Image.objects.create(title="Пляж", file=get_test_image_file())
    block = CaptionedImageBlock()

    def value(alt_text, decorative):
        raw = {"image": {"image": image.pk, "alt_text": alt_text, "decorative": decorative}}
        return block.to_python(raw)

    with pytest.raises(ValidationError):
        block.clean(value("", False))
    assert block.clean(value("", True))["image"].decorative
    assert block.clean(value("Рятувальники на пляжі", False))["image"].contextual_alt_text
