"""Plain text from anything a source calls a title, a name or an excerpt.

nh3 (a real HTML sanitiser, ammonia underneath) strips every tag, with the content of
``script`` and ``style``; the text is then unescaped, twice, so that an escaped tag cannot
come back as markup, and its whitespace collapsed. Templates escape it again on output.
"""

import html

import nh3


def plain(value: str | None, limit: int | None = None) -> str:
    text = value or ""
    for _ in range(2):
        text = html.unescape(nh3.clean(text, tags=set()))
    text = " ".join(text.split())
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text
