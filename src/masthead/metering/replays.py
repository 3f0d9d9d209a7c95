"""Replaying recorded views under a candidate policy, through the site's own rules.

``replay`` reads view facts in time order (one ``Fact`` tuple per recorded view or device
merge, the layout of the ``events.ReaderEvent`` columns in ``Fact``'s field order) and decides
each view again with ``rules.assess``/``meter.tally``/``rules.conclude`` under a ``Candidate``
(allowances, preview, extra free-access windows). Left-out candidate numbers keep each view's
recorded policy, so ``Candidate()`` reproduces every recorded decision exactly.

Speed without a second rulebook: an assessment depends only on (status, access, sponsored,
promotion, allowances), so ``assess`` runs once per combination, and ``conclude`` once per
combination and meter-store answer (re-read, newly counted, over the allowance); each view then
costs a dict lookup and ``meter.tally``'s check-and-count on a set. Memory is bounded by
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

from .decision import Decision, Outcome, Wall
from .policy import Access, ArticleFacts, Policy, Window
from .rules import assess, conclude, settle
from .status import ReaderStatus
from .viewkinds import DEVICE_MERGED, ViewKind

WALLS = tuple(str(wall) for wall in Wall)
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

    def met(self, wall: str, key: str) -> None:
        """One view that met ``wall``, by reader ``key`` (empty: no reader to count)."""
        self.walls[wall] += 1
        if key:
            self.walled.add(key)
            self.walled_by_kind[wall].add(key)


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


# A plan is how the rules answer one combination of inputs: ``None`` for the meter's limit and
# one (wall, counted) answer when the rules settle the view without the meter; otherwise the
# limit and the answers ``conclude`` gives for each meter-store answer: a re-read, a newly
# counted view, a view over the allowance.
_Answer = tuple[str, bool]
_Plan = tuple[int | None, _Answer, _Answer, _Answer]
_ANON, _REG = Policy().anonymous_allowance, Policy().registered_allowance


def _answer(decision: Decision) -> _Answer:
    return (str(decision.wall) if decision.outcome is Outcome.WALLED else "", decision.counted)


def _plan(
    status: str, access: str, sponsored: bool, promotion: bool, anonymous: int, registered: int
) -> _Plan:
    reader = ReaderStatus(status).reader
    policy = Policy(anonymous_allowance=anonymous, registered_allowance=registered)
    facts = ArticleFacts(0, Access(access or Access.METERED), sponsored)
    assessment = assess(reader, facts, _NOW, policy, _OPEN if promotion else ())
    if assessment.outcome is not None:
        settled = _answer(settle(assessment))
        return (None, settled, settled, settled)
    limit = assessment.limit or 0

    def store(allowed: bool, used: int, new: bool) -> _Answer:
        return _answer(conclude(reader, assessment, allowed=allowed, used=used, newly_counted=new))

    # The meter store's three answers (``meter.tally``), as the stores give them.
    return (limit, store(True, limit, False), store(True, limit, True), store(False, limit, False))


class Plans:
    """**Plan**: the rules' answers for each combination of a view's inputs under ``candidate``,
    worked out on first sight of the combination (``_plan``) and looked up after that."""

    def __init__(self, candidate: Candidate) -> None:
        self.windows = candidate.windows
        self.anonymous, self.registered = candidate.anonymous, candidate.registered
        self.cache: dict[tuple[str, str, bool, bool, int, int], _Plan] = {}

    def plan(self, fact: Fact) -> _Plan:
        _, _, _, _, status, access, sponsored, _, promotion, anonymous, registered, at = fact[:12]
        if self.windows and not promotion and at is not None:
            promotion = any(w.starts_at <= at < w.ends_at for w in self.windows)
        if self.anonymous is not None:
            anonymous = self.anonymous
        if self.registered is not None:
            registered = self.registered
        combo = (
            status,
            access,
            sponsored,
            promotion,
            _ANON if anonymous is None else anonymous,
            _REG if registered is None else registered,
        )
        plan = self.cache.get(combo)
        if plan is None:
            plan = self.cache[combo] = _plan(*combo)
        return plan


class Meter:
    """**Step**: one fact through the candidate's meter, which holds each reader's counted
    articles of the current meter month only (a new month drops the last one's)."""

    def __init__(self, plans: Plans) -> None:
        self.plan = plans.plan
        self.month = ""
        self.counted: dict[str, set[int]] = {}

    def step(self, fact: Fact) -> _Answer | None:
        """The candidate's (wall, counted) for a view; ``None`` for a fact that is not decided
        (a device merge, applied here, or an unmetered view)."""
        kind, key, month, article = fact[:4]
        if month != self.month and month > self.month:
            self.counted = {}
            self.month = month
        if kind == DEVICE_MERGED:
            moved = self.counted.get(fact[15])
            if moved:
                self.counted.setdefault(key, set()).update(moved)
            return None
        if kind == ViewKind.VIEW_UNMETERED:
            return None
        if fact[7]:  # a gift link: full, uncounted
            return _GIFT
        plan = self.plan(fact)
        limit = plan[0]
        if limit is None:
            return plan[1]
        ids = self.counted.get(key)
        if ids is None:
            ids = self.counted[key] = set()
        if article in ids:
            return plan[1]
        if len(ids) < limit:
            ids.add(article)
            return plan[2]
        return plan[3]


_GIFT: _Answer = ("", False)


class Merge:
    """**Merge**: each view's recorded and replayed answers into the two sides' ``Counts``,
    from ``since`` on (facts before it only warm the meter up)."""

    def __init__(self, since: datetime | None) -> None:
        self.result = Replay(Counts(), Counts())
        self.since = since
        self.live = since is None
        self.views = self.changed = self.unreplayable = self.r_counted = self.c_counted = 0

    def merge(self, fact: Fact, answer: _Answer | None) -> None:
        kind, key = fact[0], fact[1]
        if kind == DEVICE_MERGED:
            return
        if self.since is not None and not self.live:
            at = fact[11]
            if at is None or at < self.since:
                return
            self.live = True
        was_wall, was_counted, _, variant, propensity = fact[13:18]
        result = self.result
        self.views += 1
        if was_counted:
            self.r_counted += 1
        if key:
            result.readers.add(key)
            if variant is not None and key not in result.assignments:
                result.assignments[key] = (variant, propensity or 0.0)
        if was_wall:
            result.recorded.met(was_wall, key)
        else:
            was_wall = ""
        if answer is None:  # an unmetered view: kept as recorded
            self.unreplayable += 1
            return
        wall, now_counted = answer
        if now_counted:
            self.c_counted += 1
        if wall:
            result.candidate.met(wall, key)
        if wall != was_wall or now_counted != bool(was_counted):
            self.changed += 1

    def finish(self) -> Replay:
        result = self.result
        result.recorded.views = result.candidate.views = result.events = self.views
        result.recorded.counted, result.candidate.counted = self.r_counted, self.c_counted
        result.changed, result.unreplayable = self.changed, self.unreplayable
        result.recorded.readers = result.candidate.readers = len(result.readers)
        return result


def replay(
    facts: Iterable[Fact],
    candidate: Candidate = Candidate(),
    progress: Callable[[int], None] | None = None,
    since: datetime | None = None,
) -> Replay:
    """Replay ``facts`` (in time order) under ``candidate``; see the module docstring.

    Each fact is planned (``Plans``: the rules' answers for its inputs, cached), stepped
    through the candidate's meter (``Meter.step``: ``meter.tally``'s check-and-count, done in
    place on the month's sets as the meter stores do it; the property tests hold it to
    ``decide``) and merged into the counts (``Merge``).

    ``since``: facts before it only warm the meter up (start the facts at the beginning of the
    meter month of ``since``, so that its first views meet the counts they met then); they are
    decided but not counted in the outcome. ``progress`` is called with the number of facts
    read since the last call, every ``PROGRESS_EVERY`` facts and at the end.
    """
    meter = Meter(Plans(candidate))
    merge = Merge(since)
    step, add = meter.step, merge.merge
    seen = 0
    for fact in facts:
        add(fact, step(fact))
        seen += 1
        if seen == PROGRESS_EVERY and progress is not None:
            progress(seen)
            seen = 0
    if progress is not None and seen:
        progress(seen)
    return merge.finish()


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
