"""Writing event rows into the event table fast: ``COPY`` on PostgreSQL, ``executemany`` on
SQLite (and for the buffer's small batches), ``CHUNK`` rows at a time, no model instances and no
ORM compiling.

A row is a tuple in ``COLUMNS`` order. Two producers: a generated history
(``synthetic.history.generate``'s ``Event`` tuples, by ``row_of``: the demo's history, the
development command ``generate_reader_events`` and the tests that need a realistic log) and the
buffer of live views and clicks (``event_row``, written by ``insert_rows``). One writer::

    write_events(generate(Model(days=10, readers_per_day=20), articles, now))
    insert_rows([event_row(kind="view_counted", created_at=now, reader_key="d:5b0f", ...)])
"""

from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal

from django.db import connection, transaction

from masthead.synthetic.lifecycle import Event

from .models import ReaderEvent

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
# The model's default of every column (each row gives at least kind and created_at).
DEFAULTS = {
    f.column: f.get_default() for f in ReaderEvent._meta.concrete_fields if f.column in COLUMNS
}
_CREATED_AT, _AMOUNT = COLUMNS.index("created_at"), COLUMNS.index("amount")


def event_row(**values) -> tuple:
    """One row in ``COLUMNS`` order: ``values`` (model field names, which are the column names
    here; unchecked, as ``bulk_create`` would not check them) and the defaults for the rest.
    ``created_at`` stays a datetime and ``amount`` a Decimal: ``insert_rows`` adapts them for
    its connection."""
    row = DEFAULTS | values
    return tuple(row[c] for c in COLUMNS)


def insert_rows(rows: list[tuple]) -> int:
    """Write ``event_row`` rows in one transaction, all of them or none (inside the caller's
    transaction, as ``bulk_create`` does: no savepoint of its own)."""
    ops = connection.ops
    adapted = []
    for row in rows:
        values = list(row)
        values[_CREATED_AT] = ops.adapt_datetimefield_value(values[_CREATED_AT])
        if values[_AMOUNT] is not None:
            values[_AMOUNT] = str(values[_AMOUNT])
        adapted.append(tuple(values))
    with transaction.atomic(savepoint=False):
        # executemany, not COPY, on PostgreSQL too: a buffer's batch is small, and the inserts
        # stay visible to Django's query log like any other statement.
        return _write(adapted, copy=False)


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
    for batch in _batches(events):
        written += _write(batch)
        if progress:
            progress(len(batch))
    return written


def _write(batch: list[tuple], copy: bool = True) -> int:
    names = ", ".join(COLUMNS)
    with connection.cursor() as cursor:
        if copy and connection.vendor == "postgresql":
            with cursor.cursor.copy(f"COPY {TABLE} ({names}) FROM STDIN") as copy:
                for row in batch:
                    copy.write_row(row)
        else:
            marks = ", ".join(["%s"] * len(COLUMNS))
            cursor.executemany(
                f"INSERT INTO {TABLE} ({names}) VALUES ({marks})",  # noqa: S608 - fixed
                batch,
            )
    return len(batch)
