"""Upserts one item (article or page) and what it refers to, keyed by ``ImportedItem``.

Every write goes through Wagtail's own page API, as an editor's would: a new page is added
as a draft with every field (its access level included) set in that first save, then a
revision is saved and, for a published item, published through Wagtail's revision publish;
a scheduled item is published with its ``go_live_at`` ahead, which Wagtail keeps as
scheduled. So a paid post is subscribers-only from the first row that exists of it.

A known item whose source hash is the same is left alone ("unchanged", even if an editor
changed it since); one whose source changed gets a new revision ("updated").
"""

import uuid

from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from masthead.access.policy import preview_paragraphs
from masthead.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    SectionPage,
    Topic,
)

from .bodies import html_to_blocks
from .items import Item, Term
from .media import Media
from .models import ImportedComment, ImportedItem
from .report import Report
from .text import plain

FALLBACK_SECTION = Term(key="-", slug="articles", name="Articles")
PAGES_SECTION = Term(key="-pages", slug="pages", name="Pages")
BLOCK_NAMESPACE = uuid.UUID("0f3a6a4e-2c1d-4d7e-9a43-6b1f2d9e8c10")


def home_page() -> HomePage:
    """The site's home page, made (and set as the default site's root) when there is none."""
    home = HomePage.objects.first()
    if home is not None:
        return home
    root = Page.get_first_root_node()
    home = HomePage(title="Home", slug="home-imported", live=False)
    root.add_child(instance=home)
    home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.save()
    return HomePage.objects.get(pk=home.pk)


