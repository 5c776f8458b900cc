"""The blocks of a draft under review: headings and paragraphs, each with a stable id.

Wagtail keeps a block's id when other blocks are edited, added or moved, so the id of a
paragraph is its address: comments point at it across revisions.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class DraftHeadingBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "blocks/draft_heading_block.html"


class DraftParagraphBlock(blocks.TextBlock):
    """Plain text, so a selected passage can be found in it exactly."""

    class Meta:
        icon = "pilcrow"
        template = "blocks/draft_paragraph_block.html"


class DraftStreamBlock(blocks.StreamBlock):
    heading = DraftHeadingBlock(label=_("Section heading"))
    paragraph = DraftParagraphBlock(label=_("Paragraph"), rows=4)

    class Meta:
        icon = "doc-full"


class ParagraphChangeBlock(blocks.StructBlock):
    """ "What we did" about one paragraph of the draft."""

    paragraph = blocks.CharBlock(
        max_length=64,
        help_text=_("The paragraph's id, as listed in the draft's \"Comments per paragraph\" screen."),
    )
    what_we_did = blocks.TextBlock(rows=3)

    class Meta:
        icon = "edit"
        template = "blocks/paragraph_change_block.html"
