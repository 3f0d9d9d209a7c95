"""Step (``--scale N`` only): N generated articles, built fast, for benchmarks.

The fast bulk path, on purpose: a small pool of shared illustrations (``POOL`` per section)
instead of one drawing per article, and each page inserted already live with one revision as
its live revision — what Wagtail's publish leaves behind, written directly instead of running
the publish action (its signals, log entries and per-page saves) once per page — committed in
batches of ``BATCH``. Thousands of articles take seconds instead of minutes. The default demo
never takes this path (see ``articles``).
"""

from django.db import transaction
from wagtail.images import get_image_model

from masthead.newsroom.models import ArticlePage

from .. import generated, images
from ..context import Demo
from ..world import SECTIONS
from .articles import DAYS, existing_slugs, new_page, published_times

POOL = 3  # illustrations per section
BATCH = 100  # articles per transaction


def build(demo: Demo) -> None:
    if not demo.scale:
        return
    pool = illustration_pool(demo)
    records = generated.scale(0, demo.scale)
    times = published_times(demo.now, len(records), max(DAYS, demo.scale / 40))
    existing = existing_slugs(demo)
    todo = [(i, r) for i, r in enumerate(records) if (r.section, r.slug) not in existing]
    progress = demo.bar(total=len(todo), desc="Articles", unit="article")
    for start in range(0, len(todo), BATCH):
        with transaction.atomic():
            for i, record in todo[start : start + BATCH]:
                shared = pool[record.section]
                page = new_page(demo, record, shared[i % len(shared)], None)
                insert_live(demo, page, record.section, times[i])
                demo.count("articles")
                progress.update(1)
    progress.close()


def illustration_pool(demo: Demo) -> dict[str, list]:
    """``POOL`` drawn illustrations per section, found by title or drawn once."""
    sections = [s[0] for s in SECTIONS]
    comps = images.COMPOSITIONS
    titles = {f"Pool illustration: {s} {k + 1}": (s, k) for s in sections for k in range(POOL)}
    pool: dict[str, list] = {s: [] for s in sections}
    found = list(get_image_model().objects.filter(collection=demo.collection, title__in=titles))
    for image in found:
        pool[titles[image.title][0]].append(image)
    have = {image.title for image in found}
    missing = [(t, s, k) for t, (s, k) in titles.items() if t not in have]
    for title, section, k in demo.bar(missing, desc="Illustrations", unit="img"):
        comp = comps[(sections.index(section) + k * 2) % len(comps)]
        img = images.draw_lead(f"pool:{section}:{k}", section, comp)
        pool[section].append(demo.save_image(img, title, f"pool-{section}-{k + 1}.jpg"))
    return pool


def insert_live(demo: Demo, page: ArticlePage, section: str, when) -> None:
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.last_published_at = when
    demo.sections[section].add_child(instance=page)
    revision = page.save_revision(user=demo.editor, clean=False)
    ArticlePage.objects.filter(pk=page.pk).update(
        live_revision=revision, has_unpublished_changes=False, latest_revision_created_at=when
    )
    type(revision).objects.filter(pk=revision.pk).update(created_at=when)


def reset(demo: Demo) -> None:
    """Nothing of its own: its articles go with their sections, its images with the rest."""
