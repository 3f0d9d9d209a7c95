"""Daily rollups: what they hold, incremental updates of the days touched only, rebuilds,
retention, and exact distinct readers across days."""

from datetime import datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from masthead.events.kinds import EventKind as K
from masthead.events.models import ReaderEvent
from masthead.revenue import bitmaps
from masthead.revenue.models import DailyArticle, DailyMetric, DailyOffer, DailyReaders
from masthead.revenue.rollups import rollups_rebuild, rollups_update, today
from masthead.revenue.selectors import Period, dashboard
from masthead.revenue.tasks import apply_retention

pytestmark = pytest.mark.django_db


def _at(days_ago: int, hour: int = 12) -> datetime:
    day = today() - timedelta(days=days_ago)
    return datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo("UTC"))


def _event(kind, days_ago, key, article=None, **extra):
    return ReaderEvent(
        kind=kind, created_at=_at(days_ago), reader_key=key, article_id=article, **extra
    )


def _history():
    ReaderEvent.objects.bulk_create(
        [
            _event(K.VIEW_COUNTED, 3, "d:a", 1, outcome="metered", source="search"),
            _event(K.VIEW_COUNTED, 3, "d:b", 1, outcome="metered", source="social"),
            _event(K.WALL_SHOWN, 3, "d:b", 2, outcome="walled", wall="registration"),
            _event(K.SIGNUP, 3, "u:9", 2, wall="registration", source="social"),
            _event(K.VIEW_COUNTED, 2, "d:a", 2, outcome="metered"),
            _event(K.VIEW_REREAD, 2, "u:9", 1, outcome="metered"),
            _event(K.WALL_SHOWN, 2, "u:9", 3, outcome="walled", wall="subscription"),
            _event(K.OFFER_SHOWN, 2, "u:9", 3, offer="intro"),
            _event(
                K.SUBSCRIPTION_STARTED,
                2,
                "u:9",
                3,
                offer="intro",
                amount=Decimal("0.99"),
                wall="subscription",
            ),
        ]
    )


def test_rollups_add_up_and_count_readers_exactly_across_days():
    _history()
    rollups_update()
    figures = dashboard(Period(today() - timedelta(days=6), today()))["figures"]
    assert figures["readers"] == 3  # d:a on two days is one reader
    assert figures["views"] == 6 and figures["counted_views"] == 3 and figures["walls"] == 2
    assert figures["readers_walled"] == 2 and figures["stop_rate"] == pytest.approx(2 / 3, 1e-3)
    assert figures["registrations"] == 1 and figures["subscriptions"] == 1
    assert figures["registration_wall_conversion"] == 1.0
    assert figures["paid_stop_conversion"] == 1.0
    # Every ratio comes with its n; three readers are too few to tell anything from.
    assert figures["rates"]["stop_rate"] == {**figures["rates"]["stop_rate"], "n": 3}
    assert figures["rates"]["paid_stop_conversion"]["n"] == 1
    assert not any(rate["enough"] for rate in figures["rates"].values())
    offer = DailyOffer.objects.get(offer="intro")
    assert (offer.shown, offer.started, offer.revenue) == (1, 1, Decimal("0.99"))
    article = DailyArticle.objects.get(article_id=2, day=today() - timedelta(days=3))
    assert (article.views, article.walls, article.signups) == (1, 1, 1)


def test_update_reaggregates_only_the_days_touched():
    _history()
    rollups_update()
    old_day = today() - timedelta(days=3)
    untouched = set(DailyMetric.objects.filter(day=old_day).values_list("id", flat=True))
    ReaderEvent.objects.create(
        kind=K.VIEW_FREE, created_at=_at(2), reader_key="d:c", article_id=4, outcome="full"
    )
    assert rollups_update() == 3  # the day of the new event, yesterday and today
    assert set(DailyMetric.objects.filter(day=old_day).values_list("id", flat=True)) == untouched
    assert DailyReaders.objects.get(day=today() - timedelta(days=2), segment="all").readers == 3
    assert rollups_update() == 2  # nothing new: only yesterday and today again


def test_rebuild_command_matches_incremental_updates(capsys):
    _history()
    rollups_update()
    before = sorted(DailyMetric.objects.values_list("day", "kind", "wall", "events"))
    DailyMetric.objects.all().delete()
    call_command("rebuild_rollups")
    assert sorted(DailyMetric.objects.values_list("day", "kind", "wall", "events")) == before
    assert "Rebuilt the rollups" in capsys.readouterr().out


def test_retention_drops_old_events_and_their_rollups(settings):
    settings.MASTHEAD_EVENT_RETENTION_DAYS = 30
    ReaderEvent.objects.bulk_create(
        [_event(K.VIEW_FREE, 40, "d:old", 1), _event(K.VIEW_FREE, 1, "d:new", 1)]
    )
    rollups_rebuild()
    assert DailyMetric.objects.filter(day=today() - timedelta(days=40)).exists()
    assert apply_retention.call() == 1
    assert list(ReaderEvent.objects.values_list("reader_key", flat=True)) == ["d:new"]
    assert not DailyMetric.objects.filter(day__lt=today() - timedelta(days=31)).exists()


