"""Upserts one item (article or page) and what it refers to, keyed by ``ImportedItem``.

Every write goes through Wagtail's own page API, as an editor's would: a new page is added
as a draft with every field (its access level included) set in that first save, then a
revision is saved and, for a published item, published through Wagtail's revision publish;
a scheduled item is published with its ``go_live_at`` ahead, which Wagtail keeps as
scheduled. So a paid post is subscribers-only from the first row that exists of it.

A known item whose source hash is the same is left alone ("unchanged", even if an editor
changed it since); one whose source changed gets a new revision ("updated").

Speed (``benchmarks/import_wxr.py``): a new published item — most of any import — is not
written on its own. ``write`` plans it (the page in memory, its body, slug, section, authors
and topics) and ``flush``, called by the run at the end of each batch inside the batch's
transaction, writes every planned page with ``newsroom.bulk.insert_live`` (the rows that
``add_child`` + a revision + publishing leave, as a few multi-row inserts), then their source
keys, redirects and comments in bulk. The access level is in the first row of each page, as
on the item-by-item path. Drafts, scheduled items and updates take that item-by-item path
(``bulk`` False does it for all: the run's fallback when a batch fails). Lookups go through
``Indexes``, read once a run.
"""

import uuid

from django.utils import timezone
from django.utils.text import slugify
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

from masthead.access.policy import preview_paragraphs
from masthead.newsroom.bulk import insert_live
from masthead.newsroom.context_processors import clear_publication_caches
from masthead.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    SectionPage,
    Topic,
)

