"""A reader's life against a simple reference model of the meter.

The machine reads random articles at random times, lets months go by, and lets the reader sign
up, subscribe and lapse. After every read it compares ``decide`` with a model written the naive
way: a dict from (year, month) on the publication's clock to the list of counted articles.
"""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from masthead.metering import (
    Access,
    ArticleFacts,
    Decision,
    Lapse,
    Outcome,
    Policy,
    Reader,
    ReaderKind,
    Wall,
    Window,
    decide,
    month_key,
)

from .strategies import ZONES

CATALOGUE_SIZE = 10


class ReaderMonths(RuleBasedStateMachine):
    @initialize(
        anonymous=st.integers(0, 4),
        registered=st.integers(0, 6),
        zone=st.sampled_from(ZONES),
        start=st.datetimes(datetime(2020, 1, 1), datetime(2030, 1, 1), timezones=st.just(UTC)),
        catalogue=st.lists(
            st.tuples(st.sampled_from(list(Access)), st.booleans()),
            min_size=CATALOGUE_SIZE,
            max_size=CATALOGUE_SIZE,
        ),
        promotion=st.none() | st.tuples(st.integers(0, 60 * 24 * 40), st.integers(1, 60 * 24 * 5)),
    )
    def setup(
        self,
        anonymous: int,
        registered: int,
        zone: str,
        start: datetime,
        catalogue: list[tuple[Access, bool]],
        promotion: tuple[int, int] | None,
    ) -> None:
        self.policy = Policy(anonymous, registered, time_zone=zone)
        self.zone = ZoneInfo(zone)
        self.now = start
        self.reader = Reader(ReaderKind.ANONYMOUS)
        self.articles = [
            ArticleFacts(i, access, sponsored) for i, (access, sponsored) in enumerate(catalogue)
        ]
        self.promotions: list[Window] = []
        if promotion is not None:
            begins = start + timedelta(minutes=promotion[0])
            self.promotions.append(Window(begins, begins + timedelta(minutes=promotion[1])))
        self.counted: dict[tuple[int, int], list[int]] = {}
        self.last_remaining: dict[tuple[int, int], int] = {}

    # -- the reference model -------------------------------------------------------------

    def month(self) -> tuple[int, int]:
        local = self.now.astimezone(self.zone)
        return (local.year, local.month)

    def expected(self, article: ArticleFacts) -> tuple[Outcome, Wall | None, int | None, bool]:
        kind = self.reader.kind
        if kind == ReaderKind.ENTITLED:
            return (Outcome.FULL, None, None, False)
        for window in self.promotions:
            if window.starts_at <= self.now < window.ends_at:
                return (Outcome.FULL, None, None, False)
        if article.access == Access.FREE or article.sponsored:
            return (Outcome.FULL, None, None, False)
        if article.access == Access.SUBSCRIBERS:
            return (Outcome.WALLED, Wall.SUBSCRIBERS_ONLY, None, False)
        limit = (
            self.policy.anonymous_allowance
            if kind == ReaderKind.ANONYMOUS
            else (self.policy.registered_allowance)
        )
        read = self.counted.get(self.month(), [])
        if article.id in read:
            return (Outcome.METERED, None, max(limit - len(read), 0), False)
        if len(read) < limit:
            return (Outcome.METERED, None, limit - len(read) - 1, True)
        walls = {
            (ReaderKind.ANONYMOUS, None): Wall.REGISTRATION,
            (ReaderKind.REGISTERED, None): Wall.SUBSCRIPTION,
            (ReaderKind.REGISTERED, Lapse.TRIAL): Wall.TRIAL_EXPIRED,
            (ReaderKind.REGISTERED, Lapse.ACCESS): Wall.ACCESS_EXPIRED,
        }
        return (Outcome.WALLED, walls[(kind, self.reader.lapse)], 0, False)

    # -- rules ---------------------------------------------------------------------------

    @rule(index=st.integers(0, CATALOGUE_SIZE - 1))
    def read(self, index: int) -> None:
        article = self.articles[index]
        counted = self.counted.setdefault(self.month(), [])
        decision: Decision = decide(
            self.reader, article, self.now, self.policy, self.promotions, counted_ids=counted
        )
        got = (decision.outcome, decision.wall, decision.remaining, decision.counted)
        assert got == self.expected(article)
        year, month = self.month()
        assert month_key(self.now, self.policy.time_zone) == f"{year:04d}-{month:02d}"
        if decision.counted:
            counted.append(article.id)
        if decision.outcome is Outcome.METERED and decision.remaining is not None:
            previous = self.last_remaining.get(self.month())
            assert previous is None or decision.remaining <= previous
            self.last_remaining[self.month()] = decision.remaining

    @rule(minutes=st.integers(1, 60 * 24 * 3))
    def wait(self, minutes: int) -> None:
        self.now += timedelta(minutes=minutes)

    @rule(days=st.integers(20, 70))
    def skip_ahead(self, days: int) -> None:
        self.now += timedelta(days=days)

    @precondition(lambda self: self.reader.kind is ReaderKind.ANONYMOUS)
    @rule()
    def sign_up(self) -> None:
        # The device's views this month carry over to the account; the allowance grows.
        self.reader = Reader(ReaderKind.REGISTERED)
        self.last_remaining.clear()

    @precondition(lambda self: self.reader.kind is not ReaderKind.ENTITLED)
    @rule()
    def subscribe(self) -> None:
        self.reader = Reader(ReaderKind.ENTITLED)

    @precondition(lambda self: self.reader.kind is ReaderKind.ENTITLED)
    @rule(lapse=st.sampled_from(list(Lapse)))
    def lapse(self, lapse: Lapse) -> None:
        # A reader who subscribed straight from a device lapses into an account: the
        # allowance changes, so "remaining never rises" starts again.
        self.reader = Reader(ReaderKind.REGISTERED, lapse)
        self.last_remaining.clear()

    @invariant()
    def never_over_the_allowance(self) -> None:
        ceiling = max(self.policy.anonymous_allowance, self.policy.registered_allowance)
        for ids in self.counted.values():
            assert len(ids) == len(set(ids)) <= ceiling


ReaderMonths.TestCase.settings = settings(max_examples=60, stateful_step_count=40, deadline=None)
TestReaderMonths = ReaderMonths.TestCase