class Writer:
    def __init__(self, source: str, report: Report, media: Media, dry_run: bool = False):
        self.source = source
        self.report = report
        self.media = media
        self.dry_run = dry_run
        self._home: HomePage | None = None
        self._terms: dict[tuple[str, str], object] = {}

    @property
    def home(self) -> HomePage:
        if self._home is None:
            self._home = home_page()
        return self._home

    def forget(self) -> None:
        """After a rolled-back item: what was cached may not exist any more."""
        self._terms.clear()
        self.media.by_url.clear()
        self._home = None

    # ---- keys
    def _key(self, kind: str, source_id: str) -> ImportedItem | None:
        return ImportedItem.objects.filter(
            source=self.source, kind=kind, source_id=source_id
        ).first()

    def _remember(self, kind: str, source_id: str, pk: int, digest: str = "") -> None:
        ImportedItem.objects.update_or_create(
            source=self.source,
            kind=kind,
            source_id=source_id,
            defaults={"object_id": pk, "content_hash": digest},
        )

    # ---- terms
    def section(self, term: Term) -> SectionPage:
        cached = self._terms.get(("sections", term.key))
        if cached is not None:
            return cached  # type: ignore[return-value]
        key = self._key("sections", term.key)
        found = SectionPage.objects.filter(pk=key.object_id).first() if key else None
        slug = slugify(term.slug or term.name)[:50] or "section"
        if found is None:
            found = SectionPage.objects.child_of(self.home).filter(slug=slug).first()
        if found is not None:
            self.report.count("sections", "unchanged", term.key)
        else:
            found = SectionPage(
                title=plain(term.name, 255) or slug,
                slug=slug,
                live=False,
                show_in_navigation=term.key != PAGES_SECTION.key,
            )
            self.home.add_child(instance=found)
            revision = found.save_revision()
            if not self.dry_run:
                revision.publish()
            found = SectionPage.objects.get(pk=found.pk)
            self.report.count("sections", "created", term.key)
        if key is None or key.object_id != found.pk:
            self._remember("sections", term.key, found.pk)
        self._terms[("sections", term.key)] = found
        return found

    def _snippet(self, kind: str, model, term: Term, **defaults):
        cached = self._terms.get((kind, term.key))
        if cached is not None:
            return cached
        key = self._key(kind, term.key)
        found = model.objects.filter(pk=key.object_id).first() if key else None
        name = plain(term.name, 120) or term.slug or "unnamed"
        slug = slugify(term.slug or name)[:120] or slugify(name)[:120] or "unnamed"
        if found is None:
            found = model.objects.filter(slug=slug).first()
        if found is not None:
            self.report.count(kind, "unchanged", term.key)
        else:
            found = model.objects.create(name=name, slug=slug, **defaults)
            self.report.count(kind, "created", term.key)
        if key is None or key.object_id != found.pk:
            self._remember(kind, term.key, found.pk)
        self._terms[(kind, term.key)] = found
        return found

    def topic(self, term: Term) -> Topic:
        return self._snippet("topics", Topic, term)

    def author(self, term: Term) -> Author:
        return self._snippet("authors", Author, term)

    # ---- items
    def write(self, item: Item) -> None:
        kind = item.kind
        for problem in item.problems:
            self.report.reject(item.where, problem)
        digest = item.content_hash()
        key = self._key(kind, item.source_id)
        page = ArticlePage.objects.filter(pk=key.object_id).first() if key else None
        section = self.section(
            PAGES_SECTION if kind == "pages" else (item.section or FALLBACK_SECTION)
        )
        authors = [self.author(a) for a in item.authors]
        topics = [self.topic(t) for t in item.topics]
        if page is not None and key is not None and key.content_hash == digest:
            self.report.count(kind, "unchanged")
            self.redirects(item, page)
            return
        outcome = "updated" if page is not None else "created"
        if page is None:
            page = ArticlePage(live=False)
        self.fill(page, item, section, authors, topics)
        if outcome == "created":
            section.add_child(instance=page)  # one save, access level included, not live
        revision = page.save_revision(clean=False)
        if item.status in {"publish", "future"} and not self.dry_run:
            revision.publish()
        page = ArticlePage.objects.get(pk=page.pk)
        self.check_cut(item)
        self._remember(kind, item.source_id, page.pk, digest)
        self.report.count(kind, outcome)
        self.redirects(item, page)
        self.comments(item, page)

    def fill(self, page: ArticlePage, item: Item, section, authors, topics) -> None:
        title = plain(item.title, 255)
        body = html_to_blocks(item.body_html, self.media.resolve)
        if not title:
            words = " ".join(plain(item.body_html).split()[:10])
            title = words[:80] or "Untitled"
            self.report.reject(item.where, f"no title: titled {title!r}")
        deck = plain(item.excerpt, 600)
        if not deck:
            first = next((v for t, v in body if t == "paragraph"), "")
            deck = plain(str(first), 300) or title
        page.title = title
        page.draft_title = title
        page.slug = self.free_slug(section, slugify(item.slug or title)[:255] or "item", page, item)
        page.standfirst = deck
        page.search_description = deck[:255]
        page.body = [
            {"type": kind, "value": value, "id": str(uuid.uuid5(BLOCK_NAMESPACE, f"{i}:{kind}"))}
            for i, (kind, value) in enumerate(body)
        ]
        page.access = item.access
        lead = self.media.resolve(item.image_url) if item.image_url else None
        page.lead_image_id = lead or None
        page.lead_image_caption = plain(item.image_caption, 400)
        page.lead_image_credit = plain(item.image_credit, 200)
        page.lead_image_alt = plain(item.image_alt, 300)
        page.article_authors = [
            ArticleAuthor(author=a, sort_order=k) for k, a in enumerate(authors)
        ]
        page.topics = topics
        page.primary_topic = topics[0] if topics else None
        if item.published_at is not None:
            page.first_published_at = item.published_at
        page.go_live_at = item.published_at if item.status == "future" else None

    def check_cut(self, item: Item) -> None:
        """Masthead's preview of a subscribers-only article is the site's first N paragraphs,
        not a cut of each article's own: say so where the source's paid cut came earlier."""
        if item.access != "subscribers" or item.public_html is None:
            return
        before = sum(1 for kind, _v in html_to_blocks(item.public_html) if kind == "paragraph")
        shown = preview_paragraphs()
        if before < shown:
            self.report.reject(
                item.where,
                f"paid cut after paragraph {before} in the source; the site's preview of "
                f"subscribers-only articles shows {shown} (Settings → Meter and walls)",
            )

    def free_slug(self, section, slug: str, page: ArticlePage, item: Item) -> str:
        siblings = Page.objects.child_of(section)
        if page.pk:
            siblings = siblings.exclude(pk=page.pk)
        if not siblings.filter(slug=slug).exists():
            return slug
        for n in range(2, 10_000):
            candidate = f"{slug[:240]}-{n}"
            if not siblings.filter(slug=candidate).exists():
                self.report.reject(item.where, f"duplicate slug {slug!r}: renamed {candidate!r}")
                return candidate
        raise ValueError(f"no free slug for {slug!r}")

    def redirects(self, item: Item, page: ArticlePage) -> None:
        if item.status == "draft":
            return
        new = Redirect.normalise_path(page.public_path)
        for old in dict.fromkeys(item.old_paths):
            path = Redirect.normalise_path(old)
            if not path or path == new or path == "/":
                continue
            found = Redirect.objects.filter(site=None, old_path=path).first()
            if found is None:
                Redirect.objects.create(
                    old_path=path, site=None, is_permanent=True, redirect_page=page
                )
                self.report.count("redirects", "created")
            elif found.redirect_page_id != page.pk:
                found.redirect_page = page
                found.redirect_link = ""
                found.is_permanent = True
                found.save()
                self.report.count("redirects", "updated")
            else:
                self.report.count("redirects", "unchanged")

    def comments(self, item: Item, page: ArticlePage) -> None:
        for c in item.comments:
            ImportedComment.objects.update_or_create(
                source=self.source,
                source_id=f"{item.source_id}:{c.source_id}",
                defaults={
                    "article": page,
                    "parent_source_id": f"{item.source_id}:{c.parent_source_id}"
                    if c.parent_source_id
                    else "",
                    "author_name": plain(c.author_name, 200),
                    "author_email": plain(c.author_email, 254),
                    "author_url": plain(c.author_url, 400),
                    "body": plain(c.body),
                    "created_at": c.created_at,
                    "approved": c.approved,
                },
            )
