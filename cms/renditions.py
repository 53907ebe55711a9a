"""The renditions ``{% picture %}`` needs (``includes/picture.html``), fetched or made in bulk.

Without this a list of cards asks the database (or the cache) for each picture's renditions
in turn; with it, one query brings those of every picture on the page.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, prefetch_related_objects
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage, Filter

#: The formats and widths of ``site/templates/includes/picture.html``; keep the two the same
#: (tests/cms/test_pictures.py renders the template and checks it makes no other rendition).
PICTURE_SPEC = "format-{avif,webp,jpeg}|width-{480,800,1200}"
PICTURE_FILTER_SPECS: tuple[str, ...] = tuple(Filter.expand_spec(PICTURE_SPEC.split("|")))


def picture_renditions(lookup: str = "renditions") -> Prefetch:
    """A prefetch of the picture renditions along ``lookup`` (``"lead_image__renditions"`` on
    news), stored where Wagtail's ``get_renditions`` looks first."""
    rendition_model = get_image_model().get_rendition_model()
    return Prefetch(
        lookup,
        queryset=rendition_model.objects.filter(filter_spec__in=PICTURE_FILTER_SPECS),
        to_attr="prefetched_renditions",
    )


def prefetch_pictures(images: Iterable[AbstractImage | None]) -> None:
    """Fetch the picture renditions of these images (``None`` skipped) in one query."""
    prefetch_related_objects([image for image in images if image is not None], picture_renditions())


def prepare_pictures(images: Iterable[AbstractImage]) -> int:
    """Make every picture rendition these images lack, so no visitor waits for one; returns how
    many images were looked at."""
    count = 0
    for image in images:
        image.get_renditions(*PICTURE_FILTER_SPECS)
        count += 1
    return count
