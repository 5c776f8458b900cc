"""The shared StreamField block set used by every page body in the portal."""

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


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


class BaseStreamBlock(blocks.StreamBlock):
    rich_text = blocks.RichTextBlock(
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
        template="blocks/rich_text_block.html",
    )
    image = ImageBlock(template="blocks/image_block.html")
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
