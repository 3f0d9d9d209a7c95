"""Body blocks of an article: what editors place in the StreamField.

A paragraph block holds one paragraph. The gate counts paragraph blocks to cut a preview
("the first 2 paragraphs"), so one block per paragraph keeps the cut exact.
"""

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from masthead.engagement.blocks import CalloutBlock

PARAGRAPH_FEATURES = ["bold", "italic", "link", "superscript", "subscript", "strikethrough"]


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


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        features=PARAGRAPH_FEATURES, template="newsroom/blocks/paragraph.html"
    )
    crosshead = CrossheadBlock()
    quote = QuoteBlock()
    image = FigureBlock()
    embed = EmbedFigureBlock()
    callout = CalloutBlock()

    class Meta:
        block_counts = {}
