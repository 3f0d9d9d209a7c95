"""A quick generator of plausible reader events, for a development dashboard and the 10-million
event benchmark (the demo's documented history is ``masthead.demo``'s job).

Readers arrive at random days and read a few articles a visit; the meter is applied as the site
would (3 then 10 a month), walls follow, a small share of walled readers register or subscribe.
Rows go in with ``executemany`` (SQLite) or ``COPY`` (PostgreSQL), 20,000 at a time.
"""

import random
from collections.abc import Callable, Iterator
from datetime import timedelta
from decimal import Decimal

from django.db import connection
from django.utils import timezone

from masthead.events.kinds import EventKind as K

COLUMNS = [
    "kind",
    "created_at",
    "reader_key",
    "article_id",
    "channel",
    "status",
    "access",
    "sponsored",
    "gift",
    "promotion",
    "month",
    "outcome",
    "wall",
    "counted",
    "remaining",
    "reason",
    "anonymous_allowance",
    "registered_allowance",
    "preview_paragraphs",
    "variant",
    "propensity",
    "source",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "offer",
    "plan",
    "trial",
    "amount",
    "currency",
    "ref",
    "merged_key",
]
SOURCES = ["direct", "search", "social", "email", "internal", "other"]
CHUNK = 20_000


def _row(kind, when, key, article=None, **extra):
    values = {
        "kind": kind, "created_at": when, "reader_key": key, "article_id": article,
        "channel": "web", "status": "", "access": "", "sponsored": False, "gift": False,
        "promotion": False, "month": f"{when:%Y-%m}", "outcome": "", "wall": "",
        "counted": False, "remaining": None, "reason": "", "anonymous_allowance": None,
        "registered_allowance": None, "preview_paragraphs": None, "variant": None,
        "propensity": None, "source": "", "utm_source": "", "utm_medium": "",
        "utm_campaign": "", "offer": "", "plan": "", "trial": False, "amount": None,
        "currency": "", "ref": "", "merged_key": "",
    }  # fmt: skip
    values.update(extra)
    return tuple(values[c] for c in COLUMNS)


def _view(when, key, article, status, used, limit, source):
    common = {"status": status, "access": "metered", "anonymous_allowance": 3,
              "registered_allowance": 10, "preview_paragraphs": 2, "source": source}  # fmt: skip
    if used < limit:
        return _row(K.VIEW_COUNTED, when, key, article, outcome="metered", counted=True,
                    remaining=limit - used - 1, reason="metered", **common)  # fmt: skip
    wall = "registration" if status == "anonymous" else "subscription"
    return _row(K.WALL_SHOWN, when, key, article, outcome="walled", wall=wall, remaining=0,
                reason="metered", **common)  # fmt: skip


def events(total: int, days: int, articles: list[int], offers: list[str], seed: int = 7):
    """Yield about ``total`` event rows over the last ``days`` days."""
    rng = random.Random(seed)
    now = timezone.now()
    start = now - timedelta(days=days)
    made, reader = 0, 0
    weights = [1 / (i + 1) for i in range(len(articles))]  # a few stories get most views
    while made < total:
        reader += 1
        key = f"d:{reader:032x}"
        when = start + timedelta(seconds=rng.uniform(0, days * 86400))
        source = rng.choice(SOURCES)
        status, limit, used = "anonymous", 3, 0
        for article in rng.choices(articles, weights, k=rng.choice([1, 1, 2, 3, 5, 8, 13, 21])):
            when += timedelta(minutes=rng.uniform(1, 20))
            if when >= now:
                break
            row = _view(when, key, article, status, used, limit, source)
            used += row[0] == K.VIEW_COUNTED
            yield row
            made += 1
            if row[0] != K.WALL_SHOWN:
                continue
            if status == "anonymous" and rng.random() < 0.08:
                user = f"u:{reader}"
                yield _row(K.WALL_CLICK_REGISTER, when, key, article, wall="registration")
                yield _row(K.SIGNUP, when, user, article, wall="registration", source=source,
                           merged_key=key)  # fmt: skip
                made += 2
                key, status, limit = user, "registered", 10
            elif status == "registered" and offers and rng.random() < 0.1:
                offer = rng.choice(offers)
                yield _row(K.OFFER_CHOSEN, when, key, offer=offer, wall="subscription")
                yield _row(K.SUBSCRIPTION_STARTED, when, key, article, wall="subscription",
                           offer=offer, plan="monthly", amount=Decimal("0.99"),
                           currency="USD", source=source)  # fmt: skip
                made += 2
                break


def _batches(rows: Iterator[tuple]) -> Iterator[list[tuple]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def write_events(rows: Iterator[tuple], progress: Callable[[int], None] | None = None) -> int:
    """Insert rows into the event table in bulk; returns how many."""
    written = 0
    table = "events_readerevent"
    with connection.cursor() as cursor:
        for batch in _batches(rows):
            if connection.vendor == "postgresql":
                sql = f"COPY {table} ({', '.join(COLUMNS)}) FROM STDIN"
                with cursor.cursor.copy(sql) as copy:
                    for row in batch:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(COLUMNS))
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(COLUMNS)}) VALUES ({marks})",  # noqa: S608
                    batch,
                )
            written += len(batch)
            if progress:
                progress(len(batch))
    return written
