"""Meter months: calendar months on the publication's wall clock, not in UTC.

A reader's allowance refills when the month turns *where the publication is*. The same instant
can belong to different months in different zones, so every month question takes the zone::

    >>> from datetime import datetime, UTC
    >>> late = datetime(2026, 11, 30, 23, 30, tzinfo=UTC)
    >>> month_key(late, "UTC"), month_key(late, "Asia/Tokyo")
    ('2026-11', '2026-12')
    >>> resets_at(late, "UTC").isoformat()
    '2026-12-01T00:00:00+00:00'
    >>> resets_at(late, "Asia/Tokyo").isoformat()
    '2027-01-01T00:00:00+09:00'
    >>> month_name(late, "Asia/Tokyo")
    'December'

``resets_at`` is the first instant of the next month. Where a daylight-saving jump swallows local
midnight, that is the first instant that exists on the 1st (the moment of the jump). Do
arithmetic on the result in UTC: Python adds and subtracts aware datetimes of one zone by wall
clock, which is wrong across such a jump.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from .policy import load_zone, require_aware

MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _local(now: datetime, time_zone: str) -> tuple[datetime, ZoneInfo]:
    require_aware(now)
    zone = load_zone(time_zone)
    return now.astimezone(zone), zone


def month_key(now: datetime, time_zone: str) -> str:
    """``"YYYY-MM"`` of the month that ``now`` falls in, on the publication's clock."""
    local, _ = _local(now, time_zone)
    return f"{local.year:04d}-{local.month:02d}"


def month_name(now: datetime, time_zone: str) -> str:
    """The English name of that month, for meter messages (locale independent)."""
    local, _ = _local(now, time_zone)
    return MONTH_NAMES[local.month - 1]


def resets_at(now: datetime, time_zone: str) -> datetime:
    """The first instant of the month after ``now``'s, as an aware datetime in that zone."""
    local, zone = _local(now, time_zone)
    year, month = (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
    midnight = datetime(year, month, 1, tzinfo=zone)
    key = f"{year:04d}-{month:02d}"
    # Normally local midnight exists and is the answer. Inside a DST gap, ``fold=0`` maps it to
    # an instant at or after the jump; search back for the jump itself, to the second.
    high = int(midnight.timestamp())
    if month_key(datetime.fromtimestamp(high - 1, zone), time_zone) != key:
        return datetime.fromtimestamp(high, zone)
    low = high - int(timedelta(days=1).total_seconds())
    while high - low > 1:
        middle = (low + high) // 2
        if month_key(datetime.fromtimestamp(middle, zone), time_zone) == key:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, zone)