from .bodies import html_to_blocks
from .indexes import Indexes, Key, redirect_rows
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
        self.bulk = True
        self.index = Indexes(source)
        self._home: HomePage | None = None
        self._terms: dict[tuple[str, str], object] = {}
        self.pending: list[tuple[Item, SectionPage, ArticlePage, str]] = []
        self.new_redirects: list[tuple[str, int]] = []
        self.changed = False  # something was published: the site's caches are cleared

    @property
    def home(self) -> HomePage:
        if self._home is None:
            self._home = home_page()
        return self._home

    def mark(self) -> tuple[int, int]:
        return len(self.pending), len(self.new_redirects)

    def forget(self, mark: tuple[int, int] | None = None) -> None:
        """After a rolled-back item (back to ``mark``) or batch (everything planned goes):
        what was cached may not exist any more."""
        pending, redirects = mark or (0, 0)
        del self.pending[pending:]
        del self.new_redirects[redirects:]
        self._terms.clear()
        self.media.by_url.clear()
        self._home = None
        self.index.reset()
        for item, section, page, _digest in self.pending:  # still planned: still taken
            self.index.remember(item.kind, item.source_id, None, "")
            self.index.slugs(section).add(page.slug)
        for path, page_id in self.new_redirects:
            self.index.redirects[path] = page_id

    # ---- keys
    def _key(self, kind: str, source_id: str) -> Key | None:
        return self.index.key(kind, source_id)

    def _remember(self, kind: str, source_id: str, pk: int, digest: str = "") -> None:
        ImportedItem.objects.update_or_create(
            source=self.source,
            kind=kind,
            source_id=source_id,
            defaults={"object_id": pk, "content_hash": digest},
        )
        self.index.remember(kind, source_id, pk, digest)

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
        key = self._key(kind, item.source_id)
        if key is not None and key.object_id is None:
            self.flush()  # the same source item twice in one batch: write the first
            key = self._key(kind, item.source_id)
        for problem in item.problems:
            self.report.reject(item.where, problem)
        digest = item.content_hash()
        section = self.section(
            PAGES_SECTION if kind == "pages" else (item.section or FALLBACK_SECTION)
        )
        authors = [self.author(a) for a in item.authors]
        topics = [self.topic(t) for t in item.topics]
        known = key is not None and self.index.article_exists(key.object_id)
        if known and key is not None and key.content_hash == digest:
            self.report.count(kind, "unchanged")
            if self.redirects_missing(item, key.object_id):
                self.redirects(item, ArticlePage.objects.get(pk=key.object_id))
            return
        if not known and key is None and self.bulk and item.status == "publish":
            page = ArticlePage(live=False)
            self.fill(page, item, section, authors, topics)
            self.pending.append((item, section, page, digest))
            self.check_cut(item)
            self.index.remember(kind, item.source_id, None, "")
            self.report.count(kind, "created")
            return
        page = ArticlePage.objects.get(pk=key.object_id) if known and key else None
        outcome = "updated" if page is not None else "created"
        if page is None:
            page = ArticlePage(live=False)
        self.fill(page, item, section, authors, topics)
        if outcome == "created":
            section.add_child(instance=page)  # one save, access level included, not live
            self.index.article_added(page.pk)
        revision = page.save_revision(clean=False)
        if item.status in {"publish", "future"} and not self.dry_run:
            revision.publish()
        page = ArticlePage.objects.get(pk=page.pk)
        self.check_cut(item)
        self._remember(kind, item.source_id, page.pk, digest)
        self.report.count(kind, outcome)
        self.redirects(item, page)
        self.comments(item, page)

    def flush(self) -> None:
        """Write what ``write`` planned (inside the caller's transaction)."""
        if self.pending:
            pending, self.pending = self.pending, []
            now = timezone.now()
            insert_live(
                ArticlePage,
                [(section, page, item.published_at or now) for item, section, page, _ in pending],
            )
            ImportedItem.objects.bulk_create(
                ImportedItem(
                    source=self.source,
                    kind=item.kind,
                    source_id=item.source_id,
                    object_id=page.pk,
                    content_hash=digest,
                )
                for item, _section, page, digest in pending
            )
            comments = []
            for item, _section, page, digest in pending:
                self.index.remember(item.kind, item.source_id, page.pk, digest)
                self.index.article_added(page.pk)
                self.redirects(item, page)
                comments += self.comment_rows(item, page)
            ImportedComment.objects.bulk_create(comments, ignore_conflicts=True)
            self.changed = True
        if self.new_redirects:
            Redirect.objects.bulk_create(redirect_rows(self.new_redirects))
            self.new_redirects = []

    def finish(self) -> None:
        """At the end of the run: the site's navigation and front page caches."""
        if self.changed:
            clear_publication_caches()

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
        taken = self.index.slugs(section)
        own = page.slug if page.pk else None
        if slug == own or slug not in taken:
            taken.add(slug)
            return slug
        for n in range(2, 10_000):
            candidate = f"{slug[:240]}-{n}"
            if candidate not in taken:
                taken.add(candidate)
                self.report.reject(item.where, f"duplicate slug {slug!r}: renamed {candidate!r}")
                return candidate
        raise ValueError(f"no free slug for {slug!r}")

    def old_paths(self, item: Item, new: str) -> list[str]:
        if item.status == "draft":
            return []
        paths = (Redirect.normalise_path(old) for old in dict.fromkeys(item.old_paths))
        return [p for p in dict.fromkeys(paths) if p and p != new and p != "/"]

    def redirects_missing(self, item: Item, page_id: int | None) -> bool:
        """Whether an unchanged item's old paths do not all point to its page yet (no page
        is read when they do: the common case of a second run)."""
        known = self.index.redirects
        return any(known.get(p) != page_id for p in self.old_paths(item, ""))

    def redirects(self, item: Item, page: ArticlePage) -> None:
        known = self.index.redirects
        for path in self.old_paths(item, Redirect.normalise_path(page.public_path)):
            if path not in known:
                self.new_redirects.append((path, page.pk))
                known[path] = page.pk
                self.report.count("redirects", "created")
            elif known[path] != page.pk:
                if any(p == path for p, _ in self.new_redirects):
                    self.new_redirects = [
                        (p, page.pk if p == path else k) for p, k in self.new_redirects
                    ]
                else:
                    Redirect.objects.filter(site=None, old_path=path).update(
                        redirect_page=page, redirect_link="", is_permanent=True
                    )
                known[path] = page.pk
                self.report.count("redirects", "updated")
            else:
                self.report.count("redirects", "unchanged")

    def comment_values(self, item: Item, c) -> dict:  # noqa: ANN001
        return {
            "parent_source_id": f"{item.source_id}:{c.parent_source_id}"
            if c.parent_source_id
            else "",
            "author_name": plain(c.author_name, 200),
            "author_email": plain(c.author_email, 254),
            "author_url": plain(c.author_url, 400),
            "body": plain(c.body),
            "created_at": c.created_at,
            "approved": c.approved,
        }

    def comment_rows(self, item: Item, page: ArticlePage) -> list[ImportedComment]:
        return [
            ImportedComment(
                source=self.source,
                source_id=f"{item.source_id}:{c.source_id}",
                article=page,
                **self.comment_values(item, c),
            )
            for c in item.comments
        ]

    def comments(self, item: Item, page: ArticlePage) -> None:
        for c in item.comments:
            ImportedComment.objects.update_or_create(
                source=self.source,
                source_id=f"{item.source_id}:{c.source_id}",
                defaults={"article": page, **self.comment_values(item, c)},
            )
