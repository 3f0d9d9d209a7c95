"""What the meter answers: an outcome, why, the wall's kind when walled, and the meter's numbers.

Deciding happens in two steps so that the meter store is asked only when it matters:

1. ``assess`` settles everything knowable without the store (subscriber, promotion, free,
   sponsored, subscribers-only) and otherwise returns ``outcome=None`` with the ``limit`` to
   check against.
2. The store records the view if the allowance permits, and ``conclude`` turns its answer into a
   ``Decision``.

Every ``Decision`` is built by one of the functions in ``outcomes``; consumers ask its
properties (``full_text``, ``walled``, ``open_to_everyone``, ``gifted``...) and never compare
``reason`` strings.

Worked example: an anonymous reader (allowance 3) opens a third new article this month. The store
says the view was allowed, ``used`` is now 3 and the view was newly counted, so the decision is
``METERED`` with ``remaining=0``: the last free article. A fourth new article is not allowed, so
the decision is ``WALLED`` behind the registration wall, and nothing is counted::

    >>> wall_for(Reader(ReaderKind.ANONYMOUS))
    <Wall.REGISTRATION: 'registration'>
    >>> wall_for(Reader(ReaderKind.REGISTERED, Lapse.TRIAL))
    <Wall.TRIAL_EXPIRED: 'trial-expired'>
    >>> Reason.FREE in OPEN_TO_EVERYONE, Reason.ENTITLED in OPEN_TO_EVERYONE
    (True, False)
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


class Reason(StrEnum):
    """Why a decision came out as it did (recorded with reader events, never branched on)."""

    ENTITLED = "entitled"
    PROMOTION = "promotion"
    FREE = "free"
    SPONSORED = "sponsored"
    SUBSCRIBERS_ONLY = "subscribers-only"
    METERED = "metered"
    GIFT = "gift"
    METER_UNAVAILABLE = "meter-unavailable"
    UNCOUNTED_CHANNEL = "uncounted-channel"
    AWAITING_GIFT = "awaiting-gift"  # a counting channel must redeem the gift (``record``)
    AWAITING_METER = "awaiting-meter"  # a counting channel must ask the meter (``record``)


#: The reasons that open an article to every reader alike, so any channel may carry it whole.
OPEN_TO_EVERYONE = frozenset({Reason.PROMOTION, Reason.FREE, Reason.SPONSORED})
AWAITING = frozenset({Reason.AWAITING_GIFT, Reason.AWAITING_METER})


@dataclass(frozen=True)
class Assessment:
    """The first step's answer. ``outcome is None`` means: ask the meter store with ``limit``."""

    outcome: Outcome | None
    wall: Wall | None
    limit: int | None
    reason: Reason


@dataclass(frozen=True)
class Decision:
    """The answer for one view of one article by one reader."""

    outcome: Outcome
    wall: Wall | None
    remaining: int | None
    limit: int | None
    used: int | None
    counted: bool
    reason: Reason

    @property
    def full_text(self) -> bool:
        """Whether the whole body may be rendered; a walled reader gets the preview only."""
        return self.outcome is not Outcome.WALLED

    @property
    def walled(self) -> bool:
        """Whether the reader gets the preview only (with a wall, when ``wall`` is set)."""
        return self.outcome is Outcome.WALLED

    @property
    def metered(self) -> bool:
        """Whether this view was allowed on the meter (show the meter message)."""
        return self.outcome is Outcome.METERED

    @property
    def open_to_everyone(self) -> bool:
        """Whether every reader alike gets the full text (free, sponsored, a promotion): what
        public copies (structured data, feeds, shared caches) may carry whole."""
        return self.reason in OPEN_TO_EVERYONE

    @property
    def gifted(self) -> bool:
        """Whether a gift link opened this article."""
        return self.reason == Reason.GIFT

    @property
    def promoted(self) -> bool:
        """Whether a free-access promotion opened this article."""
        return self.reason == Reason.PROMOTION

    @property
    def entitled(self) -> bool:
        """Whether the reader's own full access (subscription, trial, grant) opened it."""
        return self.reason == Reason.ENTITLED

    @property
    def unmetered(self) -> bool:
        """Whether the meter store could not be reached (failed open or closed)."""
        return self.reason == Reason.METER_UNAVAILABLE

    @property
    def awaiting_record(self) -> bool:
        """Whether a counting channel must still ``record`` the view to learn the answer; until
        then the decision shows the preview only."""
        return self.reason in AWAITING

    @property
    def awaiting_gift(self) -> bool:
        """Whether a gift link must be redeemed (a write) before the reader is answered."""
        return self.reason == Reason.AWAITING_GIFT

    @property
    def awaiting_meter(self) -> bool:
        """Whether the meter must count the view (a write) before the reader is answered."""
        return self.reason == Reason.AWAITING_METER

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