def test_retention_forgets_reader_numbers_without_events_looking_at_old_ones_only(settings):
    """A key whose events are all gone loses its number; a key first seen long ago that still
    reads keeps it. The statement checks only the numbers given before the cutoff, each by the
    events' reader index, never the whole event log against the whole reader index."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from masthead.revenue.models import ReaderIndex

    settings.MASTHEAD_EVENT_RETENTION_DAYS = 30
    ReaderEvent.objects.bulk_create(
        [
            _event(K.VIEW_FREE, 40, "d:gone", 1),
            _event(K.VIEW_FREE, 40, "d:loyal", 1),
            _event(K.VIEW_FREE, 1, "d:loyal", 2),
            _event(K.VIEW_FREE, 1, "d:new", 1),
        ]
    )
    rollups_rebuild()
    assert ReaderIndex.objects.count() == 3
    with CaptureQueriesContext(connection) as queries:
        apply_retention.call()
    assert set(ReaderIndex.objects.values_list("key", flat=True)) == {"d:loyal", "d:new"}
    deletes = [
        q["sql"] for q in queries if q["sql"].startswith('DELETE FROM "revenue_readerindex"')
    ]
    assert deletes and all("last_day" in sql and "NOT IN" not in sql for sql in deletes), deletes


def test_bitmaps_union_counts_distinct_members():
    a, b = bitmaps.encode({0, 5, 9, 800}), bitmaps.encode({5, 12})
    assert bitmaps.count(bitmaps.union([a, b])) == 5
    assert bitmaps.count(bitmaps.union([bitmaps.encode([])])) == 0


def test_days_follow_the_publication_time_zone(settings):
    settings.TIME_ZONE = "Asia/Tokyo"
    late = timezone.now().astimezone(ZoneInfo("Asia/Tokyo")).replace(hour=0, minute=30)
    ReaderEvent.objects.create(kind=K.VIEW_FREE, created_at=late, reader_key="d:z", article_id=1)
    rollups_rebuild()
    assert DailyMetric.objects.get().day == late.date()


def test_a_rebuild_costs_statements_per_month_not_per_day():
    """Set-based: the rebuild's statements grow by a block of a month, not by the day (it was
    a dozen queries a day), and its readers agree with day-by-day updates."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from .history import write_history

    write_history(10, 8, [1, 2, 3])
    with CaptureQueriesContext(connection) as short:
        short_days = rollups_rebuild()
    write_history(60, 8, [1, 2, 3], seed=3)
    with CaptureQueriesContext(connection) as long:
        assert rollups_rebuild() > short_days + 40
    assert len(long) < 61 and len(long) - len(short) <= 16, len(long)
    rebuilt = sorted(DailyReaders.objects.values_list("day", "segment", "readers"))
    DailyReaders.objects.all().delete()
    rollups_update()  # only yesterday and today: the other days stay as rebuilt
    assert sorted(DailyReaders.objects.values_list("day", "segment", "readers")) == [
        row for row in rebuilt if row[0] >= today() - timedelta(days=1)
    ]
    week = Period(today() - timedelta(days=6), today())
    views = ReaderEvent.objects.filter(
        kind__in=[k for k in K if k.startswith("view_")] + [K.WALL_SHOWN],
        created_at__gte=_at(6, 0),
    )
    rollups_rebuild()
    assert dashboard(week)["figures"]["readers"] == views.values("reader_key").distinct().count()


def test_offer_revenue_is_money_whatever_the_database_sums_in():
    """SQLite sums decimals as floats: 14 x 0.99 came back as 13.8600000000000 on the page."""
    from decimal import Decimal as D

    from masthead.revenue.selectors import offers

    for n in range(14):
        DailyOffer.objects.create(
            day=today() - timedelta(days=n), offer="intro", started=1, revenue=D("0.99")
        )
    row = offers(Period(today() - timedelta(days=20), today()))[0]
    assert str(row["revenue"]) == "13.86"


def test_generate_reader_events_writes_about_n_events_of_the_model(capsys):
    call_command("generate_reader_events", "--events", "3000", "--days", "10")
    written = ReaderEvent.objects.count()
    assert f"Wrote {written} reader events over 10 days." in capsys.readouterr().out
    assert 1500 < written < 6000
    kinds = set(ReaderEvent.objects.values_list("kind", flat=True))
    assert {K.VIEW_COUNTED, K.WALL_SHOWN, K.SIGNUP} <= kinds
    assert DailyMetric.objects.exists() and DailyReaders.objects.exists()
    first = ReaderEvent.objects.filter(kind=K.VIEW_COUNTED, status="anonymous").earliest("id")
    assert first.remaining == first.anonymous_allowance - 1  # decided by the meter's rules
