"""Properties of the meter that hold whatever the readers, articles, times and policy."""

from datetime import datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.metering import (
    Access,
    ArticleFacts,
    Ledger,
    Outcome,
    Policy,
    Reader,
    ReaderKind,
    Window,
    assess,
    conclude,
    decide,
    month_key,
    resets_at,
    tally,
)

from .strategies import articles, instants, metered_readers, policies, readers

article_ids = st.lists(st.integers(0, 12), max_size=40)


@settings(max_examples=200)
@given(reader=metered_readers, policy=policies, now=instants, ids=article_ids)
def test_never_more_counted_reads_than_the_allowance(
    reader: Reader, policy: Policy, now: datetime, ids: list[int]
) -> None:
    ledger = Ledger()
    limit = policy.allowance_for(reader.kind)
    assert limit is not None
    decisions = [ledger.read("r", reader, ArticleFacts(i), now, policy) for i in ids]
    month = month_key(now, policy.time_zone)
    assert ledger.used("r", month) == sum(d.counted for d in decisions) <= limit
    assert ledger.used("r", month) == min(len(set(ids)), limit)
    assert all(d.outcome is not Outcome.WALLED or not d.counted for d in decisions)


@settings(max_examples=200)
@given(reader=metered_readers, policy=policies, now=instants, ids=article_ids)
def test_rereads_are_free_and_always_allowed(
    reader: Reader, policy: Policy, now: datetime, ids: list[int]
) -> None:
    ledger = Ledger()
    month = month_key(now, policy.time_zone)
    for article_id in ids:
        ledger.read("r", reader, ArticleFacts(article_id), now, policy)
    before = ledger.used("r", month)
    for article_id in ledger.counted("r", month):
        decision = ledger.read("r", reader, ArticleFacts(article_id), now, policy)
        assert decision.outcome is Outcome.METERED
        assert not decision.counted
        assert decision.used == before
    assert ledger.used("r", month) == before


@settings(max_examples=200)
@given(
    reader=readers,
    article=articles,
    policy=policies,
    now=instants,
    counted=st.sets(st.integers(0, 30)),
)
def test_entitled_free_and_sponsored_are_never_walled_or_counted(
    reader: Reader, article: ArticleFacts, policy: Policy, now: datetime, counted: set[int]
) -> None:
    decision = decide(reader, article, now, policy, counted_ids=counted)
    if reader.kind is ReaderKind.ENTITLED or article.access is Access.FREE or article.sponsored:
        assert decision.outcome is Outcome.FULL
        assert decision.full_text and not decision.counted
    if article.access is Access.SUBSCRIBERS and decision.outcome is Outcome.WALLED:
        assert decision.wall is not None and decision.wall.value == "subscribers-only"
    assert not (decision.counted and decision.outcome is not Outcome.METERED)


@settings(max_examples=100)
@given(reader=readers, article=articles, policy=policies, now=instants)
def test_a_promotion_opens_everything_uncounted(
    reader: Reader, article: ArticleFacts, policy: Policy, now: datetime
) -> None:
    window = Window(now - timedelta(hours=1), now + timedelta(hours=1))
    decision = decide(reader, article, now, policy, [window], counted_ids=range(40))
    assert decision.outcome is Outcome.FULL and not decision.counted


@settings(max_examples=150)
@given(
    reader=metered_readers,
    policy=policies,
    now=instants,
    reads=st.lists(st.tuples(st.integers(0, 12), st.floats(0, 1)), max_size=30),
)
def test_remaining_falls_within_a_month_and_resets_at_the_boundary(
    reader: Reader, policy: Policy, now: datetime, reads: list[tuple[int, float]]
) -> None:
    ledger = Ledger()
    limit = policy.allowance_for(reader.kind)
    assert limit is not None
    zone = policy.time_zone
    start = now
    span = resets_at(start, zone) - start
    remaining = limit
    for article_id, fraction in sorted(reads, key=lambda read: read[1]):
        when = start + span * fraction * 0.999
        assert month_key(when, zone) == month_key(start, zone)
        decision = ledger.read("r", reader, ArticleFacts(article_id), when, policy)
        if decision.outcome is Outcome.METERED:
            assert decision.remaining is not None and decision.remaining <= remaining
            assert decision.remaining == remaining - decision.counted
            remaining = decision.remaining
        else:
            assert remaining == 0 and decision.remaining == 0
    first_of_next = resets_at(start, zone)
    fresh = ledger.read("r", reader, ArticleFacts(999), first_of_next, policy)
    if limit:
        assert (fresh.outcome, fresh.remaining, fresh.used) == (Outcome.METERED, limit - 1, 1)
    else:
        assert fresh.outcome is Outcome.WALLED


@settings(max_examples=150)
@given(
    reader=readers,
    article=articles,
    policy=policies,
    now=instants,
    counted=st.frozensets(st.integers(0, 30)),
)
def test_decide_is_assess_then_tally_then_conclude_and_mutates_nothing(
    reader: Reader, article: ArticleFacts, policy: Policy, now: datetime, counted: frozenset[int]
) -> None:
    ids = set(counted)
    decision = decide(reader, article, now, policy, counted_ids=ids)
    assert ids == counted
    assessment = assess(reader, article, now, policy)
    answer = tally(counted, article.id, assessment.limit or 0)
    via_store = conclude(
        reader,
        assessment,
        allowed=answer.allowed,
        used=answer.used,
        newly_counted=answer.newly_counted and assessment.outcome is None,
    )
    assert decision == via_store
    if decision.remaining is not None:
        assert decision.remaining >= 0
    assert decision.is_last_free == (
        decision.outcome is Outcome.METERED and decision.remaining == 0
    )
