"""Ghost's editor formats to HTML, for posts whose export has no ``html`` (rare: Ghost writes
``html`` for every post it renders). Lexical (Ghost 5-6) and mobiledoc (Ghost 1-4): the
common cards only — paragraphs, headings, quotes, lists, images, embeds, HTML and markdown
cards (markdown as plain paragraphs). The HTML goes through the same sanitiser as any other.
"""

import html
import json

esc = html.escape


def lexical_to_html(source: str) -> str:
    try:
        root = json.loads(source).get("root", {})
    except (ValueError, AttributeError):
        return ""
    return "".join(_lexical(node) for node in root.get("children", []))


def _lexical_inline(nodes) -> str:
    out = []
    for node in nodes or []:
        kind = node.get("type")
        if kind == "text":
            text, fmt = esc(node.get("text", "")), int(node.get("format", 0) or 0)
            text = f"<b>{text}</b>" if fmt & 1 else text
            text = f"<i>{text}</i>" if fmt & 2 else text
            out.append(text)
        elif kind == "link":
            out.append(f'<a href="{esc(node.get("url", ""))}">')
            out.append(_lexical_inline(node.get("children")))
            out.append("</a>")
        elif kind == "linebreak":
            out.append("<br>")
        else:
            out.append(_lexical_inline(node.get("children")))
    return "".join(out)


def _lexical(node) -> str:
    kind = node.get("type")
    inner = _lexical_inline(node.get("children"))
    if kind == "paragraph":
        return f"<p>{inner}</p>"
    if kind in {"heading", "extended-heading"}:
        tag = node.get("tag", "h2") if node.get("tag", "h2") in {"h2", "h3", "h4"} else "h2"
        return f"<{tag}>{inner}</{tag}>"
    if kind in {"quote", "extended-quote", "aside"}:
        return f"<blockquote><p>{inner}</p></blockquote>"
    if kind == "list":
        tag = "ol" if node.get("listType") == "number" else "ul"
        items = "".join(
            f"<li>{_lexical_inline(li.get('children'))}</li>" for li in node["children"]
        )
        return f"<{tag}>{items}</{tag}>"
    if kind == "image":
        caption = node.get("caption", "")
        return (
            f'<figure><img src="{esc(node.get("src", ""))}" alt="{esc(node.get("altText", ""))}">'
            f"<figcaption>{caption}</figcaption></figure>"
        )
    if kind == "embed":
        return f'<p><a href="{esc(node.get("url", ""))}">{esc(node.get("url", ""))}</a></p>'
    if kind == "html":
        return node.get("html", "")
    if kind == "markdown":
        return "".join(f"<p>{esc(p)}</p>" for p in node.get("markdown", "").split("\n\n"))
    return f"<p>{inner}</p>" if inner else ""


def mobiledoc_to_html(source: str) -> str:
    try:
        doc = json.loads(source)
    except ValueError:
        return ""
    markups = doc.get("markups", [])
    cards = doc.get("cards", [])
    out = []
    for section in doc.get("sections", []):
        kind = section[0]
        if kind == 1:
            tag = section[1].lower() if section[1].lower() in {"p", "h2", "h3", "h4"} else "p"
            if section[1].lower() in {"blockquote", "aside"}:
                out.append(f"<blockquote><p>{_markers(section[2], markups)}</p></blockquote>")
            else:
                out.append(f"<{tag}>{_markers(section[2], markups)}</{tag}>")
        elif kind == 3:
            tag = "ol" if section[1].lower() == "ol" else "ul"
            items = "".join(f"<li>{_markers(li, markups)}</li>" for li in section[2])
            out.append(f"<{tag}>{items}</{tag}>")
        elif kind == 10 and section[1] < len(cards):
            name, payload = cards[section[1]][0], cards[section[1]][1]
            if name == "image":
                out.append(
                    f'<figure><img src="{esc(payload.get("src", ""))}">'
                    f"<figcaption>{payload.get('caption', '')}</figcaption></figure>"
                )
            elif name == "html":
                out.append(payload.get("html", ""))
            elif name in {"markdown", "card-markdown"}:
                text = payload.get("markdown", "")
                out.append("".join(f"<p>{esc(p)}</p>" for p in text.split("\n\n")))
            elif name == "embed":
                url = esc(payload.get("url", ""))
                out.append(f'<p><a href="{url}">{url}</a></p>')
    return "".join(out)


def _markers(markers, markups) -> str:
    out, open_tags = [], []
    for marker in markers:
        _type, opens, closes, value = marker
        for index in opens:
            markup = markups[index] if index < len(markups) else ["span"]
            tag = markup[0].lower()
            attrs = (
                dict(zip(markup[1][::2], markup[1][1::2], strict=False)) if len(markup) > 1 else {}
            )
            if tag == "a":
                out.append(f'<a href="{esc(attrs.get("href", ""))}">')
            else:
                out.append(f"<{tag}>")
            open_tags.append(tag)
        out.append(esc(value) if isinstance(value, str) else "")
        for _ in range(closes):
            if open_tags:
                out.append(f"</{open_tags.pop()}>")
    out += [f"</{tag}>" for tag in reversed(open_tags)]
    return "".join(out)
