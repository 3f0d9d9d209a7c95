"""Body blocks of an article: what editors place in the StreamField.

A paragraph block holds one paragraph. The gate counts paragraph blocks to cut a preview
("the first 2 paragraphs"), so one block per paragraph keeps the cut exact. A list (bulleted
or numbered, nested lists included) is one ``list`` block, a table one ``table`` block (rows
of plain-text cells, the first row a header row unless unticked, and a caption): imported
bodies keep theirs (``imports.bodies``), and editors make them the same way.
"""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from masthead.engagement.blocks import CalloutBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "superscript", "subscript", "strikethrough"]
LIST_FEATURES = ["ul", "ol", "bold", "italic", "link", "superscript", "subscript"]


class CrossheadBlock(blocks.CharBlock):
    class Meta:
        icon = "title"
        template = "newsroom/blocks/crosshead.html"
        label = "Crosshead"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "newsroom/blocks/quote.html"


class FigureBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, max_length=400)
    credit = blocks.CharBlock(required=False, max_length=200, help_text="e.g. © Agency name")
    alt_text = blocks.CharBlock(
        required=False, max_length=300, help_text="Describe the image for screen readers."
    )

    class Meta:
        icon = "image"
        template = "newsroom/blocks/figure.html"
        label = "Image"


class EmbedFigureBlock(blocks.StructBlock):
    embed = EmbedBlock(help_text="A link to a video, post or map from a supported provider.")
    caption = blocks.CharBlock(required=False, max_length=400)

    class Meta:
        icon = "media"
        template = "newsroom/blocks/embed.html"
        label = "Embed"


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(required=False, max_length=400)
    header_row = blocks.BooleanBlock(required=False, default=True, label="First row is a header")
    rows = blocks.ListBlock(blocks.ListBlock(blocks.CharBlock(required=False, max_length=1000)))

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        rows = [list(row) for row in value.get("rows") or []]
        head = rows[0] if rows and value.get("header_row") else None
        context.update(head=head, body_rows=rows[1:] if head else rows)
        return context

    class Meta:
        icon = "table"
        template = "newsroom/blocks/table.html"
        label = "Table"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, template="newsroom/blocks/paragraph.html"
    )
    crosshead = CrossheadBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    embed = EmbedFigureBlock()
    callout = CalloutBlock()
    list = blocks.RichTextBlock(
        features=LIST_FEATURES, template="newsroom/blocks/list.html", icon="list-ul"
    )
    table = TableBlock()

    class Meta:
        block_counts = {}
