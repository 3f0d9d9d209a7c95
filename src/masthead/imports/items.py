"""The records every reader produces and the writer consumes: plain values, no Django.

A reader turns its format into ``Item``s (posts and pages) with their body still HTML;
the writer sanitises the body into blocks (``bodies.py``), finds or makes the section,
topics, authors and images, and upserts the page.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Term:
    """A category, tag or author: a stable key in the source, a slug and a display name."""

    key: str
    slug: str
    name: str


@dataclass
class Comment:
    source_id: str
    parent_source_id: str
    author_name: str
    author_email: str
    author_url: str
    body: str
    created_at: datetime | None
    approved: bool


@dataclass
class Item:
    source_id: str  # stable in the source: WordPress post id, Ghost id, Substack post id
    where: str  # "item 123": how the report names this item
    kind: str  # "articles" or "pages"
    title: str
    slug: str
    excerpt: str  # HTML or text; becomes the deck (standfirst)
    body_html: str
    status: str  # "publish", "draft" or "future"
    published_at: datetime | None  # aware
    access: str = "metered"  # metered, free, subscribers
    authors: list[Term] = field(default_factory=list)
    section: Term | None = None
    topics: list[Term] = field(default_factory=list)
    image_url: str = ""
    image_caption: str = ""
    image_credit: str = ""
    image_alt: str = ""
    old_paths: list[str] = field(default_factory=list)
    comments: list[Comment] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # repairs the reader made
    public_html: str | None = None  # a paid post's part before the source's paid cut

    def content_hash(self) -> str:
        data = asdict(self)
        data.pop("problems")
        data.pop("public_html")
        text = json.dumps(data, sort_keys=True, default=str)
        return hashlib.sha256(text.encode()).hexdigest()


class Rejected(Exception):
    """An item that cannot be imported (a broken date, a post type we do not take...)."""

    def __init__(self, where: str, reason: str, kind: str = "articles"):
        super().__init__(reason)
        self.where = where
        self.reason = reason
        self.kind = kind
