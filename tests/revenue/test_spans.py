"""Week and month unions of the daily reader bitmaps: a period's readers read through them are
exactly the OR of its days' bitmaps (partial weeks and months at both ends, a period ending
today inside an open week, after incremental updates and retention), in a bounded number of
bitmaps and queries."""

import random
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from masthead.events.kinds import EventKind as K
from masthead.events.models import ReaderEvent
from masthead.revenue import bitmaps
from masthead.revenue.models import DailyReaders, SpanReaders
from masthead.revenue.rollups import rollups_rebuild, rollups_update, today
from masthead.revenue.selectors import SEGMENTS
from masthead.revenue.spans import MONTH, WEEK, cover, period_bitmaps, span_end, span_start
from masthead.revenue.tasks import apply_retention

pytestmark = pytest.mark.django_db
SEGMENT_NAMES = [*SEGMENTS, "wall:trial-expired"]


def _events(days: int, readers: int, seed: int) -> None:
    rnd = random.Random(seed)
    rows = []
    for _ in range(readers * 3):
        ago = rnd.randrange(days)
        day = today() - timedelta(days=ago)
        at = datetime(day.year, day.month, day.day, rnd.randrange(24), tzinfo=ZoneInfo("UTC"))
        key = f"d:{rnd.randrange(readers):06d}"
        if rnd.random() < 0.25:
            wall = rnd.choice(["registration", "subscription", "trial-expired"])
            rows.append(ReaderEvent(kind=K.WALL_SHOWN, created_at=at, reader_key=key, wall=wall))
        else:
            rows.append(ReaderEvent(kind=K.VIEW_COUNTED, created_at=at, reader_key=key))
    ReaderEvent.objects.bulk_create(rows)


def _by_day(first, last) -> dict[str, int]:
    """The reference: the OR of every daily bitmap of the days, per segment."""
    merged: dict[str, int] = {}
    rows = DailyReaders.objects.filter(day__range=(first, last)).values_list("segment", "bitmap")
    for segment, blob in rows:
        merged[segment] = merged.get(segment, 0) | bitmaps.decode(blob)
    return merged


def _via_spans(first, last) -> dict[str, int]:
    merged: dict[str, int] = {}
    for segment, blob in period_bitmaps(first, last, SEGMENT_NAMES):
        merged[segment] = merged.get(segment, 0) | bitmaps.decode(blob)
    return merged


def _periods(rnd: random.Random, days: int) -> list[tuple]:
    end = today()
    periods = [(end - timedelta(days=n - 1), end) for n in (1, 7, 30, 90, days)]
    for _ in range(25):
        a, b = sorted(rnd.randrange(days) for _ in range(2))
        periods.append((end - timedelta(days=b), end - timedelta(days=a)))
    return periods


def _assert_exact(rnd: random.Random, days: int) -> None:
    for first, last in _periods(rnd, days):
        reference = {k: v for k, v in _by_day(first, last).items() if v}
        assert {k: v for k, v in _via_spans(first, last).items() if v} == reference, (first, last)


def test_unions_equal_the_or_of_the_days_for_any_period():
    rnd = random.Random(5)
    _events(120, 400, seed=1)
    rollups_rebuild()
    assert SpanReaders.objects.filter(span=WEEK).exists()
    assert SpanReaders.objects.filter(span=MONTH).exists()
    _assert_exact(rnd, 120)
    # Incremental: new events on old and recent days, then the periodic update.
    _events(120, 450, seed=2)
    ReaderEvent.objects.filter(created_at__date=today() - timedelta(days=50)).delete()
    before = {(s.span, s.start, s.segment): s.readers for s in SpanReaders.objects.all()}
    rollups_update()
    after = {(s.span, s.start, s.segment): s.readers for s in SpanReaders.objects.all()}
    assert after != before  # the unions followed the days
    _assert_exact(rnd, 120)
    for span in SpanReaders.objects.all():  # each one is its days' OR, ``through`` its last
        days = DailyReaders.objects.filter(
            day__range=(span.start, span_end(span.span, span.start)), segment=span.segment
        )
        assert bitmaps.decode(span.bitmap) == bitmaps.union(days.values_list("bitmap", flat=True))
        assert span.through == max(
            DailyReaders.objects.filter(
                day__range=(span.start, span_end(span.span, span.start))
            ).values_list("day", flat=True)
        )


def test_retention_keeps_the_unions_exact(settings):
    _events(90, 200, seed=3)
    rollups_rebuild()
    settings.MASTHEAD_EVENT_RETENTION_DAYS = 40
    apply_retention.call()
    oldest = DailyReaders.objects.order_by("day").values_list("day", flat=True).first()
    assert oldest >= today() - timedelta(days=42)
    for span in SpanReaders.objects.all():  # gone, or holding the oldest day left
        assert span_end(span.span, span.start) >= oldest
        assert bitmaps.decode(span.bitmap) == bitmaps.union(
            DailyReaders.objects.filter(
                day__range=(span.start, span_end(span.span, span.start)), segment=span.segment
            ).values_list("bitmap", flat=True)
        )
    _assert_exact(random.Random(9), 90)


def test_a_90_day_period_reads_a_bounded_number_of_bitmaps_in_three_queries():
    _events(200, 300, seed=4)
    rollups_rebuild()
    for n in (7, 30, 90, 365):
        first = today() - timedelta(days=n - 1)
        with CaptureQueriesContext(connection) as queries:
            blobs = period_bitmaps(first, today(), SEGMENTS)
        assert len(queries) == 3
        # Per segment: at most 6 edge days before the first week, the weeks up to the next
        # month, the months, and this month's weeks (this week's union included).
        per_segment = len(blobs) / len(SEGMENTS)
        assert per_segment <= {7: 7, 30: 12, 90: 22, 365: 30}[n], (n, per_segment)
    days = DailyReaders.objects.filter(day__gte=today() - timedelta(days=89), segment="all")
    assert days.count() > 80  # the daily way reads one a day per segment


def test_cover_walks_months_then_weeks_then_days():
    monday = span_start(WEEK, today()) - timedelta(weeks=20)
    month = span_start(MONTH, monday + timedelta(days=40))
    usable = [(WEEK, monday + timedelta(weeks=n), monday + timedelta(weeks=n, days=6))
              for n in range(21)]  # fmt: skip
    usable.append((MONTH, month, span_end(MONTH, month)))
    first, last = monday - timedelta(days=3), monday + timedelta(weeks=12, days=2)
    chosen, days = cover(first, last, usable)
    assert chosen[MONTH] == [month]
    assert days[0] == (first, monday - timedelta(days=1))  # the edge days before the first week
    assert days[-1] == (monday + timedelta(weeks=12), last)  # a partial last week: its days
    covered = set()
    for span, starts in chosen.items():
        for start in starts:
            span_days = {
                start + timedelta(days=n) for n in range((span_end(span, start) - start).days + 1)
            }
            assert not covered & span_days  # no day counted twice
            covered |= span_days
    for lo, hi in days:
        covered |= {lo + timedelta(days=n) for n in range((hi - lo).days + 1)}
    assert {first + timedelta(days=n) for n in range((last - first).days + 1)} <= covered
