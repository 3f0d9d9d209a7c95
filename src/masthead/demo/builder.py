"""Builds (and resets) the demo publication: "The Meridian Ledger".

What ``build_demo`` creates, and why (the demo is what ``make demo`` shows and what the
acceptance tests read, see CONTRACT.md):

- the site: a ``HomePage`` replacing Wagtail's "Welcome" page as the default site's root;
- five sections (World, Business, Markets, Technology, Opinion), ten authors with roles and
  portraits, seventeen topics;
- 35 articles over the last twenty days: mostly ``metered``, three ``free``, three
  ``subscribers``, one sponsored; with crossheads, datelines, one to three authors, a primary
  topic and related topics, quotes, inline images and contributor notes. All text comes from
  ``text`` and all images from ``images``: original and deterministic;
- billing: the Monthly and Annual plans, two introductory offers ending at the end of next month
  and an open-ended annual trial; a site-wide announcement banner (and no free-access promotion,
  which would open every article);
- three accounts (password ``masthead-demo``): an editor (Wagtail admin), a registered reader
  and an active subscriber.

Everything is found by its slug, e-mail or text before it is created, so building twice changes
nothing. ``reset()`` removes exactly what the builder creates. ``scale=N`` builds N articles
instead of the editorial set, fast, for benchmarks: a small pool of shared images, pages created
live with one revision each, and commits in batches.
"""

import time
from datetime import datetime, timedelta
from io import BytesIO

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from tqdm import tqdm
from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

from masthead.billing.models import Offer, Plan, Subscription
from masthead.engagement.models import Banner
from masthead.newsroom.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    SectionPage,
    Topic,
)
from masthead.newsroom.site_record import site_record_sync

from . import callout, images
from .text import SPONSOR, Story, Writer, short_slug
from .world import AUTHORS, SECTIONS, TOPICS

DEMO_PASSWORD = "masthead-demo"  # noqa: S105 - public demo credentials, printed on purpose
EDITOR_EMAIL = "editor@example.com"
READER_EMAIL = "reader@example.com"
SUBSCRIBER_EMAIL = "subscriber@example.com"
ACCOUNT_EMAILS = (EDITOR_EMAIL, READER_EMAIL, SUBSCRIBER_EMAIL)
SUBSCRIPTION_ID = "demo_sub_subscriber"
COLLECTION_NAME = "Demo illustrations"
BANNER_TEXT = (
    "The Meridian Ledger turns ten: celebrate our next chapter with free newsletters all week."
)
PLAN_SLUGS = ("monthly", "annual")
OFFER_SLUGS = ("intro-1-month", "intro-3-months", "annual-trial")
SEED = 2024

# The editorial set: how many articles each section gets (plus one sponsored feature).
SECTION_COUNTS = {"world": 8, "business": 8, "markets": 7, "technology": 7, "opinion": 4}
FREE_AT = {3, 14, 25}  # positions (newest first) of the free articles
SUBSCRIBERS_AT = {6, 17, 29}  # ... and of the subscribers-only ones
SPONSORED_AT = 9
DAYS = 20
SCALE_POOL = 3  # images per section in --scale mode
BATCH = 100  # articles per transaction in --scale mode


def _slug(name: str) -> str:
    from django.utils.text import slugify

    return slugify(name)


def end_of_next_month(now: datetime) -> datetime:
    """Midnight at the start of the month after next, in the publication's time zone."""
    local = timezone.localtime(now)
    year, month = local.year, local.month + 2
    if month > 12:
        year, month = year + 1, month - 12
    return local.replace(year=year, month=month, day=1, hour=0, minute=0, second=0, microsecond=0)


