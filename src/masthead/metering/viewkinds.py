"""View kinds: the one event kind each answered view is recorded as, decided from its decision.

Reader events store one row per view a counting channel answered, of exactly one of these
kinds; the history generator and the gate both name a view through ``view_kind``, and a replay
reads them back, so the table exists once::

    >>> from .outcomes import gifted, metered
    >>> view_kind(metered(remaining=2, limit=3, used=1, counted=True))
    <ViewKind.VIEW_COUNTED: 'view_counted'>
    >>> view_kind(gifted())
    <ViewKind.VIEW_GIFT: 'view_gift'>

``DEVICE_MERGED`` is the other event a replay reads: a device's meter joined an account's.
"""

from __future__ import annotations

from enum import StrEnum

from .decision import Decision


class ViewKind(StrEnum):
    """The kinds of a view event; values are stored (``ReaderEvent.kind``) and never change."""

    VIEW_COUNTED = "view_counted"
    VIEW_REREAD = "view_reread"
    VIEW_FREE = "view_free"
    VIEW_SUBSCRIBER = "view_subscriber"
    VIEW_GIFT = "view_gift"
    VIEW_PROMOTION = "view_promotion"
    VIEW_UNMETERED = "view_unmetered"
    WALL_SHOWN = "wall_shown"


DEVICE_MERGED = "device_merged"


def view_kind(decision: Decision) -> ViewKind:
    """The one view kind of a decision, asked of its properties."""
    if decision.walled:
        return ViewKind.WALL_SHOWN
    if decision.metered:
        return ViewKind.VIEW_COUNTED if decision.counted else ViewKind.VIEW_REREAD
    if decision.gifted:
        return ViewKind.VIEW_GIFT
    if decision.promoted:
        return ViewKind.VIEW_PROMOTION
    if decision.entitled:
        return ViewKind.VIEW_SUBSCRIBER
    if decision.unmetered:
        return ViewKind.VIEW_UNMETERED
    return ViewKind.VIEW_FREE
