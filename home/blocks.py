"""The shared StreamField block set used by every page body in the portal."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class ImageBlock(blocks.StructBlock):
    """An image with the alt text every image needs (required: describe what it shows)."""

    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text=_("Describe what the image shows for people who cannot see it."),
    )
    caption = blocks.CharBlock(required=False)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock()
    text = blocks.TextBlock(required=False)
    link_page = blocks.PageChooserBlock(required=False)
    link_url = blocks.URLBlock(required=False)
    button_label = blocks.CharBlock(max_length=40)

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"


class DocumentListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False)
    documents = blocks.ListBlock(DocumentChooserBlock())

    class Meta:
        icon = "doc-full"
        template = "blocks/document_list_block.html"


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(help_text=_("The heading people click to open the answer."))
    answer = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(required=False)
    items = blocks.ListBlock(AccordionItemBlock())

    class Meta:
        icon = "list-ul"
        template = "blocks/accordion_block.html"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[("info", "Information"), ("success", "Good news"), ("warning", "Important")],
        default="info",
    )
    heading = blocks.CharBlock(required=False)
    text = blocks.RichTextBlock(features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "warning"
        template = "blocks/callout_block.html"


class TableBlock(WagtailTableBlock):
    class Meta:
        icon = "table"
        template = "blocks/table_block.html"


class VideoLinkBlock(blocks.StructBlock):
    """A link to a video (no third-party player is embedded: nothing loads from elsewhere)."""

    title = blocks.CharBlock()
    url = blocks.URLBlock()
    description = blocks.TextBlock(required=False)
    duration = blocks.CharBlock(required=False, max_length=20, help_text=_("For example: 4 minutes"))
    has_captions = blocks.BooleanBlock(required=False, default=True)

    class Meta:
        icon = "media"
        template = "blocks/video_link_block.html"


class BaseStreamBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="blocks/rich_text_block.html")
    image = ImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document_list = DocumentListBlock()
    accordion = AccordionBlock()
    callout = CalloutBlock()
    table = TableBlock()
    video_link = VideoLinkBlock()


class TocItemBlock(blocks.StructBlock):
    """One item in a Theory of Change column."""

    text = blocks.CharBlock(max_length=200)
    detail = blocks.TextBlock(required=False, help_text=_("Optional: shown in the text-only view."))

    class Meta:
        icon = "arrow-right"
        label = _("Item")


class PartnerBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=150)
    role = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "group"
        label = _("Partner")


class FeaturedLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock()
    blurb = blocks.CharBlock(max_length=200, required=False)

    class Meta:
        icon = "link"
        label = _("Featured page")
