"""``{% picture %}`` as Wagtail writes it, with its filters parsed once per template.

Wagtail's tag builds its nine ``Filter`` objects (three formats × three widths) again on every
render, and each one parses its operations again (through ``inspect``) to find the renditions:
that was about half of the 1 ms a picture cost. A compiled template lives as long as the
process (Django's cached template loader), so its filters can too: they hold nothing but the
parsed spec.
"""

from __future__ import annotations

from django import template
from django.utils.functional import cached_property
from wagtail.images.models import Filter
from wagtail.images.templatetags.wagtailimages_tags import PictureNode, image

register = template.Library()


class ParsedOncePictureNode(PictureNode):
    @cached_property
    def filters(self) -> list[Filter]:
        return super().get_filters()

    def get_filters(self) -> list[Filter]:
        return self.filters


@register.tag("picture")
def picture(parser, token) -> ParsedOncePictureNode:
    """Same syntax and output as Wagtail's ``{% picture %}``."""
    node = image(parser, token)
    return ParsedOncePictureNode(
        node.image_expr, node.filter_specs, attrs=node.attrs, output_var_name=node.output_var_name
    )
