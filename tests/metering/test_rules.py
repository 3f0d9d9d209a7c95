"""Every rule of the meter and every kind of wall, asserted exactly."""

from datetime import UTC, datetime, timedelta

import pytest

from masthead.metering import (
    Access,
    ArticleFacts,
    Assessment,
    Decision,
    Lapse,
    Outcome,
    Policy,
    Reader,
    ReaderKind,
    Wall,
    Window,
    assess,
    conclude,
    decide,
    settle,
    wall_for,
)

NOW = datetime(2026, 11, 15, 12, 0, tzinfo=UTC)
POLICY = Policy()
ANONYMOUS = Reader(ReaderKind.ANONYMOUS)
REGISTERED = Reader(ReaderKind.REGISTERED)
TRIAL_ENDED = Reader(ReaderKind.REGISTERED, Lapse.TRIAL)
ACCESS_ENDED = Reader(ReaderKind.REGISTERED, Lapse.ACCESS)
ENTITLED = Reader(ReaderKind.ENTITLED)
METERED = ArticleFacts(100)
FREE = ArticleFacts(101, Access.FREE)
SUBSCRIBERS = ArticleFacts(102, Access.SUBSCRIBERS)
SPONSORED = ArticleFacts(103, sponsored=True)
SPONSORED_SUBSCRIBERS = ArticleFacts(104, Access.SUBSCRIBERS, sponsored=True)
PROMOTION = Window(NOW - timedelta(days=1), NOW + timedelta(days=1))
NON_ENTITLED = [ANONYMOUS, REGISTERED, TRIAL_ENDED, ACCESS_ENDED]


def full(reason: str) -> Decision:
    return Decision(Outcome.FULL, None, None, None, None, False, reason)


@pytest.mark.parametrize("article", [METERED, FREE, SUBSCRIBERS, SPONSORED])
def test_entitled_reader_reads_everything_without_a_meter(article: ArticleFacts) -> None:
    assert assess(ENTITLED, article, NOW, POLICY) == Assessment(
        Outcome.FULL, None, None, "entitled"
    )
    assert decide(ENTITLED, article, NOW, POLICY, counted_ids=range(50)) == full("entitled")


@pytest.mark.parametrize("reader", NON_ENTITLED)
@pytest.mark.parametrize("article", [METERED, FREE, SUBSCRIBERS, SPONSORED])
def test_promotion_opens_every_article_uncounted(reader: Reader, article: ArticleFacts) -> None:
    exhausted = set(range(50))
    decision = decide(reader, article, NOW, POLICY, [PROMOTION], counted_ids=exhausted)
    assert decision == full("promotion")


def test_promotion_outside_its_window_does_nothing() -> None:
    over = Window(NOW - timedelta(days=2), NOW)
    later = Window(NOW + timedelta(seconds=1), NOW + timedelta(days=2))
    decision = decide(ANONYMOUS, METERED, NOW, POLICY, [over, later], counted_ids=())
    assert decision.outcome is Outcome.METERED
    assert decision.counted


@pytest.mark.parametrize("reader", NON_ENTITLED)
def test_free_article_is_full_and_uncounted(reader: Reader) -> None:
    assert decide(reader, FREE, NOW, POLICY, counted_ids=range(50)) == full("free")


@pytest.mark.parametrize("reader", NON_ENTITLED)
@pytest.mark.parametrize("article", [SPONSORED, SPONSORED_SUBSCRIBERS])
def test_sponsored_content_is_always_free(reader: Reader, article: ArticleFacts) -> None:
    assert decide(reader, article, NOW, POLICY, counted_ids=range(50)) == full("sponsored")


@pytest.mark.parametrize("reader", NON_ENTITLED)
def test_subscribers_article_walls_everyone_else_uncounted(reader: Reader) -> None:
    assessment = assess(reader, SUBSCRIBERS, NOW, POLICY)
    assert assessment == Assessment(Outcome.WALLED, Wall.SUBSCRIBERS_ONLY, None, "subscribers-only")
    decision = decide(reader, SUBSCRIBERS, NOW, POLICY, counted_ids=())
    assert decision == Decision(
        Outcome.WALLED, Wall.SUBSCRIBERS_ONLY, None, None, None, False, "subscribers-only"
    )
    assert not decision.full_text


@pytest.mark.parametrize(("reader", "limit"), [(ANONYMOUS, 3), (REGISTERED, 10), (TRIAL_ENDED, 10)])
def test_metered_article_asks_the_store_with_the_allowance(reader: Reader, limit: int) -> None:
    assessment = assess(reader, METERED, NOW, POLICY)
    assert assessment == Assessment(None, None, limit, "metered")
    assert assessment.outcome is None  # the store must be asked


