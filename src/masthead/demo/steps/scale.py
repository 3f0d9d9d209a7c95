"""Step (``--scale N`` only): N generated articles, built in bulk, for benchmarks.

The bulk path, on purpose: a small pool of shared illustrations (``POOL`` per section) instead
of one drawing per article, and each batch of ``BATCH`` pages written by ``demo.bulk`` in one
transaction: live, with one revision as their live revision, in the page tree, the reference
index and the search index, as Wagtail's publish leaves them, but without running the publish
action (its signals, log entries and per-page saves) once per page. 100,000 articles take
minutes instead of hours. The default demo never takes this path (see ``articles``).
"""

from django.db import transaction
from wagtail.images import get_image_model

from masthead.newsroom.context_processors import clear_publication_caches
from masthead.newsroom.models import ArticlePage

from .. import bulk, generated, images
from ..context import Demo
from ..world import SECTIONS
from .articles import DAYS, existing_slugs, new_page, published_times

POOL = 3  # illustrations per section
BATCH = 500  # articles per transaction


def build(demo: Demo) -> None:
    if not demo.scale:
        return
    pool = illustration_pool(demo)
    times = published_times(demo.now, demo.scale, max(DAYS, demo.scale / 40))
    existing = existing_slugs(demo)
    progress = demo.bar(total=demo.scale, desc="Articles", unit="article")
    with bulk.title_norms_once():
        _batches(demo, pool, times, existing, progress)
    progress.close()
    clear_publication_caches()


def _batches(demo: Demo, pool, times, existing, progress) -> None:
    for start in range(0, demo.scale, BATCH):
        records = generated.scale(start, min(start + BATCH, demo.scale))
        items = []
        for i, record in enumerate(records, start):
            if (record.section, record.slug) in existing:
                continue
            shared = pool[record.section]
            page = new_page(demo, record, shared[i % len(shared)], None)
            items.append((demo.sections[record.section], page, times[i]))
        with transaction.atomic():
            bulk.insert_live(ArticlePage, items, user=demo.editor)
        demo.count("articles", len(items))
        progress.update(len(records))


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
        alt = images.describe(img, comp)
        pool[section].append(demo.save_image(img, title, f"pool-{section}-{k + 1}.jpg", alt))
    return pool


def reset(demo: Demo) -> None:
    """Nothing of its own: its articles go with their sections, its images with the rest."""
