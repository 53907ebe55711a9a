"""The one block vocabulary of the site's StreamFields; each block has a template in
``site/templates/blocks/``."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class CaptionedImageBlock(blocks.StructBlock):
    """An image with its alternative text (required unless decorative) and a caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/captioned_image_block.html"


class GalleryBlock(blocks.ListBlock):
    """Several captioned images shown together."""

    def __init__(self, **kwargs):
        super().__init__(CaptionedImageBlock(), min_num=2, **kwargs)

    class Meta:
        icon = "image"
        label = _("Gallery")
        template = "blocks/gallery_block.html"


class QuoteBlock(blocks.StructBlock):
    """Words of a person, with who said them."""

    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class KeyFigureBlock(blocks.StructBlock):
    """One number worth remembering: "50 lessons", "1,156 students"."""

    value = blocks.CharBlock(label=_("Value"), max_length=20)
    label = blocks.CharBlock(label=_("What it counts"), max_length=80)


class KeyFiguresBlock(blocks.ListBlock):
    """A row of key figures."""

    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), min_num=1, max_num=6, **kwargs)

    class Meta:
        icon = "list-ol"
        label = _("Key figures")
        template = "blocks/key_figures_block.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document from the library (a decision, a report)."""

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        label=_("Link text"), required=False, help_text=_("Defaults to the document's title.")
    )

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_link_block.html"


class BodyBlock(blocks.StreamBlock):
    """What the body of a news item, campaign or standard page is made of."""

    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"],
    )
    heading = blocks.CharBlock(
        label=_("Heading"), form_classname="title", template="blocks/heading_block.html"
    )
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    quote = QuoteBlock()
    figures = KeyFiguresBlock()
    embed = EmbedBlock(label=_("Embed"), template="blocks/embed_block.html")
    document = DocumentLinkBlock()
