"""One reader vocabulary: each status names one meter reader, each decision one view kind."""

from datetime import UTC, datetime

import pytest

from masthead.metering import (
    Access,
    ArticleFacts,
    Channel,
    Lapse,
    Policy,
    Reader,
    ReaderKind,
    ReaderStatus,
    ViewKind,
    Window,
    decide,
    gifted,
    resolve,
    view_kind,
)
from masthead.metering.outcomes import Failure, unavailable
from masthead.metering.rules import assess

NOW = datetime(2026, 11, 3, 9, tzinfo=UTC)
READERS = [
    Reader(ReaderKind.ANONYMOUS),
    Reader(ReaderKind.REGISTERED),
    Reader(ReaderKind.REGISTERED, Lapse.TRIAL),
    Reader(ReaderKind.REGISTERED, Lapse.ACCESS),
    Reader(ReaderKind.ENTITLED),
]


@pytest.mark.parametrize("reader", READERS, ids=str)
def test_every_reader_has_one_status_that_names_it_back(reader):
    assert ReaderStatus.of(reader).reader == reader


def test_statuses_are_the_stored_words():
    assert [str(s) for s in ReaderStatus] == [
        "anonymous",
        "registered",
        "subscriber",
        "trial-expired",
        "access-expired",
    ]
    assert len({s.reader for s in ReaderStatus}) == len(ReaderStatus)


def test_the_status_a_reader_is_told_hides_the_lapse_only():
    told = {s: s.account for s in ReaderStatus}
    assert told == {
        ReaderStatus.ANONYMOUS: ReaderStatus.ANONYMOUS,
        ReaderStatus.REGISTERED: ReaderStatus.REGISTERED,
        ReaderStatus.SUBSCRIBER: ReaderStatus.SUBSCRIBER,
        ReaderStatus.TRIAL_EXPIRED: ReaderStatus.REGISTERED,
        ReaderStatus.ACCESS_EXPIRED: ReaderStatus.REGISTERED,
    }
    assert [s for s in ReaderStatus if s.entitled] == [ReaderStatus.SUBSCRIBER]
    assert [s for s in ReaderStatus if s.anonymous] == [ReaderStatus.ANONYMOUS]


def _decide(reader, access=Access.METERED, counted=(), windows=(), sponsored=False):
    facts = ArticleFacts(7, access, sponsored)
    return decide(reader, facts, NOW, Policy(), windows, counted_ids=set(counted))


ANON, SUB = Reader(ReaderKind.ANONYMOUS), Reader(ReaderKind.ENTITLED)
OPEN = (Window(NOW, NOW.replace(hour=10)),)
DOWN = assess(ANON, ArticleFacts(7), NOW, Policy())
CASES = {
    "counted": (_decide(ANON), ViewKind.VIEW_COUNTED),
    "re-read": (_decide(ANON, counted={7}), ViewKind.VIEW_REREAD),
    "over the allowance": (_decide(ANON, counted={1, 2, 3}), ViewKind.WALL_SHOWN),
    "subscribers only": (_decide(ANON, Access.SUBSCRIBERS), ViewKind.WALL_SHOWN),
    "free": (_decide(ANON, Access.FREE), ViewKind.VIEW_FREE),
    "sponsored": (_decide(ANON, sponsored=True), ViewKind.VIEW_FREE),
    "promotion": (_decide(ANON, windows=OPEN), ViewKind.VIEW_PROMOTION),
    "subscriber": (_decide(SUB), ViewKind.VIEW_SUBSCRIBER),
    "gift": (gifted(), ViewKind.VIEW_GIFT),
    "meter down, open": (unavailable(ANON, DOWN, Failure.OPEN), ViewKind.VIEW_UNMETERED),
    "meter down, closed": (unavailable(ANON, DOWN, Failure.CLOSED), ViewKind.WALL_SHOWN),
    "uncounted channel": (resolve(DOWN, Channel.FEED), ViewKind.WALL_SHOWN),
}


@pytest.mark.parametrize("case", CASES)
def test_each_decision_is_one_view_kind(case):
    decision, kind = CASES[case]
    assert view_kind(decision) is kind


def test_every_view_kind_is_reached():
    assert {kind for _, kind in CASES.values()} == set(ViewKind)