def test_anonymous_month_counts_down_then_hits_the_registration_wall() -> None:
    counted: set[int] = set()
    seen = []
    for article_id in (1, 2, 3):
        decision = decide(ANONYMOUS, ArticleFacts(article_id), NOW, POLICY, counted_ids=counted)
        seen.append((decision.outcome, decision.remaining, decision.used, decision.counted))
        counted.add(article_id)
    assert seen == [
        (Outcome.METERED, 2, 1, True),
        (Outcome.METERED, 1, 2, True),
        (Outcome.METERED, 0, 3, True),
    ]
    walled = decide(ANONYMOUS, ArticleFacts(4), NOW, POLICY, counted_ids=counted)
    assert walled == Decision(Outcome.WALLED, Wall.REGISTRATION, 0, 3, 3, False, "metered")


@pytest.mark.parametrize(
    ("reader", "wall"),
    [
        (ANONYMOUS, Wall.REGISTRATION),
        (REGISTERED, Wall.SUBSCRIPTION),
        (TRIAL_ENDED, Wall.TRIAL_EXPIRED),
        (ACCESS_ENDED, Wall.ACCESS_EXPIRED),
    ],
)
def test_each_reader_hits_their_own_wall(reader: Reader, wall: Wall) -> None:
    assert wall_for(reader) is wall
    limit = POLICY.allowance_for(reader.kind)
    assert limit is not None
    decision = decide(reader, METERED, NOW, POLICY, counted_ids=range(limit))
    assert decision == Decision(Outcome.WALLED, wall, 0, limit, limit, False, "metered")


def test_entitled_reader_has_no_meter_wall() -> None:
    with pytest.raises(ValueError):
        wall_for(ENTITLED)


def test_wall_values_are_the_data_paywall_strings() -> None:
    assert [w.value for w in Wall] == [
        "registration",
        "subscription",
        "trial-expired",
        "access-expired",
        "subscribers-only",
    ]
    assert [o.value for o in Outcome] == ["full", "metered", "walled"]


def test_rereading_a_counted_article_is_free_even_when_exhausted() -> None:
    decision = decide(ANONYMOUS, ArticleFacts(2), NOW, POLICY, counted_ids={1, 2, 3})
    assert decision == Decision(Outcome.METERED, None, 0, 3, 3, False, "metered")
    assert decision.full_text
    assert decision.is_last_free


def test_zero_allowance_walls_at_once() -> None:
    policy = Policy(anonymous_allowance=0, registered_allowance=0)
    for reader in NON_ENTITLED:
        decision = decide(reader, METERED, NOW, policy, counted_ids=())
        assert decision == Decision(Outcome.WALLED, wall_for(reader), 0, 0, 0, False, "metered")


def test_lowered_allowance_never_reports_negative_remaining() -> None:
    policy = Policy(anonymous_allowance=2)
    decision = decide(ANONYMOUS, ArticleFacts(1), NOW, policy, counted_ids={1, 2, 3, 4})
    assert (decision.outcome, decision.remaining, decision.used) == (Outcome.METERED, 0, 4)


def test_duplicate_ids_in_counted_ids_count_once() -> None:
    decision = decide(ANONYMOUS, ArticleFacts(9), NOW, POLICY, counted_ids=[1, 1, 1])
    assert (decision.remaining, decision.used, decision.counted) == (1, 2, True)


def test_naive_time_is_refused() -> None:
    with pytest.raises(ValueError):
        assess(ANONYMOUS, METERED, datetime(2026, 11, 15), POLICY)


def test_conclude_from_the_store_answers() -> None:
    assessment = assess(REGISTERED, METERED, NOW, POLICY)
    counted = conclude(REGISTERED, assessment, allowed=True, used=4, newly_counted=True)
    assert counted == Decision(Outcome.METERED, None, 6, 10, 4, True, "metered")
    assert not counted.is_last_free
    reread = conclude(REGISTERED, assessment, allowed=True, used=10, newly_counted=False)
    assert reread == Decision(Outcome.METERED, None, 0, 10, 10, False, "metered")
    walled = conclude(REGISTERED, assessment, allowed=False, used=10, newly_counted=False)
    assert walled == Decision(Outcome.WALLED, Wall.SUBSCRIPTION, 0, 10, 10, False, "metered")
    assert not walled.full_text and not walled.is_last_free


def test_conclude_refuses_impossible_store_answers() -> None:
    assessment = assess(ANONYMOUS, METERED, NOW, POLICY)
    with pytest.raises(ValueError):
        conclude(ANONYMOUS, assessment, allowed=False, used=3, newly_counted=True)
    with pytest.raises(ValueError):
        conclude(ANONYMOUS, assessment, allowed=True, used=-1, newly_counted=False)
    free = assess(ANONYMOUS, FREE, NOW, POLICY)
    with pytest.raises(ValueError):
        conclude(ANONYMOUS, free, allowed=True, used=1, newly_counted=True)


def test_settled_assessment_concludes_without_the_store() -> None:
    free = assess(ANONYMOUS, FREE, NOW, POLICY)
    assert free.outcome is not None
    assert conclude(ANONYMOUS, free, allowed=True, used=2, newly_counted=False) == full("free")
    assert settle(free) == full("free")
    with pytest.raises(ValueError):
        settle(assess(ANONYMOUS, METERED, NOW, POLICY))
