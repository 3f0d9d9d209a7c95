"""Source HTML to Masthead's body blocks (``newsroom.blocks.ArticleBodyBlock``).

Two steps, so nothing the blocks do not allow can survive:

1. ``nh3.clean`` keeps only the tags and attributes listed here (no script, style, event
   handler, ``javascript:`` URL, form or inline style; comments, Gutenberg's ``<!-- wp:... -->``
   included, are dropped).
2. The cleaned HTML is parsed and rebuilt block by block from its tree: paragraphs keep bold,
   italic, links, superscript, subscript and strikethrough; headings become crossheads;
   blockquotes quotes; a list (bulleted or numbered, nested ones inside it) one ``list``
   block of sanitised rich text (its items inline: bold, italic, links; a picture inside an
   item comes after the list as an image block); a table one ``table`` block of plain-text
   cells (the first row its header when it is all ``<th>``, its caption kept); images with their
   captions image blocks (through ``resolve_image``, which finds the file and reports it
   when it cannot); iframes and bare links of YouTube, Vimeo and X embed blocks, any other
   iframe a link. Classic (WordPress ``wpautop``) text, whose paragraphs are blank lines,
   is split on them.

>>> [b for b in html_to_blocks('<p onclick="x()">Hi <b>there</b><script>bad()</script></p>')]
[('paragraph', '<p>Hi <b>there</b></p>')]
"""

import html
import re
from collections.abc import Callable
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import nh3

