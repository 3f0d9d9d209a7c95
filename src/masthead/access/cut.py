"""Cutting an article body into its always-public preview and the gated rest.

The preview is everything up to and including the Nth paragraph block, so a crosshead or
image that sits between the first paragraphs stays with them::

    >>> preview, rest = split_body(article.body, paragraphs=2)

``rest`` is what the gate withholds from readers who are not entitled. The body is any
sequence of blocks with a ``block_type`` (a StreamField value, or a snapshot's blocks).
"""


def split_body(body, paragraphs: int) -> tuple[list, list]:
    blocks = list(body)
    if paragraphs <= 0:
        return [], blocks
    seen = 0
    for index, block in enumerate(blocks):
        if block.block_type == "paragraph":
            seen += 1
            if seen == paragraphs:
                return blocks[: index + 1], blocks[index + 1 :]
    return blocks, []
