"""Properties of the gate's rules in the engine: channels, gift links, a lost meter store, and
the in-memory meter's merge."""

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.metering import (
    Access,
    ArticleFacts,
    Channel,
    Failure,
    Ledger,
    Outcome,
    Policy,
    Reader,
    Reason,
    after_gift,
    assess,
    resolve,
    unavailable,
)

from .strategies import articles, instants, metered_readers, policies, readers

channels = st.sampled_from(list(Channel))
silent_channels = st.sampled_from([c for c in Channel if not c.counts])
counting_channels = st.sampled_from([c for c in Channel if c.counts])


@settings(max_examples=200)
@given(reader=readers, article=articles, policy=policies, now=instants, channel=silent_channels)
def test_a_channel_that_never_counts_is_answered_at_once_and_shows_full_text_only_when_open(
    reader: Reader, article: ArticleFacts, policy: Policy, now: datetime, channel: Channel
) -> None:
    assessment = assess(reader, article, now, policy)
    decision = resolve(assessment, channel, gift=True)  # a gift is ignored off the web
    assert not decision.awaiting_record and not decision.counted
    assert decision.full_text == (assessment.outcome is Outcome.FULL)


@settings(max_examples=200)
@given(reader=readers, article=articles, policy=policies, now=instants, channel=counting_channels)
def test_a_counting_channel_awaits_a_write_only_when_one_is_needed(
    reader: Reader, article: ArticleFacts, policy: Policy, now: datetime, channel: Channel
) -> None:
    assessment = assess(reader, article, now, policy)
    decision = resolve(assessment, channel)
    assert decision.awaiting_meter == (assessment.outcome is None)
    if decision.awaiting_record:
        assert decision.walled and decision.wall is None  # the preview until record() runs
    else:
        assert decision.outcome is assessment.outcome


@settings(max_examples=200)
@given(
    reader=readers,
    article=articles,
    policy=policies,
    now=instants,
    channel=counting_channels,
    redeemed=st.booleans(),
)
def test_a_gift_opens_what_is_not_already_open_and_never_touches_the_meter(
    reader: Reader,
    article: ArticleFacts,
    policy: Policy,
    now: datetime,
    channel: Channel,
    redeemed: bool,
) -> None:
    assessment = assess(reader, article, now, policy)
    offered = resolve(assessment, channel, gift=True)
    if assessment.outcome is Outcome.FULL:
        assert not offered.awaiting_record  # nothing to redeem: the article is open already
        return
    assert offered.awaiting_gift and not offered.full_text
    decision = after_gift(assessment, channel, redeemed=redeemed)
    if redeemed:
        assert decision.gifted and decision.full_text and not decision.counted
    else:
        assert decision == resolve(assessment, channel)  # as if there were no gift


@settings(max_examples=100)
@given(
    reader=metered_readers, policy=policies, now=instants, failure=st.sampled_from(list(Failure))
)
def test_a_lost_meter_store_fails_as_configured_and_counts_nothing(
    reader: Reader, policy: Policy, now: datetime, failure: Failure
) -> None:
    assessment = assess(reader, ArticleFacts(1, Access.METERED), now, policy)
    decision = unavailable(reader, assessment, failure)
    assert decision.reason == Reason.METER_UNAVAILABLE and not decision.counted
    assert decision.full_text == (failure is Failure.OPEN)
    assert (decision.wall is not None) == (failure is Failure.CLOSED)


month_views = st.lists(st.integers(0, 9), max_size=12)


@settings(max_examples=200)
@given(device=month_views, account=month_views)
def test_merge_is_a_union_that_keeps_the_source_and_is_idempotent(
    device: list[int], account: list[int]
) -> None:
    ledger = Ledger()
    for article_id in device:
        ledger.record("d", "2026-11", article_id, limit=100)
    for article_id in account:
        ledger.record("u", "2026-11", article_id, limit=100)
    assert ledger.merge("d", "u", "2026-11") == len(set(device) | set(account))
    assert ledger.counted("u", "2026-11") == set(device) | set(account)
    assert ledger.counted("d", "2026-11") == set(device)
    assert ledger.merge("d", "u", "2026-11") == len(set(device) | set(account))
