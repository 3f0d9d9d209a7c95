"""What the meter is told: the policy, the reader, the article and any promotion.

These are plain, frozen values. The Django side builds them from site settings, the session and
the article page; the engine never looks anything up itself.

Worked example: the default policy gives an anonymous reader 3 free articles a month and a
registered reader 10, counted in calendar months of the publication's time zone::

    >>> policy = Policy(time_zone="Asia/Tokyo")
    >>> policy.allowance_for(ReaderKind.ANONYMOUS), policy.allowance_for(ReaderKind.REGISTERED)
    (3, 10)
    >>> policy.allowance_for(ReaderKind.ENTITLED) is None  # subscribers are never metered
    True

A registered reader whose trial or paid access ended carries a ``Lapse``: they are metered like
any registered reader, but the wall they hit says why their access is gone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class Access(StrEnum):
    """Per-article access, chosen by editors."""

    METERED = "metered"
    FREE = "free"
    SUBSCRIBERS = "subscribers"


class ReaderKind(StrEnum):
    """Who is reading, as far as the meter cares."""

    ANONYMOUS = "anonymous"
    REGISTERED = "registered"
    ENTITLED = "entitled"


class Lapse(StrEnum):
    """Why a registered reader is no longer entitled."""

    TRIAL = "trial"
    ACCESS = "access"


def require_aware(when: datetime, name: str = "now") -> None:
    """Reject naive datetimes: a meter month is meaningless without a known instant."""
    if when.tzinfo is None or when.utcoffset() is None:
        raise ValueError(f"{name} must be a timezone-aware datetime, got {when!r}")


def load_zone(time_zone: str) -> ZoneInfo:
    """The ``ZoneInfo`` for an IANA name; ``ValueError`` when there is no such zone."""
    try:
        return ZoneInfo(time_zone)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(f"unknown time zone {time_zone!r}") from error


@dataclass(frozen=True)
class Policy:
    """The meter's numbers, all editable by staff."""

    anonymous_allowance: int = 3
    registered_allowance: int = 10
    preview_paragraphs: int = 2
    time_zone: str = "UTC"

    def __post_init__(self) -> None:
        for name in ("anonymous_allowance", "registered_allowance", "preview_paragraphs"):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        load_zone(self.time_zone)

    def allowance_for(self, kind: ReaderKind) -> int | None:
        """Free articles a month for this kind of reader; ``None`` means no meter at all."""
        if kind is ReaderKind.ANONYMOUS:
            return self.anonymous_allowance
        if kind is ReaderKind.REGISTERED:
            return self.registered_allowance
        return None


@dataclass(frozen=True)
class Reader:
    """A reader as the meter sees them; only a registered reader can carry a lapse."""

    kind: ReaderKind
    lapse: Lapse | None = None

    def __post_init__(self) -> None:
        if self.lapse is not None and self.kind is not ReaderKind.REGISTERED:
            raise ValueError(f"a {self.kind} reader cannot have a lapse")


@dataclass(frozen=True)
class ArticleFacts:
    """The few facts about an article that the meter needs."""

    id: int
    access: Access = Access.METERED
    sponsored: bool = False


@dataclass(frozen=True)
class Window:
    """A free-access promotion: open to everyone from ``starts_at`` up to, not including,
    ``ends_at``."""

    starts_at: datetime
    ends_at: datetime

    def __post_init__(self) -> None:
        require_aware(self.starts_at, "starts_at")
        require_aware(self.ends_at, "ends_at")
        if self.ends_at < self.starts_at:
            raise ValueError("a promotion cannot end before it starts")

    def contains(self, when: datetime) -> bool:
        """Whether ``when`` falls inside the half-open window ``[starts_at, ends_at)``."""
        require_aware(when, "when")
        return self.starts_at <= when < self.ends_at
