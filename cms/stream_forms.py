"""StreamFields in the admin's forms: malformed form data is a form error, not a server error.

Wagtail reads a StreamField from the posted form by walking ``body-count``, ``body-0-type``,
``body-0-deleted``… and raises ``KeyError`` or ``ValueError`` on a missing key or a count that is
not a number (a browser extension, a truncated request, a hand-made POST). The editor would see
a server error and lose the edit. :class:`CheckedBlockField` (registered for every StreamField of
the admin's model forms, see :func:`register`) turns that into an error on the field, with the
rest of the form as it was sent.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import BlockField, BlockWidget, StreamValue

MALFORMED_MESSAGE = _(
    "This content could not be read from the form. Reload the page and make the change again."
)


class MalformedStreamValue(StreamValue):
    """An empty stream standing in for form data that could not be read."""


class CheckedBlockWidget(BlockWidget):
    """Wagtail's StreamField widget, giving :class:`MalformedStreamValue` for unreadable data."""

    def value_from_datadict(self, data, files, name: str) -> Any:
        try:
            return super().value_from_datadict(data, files, name)
        except (KeyError, ValueError, TypeError):  # MultiValueDictKeyError is a KeyError
            return MalformedStreamValue(self.block_def, [])


class CheckedBlockField(BlockField):
    """Wagtail's StreamField form field, refusing form data its widget could not read."""

    def __init__(self, block=None, **kwargs: Any) -> None:
        if block is not None:
            kwargs.setdefault("widget", CheckedBlockWidget(block))
        super().__init__(block=block, **kwargs)

    def clean(self, value: Any) -> Any:
        if isinstance(value, MalformedStreamValue):
            raise ValidationError(MALFORMED_MESSAGE, code="malformed")
        return super().clean(value)

    def has_changed(self, initial_value: Any, data_value: Any) -> bool:
        return isinstance(data_value, MalformedStreamValue) or super().has_changed(
            initial_value, data_value
        )


def register() -> None:
    """Use :class:`CheckedBlockField` for StreamFields in every Wagtail admin model form."""
    from wagtail.admin.forms.models import register_form_field_override
    from wagtail.fields import StreamField

    register_form_field_override(StreamField, override={"form_class": CheckedBlockField})
