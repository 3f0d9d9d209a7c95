"""The meter's numbers as a reader is shown them: allowance, used, remaining, next reset.

One function builds them for every place that shows a meter: the gate (from its decision) and
the account endpoint ``/api/v1/me/`` (from the store's count), so the two always agree::

    >>> from datetime import datetime, UTC
    >>> now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    >>> reading = meter_reading(3, 1, now, "UTC")
    >>> reading.remaining, reading.resets_at.isoformat()
    (2, '2026-12-01T00:00:00+00:00')
    >>> meter_reading(None, None, now, "UTC").remaining is None   # a subscriber: no meter
    True
    >>> meter_reading(3, 5, now, "UTC").remaining                 # never below zero
    0
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .months import resets_at


@dataclass(frozen=True)
class MeterReading:
    """``limit is None``: no meter applies (entitled, or nothing was metered)."""

    limit: int | None
    used: int | None
    remaining: int | None
    resets_at: datetime


def meter_reading(
    limit: int | None, used: int | None, now: datetime, time_zone: str
) -> MeterReading:
    """The numbers for ``limit`` and ``used`` at ``now``; ``remaining`` is known only when both
    are."""
    remaining = max(limit - used, 0) if limit is not None and used is not None else None
    return MeterReading(limit, used, remaining, resets_at(now, time_zone))
