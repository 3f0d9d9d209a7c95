"""The one place that builds ``Decision`` values, one function per way a view can end.

The rules (``rules``) choose which of these applies; the Django gate never builds a decision
itself. Worked example::

    >>> settle(Assessment(Outcome.FULL, None, None, Reason.FREE)).open_to_everyone
    True
    >>> gifted().gifted, gifted().counted
    (True, False)
    >>> metered(remaining=2, limit=3, used=1, counted=True).is_last_free
    False
    >>> down = Assessment(None, None, 3, Reason.METERED)
    >>> unavailable(Reader(ReaderKind.ANONYMOUS), down, Failure.CLOSED).wall
    <Wall.REGISTRATION: 'registration'>
    >>> unavailable(Reader(ReaderKind.ANONYMOUS), down, Failure.OPEN).full_text
    True
"""

from __future__ import annotations

from enum import StrEnum

from .decision import Assessment, Decision, Outcome, Reason, Wall, wall_for
from .policy import Reader


class Failure(StrEnum):
    """What a view gets while the meter store cannot be reached (``METER_STORE_FAILURE``)."""

    OPEN = "open"  # the full text, uncounted: readers are not punished for our outage
    CLOSED = "closed"  # the reader's wall: nothing is given away while counts are unknown


def settle(assessment: Assessment) -> Decision:
    """The decision for an assessment that did not need the meter store."""
    if assessment.outcome is None:
        raise ValueError("this assessment needs the meter store; use conclude()")
    return Decision(assessment.outcome, assessment.wall, None, None, None, False, assessment.reason)


def metered(*, remaining: int, limit: int, used: int, counted: bool) -> Decision:
    """An allowed view on the meter: the full text, with the meter message."""
    return Decision(Outcome.METERED, None, remaining, limit, used, counted, Reason.METERED)


def over_allowance(reader: Reader, *, remaining: int, limit: int, used: int) -> Decision:
    """A view past the month's allowance: the preview and the reader's wall, nothing counted."""
    return Decision(Outcome.WALLED, wall_for(reader), remaining, limit, used, False, Reason.METERED)


def gifted() -> Decision:
    """A gift link opened the article: the full text, and the reader's meter untouched."""
    return Decision(Outcome.FULL, None, None, None, None, False, Reason.GIFT)


def uncounted(assessment: Assessment) -> Decision:
    """A metered article on a channel that never counts: the preview only, no store round trip,
    and no wall (the channel has nowhere to show one)."""
    return Decision(
        Outcome.WALLED, None, None, assessment.limit, None, False, Reason.UNCOUNTED_CHANNEL
    )


def awaiting(assessment: Assessment, reason: Reason) -> Decision:
    """A counting channel's answer before the gift is redeemed or the meter asked (``record``):
    the preview only, so a channel that forgot to record can never leak the full text."""
    return Decision(Outcome.WALLED, None, None, assessment.limit, None, False, reason)


def unavailable(reader: Reader, assessment: Assessment, failure: Failure) -> Decision:
    """The meter store could not be reached for a metered view: fail open or closed."""
    if failure is Failure.CLOSED:
        wall: Wall | None = wall_for(reader)
        return Decision(
            Outcome.WALLED, wall, None, assessment.limit, None, False, Reason.METER_UNAVAILABLE
        )
    return Decision(
        Outcome.FULL, None, None, assessment.limit, None, False, Reason.METER_UNAVAILABLE
    )