class DemoBuilder:
    def __init__(
        self,
        *,
        scale: int | None = None,
        stdout=None,
        progress: bool | None = None,
        now: datetime | None = None,
    ):
        self.scale = scale
        self.stdout = stdout
        self.progress = progress  # None: a bar only on a terminal
        self.now = now or timezone.now()
        self.writer = Writer(SEED)
        self.created: dict[str, int] = {}

    # -- helpers ------------------------------------------------------------------------------

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)

    def count(self, what: str, n: int = 1) -> None:
        if n:
            self.created[what] = self.created.get(what, 0) + int(n)

    def bar(self, iterable, **kwargs):
        disable = None if self.progress is None else not self.progress
        return tqdm(iterable, disable=disable, dynamic_ncols=True, **kwargs)

    @staticmethod
    def publish(page: Page, user=None) -> None:
        page.save_revision(user=user).publish(user=user)

    # -- entry points ---------------------------------------------------------------------------

    def build(self) -> dict[str, int]:
        started = time.monotonic()
        with transaction.atomic():
            self.billing()
            self.banner()
            self.editor = self.accounts()
            self.home = self.site()
            self.sections = self.build_sections()
            self.topics = self.build_topics()
            self.collection = self.demo_collection()
            self.authors = self.build_authors()
        if self.scale:
            self.build_scale(self.scale)
        else:
            self.build_articles()
            if callout.attach_callout(self.editor):
                self.count("callouts")
        self.created["seconds"] = round(time.monotonic() - started, 1)
        return self.created

    def reset(self) -> None:
        """Delete what the builder creates (and only that)."""
        image_model = get_image_model()
        with transaction.atomic():
            home = HomePage.objects.first()
            if home is not None:
                for child in home.get_children():
                    child.delete()
            Author.objects.filter(slug__in=[_slug(a[0]) for a in AUTHORS]).delete()
            Topic.objects.filter(slug__in=[t[0] for t in TOPICS]).delete()
            collection = Collection.objects.filter(name=COLLECTION_NAME).first()
            if collection is not None:
                for image in image_model.objects.filter(collection=collection):
                    image.delete()
            Offer.objects.filter(slug__in=OFFER_SLUGS).delete()
            Plan.objects.filter(slug__in=PLAN_SLUGS).delete()
            Banner.objects.filter(text=BANNER_TEXT).delete()
            callout.remove_callout()
            get_user_model().objects.filter(username__in=ACCOUNT_EMAILS).delete()
        self.log("Demo content removed.")

    # -- site, sections, snippets ------------------------------------------------------------------

    def site(self) -> HomePage:
        """A HomePage as the default site's root, in place of Wagtail's "Welcome" page."""
        home = HomePage.objects.first()
        root = Page.get_first_root_node()
        welcome = (
            root.get_children().filter(slug="home").exclude(pk=home.pk if home else None).first()
        )
        if home is None:
            home = HomePage(
                title=settings.WAGTAIL_SITE_NAME,
                slug="home" if welcome is None else "front-page",
                intro="Independent reporting on business, markets and the world, every day.",
                owner=self.editor,
            )
            root.add_child(instance=home)
            self.publish(home, self.editor)
            self.count("home page")
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        if site.root_page_id != home.pk or site.site_name != settings.WAGTAIL_SITE_NAME:
            site.root_page = home
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()
        site_record_sync()
        if welcome is not None and welcome.specific_class is Page and not welcome.numchild:
            welcome.delete()
            home.refresh_from_db()
        if home.slug != "home" and not root.get_children().filter(slug="home").exists():
            home.slug = "home"
            self.publish(home, self.editor)
        # Fresh from the database: children take their URL path from it.
        return HomePage.objects.get(pk=home.pk)

    def build_sections(self) -> dict[str, SectionPage]:
        existing = {s.slug: s for s in SectionPage.objects.child_of(self.home)}
        sections = {}
        for slug, title, intro, order in SECTIONS:
            section = existing.get(slug)
            if section is None:
                section = SectionPage(
                    title=title, slug=slug, intro=intro, navigation_order=order, owner=self.editor
                )
                self.home.add_child(instance=section)
                self.publish(section, self.editor)
                self.count("sections")
            sections[slug] = section
        return sections

    def build_topics(self) -> dict[str, Topic]:
        existing = {t.slug: t for t in Topic.objects.filter(slug__in=[t[0] for t in TOPICS])}
        for slug, name, description in TOPICS:
            if slug not in existing:
                existing[slug] = Topic.objects.create(slug=slug, name=name, description=description)
                self.count("topics")
        return existing

    def demo_collection(self) -> Collection:
        collection = Collection.objects.filter(name=COLLECTION_NAME).first()
        if collection is None:
            collection = Collection.get_first_root_node().add_child(name=COLLECTION_NAME)
        return collection

    def save_image(self, img, title: str, filename: str):
        data = images.jpeg_bytes(img)
        image = get_image_model()(
            title=title,
            collection=self.collection,
            file=ImageFile(BytesIO(data), name=filename),
            file_size=len(data),
            file_hash=images.sha1(data),
        )
        image.save()
        self.count("images")
        return image

    def build_authors(self) -> dict[str, Author]:
        slugs = [_slug(a[0]) for a in AUTHORS]
        existing = {a.slug: a for a in Author.objects.filter(slug__in=slugs)}
        missing = [a for a in AUTHORS if _slug(a[0]) not in existing]
        for name, role, bio, _beat in self.bar(missing, desc="Portraits", unit="img"):
            slug = _slug(name)
            photo = self.save_image(
                images.draw_avatar(slug), f"Portrait: {name}", f"author-{slug}.jpg"
            )
            existing[slug] = Author.objects.create(
                name=name, slug=slug, role=role, bio=bio, photo=photo
            )
            self.count("authors")
        return existing

    # -- billing, banner, accounts -----------------------------------------------------------------

    def billing(self) -> None:
        benefits = (
            "Unlimited articles on the web and in our apps\n"
            "Newsletters and the daily markets briefing\n"
            "Gift links to share stories with friends\n"
            "The complete archive"
        )
        monthly, made = Plan.objects.get_or_create(
            slug="monthly",
            defaults={
                "name": "Monthly",
                "interval": "month",
                "amount": "14.99",
                "currency": "USD",
                "benefits": benefits,
            },
        )
        self.count("plans", made)
        annual, made = Plan.objects.get_or_create(
            slug="annual",
            defaults={
                "name": "Annual",
                "interval": "year",
                "amount": "149.00",
                "currency": "USD",
                "benefits": benefits + "\nTwo months free compared with paying monthly",
            },
        )
        self.count("plans", made)
        starts, ends = self.now - timedelta(hours=1), end_of_next_month(self.now)
        offers = [
            (
                "intro-1-month",
                monthly,
                {
                    "title": "Try 1 month for $0.99",
                    "kind": "intro",
                    "intro_amount": "0.99",
                    "intro_periods": 1,
                    "featured": True,
                    "starts_at": starts,
                    "ends_at": ends,
                    "description": "Full access for your first month, then the regular monthly "
                    "price. Cancel any time.",
                },
            ),
            (
                "intro-3-months",
                monthly,
                {
                    "title": "Try 3 months for $9",
                    "kind": "intro",
                    "intro_amount": "9.00",
                    "intro_periods": 3,
                    "starts_at": starts,
                    "ends_at": ends,
                    "description": "Three months of full access for $9, then the regular monthly "
                    "price.",
                },
            ),
            (
                "annual-trial",
                annual,
                {
                    "title": "Try the annual plan free for 14 days",
                    "kind": "trial",
                    "trial_days": 14,
                    "starts_at": starts,
                    "ends_at": None,
                    "description": "Read everything free for two weeks, then pay once a year.",
                },
            ),
        ]
        for slug, plan, fields in offers:
            offer, made = Offer.objects.get_or_create(slug=slug, defaults={"plan": plan, **fields})
            self.count("offers", made)
            if not made and offer.ends_at and offer.ends_at <= self.now:
                # A demo built long ago: keep its offers live rather than silently expired.
                Offer.objects.filter(pk=offer.pk).update(starts_at=starts, ends_at=ends)

    def banner(self) -> None:
        _, made = Banner.objects.get_or_create(
            text=BANNER_TEXT,
            defaults={
                "link_url": "/accounts/signup/",
                "link_text": "Sign up free",
                "live": True,
                "dismissible": True,
                "starts_at": None,
                "ends_at": None,
            },
        )
        self.count("banners", made)

    def accounts(self):
        from allauth.account.models import EmailAddress

        User = get_user_model()
        users = {}
        for email in ACCOUNT_EMAILS:
            user = User.objects.filter(username=email).first()
            if user is None:
                staff = email == EDITOR_EMAIL
                user = User(
                    username=email,
                    email=email,
                    is_staff=staff,
                    is_superuser=staff,
                    first_name=email.split("@")[0].title(),
                )
                user.set_password(DEMO_PASSWORD)
                user.save()
                self.count("accounts")
            EmailAddress.objects.get_or_create(
                user=user, email=email, defaults={"verified": True, "primary": True}
            )
            users[email] = user
        sub = Subscription.objects.filter(provider_subscription_id=SUBSCRIPTION_ID).first()
        if sub is None:
            Subscription.objects.create(
                user=users[SUBSCRIBER_EMAIL],
                plan=Plan.objects.filter(slug="monthly").first(),
                provider="demo",
                provider_subscription_id=SUBSCRIPTION_ID,
                provider_customer_id="demo_cus_subscriber",
                status="active",
                converted=True,
                current_period_end=self.now + timedelta(days=30),
            )
            self.count("subscriptions")
        elif sub.current_period_end and sub.current_period_end <= self.now:
            Subscription.objects.filter(pk=sub.pk).update(
                current_period_end=self.now + timedelta(days=30)
            )
        return users[EDITOR_EMAIL]

    # -- articles -------------------------------------------------------------------------------

    def existing_slugs(self) -> set[tuple[str, str]]:
        paths = {s.path: slug for slug, s in self.sections.items()}
        rows = ArticlePage.objects.descendant_of(self.home).values_list("path", "slug")
        return {(paths.get(path[: -ArticlePage.steplen]), slug) for path, slug in rows}

    def editorial_plan(self) -> list[tuple[int, str, str | None]]:
        """(story index, section, kind) for the normal demo, newest first."""
        from .text import SECTION_KINDS

        queues = {}
        for section, n in SECTION_COUNTS.items():
            kinds = SECTION_KINDS.get(section)
            queues[section] = [kinds[k % len(kinds)] if kinds else None for k in range(n)]
        plan, index = [], 0
        order = [
            "business",
            "world",
            "markets",
            "technology",
            "world",
            "business",
            "opinion",
            "markets",
            "technology",
        ]
        while any(queues.values()):
            for section in order:
                if queues[section]:
                    plan.append((index, section, queues[section].pop(0)))
                    index += 1
        plan.insert(SPONSORED_AT, (-1, "business", "sponsored"))
        return plan

    def pick_authors(self, rng, section: str) -> list[Author]:
        beat = [self.authors[_slug(a[0])] for a in AUTHORS if section in a[3]]
        others = [
            self.authors[_slug(a[0])]
            for a in AUTHORS
            if section not in a[3] and a[1] in ("staff writer", "correspondent")
        ]
        if section == "opinion":
            return [rng.choice(beat)]
        n = rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
        chosen = rng.sample(beat, min(n, len(beat)))
        while len(chosen) < n:
            chosen.append(rng.choice([a for a in others if a not in chosen]))
        return chosen

    def contributor_note(self, rng, byline: list[Author]) -> str:
        staff = [self.authors[_slug(a[0])] for a in AUTHORS if a[1] == "staff writer"]
        free = [a for a in staff if a not in byline]
        if len(free) >= 2:
            a, b = rng.sample(free, 2)
            return f"Staff writers {a.name} and {b.name} contributed to this story."
        correspondents = [self.authors[_slug(a[0])] for a in AUTHORS if a[1] == "correspondent"]
        c = rng.choice([a for a in correspondents if a not in byline] or correspondents)
        return f"Correspondent {c.name} contributed to this story."

    @staticmethod
    def stream(rng, story: Story, figure=None) -> list[dict]:
        import uuid

        blocks = []
        for kind, value in story.blocks:
            blocks.append(
                {
                    "type": kind,
                    "value": value,
                    "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                }
            )
        if figure is not None:
            at = [i for i, b in enumerate(blocks) if b["type"] == "paragraph"][4] + 1
            blocks.insert(
                at,
                {
                    "type": "image",
                    "value": figure,
                    "id": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                },
            )
        return blocks

    def published_times(self, n: int, days: float) -> list[datetime]:
        """n times, newest first: the newest within the last hour, spread over ``days``."""
        import random

        rng = random.Random(f"{SEED}:times:{n}")
        newest = self.now - timedelta(minutes=35)
        span = timedelta(days=days) - timedelta(hours=2)
        times = []
        for i in range(n):
            jitter = timedelta(minutes=rng.randint(0, 50)) if i else timedelta(0)
            times.append(newest - span * (i / max(n - 1, 1)) - jitter)
        return times

    def article(
        self,
        section: SectionPage,
        story: Story,
        *,
        slug: str,
        access: str,
        when,
        rng,
        lead_image,
        byline: list[Author],
        figure=None,
        note: str = "",
        sponsored: bool = False,
        fast: bool = False,
    ) -> ArticlePage:
        page = ArticlePage(
            title=story.headline,
            slug=slug,
            standfirst=story.standfirst,
            search_description=story.standfirst[:255],
            dateline=story.dateline,
            lead_image=lead_image,
            lead_image_caption=story.caption,
            lead_image_credit=images.CREDIT,
            lead_image_alt=story.alt,
            primary_topic=self.topics[story.topics[0]],
            body=self.stream(rng, story, figure),
            contributor_note=note,
            access=access,
            owner=self.editor,
        )
        if sponsored:
            page.sponsor = SPONSOR
            page.sponsor_label = "Sponsored content"
            page.sponsor_disclosure = (
                f"This content was commissioned by {SPONSOR} and produced by the Meridian "
                "Ledger's partner studio. The newsroom was not involved in its production."
            )
        page.article_authors = [ArticleAuthor(author=a, sort_order=k) for k, a in enumerate(byline)]
        page.topics = [self.topics[t] for t in story.topics]
        if fast:
            # Live at once with its publication times, one revision as its live revision:
            # what an editor's publish leaves behind, without the per-page publish machinery.
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = when
            section.add_child(instance=page)
            revision = page.save_revision(user=self.editor, clean=False)
            ArticlePage.objects.filter(pk=page.pk).update(
                live_revision=revision,
                has_unpublished_changes=False,
                latest_revision_created_at=when,
            )
            type(revision).objects.filter(pk=revision.pk).update(created_at=when)
        else:
            page.live = False
            section.add_child(instance=page)
            revision = page.save_revision(user=self.editor)
            revision.publish(user=self.editor)
            ArticlePage.objects.filter(pk=page.pk).update(
                first_published_at=when, last_published_at=when, latest_revision_created_at=when
            )
            type(revision).objects.filter(pk=revision.pk).update(created_at=when)
        self.count("articles")
        return page

    def build_articles(self) -> None:
        import random

        plan = self.editorial_plan()
        times = self.published_times(len(plan), DAYS)
        existing = self.existing_slugs()
        seen: set[tuple[str, str]] = set()
        todo = []
        for position, (index, section, kind) in enumerate(plan):
            story = (
                self.writer.sponsored()
                if kind == "sponsored"
                else self.writer.story(index, section, kind)
            )
            slug = story.slug
            n = 2
            while (section, slug) in seen:
                slug, n = f"{story.slug}-{n}", n + 1
            seen.add((section, slug))
            if (section, slug) not in existing:
                todo.append((position, index, section, kind, story, slug))
        for position, index, section, kind, story, slug in self.bar(
            todo, desc="Articles", unit="article"
        ):
            rng = random.Random(f"{SEED}:article:{index}")
            access = (
                "free"
                if position in FREE_AT or kind == "sponsored"
                else "subscribers"
                if position in SUBSCRIBERS_AT
                else "metered"
            )
            with transaction.atomic():
                lead = self.save_image(
                    images.draw_lead(f"lead:{index}", section, story.art),
                    f"Illustration: {story.headline}"[:255],
                    f"lead-{section}-{index + 1:03d}.jpg",
                )
                figure = None
                if position % 6 == 4 and kind not in ("sponsored", None):
                    inline = self.save_image(
                        images.draw_lead(f"inline:{index}", section, "chart"),
                        f"Chart illustration: {story.headline}"[:255],
                        f"inline-{section}-{index + 1:03d}.jpg",
                    )
                    figure = {
                        "image": inline.pk,
                        "caption": "Figures and trends, as drawn by "
                        "our graphics desk for this story.",
                        "credit": images.CREDIT,
                        "alt_text": "Abstract chart of bars and lines.",
                    }
                byline = self.pick_authors(rng, section)
                note = ""
                if position % 4 == 1 and kind not in ("sponsored", None):
                    note = self.contributor_note(rng, byline)
                self.article(
                    self.sections[section],
                    story,
                    slug=slug,
                    access=access,
                    when=times[position],
                    rng=rng,
                    lead_image=lead,
                    byline=byline,
                    figure=figure,
                    note=note,
                    sponsored=kind == "sponsored",
                )

    def build_scale(self, n: int) -> None:
        import random

        image_model = get_image_model()
        pool: dict[str, list] = {}
        sections = [s[0] for s in SECTIONS]
        comps = images.COMPOSITIONS
        wanted = [(s, k) for s in sections for k in range(SCALE_POOL)]
        titles = {f"Pool illustration: {s} {k + 1}": (s, k) for s, k in wanted}
        for image in image_model.objects.filter(collection=self.collection, title__in=titles):
            pool.setdefault(titles[image.title][0], []).append(image)
        missing = [
            (t, s, k) for t, (s, k) in titles.items() if all(i.title != t for i in pool.get(s, []))
        ]
        for title, section, k in self.bar(missing, desc="Illustrations", unit="img"):
            img = images.draw_lead(
                f"pool:{section}:{k}",
                section,
                comps[(sections.index(section) + k * 2) % len(comps)],
            )
            pool.setdefault(section, []).append(
                self.save_image(img, title, f"pool-{section}-{k + 1}.jpg")
            )
        times = self.published_times(n, max(DAYS, n / 40))
        existing = self.existing_slugs()
        todo = []
        for i in range(n):
            section = "opinion" if i % 10 == 9 else sections[i % 4]
            if i % 200 == 99:  # one sponsored feature in every 200 articles
                story, section = self.writer.sponsored(), "business"
            else:
                story = self.writer.story(100_000 + i, section)
            slug = f"{short_slug(story.headline, 60)}-{i + 1}"
            if (section, slug) not in existing:
                todo.append((i, section, story, slug))
        progress = self.bar(None, total=len(todo), desc="Articles", unit="article")
        for start in range(0, len(todo), BATCH):
            with transaction.atomic():
                for i, section, story, slug in todo[start : start + BATCH]:
                    rng = random.Random(f"{SEED}:scale:{i}")
                    sponsored = story.kind == "sponsored"
                    access = {3: "free", 7: "subscribers"}.get(i % 10, "metered")
                    access = "free" if sponsored else access
                    byline = self.pick_authors(rng, section)
                    note = self.contributor_note(rng, byline) if i % 5 == 1 else ""
                    shared = pool[section]
                    self.article(
                        self.sections[section],
                        story,
                        slug=slug,
                        access=access,
                        when=times[i],
                        rng=rng,
                        lead_image=shared[i % len(shared)],
                        byline=byline,
                        note=note,
                        sponsored=sponsored,
                        fast=True,
                    )
                    progress.update(1)
        progress.close()
