"""Article records from the text generator (``text``), any number of them, for ``--scale``
(the default demo's articles are the hand-written showcase instead, ``catalogue.showcase``).

Everything is seeded, so the same index yields the same record, slug and byline every time.
"""

import random

from .records import ArticleRecord
from .text import Story, Writer, short_slug
from .world import AUTHORS

SEED = 2024
SCALE_SECTIONS = ["world", "business", "markets", "technology"]


def pick_authors(rng: random.Random, section: str) -> list[str]:
    """One to three bylines, mostly from the section's beat; a column has its columnist."""
    beat = [a[0] for a in AUTHORS if section in a[3]]
    others = [
        a[0] for a in AUTHORS if section not in a[3] and a[1] in ("staff writer", "correspondent")
    ]
    if section == "opinion":
        return [rng.choice(beat)]
    n = rng.choices([1, 2, 3], weights=[6, 3, 1])[0]
    chosen = rng.sample(beat, min(n, len(beat)))
    while len(chosen) < n:
        chosen.append(rng.choice([a for a in others if a not in chosen]))
    return chosen


def contributor_note(rng: random.Random, byline: list[str]) -> str:
    staff = [a[0] for a in AUTHORS if a[1] == "staff writer" and a[0] not in byline]
    if len(staff) >= 2:
        a, b = rng.sample(staff, 2)
        return f"Staff writers {a} and {b} contributed to this story."
    correspondents = [a[0] for a in AUTHORS if a[1] == "correspondent"]
    c = rng.choice([a for a in correspondents if a not in byline] or correspondents)
    return f"Correspondent {c} contributed to this story."


def record(story: Story, slug: str, access: str, rng: random.Random, note: bool) -> ArticleRecord:
    byline = pick_authors(rng, story.section)
    return ArticleRecord(
        slug=slug,
        section=story.section,
        kind=story.kind,
        access=access,
        sponsored=story.kind == "sponsored",
        headline=story.headline,
        standfirst=story.standfirst,
        dateline=story.dateline,
        topics=list(story.topics),
        authors=byline,
        contributor_note=contributor_note(rng, byline) if note else "",
        art=story.art,
        caption=story.caption,
        figure=False,
        callout=False,
        blocks=list(story.blocks),
    )


def scale(start: int, stop: int) -> list[ArticleRecord]:
    """Records ``start``..``stop - 1`` of the ``--scale`` set: one opinion column in ten, one
    sponsored feature in 200, one free and one subscribers-only article in ten."""
    writer, records = Writer(SEED), []
    for i in range(start, stop):
        section = "opinion" if i % 10 == 9 else SCALE_SECTIONS[i % 4]
        story = writer.sponsored() if i % 200 == 99 else writer.story(100_000 + i, section)
        access = {3: "free", 7: "subscribers"}.get(i % 10, "metered")
        access = "free" if story.kind == "sponsored" else access
        slug = f"{short_slug(story.headline, 60)}-{i + 1}"
        rng = random.Random(f"{SEED}:scale:{i}")
        records.append(record(story, slug, access, rng, note=i % 5 == 1))
    return records
