"""Article records from the text generator (``text``): the editorial plan of 35 stories the
demo used before its showcase was written, and any number of stories for ``--scale``.

Everything is seeded, so the same plan yields the same records, slugs and bylines every time.
"""

import random

from .records import ArticleRecord
from .text import SECTION_KINDS, Story, Writer, short_slug
from .world import AUTHORS

SEED = 2024
# The editorial set: how many articles each section gets (plus one sponsored feature).
SECTION_COUNTS = {"world": 8, "business": 8, "markets": 7, "technology": 7, "opinion": 4}
ORDER = [  # the order in which sections take turns down the front page
    *("business", "world", "markets", "technology", "world"),
    *("business", "opinion", "markets", "technology"),
]
FREE_AT = {3, 14, 25}  # positions (newest first) of the free articles
SUBSCRIBERS_AT = {6, 17, 29}  # ... and of the subscribers-only ones
SPONSORED_AT = 9
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


def record(story: Story, slug: str, access: str, rng: random.Random, **extra) -> ArticleRecord:
    byline = pick_authors(rng, story.section)
    note = contributor_note(rng, byline) if extra.pop("note", False) else ""
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
        contributor_note=note,
        art=story.art,
        caption=story.caption,
        alt=story.alt,
        figure=extra.get("figure", False),
        callout=extra.get("callout", False),
        blocks=list(story.blocks),
    )


def editorial_plan() -> list[tuple[int, str, str | None]]:
    """(story index, section, kind) for the generated editorial set, newest first."""
    queues = {}
    for section, n in SECTION_COUNTS.items():
        kinds = SECTION_KINDS.get(section)
        queues[section] = [kinds[k % len(kinds)] if kinds else None for k in range(n)]
    plan, index = [], 0
    while any(queues.values()):
        for section in ORDER:
            if queues[section]:
                plan.append((index, section, queues[section].pop(0)))
                index += 1
    plan.insert(SPONSORED_AT, (-1, "business", "sponsored"))
    return plan


def editorial() -> list[ArticleRecord]:
    """The generated editorial set (35 records, newest first); the callout goes on the newest
    free article that is not sponsored."""
    writer, records, seen = Writer(SEED), [], set()
    for position, (index, section, kind) in enumerate(editorial_plan()):
        sponsored = kind == "sponsored"
        story = writer.sponsored() if sponsored else writer.story(index, section, kind)
        slug, n = story.slug, 2
        while (section, slug) in seen:
            slug, n = f"{story.slug}-{n}", n + 1
        seen.add((section, slug))
        access = "free" if position in FREE_AT or sponsored else "metered"
        access = "subscribers" if position in SUBSCRIBERS_AT else access
        plain = kind is not None and not sponsored
        rng = random.Random(f"{SEED}:article:{index}")
        records.append(
            record(
                story,
                slug,
                access,
                rng,
                note=plain and position % 4 == 1,
                figure=plain and position % 6 == 4,
                callout=position == min(FREE_AT),
            )
        )
    return records


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
