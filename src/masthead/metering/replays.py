"""Replaying recorded views under a candidate policy, through the site's own rules.

``replay`` reads view facts in time order (one ``Fact`` tuple per recorded view or device
merge, the layout of the ``events.ReaderEvent`` columns in ``Fact``'s field order) and decides
each view again with ``rules.assess``/``meter.tally``/``rules.conclude`` under a ``Candidate``
(allowances, preview, extra free-access windows). Left-out candidate numbers keep each view's
recorded policy, so ``Candidate()`` reproduces every recorded decision exactly.

Speed without a second rulebook: an assessment depends only on (status, access, sponsored,
promotion, allowances), so ``assess`` runs once per combination and is reused; the meter step
asks ``tally`` per view and ``conclude`` once per (combination, answer). Memory is bounded by
readers x month: counted ids are kept for the newest month only (facts come in time order).

A gift view (``gift``) is full and uncounted whatever the rules say: a valid gift link opens
the article without touching the meter, as in the gate. A ``device_merged`` fact adds the
device's counted articles of that month to the account's (a copy: the device keeps its own).
A ``view_unmetered`` view (the meter store was unreachable) was not decided by the rules: it is
passed through as recorded and counted in ``unreplayable``.

Worked example: an anonymous reader reads articles 1-4 in November (3 free, then a wall).
Under a candidate of 5 free articles the fourth view is counted instead::

    >>> def view(article, outcome, wall="", counted=True):
    ...     return Fact("view_counted", "d:1", "2026-11", article, "anonymous", "metered",
    ...                 False, False, False, 3, 10, None, outcome, wall, counted, "", None, None)
    >>> facts = [view(1, "metered"), view(2, "metered"), view(3, "metered"),
    ...          view(4, "walled", "registration", False)]
    >>> same = replay(facts)
    >>> same.changed, same.candidate.counted, same.candidate.walls["registration"]
    (0, 3, 1)
    >>> more = replay(facts, Candidate(anonymous=5))
    >>> more.changed, more.candidate.counted, more.candidate.readers_walled
    (1, 4, 0)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from .decision import Assessment, Outcome, Wall
from .meter import tally
from .policy import Access, ArticleFacts, Lapse, Policy, Reader, ReaderKind, Window
from .rules import assess, conclude

MERGE = "device_merged"
UNMETERED = "view_unmetered"
WALLS = tuple(str(wall) for wall in Wall)
READERS = {
    "anonymous": Reader(ReaderKind.ANONYMOUS),
    "registered": Reader(ReaderKind.REGISTERED),
    "subscriber": Reader(ReaderKind.ENTITLED),
    "trial-expired": Reader(ReaderKind.REGISTERED, Lapse.TRIAL),
    "access-expired": Reader(ReaderKind.REGISTERED, Lapse.ACCESS),
}
_NOW = datetime(2000, 1, 1, tzinfo=UTC)
_OPEN = (Window(_NOW, _NOW + timedelta(seconds=1)),)
PROGRESS_EVERY = 1 << 16


class Fact(NamedTuple):
    """One recorded view (or merge), in the order of the events table's replay columns.

    Plain tuples in this order work too (e.g. straight from ``values_list``)."""

    kind: str
    reader_key: str
    month: str
    article_id: int
    status: str
    access: str
    sponsored: bool
    gift: bool
    promotion: bool
    anonymous: int | None
    registered: int | None
    at: datetime | None
    outcome: str
    wall: str
    counted: bool
    merged_key: str
    variant: str | None
    propensity: float | None


@dataclass(frozen=True)
class Candidate:
    """A policy to replay under; ``None`` keeps each view's recorded number."""

    anonymous: int | None = None
    registered: int | None = None
    preview: int | None = None
    windows: tuple[Window, ...] = ()

    def __post_init__(self) -> None:
        for name in ("anonymous", "registered", "preview"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} must not be negative")


@dataclass
class Counts:
    """Outcome counts of one side (recorded or candidate) of a replay."""

    views: int = 0
    counted: int = 0
    walls: dict[str, int] = field(default_factory=lambda: dict.fromkeys(WALLS, 0))
    readers: int = 0
    walled: set[str] = field(default_factory=set, repr=False)
    walled_by_kind: dict[str, set[str]] = field(
        default_factory=lambda: {wall: set() for wall in WALLS}, repr=False
    )

    @property
    def readers_walled(self) -> int:
        """Distinct readers who met at least one wall."""
        return len(self.walled)

    @property
    def stop_rate(self) -> float:
        """Readers who met a wall / readers (0 when there were no readers)."""
        return self.readers_walled / self.readers if self.readers else 0.0

    def readers_at(self) -> dict[str, int]:
        """Distinct readers walled per wall kind."""
        return {wall: len(keys) for wall, keys in self.walled_by_kind.items()}


@dataclass
class Replay:
    """Both sides of a replay, with how many views changed decision and what could not be
    replayed; ``assignments`` maps each experiment reader to ``(variant, propensity)``."""

    recorded: Counts
    candidate: Counts
    events: int = 0
    changed: int = 0
    unreplayable: int = 0
    readers: set[str] = field(default_factory=set, repr=False)
    assignments: dict[str, tuple[str, float]] = field(default_factory=dict, repr=False)


