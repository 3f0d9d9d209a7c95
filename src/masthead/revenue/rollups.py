"""Maintaining the daily rollups from the event log.

``rollups_update`` (the periodic task) is incremental: it finds the days of events written
since its last run (ids above ``RollupState.last_event_id``), plus today and yesterday (events
of other processes may commit late, and out of id order), and re-aggregates exactly those days
from scratch — delete the day's rows, insert the new ones, in one transaction — so a day is
always either the old or the new aggregate, and running twice changes nothing.
``rollups_rebuild`` re-aggregates every day that has events (``manage rebuild_rollups``).

Set-based: the sums of a run of up to ``BLOCK_DAYS`` consecutive days are aggregated by one
``INSERT ... SELECT ... GROUP BY day, ...`` per table (the day computed in SQL on the
publication's clock, ``connection.ops.datetime_cast_date_sql``), and the readers of all the
days by two statements (``readers``), so the cost is a few scans of the events, not queries
per day; the week and month unions of those days' reader bitmaps follow (``spans.refresh``).
Both run in one transaction holding the ``RollupState`` row's lock: updates and rebuilds never
interleave, and the dashboard reads the old rollups until a rebuild commits.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Max, Min, Q
from django.db.models.functions import TruncDate
from django.utils import timezone

from masthead.events.kinds import VIEW_KINDS, EventKind
from masthead.events.models import ReaderEvent

from . import readers, spans
from .models import (
    DailyArticle,
    DailyMetric,
    DailyOffer,
    DailyReaders,
    RollupState,
    SpanReaders,
)
from .sections import sections_of

STATE = "events"
K = EventKind
CHUNK = 500  # SQLite allows 999 parameters per statement
BLOCK_DAYS = 31  # days whose sums one statement aggregates in a rebuild
# ``progress(items, stage)`` wraps an iterable to show progress (a tqdm bar per stage).
Progress = Callable[[Iterable, str], Iterable]
WORK_MEM = "128MB"


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    tz = zone()
    start = datetime.combine(day, time.min, tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def today() -> date:
    return timezone.now().astimezone(zone()).date()


def _day_sql() -> tuple[str, tuple]:
    """SQL for an event's day on the publication's clock (and its parameters)."""
    return connection.ops.datetime_cast_date_sql("created_at", (), settings.TIME_ZONE)


def db_instant(value: datetime):  # noqa: ANN201
    """``value`` as the database compares stored instants (naive UTC text on SQLite)."""
    return connection.ops.adapt_datetimefield_value(value)


def _in(values) -> tuple[str, list[str]]:  # noqa: ANN001
    values = sorted(str(v) for v in values)
    return ", ".join(["%s"] * len(values)), values


def _insert(table: str, columns: str, select: str, params: list) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {select}", params)


def _count_if(condition: str) -> str:
    return f"SUM(CASE WHEN {condition} THEN 1 ELSE 0 END)"


def _metrics(day: str, params: list) -> None:
    _insert(
        "revenue_dailymetric",
        "day, kind, wall, source, variant, trial, events, amount",
        f"SELECT {day}, kind, wall, source, COALESCE(variant, ''), trial, COUNT(*), "  # noqa: S608
        "COALESCE(SUM(amount), 0) FROM events_readerevent "
        "WHERE created_at >= %s AND created_at < %s "
        "GROUP BY 1, kind, wall, source, COALESCE(variant, ''), trial",
        params,
    )


def _articles(day: str, params: list, first: date, last: date) -> None:
    views, view_kinds = _in(VIEW_KINDS)
    counts = {
        "views": f"kind IN ({views})",
        "counted": "kind = %s",
        "walls": "kind = %s",
        "signups": "kind = %s",
        "subscriptions": "kind = %s",
    }
    kinds = [*view_kinds, K.VIEW_COUNTED, K.WALL_SHOWN, K.SIGNUP, K.SUBSCRIPTION_STARTED]
    sums = ", ".join(_count_if(c) for c in counts.values())
    keep = " OR ".join(f"{_count_if(counts[n])} > 0" for n in ("views", "signups", "subscriptions"))
    keep_kinds = [*view_kinds, K.SIGNUP, K.SUBSCRIPTION_STARTED]
    day_params, (start, end) = params[:-2], params[-2:]
    _insert(
        "revenue_dailyarticle",
        f"day, article_id, section, {', '.join(counts)}",
        f"SELECT {day}, article_id, '', {sums} FROM events_readerevent "  # noqa: S608
        "WHERE created_at >= %s AND created_at < %s AND article_id IS NOT NULL "
        f"GROUP BY 1, article_id HAVING {keep}",
        [*day_params, *kinds, start, end, *keep_kinds],
    )
    rows = DailyArticle.objects.filter(day__range=(first, last))
    by_section: dict[str, list[int]] = defaultdict(list)
    ids = rows.values_list("article_id", flat=True).distinct().order_by()
    for article, section in sections_of(list(ids)).items():
        if section:
            by_section[section].append(article)
    for section, articles in by_section.items():
        for i in range(0, len(articles), CHUNK):
            rows.filter(article_id__in=articles[i : i + CHUNK]).update(section=section)


def _offers(day: str, params: list) -> None:
    names = ("shown", "chosen", "checkouts", "started", "converted")
    kinds = [K.OFFER_SHOWN, K.OFFER_CHOSEN, K.CHECKOUT_STARTED, K.SUBSCRIPTION_STARTED]
    kinds += [K.TRIAL_CONVERTED]
    sums = ", ".join(_count_if("kind = %s") for _ in names)
    day_params, (start, end) = params[:-2], params[-2:]
    _insert(
        "revenue_dailyoffer",
        f"day, offer, {', '.join(names)}, revenue",
        f"SELECT {day}, offer, {sums}, "  # noqa: S608 - fixed SQL
        "COALESCE(SUM(CASE WHEN kind IN (%s, %s) THEN amount END), 0) "
        "FROM events_readerevent WHERE created_at >= %s AND created_at < %s AND offer <> '' "
        "GROUP BY 1, offer",
        [*day_params, *kinds, K.SUBSCRIPTION_STARTED, K.TRIAL_CONVERTED, start, end],
    )


def _readers(
    day: str,
    day_params: tuple,
    first: date,
    last: date,
    *,
    number: bool = True,
    progress: Progress | None = None,
) -> None:
    start, end = day_bounds(first)[0], day_bounds(last)[1]
    if number:
        readers.number_readers(day, day_params, start, end)
    DailyReaders.objects.filter(day__range=(first, last)).delete()
    segments = readers.day_segments(day, day_params, day_bounds, first, last)
    rows = [
        DailyReaders(day=d, segment=name, readers=n, bitmap=blob)
        for d, day_rows in (progress(segments, "readers") if progress else segments)
        for name, n, blob in day_rows
    ]
    DailyReaders.objects.bulk_create(rows, batch_size=50)
    spans.refresh(first, last)  # the week and month unions holding these days


def _batch_settings() -> None:
    """PostgreSQL, for this transaction only: room to hash and sort a month of events in memory
    (the default 4 MB spills them to disk), and no JIT (its compile time outweighs the gain
    on these short scans)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL work_mem = '{WORK_MEM}'")
            cursor.execute("SET LOCAL jit = off")


