"""Step: the demo's articles, from a list of records (``records.ArticleLike``), newest first.

Each article gets a drawn lead illustration, its bylines and topics, an inline chart when the
record asks for one and the demo's reader callout when it asks for that; it is created as a
draft under its section and published through Wagtail's revision publish, as an editor would.

Wagtail publishes at the present moment, while the demo's articles appeared over the last
``DAYS`` days: after publishing, the page's publication times and its revision's creation time
are moved back to the article's time (``backdate``), the one direct row update on this path.
Articles already present (same section and slug) are left alone, so a second build adds nothing.
"""

import random
import uuid
from datetime import datetime, timedelta

from django.db import transaction
from wagtail.images import get_image_model
from wagtail.models import Revision

from masthead.newsroom.models import ArticleAuthor, ArticlePage

from .. import callout, images
from ..catalogue.showcase import load_showcase
from ..context import SEED, Demo
from ..records import ArticleLike
from ..text import SPONSOR

DAYS = 20
FIGURE_AFTER = 5  # the inline chart goes after this many paragraphs


def source() -> list[ArticleLike]:
    """The records of the default demo: the showcase, written by hand (``catalogue``)."""
    return list(load_showcase())


def build(demo: Demo) -> None:
    if demo.scale:
        return  # the ``scale`` step builds the articles instead
    records = source()
    times = published_times(demo.now, len(records), DAYS)
    existing = existing_slugs(demo)
    todo = [
        (r, t) for r, t in zip(records, times, strict=True) if (r.section, r.slug) not in existing
    ]
    chosen = callout.ensure_callout() if any(r.callout for r in records) else None
    for record, when in demo.bar(todo, desc="Articles", unit="article"):
        with transaction.atomic():
            lead = lead_image(demo, record)
            figure = inline_figure(demo, record) if record.figure else None
            extra = [("callout", chosen.pk)] if record.callout and chosen is not None else []
            page = new_page(demo, record, lead, figure, extra)
            page.live = False
            demo.sections[record.section].add_child(instance=page)
            revision = page.save_revision(user=demo.editor)
            revision.publish(user=demo.editor)  # Wagtail's PublishPageRevisionAction
            backdate(page, revision, when)
            demo.count("articles")


def published_times(now: datetime, n: int, days: float) -> list[datetime]:
    """n times, newest first: the newest within the last hour, spread over ``days``."""
    rng = random.Random(f"{SEED}:times:{n}")
    newest = now - timedelta(minutes=35)
    span = timedelta(days=days) - timedelta(hours=2)
    times = []
    for i in range(n):
        jitter = timedelta(minutes=rng.randint(0, 50)) if i else timedelta(0)
        times.append(newest - span * (i / max(n - 1, 1)) - jitter)
    return times


def existing_slugs(demo: Demo) -> set[tuple[str | None, str]]:
    paths = {s.path: slug for slug, s in demo.sections.items()}
    rows = ArticlePage.objects.descendant_of(demo.home).values_list("path", "slug")
    return {(paths.get(path[: -ArticlePage.steplen]), slug) for path, slug in rows}


def lead_image(demo: Demo, record: ArticleLike):
    img = images.draw_lead(f"lead:{record.section}/{record.slug}", record.section, record.art)
    name = f"lead-{record.section}-{record.slug[:60]}.jpg"
    alt = images.describe(img, record.art)
    return demo.save_image(img, f"Illustration: {record.headline}", name, description=alt)


def inline_figure(demo: Demo, record: ArticleLike) -> dict:
    img = images.draw_lead(f"inline:{record.section}/{record.slug}", record.section, "chart")
    name = f"inline-{record.section}-{record.slug[:60]}.jpg"
    alt = images.describe(img, "chart")
    image = demo.save_image(img, f"Chart illustration: {record.headline}", name, description=alt)
    return {
        "image": image.pk,
        "caption": "Figures and trends, as drawn by our graphics desk for this story.",
        "credit": images.CREDIT,
        "alt_text": alt,
    }


def stream(record: ArticleLike, figure: dict | None, extra=()) -> list[dict]:
    """The body as StreamField data, with block ids seeded by the slug (stable across builds):
    the record's blocks, the figure after a few paragraphs, then the ``extra`` blocks."""
    rng = random.Random(f"{SEED}:blocks:{record.section}/{record.slug}")
    blocks = [{"type": kind, "value": value} for kind, value in [*record.blocks, *extra]]
    if figure is not None:
        paragraphs = [i for i, b in enumerate(blocks) if b["type"] == "paragraph"]
        at = paragraphs[min(FIGURE_AFTER, len(paragraphs)) - 1] + 1 if paragraphs else 0
        blocks.insert(at, {"type": "image", "value": figure})
    for block in blocks:
        block["id"] = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    return blocks


def new_page(demo: Demo, record: ArticleLike, lead, figure: dict | None, extra=()) -> ArticlePage:
    """An unsaved ``ArticlePage`` for ``record`` (also used by the ``scale`` step)."""
    page = ArticlePage(
        title=record.headline,
        slug=record.slug,
        standfirst=record.standfirst,
        search_description=record.standfirst[:255],
        dateline=record.dateline,
        lead_image=lead,
        lead_image_caption=record.caption,
        lead_image_credit=images.CREDIT,
        lead_image_alt=lead.default_alt_text if lead is not None else "",  # the picture's own
        primary_topic=demo.topics[record.topics[0]],
        body=stream(record, figure, extra),
        contributor_note=record.contributor_note,
        access=record.access,
        owner=demo.editor,
    )
    if record.sponsored:
        sponsor = getattr(record, "sponsor", "") or SPONSOR
        page.sponsor = sponsor
        page.sponsor_label = "Sponsored content"
        page.sponsor_disclosure = (
            f"This content was commissioned by {sponsor} and produced by the Meridian "
            "Ledger's partner studio. The newsroom was not involved in its production."
        )
    page.article_authors = [
        ArticleAuthor(author=demo.authors[name], sort_order=k)
        for k, name in enumerate(record.authors)
    ]
    page.topics = [demo.topics[t] for t in record.topics]
    return page


def backdate(page: ArticlePage, revision: Revision, when: datetime) -> None:
    ArticlePage.objects.filter(pk=page.pk).update(
        first_published_at=when, last_published_at=when, latest_revision_created_at=when
    )
    Revision.objects.filter(pk=revision.pk).update(created_at=when)


def reset(demo: Demo) -> None:
    """Articles go with their sections (``site``); the callout and every drawn image go here."""
    callout.remove_callout()
    for image in get_image_model().objects.filter(collection=demo.collection):
        image.delete()
