"""Writing a generated history (``synthetic.history.generate``'s ``Event`` tuples) into the event
table fast: ``COPY`` on PostgreSQL, ``executemany`` on SQLite, ``CHUNK`` rows at a time, no
model instances. The demo's history, the development command ``generate_reader_events`` and the
tests that need a realistic log all write through here, so there is one generator and one
writer.

    write_events(generate(Model(days=10, readers_per_day=20), articles, now))
"""

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from django.db import connection

from masthead.synthetic.lifecycle import Event

TABLE = "events_readerevent"
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
CHUNK = 20_000


def row_of(e: Event) -> tuple:
    """The ``COLUMNS`` of one event, as the database stores them."""
    amount = Decimal(e.amount) if e.amount is not None else None
    return (
        e.kind,
        connection.ops.adapt_datetimefield_value(e.at),  # naive UTC text on SQLite
        e.reader_key,
        e.article_id,
        "web" if e.status else "",
        e.status,
        e.access,
        e.sponsored,
        e.gift,
        e.promotion,
        e.month,
        e.outcome,
        e.wall,
        e.counted,
        e.remaining,
        e.reason,
        e.anonymous,
        e.registered,
        e.preview,
        e.variant,
        e.propensity,
        e.source,
        "",
        "",
        "",
        e.offer,
        e.plan,
        e.trial,
        str(amount) if amount is not None else None,
        "USD" if amount is not None else "",
        e.ref,
        e.merged_key,
    )


def _batches(events: Iterable[Event]) -> Iterator[list[tuple]]:
    batch = []
    for event in events:
        batch.append(row_of(event))
        if len(batch) >= CHUNK:
            yield batch
            batch = []
    if batch:
        yield batch


def write_events(events: Iterable[Event], progress: Callable[[int], None] | None = None) -> int:
    """Insert the events in bulk (in the caller's transaction, if any); returns how many."""
    written = 0
    names = ", ".join(COLUMNS)
    with connection.cursor() as cursor:
        for batch in _batches(events):
            if connection.vendor == "postgresql":
                with cursor.cursor.copy(f"COPY {TABLE} ({names}) FROM STDIN") as copy:
                    for row in batch:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(COLUMNS))
                cursor.executemany(
                    f"INSERT INTO {TABLE} ({names}) VALUES ({marks})",  # noqa: S608 - fixed
                    batch,
                )
            written += len(batch)
            if progress:
                progress(len(batch))
    return written
