"""What the meter answers: an outcome, the wall's kind when walled, and the meter's numbers.

Deciding happens in two steps so that the meter store is asked only when it matters:

1. ``assess`` settles everything knowable without the store (subscriber, promotion, free,
   sponsored, subscribers-only) and otherwise returns ``outcome=None`` with the ``limit`` to
   check against.
2. The store records the view if the allowance permits, and ``conclude`` turns its answer into a
   ``Decision``.

Worked example: an anonymous reader (allowance 3) opens a third new article this month. The store
says the view was allowed, ``used`` is now 3 and the view was newly counted, so the decision is
``METERED`` with ``remaining=0``: the last free article. A fourth new article is not allowed, so
the decision is ``WALLED`` behind the registration wall, and nothing is counted::

    >>> wall_for(Reader(ReaderKind.ANONYMOUS))
    <Wall.REGISTRATION: 'registration'>
    >>> wall_for(Reader(ReaderKind.REGISTERED, Lapse.TRIAL))
    <Wall.TRIAL_EXPIRED: 'trial-expired'>
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .policy import Lapse, Reader, ReaderKind


class Wall(StrEnum):
    """The kinds of wall; each value is also the page's ``data-paywall`` attribute."""

    REGISTRATION = "registration"
    SUBSCRIPTION = "subscription"
    TRIAL_EXPIRED = "trial-expired"
    ACCESS_EXPIRED = "access-expired"
    SUBSCRIBERS_ONLY = "subscribers-only"


class Outcome(StrEnum):
    """What the reader gets: all of it, all of it on the meter, or the preview and a wall."""

    FULL = "full"
    METERED = "metered"
    WALLED = "walled"


@dataclass(frozen=True)
class Assessment:
    """The first step's answer. ``outcome is None`` means: ask the meter store with ``limit``."""

    outcome: Outcome | None
    wall: Wall | None
    limit: int | None
    reason: str

    @property
    def needs_meter(self) -> bool:
        """Whether the meter store must be asked before the reader can be answered."""
        return self.outcome is None


@dataclass(frozen=True)
class Decision:
    """The final answer for one view of one article by one reader."""

    outcome: Outcome
    wall: Wall | None
    remaining: int | None
    limit: int | None
    used: int | None
    counted: bool
    reason: str

    @property
    def full_text(self) -> bool:
        """Whether the whole body may be rendered; a walled reader gets the preview only."""
        return self.outcome is not Outcome.WALLED

    @property
    def is_last_free(self) -> bool:
        """Whether this metered view used up the allowance (show the last-article message)."""
        return self.outcome is Outcome.METERED and self.remaining == 0


def wall_for(reader: Reader) -> Wall:
    """The wall a metered reader hits once the month's allowance is used up."""
    if reader.lapse is Lapse.TRIAL:
        return Wall.TRIAL_EXPIRED
    if reader.lapse is Lapse.ACCESS:
        return Wall.ACCESS_EXPIRED
    if reader.kind is ReaderKind.ANONYMOUS:
        return Wall.REGISTRATION
    if reader.kind is ReaderKind.REGISTERED:
        return Wall.SUBSCRIPTION
    raise ValueError("an entitled reader never hits the meter's wall")