def aggregate_days(first: date, last: date, *, with_readers: bool = True) -> None:
    """Re-aggregate the days ``first`` to ``last`` (included) from the events, set-based (a
    few statements whatever the number of days), replacing their rollup rows atomically.
    ``with_readers=False``: the sums only (a rebuild does every day's readers in one pass)."""
    day, day_params = _day_sql()
    start, end = (db_instant(t) for t in (day_bounds(first)[0], day_bounds(last)[1]))
    params = [*day_params, start, end]
    with transaction.atomic():
        _batch_settings()
        for model in (DailyMetric, DailyArticle, DailyOffer):
            model.objects.filter(day__range=(first, last)).delete()
        _metrics(day, params)
        _articles(day, params, first, last)
        _offers(day, params)
        if with_readers:
            _readers(day, day_params, first, last)


def aggregate_day(day: date) -> None:
    """Re-aggregate one day from the events, replacing its rollup rows atomically."""
    aggregate_days(day, day)


def _aggregate_all(days: Iterable[date], *, with_readers: bool = True) -> None:
    """Aggregate ``days`` (ascending) in runs of up to ``BLOCK_DAYS`` consecutive days: a
    handful of statements per run, not per day."""
    run: list[date] = []
    for day in days:
        if run and (day != run[-1] + timedelta(days=1) or len(run) == BLOCK_DAYS):
            aggregate_days(run[0], run[-1], with_readers=with_readers)
            run = []
        run.append(day)
    if run:
        aggregate_days(run[0], run[-1], with_readers=with_readers)


def _locked_state() -> RollupState:
    """The rollups' state row, locked until the transaction ends: an update and a rebuild
    never interleave (nor do two updates: each would redo the other's days)."""
    RollupState.objects.get_or_create(name=STATE)
    return RollupState.objects.select_for_update().get(name=STATE)


def _days_since(last_id: int) -> set[date]:
    rows = (
        ReaderEvent.objects.filter(id__gt=last_id)
        .annotate(day=TruncDate("created_at", tzinfo=zone()))
        .values_list("day", flat=True)
        .distinct()
        .order_by()
    )
    return set(rows)


@transaction.atomic
def rollups_update(progress: Progress | None = None) -> int:
    """Re-aggregate the days touched since the last run (and today, yesterday)."""
    state = _locked_state()
    top = ReaderEvent.objects.aggregate(top=Max("id"))["top"] or 0
    now = today()
    days = _days_since(state.last_event_id) | {now, now - timedelta(days=1)}
    ordered = sorted(days)
    _aggregate_all(progress(ordered, "days") if progress else ordered)
    RollupState.objects.filter(pk=state.pk).update(last_event_id=top, updated_at=timezone.now())
    return len(ordered)


@transaction.atomic
def rollups_rebuild(progress: Progress | None = None) -> int:
    """Re-aggregate every day from the first event to today, in one transaction (the dashboard
    reads the old rollups until it commits); drop rollups of other days."""
    _locked_state()
    bounds = ReaderEvent.objects.aggregate(first=Min("created_at"), top=Max("id"))
    if bounds["first"] is None:
        for model in (DailyMetric, DailyArticle, DailyOffer, DailyReaders, SpanReaders):
            model.objects.all().delete()
        return 0
    first, last = bounds["first"].astimezone(zone()).date(), today()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    for model in (DailyMetric, DailyArticle, DailyOffer, DailyReaders):
        model.objects.filter(Q(day__lt=first) | Q(day__gt=last)).delete()
    SpanReaders.objects.all().delete()  # ``_readers`` writes them again
    _batch_settings()
    _aggregate_all(progress(days, "sums") if progress else days, with_readers=False)
    day, day_params = _day_sql()
    _readers(day, day_params, first, last, progress=progress)
    RollupState.objects.filter(name=STATE).update(
        last_event_id=bounds["top"] or 0, updated_at=timezone.now()
    )
    return len(days)
