"""Rich text is sanitised whenever it is saved, however it arrived.

Draftail whitelists what an editor types, but HTML also reaches rich text through imports,
management commands, wagtail-localize, the Python shell and hand-made POSTs, and Wagtail
renders stored rich text as it is: only its links and embeds are rewritten. So every save of a
model with a ``RichTextField`` or a ``StreamField`` holding ``RichTextBlock``\\s, and every
revision (drafts are previewed by moderators and published from the revision), passes the HTML
through nh3 (the Rust ammonia sanitiser that replaced bleach) allowing exactly the elements and
attributes of Wagtail's database format.

nh3 writes HTML5 (``<embed …>``, ``<br>``), but Wagtail's front-end rewriter only recognises
``<embed …/>``, so the cleaned HTML is written back in Wagtail's own serialisation: text that
was clean is stored byte for byte as the editor left it, and image and media embeds keep
working.

A ``pre_save`` signal is used rather than a field subclass: it needs no migration, covers
every model and revision without touching their declarations, and cannot be bypassed by code
that skips forms or ``full_clean``. Only ``QuerySet.update()`` and ``bulk_create`` skip it;
nothing in the project writes rich text that way.
"""

from __future__ import annotations

import json
import re
from functools import cache
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import nh3
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from wagtail.blocks import Block, ListBlock, RichTextBlock
from wagtail.blocks.stream_block import BaseStreamBlock
from wagtail.blocks.struct_block import BaseStructBlock
from wagtail.fields import RichTextField, StreamField

if TYPE_CHECKING:
    from wagtail.models import Revision

#: Wagtail's database format for the features the project's editors have (paragraphs, h2–h4,
#: bold, italic, lists, rules, links, document links, image and media embeds) plus ``strong``,
#: ``em`` and ``code``, which Wagtail's editor reads as bold, italic and code.
ALLOWED_TAGS = frozenset(
    {"p", "h2", "h3", "h4", "b", "strong", "i", "em", "code", "ul", "ol", "li", "br", "hr"}
    | {"a", "embed"}
)
_BLOCK_KEY = frozenset({"data-block-key"})  # Draftail's block ids (comments, translation)
ALLOWED_ATTRIBUTES = {
    **dict.fromkeys(("p", "h2", "h3", "h4", "li"), _BLOCK_KEY),
    "a": frozenset({"href", "linktype", "id"}),
    "embed": frozenset({"embedtype", "url", "alt", "format", "id"}),
}
#: Schemes an external link may have (Wagtail's link chooser offers these four).
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
#: Removed together with everything inside them, not just unwrapped.
REMOVED_WITH_CONTENT = frozenset(
    {"script", "style", "iframe", "object", "noscript", "template", "textarea", "title"}
    | {"svg", "math", "xmp", "noembed", "noframes"}
)
#: Wagtail writes these as ``<tag …/>``; its embed rewriter matches nothing else.
_VOID_TAGS = frozenset({"br", "hr", "embed"})

_DIGITS = re.compile(r"[0-9]+")
_NAME = re.compile(r"[A-Za-z0-9_-]+")
_WEB_URL = re.compile(r"https?://", re.IGNORECASE)


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    """Drop attribute values Wagtail's rewriters would choke on or that are not web URLs."""
    if attribute == "id":  # the primary key of a page, document or image
        return value if _DIGITS.fullmatch(value) else None
    if attribute in ("linktype", "embedtype", "format"):
        return value if _NAME.fullmatch(value) else None
    if tag == "embed" and attribute == "url":  # a media embed: fetched through oEmbed
        return value if _WEB_URL.match(value) else None
    return value


_cleaner = nh3.Cleaner(
    tags=set(ALLOWED_TAGS),
    clean_content_tags=set(REMOVED_WITH_CONTENT),
    # "*": nothing on every element (ammonia would otherwise allow lang and title everywhere)
    attributes={"*": set()} | {tag: set(names) for tag, names in ALLOWED_ATTRIBUTES.items()},
    attribute_filter=_filter_attribute,
    url_schemes=set(LINK_SCHEMES),
    link_rel=None,  # Wagtail's format has no rel; it would change every stored link
    strip_comments=True,
)


