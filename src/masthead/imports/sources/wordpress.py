"""WordPress eXtended RSS (WXR 1.1 and 1.2), as WordPress and WordPress.com write it.

The two differ in their namespaces (``http://wordpress.org/export/1.2/`` against
``https://wordpress.org/export/1.2/``, and 1.1's), so elements are matched by their local
name within any ``wordpress.org/export/1.x/`` namespace.

The file is streamed twice with ``iterparse``, never held whole: the first pass checks all
of it (well-formed, no DOCTYPE, a WXR root) and collects the small tables items refer to —
attachments (for featured images and galleries), authors and categories; the second yields
one ``Item`` per post or page, each element cleared once read.

Mapping (README, "Import"): ``publish`` → published, ``future`` → scheduled, ``draft``,
``pending``, ``private`` → drafts; a password-protected post → subscribers-only; the primary
category (Yoast's ``_yoast_wpseo_primary_category``, else the first) → section, the other
categories and the tags → topics; ``dc:creator`` → author; ``_thumbnail_id`` → lead image;
the permalink, ``/?p=ID`` and ``/?page_id=ID`` → redirects; comments are kept.
"""

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings

from ..errors import UnusableInput
from ..items import Comment, Item, Rejected, Term
from ..safety import check_file, xml_events
from ..shortcodes import Attachment, expand

WP_NS = re.compile(r"wordpress\.(org|com)/export/1\.\d+/$")
EXCERPT_NS = re.compile(r"wordpress\.(org|com)/export/1\.\d+/excerpt/$")
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DC_NS = "http://purl.org/dc/elements/1.1/"
STATUS = {"publish": "publish", "future": "future", "draft": "draft", "pending": "draft"}
STATUS |= {"private": "draft", "auto-draft": "draft"}
INTERNAL_TYPES = {
    "attachment", "nav_menu_item", "revision", "custom_css", "customize_changeset",
    "oembed_cache", "user_request", "wp_block", "wp_template", "wp_template_part",
    "wp_global_styles", "wp_navigation", "wp_font_family", "wp_font_face",
}  # fmt: skip


def name_of(tag: str) -> str:
    """``wp:post_id`` for ``{http(s)://wordpress.org/export/1.2/}post_id`` and so on."""
    if not tag.startswith("{"):
        return tag
    ns, local = tag[1:].split("}", 1)
    if WP_NS.search(ns):
        return f"wp:{local}"
    if EXCERPT_NS.search(ns):
        return f"excerpt:{local}"
    if ns == CONTENT_NS:
        return f"content:{local}"
    if ns == DC_NS:
        return f"dc:{local}"
    return local


def fields(elem) -> dict[str, str]:
    return {name_of(c.tag): (c.text or "") for c in elem}


class Tables:
    def __init__(self):
        self.attachments: dict[str, Attachment] = {}
        self.alts: dict[str, str] = {}
        self.authors: dict[str, str] = {}
        self.term_ids: dict[str, str] = {}  # term id -> category nicename
        self.link = ""
        self.items = 0
        self.version = ""


def scan(path: Path) -> Tables:
    """The first pass: all of the file checked, the small tables collected."""
    check_file(path, "a WordPress export (WXR)")
    tables = Tables()
    depth = 0
    channel = None
    for event, elem in xml_events(path):
        if event == "start":
            if depth == 0 and name_of(elem.tag) != "rss":
                raise UnusableInput(
                    f"{path.name}: not a WordPress export (WXR): the root element is "
                    f"<{name_of(elem.tag)}>, not <rss>"
                )
            if depth == 1 and name_of(elem.tag) == "channel":
                channel = elem
            depth += 1
            continue
        depth -= 1
        tag = name_of(elem.tag)
        if depth == 2 and tag == "wp:wxr_version":
            tables.version = (elem.text or "").strip()
        elif depth == 2 and tag == "link":
            tables.link = (elem.text or "").strip()
        elif depth == 2 and tag == "wp:author":
            f = fields(elem)
            login = f.get("wp:author_login", "").strip()
            tables.authors[login] = f.get("wp:author_display_name", "").strip() or login
        elif depth == 2 and tag == "wp:category":
            f = fields(elem)
            if f.get("wp:term_id"):
                tables.term_ids[f["wp:term_id"].strip()] = f.get("wp:category_nicename", "")
        elif depth == 2 and tag == "item":
            f = fields(elem)
            post_id = f.get("wp:post_id", "").strip()
            kind = f.get("wp:post_type", "")
            if kind == "attachment":
                tables.attachments[post_id] = Attachment(
                    url=f.get("wp:attachment_url", "") or f.get("guid", ""),
                    parent=f.get("wp:post_parent", "").strip(),
                    caption=f.get("excerpt:encoded", ""),
                )
                for key, value in postmeta(elem):
                    if key == "_wp_attachment_image_alt":
                        tables.alts[post_id] = value
            elif kind not in INTERNAL_TYPES:
                tables.items += 1
            elem.clear()
            if channel is not None:
                channel.remove(elem)
    if not tables.version:
        raise UnusableInput(f"{path.name}: not a WordPress export (WXR): no <wp:wxr_version>")
    return tables


def postmeta(elem) -> Iterator[tuple[str, str]]:
    for child in elem:
        if name_of(child.tag) == "wp:postmeta":
            f = fields(child)
            yield f.get("wp:meta_key", ""), f.get("wp:meta_value", "")