INLINE = {"a", "b", "strong", "i", "em", "u", "sup", "sub", "s", "strike", "del", "span"}
INLINE |= {"code", "br", "cite", "small", "abbr", "mark"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TAGS = INLINE | HEADINGS | {"p", "blockquote", "ul", "ol", "li", "figure", "figcaption", "img"}
TAGS |= {"iframe", "div", "pre", "hr", "section", "article", "footer", "header", "aside"}
TAGS |= {"table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"}
ATTRIBUTES = {"a": {"href"}, "img": {"src", "alt", "title"}, "iframe": {"src"}}
SCHEMES = {"http", "https", "mailto"}
# Removed with everything inside them (a newsletter's sign-up form, a widget's button).
DROPPED = {"script", "style", "form", "button", "select", "textarea", "noscript", "template"}
DROPPED |= {"svg", "math", "object", "applet", "head", "title"}
OUTPUT = {"b": "b", "strong": "b", "i": "i", "em": "i", "sup": "sup", "sub": "sub"}
OUTPUT |= {"s": "s", "strike": "s", "del": "s"}
EMBED_HOSTS = {
    "youtube.com": "youtube",
    "m.youtube.com": "youtube",
    "youtube-nocookie.com": "youtube",
    "youtu.be": "youtube",
    "vimeo.com": "vimeo",
    "player.vimeo.com": "vimeo",
    "twitter.com": "x",
    "mobile.twitter.com": "x",
    "x.com": "x",
}
URL_ONLY = re.compile(r"^https?://\S+$")
BLANK_LINE = re.compile(r"\n[ \t\r]*\n")

ImageResolver = Callable[[str], int | None]
Block = tuple[str, object]


def sanitise(source: str) -> str:
    return nh3.clean(
        source or "",
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel=None,
        strip_comments=True,
        clean_content_tags=DROPPED,
    )


class Node:
    __slots__ = ("tag", "attrs", "children")

    def __init__(self, tag: str, attrs: dict[str, str]):
        self.tag = tag
        self.attrs = attrs
        self.children: list[Node | str] = []

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


VOID = {"br", "img", "hr"}


class TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("root", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1].children.append(Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse(cleaned: str) -> Node:
    builder = TreeBuilder()
    builder.feed(cleaned)
    builder.close()
    return builder.root


def embed_url(url: str) -> str | None:
    """The provider URL of an allowed embed (what Wagtail's oEmbed finders take), else None."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    provider = EMBED_HOSTS.get(host)
    if parts.scheme not in {"http", "https"} or provider is None:
        return None
    if provider == "youtube" and parts.path.startswith("/embed/"):
        return f"https://www.youtube.com/watch?v={parts.path.split('/')[2]}"
    if provider == "youtube" and host == "youtu.be":
        return f"https://www.youtube.com/watch?v={parts.path.strip('/')}"
    if provider == "youtube" and "v" in parse_qs(parts.query):
        return f"https://www.youtube.com/watch?v={parse_qs(parts.query)['v'][0]}"
    if provider == "vimeo" and host == "player.vimeo.com":
        return f"https://vimeo.com/{parts.path.rstrip('/').split('/')[-1]}"
    return url.strip()


def _href(url: str) -> str | None:
    url = url.strip()
    scheme = urlsplit(url).scheme.lower() if ":" in url else ""
    if scheme and scheme not in SCHEMES:
        return None
    return url


def escape(text: str) -> str:
    return html.escape(text, quote=False)


class Builder:
    """Walks the cleaned tree once and collects ``(block type, value)`` pairs."""

    def __init__(self, resolve_image: ImageResolver | None):
        self.resolve_image = resolve_image
        self.blocks: list[Block] = []
        self.run: list[str] = []  # the HTML of the paragraph being gathered
        self.deferred: list[Node] | None = None  # inside a list: its pictures, for after it

    # paragraphs
    def flush(self) -> None:
        content = " ".join("".join(self.run).split())
        content = content.replace("<br/> ", "<br/>").removesuffix("<br/>")
        self.run = []
        if not content or not re.sub(r"<[^>]+>", "", content).strip():
            return
        text = html.unescape(re.sub(r"<[^>]+>", "", content)).strip()
        if URL_ONLY.match(text) and embed_url(text):  # an auto-embed: a bare URL on its line
            self.blocks.append(("embed", {"embed": embed_url(text), "caption": ""}))
            return
        self.blocks.append(("paragraph", f"<p>{content}</p>"))

    def inline(self, node: Node | str, top: bool = False) -> None:
        if isinstance(node, str):
            if top and BLANK_LINE.search(node):
                pieces = BLANK_LINE.split(node)
                for k, piece in enumerate(pieces):
                    if k:
                        self.flush()
                    self.run.append(escape(piece))
            else:
                self.run.append(escape(node))
            return
        tag = node.tag
        if tag in {"img", "iframe"} and self.deferred is not None:
            self.deferred.append(node)  # a list item holds text only
            return
        if tag == "img":
            self.flush()
            self.image(node, caption="")
            return
        if tag == "iframe":
            self.flush()
            self.iframe(node)
            return
        if tag not in INLINE and self.deferred is not None:  # a block inside a list item
            if tag in {"ul", "ol"}:
                self.run.append(self.list_html(node))
            else:
                for child in node.children:
                    self.inline(child)
                self.run.append(" ")
            return
        if tag not in INLINE:  # a block inside a paragraph: close the paragraph around it
            self.flush()
            self.block(node)
            return
        if tag == "br":
            self.run.append("<br/>")
            return
        if tag == "a":
            href = _href(node.attrs.get("href", ""))
            if href and not any(isinstance(c, Node) and c.tag == "img" for c in node.children):
                self.run.append(f'<a href="{html.escape(href)}">')
                for child in node.children:
                    self.inline(child)
                self.run.append("</a>")
                return
        out = OUTPUT.get(tag)
        if out:
            self.run.append(f"<{out}>")
        for child in node.children:
            self.inline(child)
        if out:
            self.run.append(f"</{out}>")

    # blocks
    def container(self, node: Node) -> None:
        for child in node.children:
            if isinstance(child, Node) and child.tag not in INLINE | {"img", "iframe"}:
                self.flush()
                self.block(child)
            else:
                self.inline(child, top=True)
        self.flush()

    def block(self, node: Node) -> None:
        tag = node.tag
        if tag == "p":
            for child in node.children:
                self.inline(child)
            self.flush()
        elif tag in HEADINGS:
            text = " ".join(node.text().split())
            if text:
                self.blocks.append(("crosshead", text[:250]))
        elif tag == "blockquote":
            self.quote(node)
        elif tag in {"ul", "ol"}:
            self.listing(node)
        elif tag == "figure":
            self.figure(node)
        elif tag == "pre":
            text = node.text().strip()
            if text:
                lines = "<br/>".join(escape(line) for line in text.splitlines())
                self.blocks.append(("paragraph", f"<p>{lines}</p>"))
        elif tag == "hr":
            return
        elif tag == "table":
            self.table(node)
        elif tag in {"img", "iframe"}:
            self.inline(node)
        else:
            self.container(node)

    def table(self, node: Node) -> None:
        """One ``table`` block: rows of plain-text cells, as wide as the widest row."""
        self.flush()
        rows: list[list[str]] = []
        header = False
        for k, row in enumerate(find(node, "tr")):
            cells = [c for c in row.children if isinstance(c, Node) and c.tag in {"td", "th"}]
            if k == 0:
                header = bool(cells) and all(c.tag == "th" for c in cells)
            rows.append([" ".join(c.text().split())[:1000] for c in cells])
        captions = [" ".join(c.text().split()) for c in find(node, "caption")]
        width = max((len(r) for r in rows), default=0)
        rows = [r + [""] * (width - len(r)) for r in rows if any(r)]
        if rows:
            self.blocks.append(
                ("table", {"caption": " ".join(captions)[:400], "header_row": header, "rows": rows})
            )

    def quote(self, node: Node) -> None:
        attribution = ""
        parts: list[str] = []
        for child in node.children:
            if isinstance(child, Node) and child.tag in {"cite", "footer"}:
                attribution = " ".join(child.text().split())
            else:
                text = child if isinstance(child, str) else child.text()
                if text.strip():
                    parts.append(" ".join(text.split()))
        text = "\n\n".join(parts).strip()
        if text:
            self.blocks.append(("quote", {"text": text, "attribution": attribution[:200]}))

    def listing(self, node: Node) -> None:
        """One ``list`` block, then the pictures its items held, as image blocks."""
        self.flush()
        self.deferred = []
        try:
            markup = self.list_html(node)
        finally:
            deferred, self.deferred = self.deferred, None
        if markup:
            self.blocks.append(("list", markup))
        for inner in deferred:
            if inner.tag == "img":
                self.image(inner, caption="")
            else:
                self.iframe(inner)

    def list_html(self, node: Node) -> str:
        items = []
        for item in node.children:
            if not isinstance(item, Node):
                continue
            if item.tag in {"ul", "ol"} and items:  # a list right inside a list: the last item's
                items[-1] = items[-1].removesuffix("</li>") + self.list_html(item) + "</li>"
                continue
            saved, self.run = self.run, []
            for child in item.children if item.tag == "li" else [item]:
                self.inline(child)
            content = " ".join("".join(self.run).split()).replace("<br/> ", "<br/>")
            self.run = saved
            content = content.removesuffix("<br/>").strip()
            if re.sub(r"<[^>]+>", "", content).strip() or "<li>" in content:
                items.append(f"<li>{content}</li>")
        return f"<{node.tag}>{''.join(items)}</{node.tag}>" if items else ""

    def figure(self, node: Node) -> None:
        caption = ""
        for child in node.children:
            if isinstance(child, Node) and child.tag == "figcaption":
                caption = " ".join(child.text().split())
        images = find(node, "img")
        frames = find(node, "iframe")
        if images:
            for k, img in enumerate(images):
                self.image(img, caption if k == len(images) - 1 else "")
        elif frames:
            self.iframe(frames[0], caption)
        else:
            body = Node("div", {})
            body.children = [
                c for c in node.children if not (isinstance(c, Node) and c.tag == "figcaption")
            ]
            self.container(body)
            if caption:
                self.blocks.append(("paragraph", f"<p><i>{escape(caption)}</i></p>"))

    def image(self, node: Node, caption: str) -> None:
        src = node.attrs.get("src", "").strip()
        if not src or self.resolve_image is None:
            return
        pk = self.resolve_image(src)
        if pk is None:
            return  # reported as missing media by the resolver; the body stays clean
        alt = " ".join(node.attrs.get("alt", "").split())
        self.blocks.append(
            ("image", {"image": pk, "caption": caption[:400], "credit": "", "alt_text": alt[:300]})
        )

    def iframe(self, node: Node, caption: str = "") -> None:
        src = node.attrs.get("src", "").strip()
        url = embed_url(src)
        if url:
            self.blocks.append(("embed", {"embed": url, "caption": caption[:400]}))
        elif src and _href(src) and urlsplit(src).scheme in {"http", "https"}:
            link = html.escape(src)
            self.blocks.append(
                ("paragraph", f'<p>Embedded content: <a href="{link}">{link}</a></p>')
            )


def find(node: Node, tag: str) -> list[Node]:
    found = []
    for child in node.children:
        if isinstance(child, Node):
            if child.tag == tag:
                found.append(child)
            else:
                found += find(child, tag)
    return found


def html_to_blocks(source: str, resolve_image: ImageResolver | None = None) -> list[Block]:
    builder = Builder(resolve_image)
    builder.container(parse(sanitise(source)))
    return builder.blocks
