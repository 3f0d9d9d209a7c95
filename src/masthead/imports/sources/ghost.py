"""Ghost's JSON export, versions 4 to 6 (``{"db": [{"meta", "data"}]}``, or the inner object).

A post's body is its ``html``; ``lexical`` (Ghost 5-6) or ``mobiledoc`` only where ``html``
is missing. Mapping (README, "Import"): ``published`` → published, ``scheduled`` →
scheduled, ``draft`` and ``sent`` (e-mail only) → drafts; visibility ``public`` and
``members`` → metered, ``paid`` and ``tiers`` → subscribers-only; the primary tag (the first
public one by ``sort_order``) → section, the other public tags → topics (internal ``#tags``
are left out); ``posts_authors`` → authors; ``feature_image`` with its caption and alt →
lead image; ``/slug/`` and ``/p/uuid/`` → redirects.
"""

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import UnusableInput
from ..items import Item, Rejected, Term
from ..safety import check_file
from .ghost_bodies import lexical_to_html, mobiledoc_to_html

MAX_JSON_BYTES = 1024**3
STATUS = {"published": "publish", "scheduled": "future", "draft": "draft", "sent": "draft"}
MEMBERS_ONLY = "<!--members-only-->"  # Ghost's public-preview divider
ACCESS = {"public": "metered", "members": "metered", "paid": "subscribers"}


@dataclass
class Export:
    data: dict
    version: str

    @property
    def total(self) -> int:
        return len(self.data.get("posts", []))


def load(path: Path) -> Export:
    check_file(path, "a Ghost export (JSON)")
    if path.stat().st_size > MAX_JSON_BYTES:
        raise UnusableInput(f"{path.name}: larger than {MAX_JSON_BYTES} bytes")
    try:
        with path.open("rb") as fh:
            document = json.load(fh)
    except (ValueError, UnicodeDecodeError) as exc:
        raise UnusableInput(f"{path.name}: not a Ghost export: not JSON ({exc})") from None
    except OSError as exc:
        raise UnusableInput(f"{path.name}: cannot be read ({exc})") from None
    db = document.get("db") if isinstance(document, dict) else None
    inner = db[0] if isinstance(db, list) and db and isinstance(db[0], dict) else document
    data = inner.get("data") if isinstance(inner, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("posts"), list):
        raise UnusableInput(f"{path.name}: not a Ghost export: no db[0].data.posts")
    version = str((inner.get("meta") or {}).get("version", ""))
    return Export(data=data, version=version)


def parse_date(value) -> datetime | None:
    if not value:
        return None
    if isinstance(value, int | float):  # very old exports: milliseconds
        from datetime import UTC

        return datetime.fromtimestamp(value / 1000, tz=UTC)
    return datetime.fromisoformat(str(value).replace("Z", "+00:00"))


def read(export: Export) -> Iterator[Item | Rejected]:
    data = export.data
    tags = {t["id"]: t for t in data.get("tags", []) if isinstance(t, dict) and "id" in t}
    users = {u["id"]: u for u in data.get("users", []) if isinstance(u, dict) and "id" in u}
    meta = {m.get("post_id"): m for m in data.get("posts_meta", []) if isinstance(m, dict)}
    post_tags: dict[str, list[tuple[int, str]]] = {}
    for row in data.get("posts_tags", []):
        post_tags.setdefault(row.get("post_id"), []).append(
            (int(row.get("sort_order") or 0), row.get("tag_id"))
        )
    post_authors: dict[str, list[tuple[int, str]]] = {}
    for row in data.get("posts_authors", []):
        post_authors.setdefault(row.get("post_id"), []).append(
            (int(row.get("sort_order") or 0), row.get("author_id"))
        )
    for post in data["posts"]:
        try:
            yield item_of(post, tags, users, meta, post_tags, post_authors)
        except Rejected as exc:
            yield exc


def item_of(post, tags, users, meta, post_tags, post_authors) -> Item:
    if not isinstance(post, dict) or not post.get("id"):
        raise Rejected("item ?", "a post without an id", "articles")
    pid = str(post["id"])
    where = f"item {pid}"
    is_page = post.get("type") == "page" or post.get("page") in {True}
    kind = "pages" if is_page else "articles"
    status = STATUS.get(post.get("status", ""), "draft")
    try:
        when = parse_date(post.get("published_at")) or (
            parse_date(post.get("created_at")) if status == "draft" else None
        )
    except (ValueError, TypeError, OverflowError):
        raise Rejected(where, f"broken date {post.get('published_at')!r}", kind) from None
    if when is None and status != "draft":
        raise Rejected(where, "no published_at for a published or scheduled post", kind)

    terms = []
    for _order, tag_id in sorted(post_tags.get(pid, []), key=lambda pair: pair[0]):
        tag = tags.get(tag_id)
        if (
            tag
            and tag.get("visibility", "public") == "public"
            and not tag.get("name", "").startswith("#")
        ):
            terms.append(Term(key=str(tag_id), slug=tag.get("slug", ""), name=tag.get("name", "")))
    ordered = sorted(post_authors.get(pid, []), key=lambda pair: pair[0])
    author_ids = [a for _o, a in ordered] or ([post["author_id"]] if post.get("author_id") else [])
    authors = [
        Term(key=str(a), slug=users[a].get("slug", ""), name=users[a].get("name", ""))
        for a in author_ids
        if a in users
    ]
    body = post.get("html")
    if not body and post.get("lexical"):
        body = lexical_to_html(post["lexical"])
    elif not body and post.get("mobiledoc"):
        body = mobiledoc_to_html(post["mobiledoc"])
    extra = meta.get(pid, {})
    cut = (body or "").find(MEMBERS_ONLY)
    visibility = post.get("visibility") or "public"
    paths = []
    if post.get("slug"):
        paths.append(f"/{post['slug']}/")
    if post.get("uuid"):
        paths.append(f"/p/{post['uuid']}/")
    return Item(
        source_id=pid,
        where=where,
        kind=kind,
        title=post.get("title") or "",
        slug=post.get("slug") or "",
        excerpt=post.get("custom_excerpt") or extra.get("meta_description") or "",
        body_html=body or "",
        status=status,
        published_at=when,
        access=ACCESS.get(visibility, "subscribers"),  # tiers, or anything unknown: paid
        authors=authors,
        section=terms[0] if terms else None,
        topics=terms[1:],
        image_url=post.get("feature_image") or "",
        image_caption=post.get("feature_image_caption") or extra.get("feature_image_caption") or "",
        image_alt=post.get("feature_image_alt") or extra.get("feature_image_alt") or "",
        old_paths=paths,
        public_html=body[:cut] if cut >= 0 else None,
    )
