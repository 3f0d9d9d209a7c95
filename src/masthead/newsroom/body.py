"""The plain text of an article body, for search and structured data.

``body_text(body, limit_paragraphs=N)`` is the text of the always-public preview only, cut
exactly as the gate cuts it (``masthead.access.cut.split_body``).
"""

from django.utils.html import strip_tags

from masthead.access.cut import split_body


def block_text(block) -> str:
    value = block.value
    if block.block_type == "paragraph":
        return strip_tags(value.source if hasattr(value, "source") else str(value)).strip()
    if block.block_type == "list":
        source = value.source if hasattr(value, "source") else str(value)
        return " ".join(strip_tags(source.replace("</li>", "</li> ")).split())
    if block.block_type == "table":
        return "\n".join(" | ".join(str(c) for c in row) for row in value.get("rows") or [])
    if block.block_type == "crosshead":
        return str(value).strip()
    if block.block_type == "quote":
        return str(value.get("text", "")).strip()
    return ""


def body_text(body, limit_paragraphs: int | None = None) -> str:
    blocks = list(body) if limit_paragraphs is None else split_body(body, limit_paragraphs)[0]
    return "\n\n".join(t for t in (block_text(b) for b in blocks) if t)
