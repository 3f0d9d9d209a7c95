"""Article snapshots: everything an article page shows, rendered once per published revision.

A snapshot is plain data (strings, numbers, small dicts) built from a live ``ArticlePage``:
the byline, the lead image's renditions, and each body block rendered to HTML with its text.
Pages render from the snapshot, so a view does not load authors, topics, images or render
StreamField blocks again; the gate cuts ``snapshot.body`` exactly as it cuts a page's body::

    snap = snapshot_for(page)          # cached under the page's live revision
    snap.body[0].block_type, snap.body[0].html

Blocks that depend on the reader (a callout's form) are kept ``live`` and rendered per request.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.template.loader import render_to_string

from masthead import caching

from .body import block_text

CACHE_SECONDS = 24 * 3600
LIVE_BLOCKS = {"callout"}


@dataclass
class BlockSnapshot:
    block_type: str
    html: str = ""
    text: str = ""
    live_id: int | None = None  # a per-reader block: the snippet's id, rendered per request


@dataclass
class ArticleSnapshot:
    pk: int
    marker: str
    title: str
    seo_title: str
    search_description: str
    standfirst: str
    public_path: str
    section: dict | None
    authors: list[dict]
    primary_topic: dict | None
    topics: list[dict]
    dateline: str
    contributor_note: str
    access: str
    sponsor: str
    sponsor_label: str
    sponsor_disclosure: str
    first_published_at: datetime | None
    last_published_at: datetime | None
    lead: dict | None
    body: list[BlockSnapshot] = field(default_factory=list)

    @property
    def is_sponsored(self) -> bool:
        return bool(self.sponsor.strip())

    @property
    def id(self) -> int:
        return self.pk


def marker_for(page) -> str:
    published = page.last_published_at.timestamp() if page.last_published_at else 0
    return f"{page.live_revision_id or 0}:{published}"


# Built once per revision with the snapshot: the browser picks the width it needs.
LEAD_WIDTHS = ("width-480", "width-800", "width-1200")
LEAD_SIZES = "(max-width: 760px) 100vw, 760px"


def _lead(page) -> dict | None:
    image = page.lead_image
    if image is None:
        return None
    alt = page.lead_image_alt or page.title
    renditions = image.get_renditions("fill-1200x630", *LEAD_WIDTHS)
    og = renditions["fill-1200x630"]
    main = renditions[LEAD_WIDTHS[-1]]
    srcset = ", ".join(f"{r.url} {r.width}w" for r in (renditions[s] for s in LEAD_WIDTHS))
    attrs = {"srcset": srcset, "sizes": LEAD_SIZES, "loading": "eager", "fetchpriority": "high"}
    return {
        "html": main.img_tag({**attrs, "alt": alt}),
        "og_url": og.url,
        "og_width": og.width,
        "og_height": og.height,
        "alt": alt,
        "caption": page.lead_image_caption,
        "credit": page.lead_image_credit,
        "api": {"url": main.url, "width": main.width, "height": main.height},
    }


def _block(child) -> BlockSnapshot:
    if child.block_type in LIVE_BLOCKS:
        value = child.value
        return BlockSnapshot(child.block_type, live_id=getattr(value, "pk", None))
    html = render_to_string("newsroom/includes/body_blocks.html", {"blocks": [child]})
    return BlockSnapshot(child.block_type, html=html, text=block_text(child))


def build_snapshot(page) -> ArticleSnapshot:
    section = page.section
    topic = page.primary_topic
    return ArticleSnapshot(
        pk=page.pk,
        marker=marker_for(page),
        title=page.title,
        seo_title=page.seo_title,
        search_description=page.search_description,
        standfirst=page.standfirst,
        public_path=page.public_path,
        section={"title": section.title, "slug": section.slug, "public_path": section.public_path}
        if section
        else None,
        authors=[
            {"name": a.name, "role": a.role, "slug": a.slug, "url": a.get_absolute_url()}
            for a in page.authors
        ],
        primary_topic={"name": topic.name, "slug": topic.slug, "url": topic.get_absolute_url()}
        if topic
        else None,
        topics=[
            {"name": t.name, "slug": t.slug, "url": t.get_absolute_url()} for t in page.topics.all()
        ],
        dateline=page.dateline,
        contributor_note=page.contributor_note,
        access=page.access,
        sponsor=page.sponsor,
        sponsor_label=page.sponsor_label,
        sponsor_disclosure=page.sponsor_disclosure,
        first_published_at=page.first_published_at,
        last_published_at=page.last_published_at,
        lead=_lead(page),
        body=[_block(child) for child in page.body],
    )


def snapshot_key(pk: int, marker: str) -> str:
    return f"newsroom:snapshot:v3:{pk}:{marker}"


def snapshot_for(page) -> ArticleSnapshot:
    """The snapshot of a live page, from the cache or built and cached now."""
    if getattr(page, "is_preview", False):
        return build_snapshot(page)
    key = snapshot_key(page.pk, marker_for(page))
    snap = caching.get(key)
    if snap is None:
        snap = build_snapshot(page)
        caching.set(key, snap, CACHE_SECONDS)
    return snap