def parse_date(gmt: str, local: str, pub: str) -> datetime | None:
    """The item's time, aware: ``post_date_gmt`` (UTC), else ``post_date`` in the
    publication's time zone, else the RSS ``pubDate``; None when there is none."""
    gmt, local = gmt.strip(), local.strip()
    if gmt and not gmt.startswith("0000"):
        return datetime.strptime(gmt, "%Y-%m-%d %H:%M:%S").replace(tzinfo=UTC)
    if local and not local.startswith("0000"):
        zone = ZoneInfo(settings.TIME_ZONE)
        return datetime.strptime(local, "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
    if pub.strip():
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(pub.strip())
    return None


def old_path(url: str) -> str:
    parts = urlsplit(url.strip())
    if not parts.path and not parts.query:
        return ""
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def read(path: Path, tables: Tables, access_tag: str = "") -> Iterator[Item | Rejected]:
    """The second pass: one ``Item`` (or a ``Rejected``) per post and page."""
    depth = 0
    channel = None
    for event, elem in xml_events(path):
        if event == "start":
            if depth == 1:
                channel = elem
            depth += 1
            continue
        depth -= 1
        if depth == 2 and name_of(elem.tag) == "item":
            try:
                found = item_of(elem, tables, access_tag)
            except Rejected as exc:
                found = exc
            elem.clear()
            if channel is not None:
                channel.remove(elem)
            if found is not None:
                yield found


def item_of(elem, tables: Tables, access_tag: str) -> Item | None:
    f = fields(elem)
    post_type = f.get("wp:post_type", "post").strip() or "post"
    post_id = f.get("wp:post_id", "").strip()
    where = f"item {post_id or '?'}"
    if post_type in INTERNAL_TYPES:
        return None
    if post_type not in {"post", "page"}:
        raise Rejected(where, f"post type {post_type!r} is not imported", "articles")
    kind = "pages" if post_type == "page" else "articles"
    if not post_id:
        raise Rejected(where, "no wp:post_id", kind)
    raw_status = f.get("wp:status", "").strip()
    if raw_status == "trash":
        raise Rejected(where, "in the trash: not imported", kind)
    status = STATUS.get(raw_status, "draft")
    try:
        when = parse_date(
            f.get("wp:post_date_gmt", ""), f.get("wp:post_date", ""), f.get("pubDate", "")
        )
    except (ValueError, TypeError):
        if status != "draft":
            raise Rejected(where, f"broken date {f.get('wp:post_date', '')!r}", kind) from None
        when = None
    if when is None and status != "draft":
        raise Rejected(where, "no date for a published or scheduled item", kind)

    categories: list[Term] = []
    tags: list[Term] = []
    for child in elem:
        if name_of(child.tag) == "category":
            nicename = (child.get("nicename") or "").strip()
            label = (child.text or "").strip()
            term = Term(key=nicename or label, slug=nicename or label, name=label or nicename)
            (categories if child.get("domain") == "category" else tags).append(term)
    meta = dict(postmeta(elem))
    primary = tables.term_ids.get(meta.get("_yoast_wpseo_primary_category", "").strip())
    section = next((c for c in categories if c.slug == primary), None) or (
        categories[0] if categories else None
    )
    wanted = access_tag.strip().lower()
    terms = categories + tags
    paid = bool(wanted) and any(wanted in {t.slug.lower(), t.name.lower()} for t in terms)
    access = "subscribers" if paid or f.get("wp:post_password", "").strip() else "metered"
    topics = [t for t in terms if t != section and not (wanted and t.slug.lower() == wanted)]

    body, unknown = expand(f.get("content:encoded", ""), tables.attachments, post_id)
    problems = [f"unknown shortcode [{name}] removed" for name in unknown]
    login = f.get("dc:creator", "").strip()
    authors = [Term(key=login, slug=login, name=tables.authors.get(login, login))] if login else []
    thumb = tables.attachments.get(meta.get("_thumbnail_id", "").strip())

    link = f.get("link", "")
    paths = [old_path(link)] if link and status == "publish" else []
    paths.append(f"/?page_id={post_id}" if kind == "pages" else f"/?p={post_id}")
    return Item(
        source_id=f"{tables.link}|{post_id}",
        where=where,
        kind=kind,
        title=f.get("title", ""),
        slug=f.get("wp:post_name", "").strip(),
        excerpt=f.get("excerpt:encoded", ""),
        body_html=body,
        status=status,
        published_at=when,
        access=access,
        authors=authors,
        section=section,
        topics=list(dict.fromkeys(topics)),
        image_url=thumb.url if thumb else "",
        image_caption=thumb.caption if thumb else "",
        image_alt=tables.alts.get(meta.get("_thumbnail_id", "").strip(), ""),
        old_paths=[p for p in paths if p],
        comments=comments_of(elem),
        problems=problems,
    )


def comments_of(elem) -> list[Comment]:
    found = []
    for child in elem:
        if name_of(child.tag) != "wp:comment":
            continue
        f = fields(child)
        approved = f.get("wp:comment_approved", "").strip()
        if approved in {"spam", "trash"}:
            continue
        try:
            when = parse_date(f.get("wp:comment_date_gmt", ""), f.get("wp:comment_date", ""), "")
        except ValueError:
            when = None
        parent = f.get("wp:comment_parent", "").strip()
        found.append(
            Comment(
                source_id=f.get("wp:comment_id", "").strip(),
                parent_source_id="" if parent in {"", "0"} else parent,
                author_name=f.get("wp:comment_author", ""),
                author_email=f.get("wp:comment_author_email", ""),
                author_url=f.get("wp:comment_author_url", ""),
                body=f.get("wp:comment_content", ""),
                created_at=when,
                approved=approved == "1",
            )
        )
    return found
