"""WordPress shortcodes: ``[caption]``, ``[gallery]`` and ``[embed]`` become HTML the body
builder understands; every other shortcode is removed (its tags, keeping any text it wraps)
and named in the report, so none is ever printed raw on a page.

A bracketed word with no attributes and no closing tag (``[sic]``, ``[1]``) is text, unless it
is one of WordPress's or Jetpack's well-known shortcodes; ``[[name]]`` is WordPress's escape
for a literal ``[name]``.

>>> expand('[caption id="a1" width="300"]<img src="/a.jpg"> A cat[/caption]', {})[0]
'<figure><img src="/a.jpg"><figcaption>A cat</figcaption></figure>'
"""

import html
import re
from dataclasses import dataclass

WELL_KNOWN = {
    "audio", "video", "playlist", "wpvideo", "youtube", "vimeo", "gist", "googlemaps",
    "contact-form", "contact-field", "code", "sourcecode", "soundcloud", "slideshow",
    "archives", "recipe", "polldaddy", "twitter", "instagram", "tweet", "dailymotion",
}  # fmt: skip
TAG = re.compile(r"\[(\[?)(/?)([A-Za-z][\w-]*)((?:\s[^\]]*)?)\](\]?)")
ATTR = re.compile(r'([\w-]+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
CAPTION = re.compile(r"(?<!\[)\[caption([^\]]*)\](.*?)\[/caption\]", re.S | re.I)
EMBED = re.compile(r"(?<!\[)\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
GALLERY = re.compile(r"(?<!\[)\[gallery([^\]]*)\]", re.I)
IMG_OR_LINK = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.S | re.I)


@dataclass(frozen=True)
class Attachment:
    url: str
    parent: str
    caption: str


def attributes(text: str) -> dict[str, str]:
    return {m[1].lower(): m[2] or m[3] or m[4] or "" for m in ATTR.finditer(text or "")}


def _caption(match: re.Match) -> str:
    attrs, inner = attributes(match[1]), match[2]
    found = IMG_OR_LINK.match(inner)
    if not found:
        return inner
    caption = found[2].strip() or attrs.get("caption", "")
    return f"<figure>{found[1].strip()}<figcaption>{caption}</figcaption></figure>"


def _embed(match: re.Match) -> str:
    url = html.escape(match[1].strip())
    return f'\n\n<p><a href="{url}">{url}</a></p>\n\n'


def _gallery(match: re.Match, post_id: str, attachments: dict[str, Attachment]) -> str:
    attrs = attributes(match[1])
    if attrs.get("ids"):
        ids = [i.strip() for i in attrs["ids"].split(",") if i.strip()]
    else:
        ids = [k for k, a in attachments.items() if a.parent == post_id]
    figures = []
    for key in ids:
        found = attachments.get(key)
        if found is not None:
            caption = html.escape(found.caption)
            src = html.escape(found.url)
            figures.append(f'<figure><img src="{src}"><figcaption>{caption}</figcaption></figure>')
    return "\n".join(figures)


def expand(
    content: str, attachments: dict[str, Attachment], post_id: str = ""
) -> tuple[str, list[str]]:
    """The content with shortcodes expanded or removed, and the unknown ones' names."""
    content = CAPTION.sub(_caption, content or "")
    content = EMBED.sub(_embed, content)
    content = GALLERY.sub(lambda m: _gallery(m, post_id, attachments), content)
    closing = {m[3].lower() for m in TAG.finditer(content) if m[2]}
    unknown: list[str] = []

    def strip(m: re.Match) -> str:
        if m[1] and m[5]:  # [[name]]: a literal
            return m[0][1:-1]
        name = m[3].lower()
        if not (m[4].strip() or m[2] or name in closing or name in WELL_KNOWN):
            return m[0]
        if name not in unknown:
            unknown.append(name)
        return ""

    return TAG.sub(strip, content), unknown
