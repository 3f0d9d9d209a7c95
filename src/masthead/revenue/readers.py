"""Dense numbers for reader keys (``ReaderIndex``), so a day's readers fit in a bitmap.

Set-based, in two statements per day whatever the number of readers: the day's new keys are
inserted from the event table itself (``ON CONFLICT DO NOTHING``: PostgreSQL, and SQLite since
3.24), then the day's (number, wall) pairs are read through a join.
"""

from datetime import date, datetime

from django.db import connection

from masthead.events.kinds import VIEW_KINDS


def _view_filter() -> tuple[str, list]:
    kinds = sorted(str(k) for k in VIEW_KINDS)
    marks = ", ".join(["%s"] * len(kinds))
    where = f"created_at >= %s AND created_at < %s AND reader_key <> '' AND kind IN ({marks})"
    return where, kinds


def reader_pairs(day: date, start: datetime, end: datetime) -> list[tuple[int, str]]:
    """``(reader number, wall)`` for every distinct reader and wall of the day's views,
    numbering the readers seen for the first time."""
    where, kinds = _view_filter()
    params = [start, end, *kinds]
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO revenue_readerindex (key, last_day) "  # noqa: S608 - fixed SQL
            f"SELECT DISTINCT reader_key, %s FROM events_readerevent WHERE {where} "
            "ON CONFLICT (key) DO NOTHING",
            [day, *params],
        )
        cursor.execute(
            "SELECT ri.id, e.wall FROM (SELECT DISTINCT reader_key, wall "  # noqa: S608
            f"FROM events_readerevent WHERE {where}) e "
            "JOIN revenue_readerindex ri ON ri.key = e.reader_key",
            params,
        )
        return list(cursor.fetchall())
