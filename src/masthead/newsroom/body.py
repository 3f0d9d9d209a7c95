"""Cutting an article body into its always-public preview and the gated rest.

The preview is everything up to and including the Nth paragraph block, so a crosshead or
image that sits between the first paragraphs stays with them::

    >>> preview, rest = split_body(article.body, paragraphs=2)

``rest`` is what the gate withholds from readers who are not entitled.
"""

from django.utils.html import strip_tags


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


def block_text(block) -> str:
    value = block.value
    if block.block_type == "paragraph":
        return strip_tags(value.source if hasattr(value, "source") else str(value)).strip()
    if block.block_type == "crosshead":
        return str(value).strip()
    if block.block_type == "quote":
        return str(value.get("text", "")).strip()
    return ""


def body_text(body, limit_paragraphs: int | None = None) -> str:
    blocks = list(body) if limit_paragraphs is None else split_body(body, limit_paragraphs)[0]
    return "\n\n".join(t for t in (block_text(b) for b in blocks) if t)