class _Plan(NamedTuple):
    """How the rules answer one combination: settled (``wall``, "" = not walled, with no
    ``assessment``), or left to the meter (``reader``, ``limit``, ``assessment``)."""

    wall: str
    reader: Reader
    limit: int
    assessment: Assessment | None


_ANON, _REG = Policy().anonymous_allowance, Policy().registered_allowance


def _plan(
    status: str, access: str, sponsored: bool, promotion: bool, anonymous: int, registered: int
) -> _Plan:
    reader = READERS[status]
    policy = Policy(anonymous_allowance=anonymous, registered_allowance=registered)
    facts = ArticleFacts(0, Access(access or Access.METERED), sponsored)
    assessment = assess(reader, facts, _NOW, policy, _OPEN if promotion else ())
    if assessment.outcome is None:
        return _Plan("", reader, assessment.limit or 0, assessment)
    return _Plan(str(assessment.wall) if assessment.wall else "", reader, 0, None)


def _note(side: Counts, key: str, wall: str, counted: bool) -> None:
    side.views += 1
    if counted:
        side.counted += 1
    if wall:
        side.walls[wall] += 1
        if key:
            side.walled.add(key)
            side.walled_by_kind[wall].add(key)


def replay(
    facts: Iterable[Fact],
    candidate: Candidate = Candidate(),
    progress: Callable[[int], None] | None = None,
) -> Replay:
    """Replay ``facts`` (in time order) under ``candidate``; see the module docstring.

    ``progress`` is called with the number of facts read since the last call, every
    ``PROGRESS_EVERY`` facts and at the end."""
    result = Replay(Counts(), Counts())
    recorded, cand = result.recorded, result.candidate
    plans: dict[tuple[str, str, bool, bool, int, int], _Plan] = {}
    concluded: dict[tuple[object, ...], tuple[str, bool]] = {}
    month_now = ""
    counted: dict[str, set[int]] = {}
    windows = candidate.windows
    anonymous_override, registered_override = candidate.anonymous, candidate.registered
    readers, assignments = result.readers, result.assignments
    seen = 0
    for fact in facts:
        seen += 1
        if seen == PROGRESS_EVERY and progress is not None:
            progress(seen)
            seen = 0
        (kind, key, month, article, status, access, sponsored, gift, promotion) = fact[:9]
        if month != month_now and month > month_now:
            counted = {}  # a new meter month: last month's counts are done with
            month_now = month
        if kind == MERGE:
            moved = counted.get(fact[15])
            if moved:
                counted.setdefault(key, set()).update(moved)
            continue
        result.events += 1
        if key:
            readers.add(key)
            variant = fact[16]
            if variant is not None and key not in assignments:
                assignments[key] = (variant, fact[17] or 0.0)
        was_wall, was_counted = fact[13] or "", bool(fact[14])
        _note(recorded, key, was_wall, was_counted)
        if kind == UNMETERED:
            result.unreplayable += 1
            _note(cand, key, "", False)
            continue
        wall, now_counted = "", False
        if not gift:
            if windows and not promotion:
                at = fact[11]
                promotion = at is not None and any(w.starts_at <= at < w.ends_at for w in windows)
            anonymous = fact[9] if anonymous_override is None else anonymous_override
            registered = fact[10] if registered_override is None else registered_override
            combo = (
                status,
                access,
                sponsored,
                promotion,
                _or(anonymous, _ANON),
                _or(registered, _REG),
            )
            plan = plans.get(combo)
            if plan is None:
                plan = plans[combo] = _plan(*combo)
            if plan.assessment is None:
                wall = plan.wall
            else:
                ids = counted.get(key)
                if ids is None:
                    ids = counted[key] = set()
                answer = tally(ids, article, plan.limit)
                ckey = (combo, answer)
                outcome = concluded.get(ckey)
                if outcome is None:
                    decision = conclude(
                        plan.reader,
                        plan.assessment,
                        allowed=answer.allowed,
                        used=answer.used,
                        newly_counted=answer.newly_counted,
                    )
                    outcome = concluded[ckey] = (
                        str(decision.wall) if decision.outcome is Outcome.WALLED else "",
                        decision.counted,
                    )
                wall, now_counted = outcome
                if now_counted:
                    ids.add(article)
        if wall != was_wall or now_counted != was_counted:
            result.changed += 1
        _note(cand, key, wall, now_counted)
    if progress is not None and seen:
        progress(seen)
    recorded.readers = cand.readers = len(readers)
    return result


def candidate_policy(recorded: Policy, candidate: Candidate) -> Policy:
    """The policy a candidate amounts to, given today's (``None`` keeps today's number)."""
    return replace(
        recorded,
        anonymous_allowance=_or(candidate.anonymous, recorded.anonymous_allowance),
        registered_allowance=_or(candidate.registered, recorded.registered_allowance),
        preview_paragraphs=_or(candidate.preview, recorded.preview_paragraphs),
    )


def _or(value: int | None, default: int) -> int:
    return default if value is None else value