class _WagtailSerialiser(HTMLParser):
    """Write nh3's (well-formed, already clean) output the way Wagtail's converter does."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "embed" and not _renderable_embed(dict(attrs)):
            return
        attributes = "".join(f' {name}="{_escape_attribute(value or "")}"' for name, value in attrs)
        self.parts.append(f"<{tag}{attributes}{'/>' if tag in _VOID_TAGS else '>'}")

    handle_startendtag = handle_starttag

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID_TAGS:
            self.parts.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def _renderable_embed(attrs: dict[str, str | None]) -> bool:
    """Whether Wagtail can render the embed: without an id and a known format (an image) or
    a URL (a media embed) its rewriter raises, and the page would answer with an error."""
    from wagtail.images.formats import get_image_formats

    if attrs.get("embedtype") == "image":
        formats = {image_format.name for image_format in get_image_formats()}
        return bool(attrs.get("id")) and attrs.get("format") in formats
    if attrs.get("embedtype") == "media":
        return bool(attrs.get("url"))
    return False


def _escape_attribute(value: str) -> str:
    return (
        value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def sanitise_rich_text(html: str) -> str:
    """The HTML with everything outside Wagtail's rich text format removed.

    Draftail's own output comes back unchanged; a ``<script>``, an ``onerror=``, a
    ``javascript:`` link, an ``<iframe>`` or a ``style=`` does not, and neither does an
    ``<embed>`` Wagtail could not render (no id, an unknown format, a URL that is not http(s)).
    """
    if not html:
        return html
    serialiser = _WagtailSerialiser()
    serialiser.feed(_cleaner.clean(html))
    serialiser.close()
    return "".join(serialiser.parts)


# --- StreamField data -------------------------------------------------------------------------


def _contains_rich_text(block: Block) -> bool:
    if isinstance(block, RichTextBlock):
        return True
    if isinstance(block, BaseStreamBlock | BaseStructBlock):
        return any(_contains_rich_text(child) for child in block.child_blocks.values())
    if isinstance(block, ListBlock):
        return _contains_rich_text(block.child_block)
    return False


def _is_list_item(item: Any) -> bool:
    """A ListBlock item in the current ``{"type": "item", "value", "id"}`` format (as Wagtail)."""
    return (
        isinstance(item, dict) and "id" in item and "value" in item and item.get("type") == "item"
    )


def sanitise_stream_data(block: Block, data: Any) -> Any:
    """A copy of raw (JSON-shaped) block data with every rich text value inside sanitised."""
    if isinstance(block, RichTextBlock):
        return sanitise_rich_text(data) if isinstance(data, str) else data
    if isinstance(block, BaseStreamBlock) and isinstance(data, list):
        return [
            {**item, "value": sanitise_stream_data(block.child_blocks[item["type"]], item["value"])}
            if isinstance(item, dict) and item.get("type") in block.child_blocks and "value" in item
            else item
            for item in data
        ]
    if isinstance(block, BaseStructBlock) and isinstance(data, dict):
        return {
            name: sanitise_stream_data(block.child_blocks[name], value)
            if name in block.child_blocks
            else value
            for name, value in data.items()
        }
    if isinstance(block, ListBlock) and isinstance(data, list):
        return [
            {**item, "value": sanitise_stream_data(block.child_block, item["value"])}
            if _is_list_item(item)
            else sanitise_stream_data(block.child_block, item)
            for item in data
        ]
    return data


# --- Models and revisions ---------------------------------------------------------------------


@cache
def _rich_text_fields(
    model: type[models.Model],
) -> tuple[tuple[RichTextField, ...], tuple[StreamField, ...]]:
    """The model's rich text fields, and its stream fields that can hold rich text."""
    fields = model._meta.concrete_fields
    return (
        tuple(f for f in fields if isinstance(f, RichTextField)),
        tuple(
            f for f in fields if isinstance(f, StreamField) and _contains_rich_text(f.stream_block)
        ),
    )


def sanitise_instance(instance: models.Model, only: frozenset[str] | None = None) -> None:
    """Sanitise the rich text of a model instance in place (``only``: these field names)."""
    rich_text_fields, stream_fields = _rich_text_fields(type(instance))
    if not rich_text_fields and not stream_fields:
        return
    deferred = instance.get_deferred_fields()

    def wanted(field: models.Field) -> bool:
        return field.attname not in deferred and (only is None or field.name in only)

    for field in filter(wanted, rich_text_fields):
        value = getattr(instance, field.attname)
        if isinstance(value, str):
            cleaned = sanitise_rich_text(value)
            if cleaned != value:
                setattr(instance, field.attname, cleaned)
    for field in filter(wanted, stream_fields):
        raw = field.get_prep_value(getattr(instance, field.attname))
        if isinstance(raw, list):
            cleaned = sanitise_stream_data(field.stream_block, raw)
            if cleaned != raw:
                setattr(instance, field.attname, cleaned)


def sanitise_serialised(model: type[models.Model], data: dict[str, Any]) -> None:
    """Sanitise, in place, an object serialised as revisions store it (child objects too)."""
    from modelcluster.models import get_all_child_relations

    rich_text_fields, stream_fields = _rich_text_fields(model)
    for field in rich_text_fields:
        if isinstance(data.get(field.name), str):
            data[field.name] = sanitise_rich_text(data[field.name])
    for field in stream_fields:
        raw = data.get(field.name)
        try:  # modelcluster stores stream data as a JSON string inside the JSON
            parsed = json.loads(raw) if isinstance(raw, str) else raw
        except ValueError:
            continue
        if isinstance(parsed, list):
            cleaned = sanitise_stream_data(field.stream_block, parsed)
            if cleaned != parsed:
                data[field.name] = (
                    json.dumps(cleaned, cls=DjangoJSONEncoder) if isinstance(raw, str) else cleaned
                )
    for relation in get_all_child_relations(model):
        children = data.get(relation.get_accessor_name())
        if isinstance(children, list):
            for child in children:
                if isinstance(child, dict):
                    sanitise_serialised(relation.related_model, child)


def sanitise_before_save(sender: type[models.Model], instance: models.Model, **kwargs) -> None:
    """``pre_save`` of any model: sanitise the rich text fields being saved."""
    update_fields = kwargs.get("update_fields")
    sanitise_instance(instance, frozenset(update_fields) if update_fields is not None else None)


def sanitise_revision_before_save(sender: type[Revision], instance: Revision, **kwargs) -> None:
    """A revision is what a moderator previews and what gets published: sanitise it too."""
    if not isinstance(instance.content, dict) or not instance.content_type_id:
        return
    model = ContentType.objects.get_for_id(instance.content_type_id).model_class()
    if model is not None:
        sanitise_serialised(model, instance.content)


def connect_sanitising() -> None:
    """Sanitise rich text on every model save and every revision save."""
    from django.db.models.signals import pre_save
    from wagtail.models import Revision

    pre_save.connect(sanitise_before_save, dispatch_uid="cms-sanitise-rich-text")
    pre_save.connect(
        sanitise_revision_before_save, sender=Revision, dispatch_uid="cms-sanitise-revision"
    )
