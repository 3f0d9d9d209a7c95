"""Distinct readers per day and segment, as bitmaps over dense reader numbers (``ReaderIndex``).

Set-based, whatever the number of days or readers: one statement numbers every reader seen for
the first time in a range of days (``INSERT ... SELECT ... WHERE NOT EXISTS``, an anti-join, and
``ON CONFLICT DO NOTHING`` for a concurrent writer: PostgreSQL, and SQLite since 3.24; numbered
in order of first view, so early days' bitmaps stay dense; numbers never change), then
one streamed query sorted by day reads each day's reader numbers per wall, aggregated in the
database, and each day's segments (``all``, ``walled``, ``wall:<kind>``) are encoded as the day
completes.
"""

from collections.abc import Iterator
from datetime import date, datetime

from django.db import connection

from masthead.events.kinds import VIEW_KINDS

from . import bitmaps

FETCH = 100  # rows of (day, wall, numbers)


def _views(start: datetime, end: datetime) -> tuple[str, list]:
    kinds = sorted(str(k) for k in VIEW_KINDS)
    marks = ", ".join(["%s"] * len(kinds))
    where = f"created_at >= %s AND created_at < %s AND reader_key <> '' AND kind IN ({marks})"
    at = connection.ops.adapt_datetimefield_value  # naive UTC text on SQLite
    return where, [at(start), at(end), *kinds]


def number_readers(day_sql: str, day_params: tuple, start: datetime, end: datetime) -> None:
    """Give a ``ReaderIndex`` number to every reader with a view in ``[start, end)`` that has
    none yet (``last_day``: the day of its first view in the range)."""
    where, params = _views(start, end)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO revenue_readerindex (key, last_day) "  # noqa: S608 - fixed SQL
            f"SELECT reader_key, MIN({day_sql}) FROM events_readerevent e WHERE {where} "
            "AND NOT EXISTS (SELECT 1 FROM revenue_readerindex ri WHERE ri.key = e.reader_key) "
            "GROUP BY reader_key ORDER BY MIN(created_at) "
            "ON CONFLICT (key) DO NOTHING",
            [*day_params, *params],
        )


def _groups(day_sql: str, day_params: tuple, start: datetime, end: datetime) -> Iterator:
    """``(day, wall, numbers)`` per day and wall (``""``: no wall) of the distinct readers
    with a view, sorted by day: a few rows a day, the numbers aggregated in the database
    (``array_agg`` on PostgreSQL, ``group_concat`` text on SQLite)."""
    where, params = _views(start, end)
    numbers = "array_agg(ri.id)" if connection.vendor == "postgresql" else "group_concat(ri.id)"
    cursor = connection.chunked_cursor()
    try:
        cursor.execute(
            f"SELECT e.day, e.wall, {numbers} FROM (SELECT DISTINCT "  # noqa: S608 - fixed SQL
            f"{day_sql} AS day, reader_key, wall FROM events_readerevent WHERE {where}) e "
            "JOIN revenue_readerindex ri ON ri.key = e.reader_key "
            "GROUP BY e.day, e.wall ORDER BY e.day",
            [*day_params, *params],
        )
        while rows := cursor.fetchmany(FETCH):
            for day, wall, ids in rows:
                day = date.fromisoformat(day) if isinstance(day, str) else day
                yield day, wall, (map(int, ids.split(",")) if isinstance(ids, str) else ids)
    finally:
        cursor.close()


def _segments(numbers: dict[str, set[int]]) -> list[tuple[str, int, bytes]]:
    return [(name, len(members), bitmaps.encode(members)) for name, members in numbers.items()]


def day_segments(
    day_sql: str, day_params: tuple, bounds, first: date, last: date
) -> Iterator[tuple[date, list[tuple[str, int, bytes]]]]:
    """``(day, [(segment, readers, bitmap), ...])`` for every day from ``first`` to ``last``
    with a view (``bounds(day)``: the day's first and next day's first instant), from one
    query sorted by day (only the current day's sets are in memory); the readers must be
    numbered first (``number_readers``)."""
    current: date | None = None
    numbers: dict[str, set[int]] = {}
    for day, wall, ids in _groups(day_sql, day_params, bounds(first)[0], bounds(last)[1]):
        if day != current:
            if current is not None:
                yield current, _segments(numbers)
            current, numbers = day, {"all": set(), "walled": set()}
        members = set(ids)
        numbers["all"] |= members
        if wall:
            numbers["walled"] |= members
            numbers[f"wall:{wall}"] = members
    if current is not None:
        yield current, _segments(numbers)
