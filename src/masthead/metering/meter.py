"""Check-and-count: the one step every meter store performs atomically.

Given the article ids already counted for a reader this month and the allowance, a view of
article ``A`` is:

- a *re-read* when ``A`` is already counted: allowed, free, the count unchanged;
- a *new read* when fewer than ``limit`` articles are counted: allowed, and counted;
- *over the allowance* otherwise: not allowed, nothing counted.

Worked example with an allowance of 3::

    >>> tally({7, 8}, 9, 3)
    Tally(allowed=True, used=3, newly_counted=True)
    >>> tally({7, 8, 9}, 7, 3)
    Tally(allowed=True, used=3, newly_counted=False)
    >>> tally({7, 8, 9}, 10, 3)
    Tally(allowed=False, used=3, newly_counted=False)

The database and Redis stores implement exactly this, atomically; ``tally`` is the reference
they are tested against, and what ``decide`` and the in-memory ``Ledger`` use.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple


class Tally(NamedTuple):
    """A meter store's answer to one view."""

    allowed: bool
    used: int
    newly_counted: bool


def tally(counted_ids: Collection[int], article_id: int, limit: int) -> Tally:
    """Check-and-count one view against ``limit`` without mutating ``counted_ids``."""
    counted = set(counted_ids)
    if article_id in counted:
        return Tally(allowed=True, used=len(counted), newly_counted=False)
    if len(counted) < limit:
        return Tally(allowed=True, used=len(counted) + 1, newly_counted=True)
    return Tally(allowed=False, used=len(counted), newly_counted=False)
