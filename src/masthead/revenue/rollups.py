"""Maintaining the daily rollups from the event log.

``rollups_update`` (the periodic task) is incremental: it finds the days of events written
since its last run (ids above ``RollupState.last_event_id``), plus today and yesterday (events
of other processes may commit late, and out of id order), and re-aggregates exactly those days
from scratch — delete the day's rows, insert the new ones, in one transaction — so a day is
always either the old or the new aggregate, and running twice changes nothing.
``rollups_rebuild`` re-aggregates every day that has events (``manage rebuild_rollups``).
"""

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Max, Min, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from masthead.events.kinds import VIEW_KINDS, EventKind
from masthead.events.models import ReaderEvent

from . import bitmaps, readers
from .models import DailyArticle, DailyMetric, DailyOffer, DailyReaders, RollupState
from .sections import sections_of

STATE = "events"
K = EventKind


def zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def day_bounds(day: date) -> tuple[datetime, datetime]:
    tz = zone()
    start = datetime.combine(day, time.min, tzinfo=tz)
    end = datetime.combine(day + timedelta(days=1), time.min, tzinfo=tz)
    return start, end


def today() -> date:
    return timezone.now().astimezone(zone()).date()


def _events(day: date):
    start, end = day_bounds(day)
    return ReaderEvent.objects.filter(created_at__gte=start, created_at__lt=end)


def _metrics(day: date, events) -> list[DailyMetric]:
    rows = (
        events.values("kind", "wall", "source", "variant", "trial")
        .annotate(n=Count("id"), money=Sum("amount"))
        .order_by()
    )
    return [
        DailyMetric(
            day=day,
            kind=r["kind"],
            wall=r["wall"],
            source=r["source"],
            variant=r["variant"] or "",
            trial=r["trial"],
            events=r["n"],
            amount=r["money"] or 0,
        )
        for r in rows
    ]


def _articles(day: date, events) -> list[DailyArticle]:
    rows = list(
        events.filter(article_id__isnull=False)
        .values("article_id")
        .annotate(
            views=Count("id", filter=Q(kind__in=VIEW_KINDS)),
            counted=Count("id", filter=Q(kind=K.VIEW_COUNTED)),
            walls=Count("id", filter=Q(kind=K.WALL_SHOWN)),
            signups=Count("id", filter=Q(kind=K.SIGNUP)),
            subscriptions=Count("id", filter=Q(kind=K.SUBSCRIPTION_STARTED)),
        )
        .order_by()
    )
    sections = sections_of([r["article_id"] for r in rows])
    return [
        DailyArticle(day=day, section=sections.get(r["article_id"], ""), **r)
        for r in rows
        if r["views"] or r["signups"] or r["subscriptions"]
    ]


def _offers(day: date, events) -> list[DailyOffer]:
    sold = Q(kind__in=[K.SUBSCRIPTION_STARTED, K.TRIAL_CONVERTED])
    rows = (
        events.exclude(offer="")
        .values("offer")
        .annotate(
            shown=Count("id", filter=Q(kind=K.OFFER_SHOWN)),
            chosen=Count("id", filter=Q(kind=K.OFFER_CHOSEN)),
            checkouts=Count("id", filter=Q(kind=K.CHECKOUT_STARTED)),
            started=Count("id", filter=Q(kind=K.SUBSCRIPTION_STARTED)),
            converted=Count("id", filter=Q(kind=K.TRIAL_CONVERTED)),
            money=Sum("amount", filter=sold),
        )
        .order_by()
    )
    return [
        DailyOffer(
            day=day,
            offer=r["offer"],
            shown=r["shown"],
            chosen=r["chosen"],
            checkouts=r["checkouts"],
            started=r["started"],
            converted=r["converted"],
            revenue=r["money"] or 0,
        )
        for r in rows
    ]


def _readers(day: date) -> list[DailyReaders]:
    segments: dict[str, set[int]] = {"all": set(), "walled": set()}
    for number, wall in readers.reader_pairs(day, *day_bounds(day)):
        segments["all"].add(number)
        if wall:
            segments["walled"].add(number)
            segments.setdefault(f"wall:{wall}", set()).add(number)
    return [
        DailyReaders(day=day, segment=name, readers=len(members), bitmap=bitmaps.encode(members))
        for name, members in segments.items()
    ]


def aggregate_day(day: date) -> None:
    """Re-aggregate one day from the events, replacing its rollup rows atomically."""
    events = _events(day)
    metrics, articles = _metrics(day, events), _articles(day, events)
    offers, reader_rows = _offers(day, events), _readers(day)
    with transaction.atomic():
        for model in (DailyMetric, DailyArticle, DailyOffer, DailyReaders):
            model.objects.filter(day=day).delete()
        DailyMetric.objects.bulk_create(metrics, batch_size=500)
        DailyArticle.objects.bulk_create(articles, batch_size=500)
        DailyOffer.objects.bulk_create(offers, batch_size=500)
        DailyReaders.objects.bulk_create(reader_rows, batch_size=50)


def _days_since(last_id: int) -> set[date]:
    rows = (
        ReaderEvent.objects.filter(id__gt=last_id)
        .annotate(day=TruncDate("created_at", tzinfo=zone()))
        .values_list("day", flat=True)
        .distinct()
        .order_by()
    )
    return set(rows)


def rollups_update(progress: Callable[[Iterable[date]], Iterable[date]] | None = None) -> int:
    """Re-aggregate the days touched since the last run (and today, yesterday)."""
    state, _ = RollupState.objects.get_or_create(name=STATE)
    top = ReaderEvent.objects.aggregate(top=Max("id"))["top"] or 0
    now = today()
    days = _days_since(state.last_event_id) | {now, now - timedelta(days=1)}
    ordered = sorted(days)
    for day in progress(ordered) if progress else ordered:
        aggregate_day(day)
    RollupState.objects.filter(pk=state.pk).update(last_event_id=top, updated_at=timezone.now())
    return len(ordered)


def rollups_rebuild(progress: Callable[[Iterable[date]], Iterable[date]] | None = None) -> int:
    """Re-aggregate every day from the first event to today; drop rollups of other days."""
    bounds = ReaderEvent.objects.aggregate(first=Min("created_at"), top=Max("id"))
    if bounds["first"] is None:
        for model in (DailyMetric, DailyArticle, DailyOffer, DailyReaders):
            model.objects.all().delete()
        return 0
    first, last = bounds["first"].astimezone(zone()).date(), today()
    days = [first + timedelta(days=n) for n in range((last - first).days + 1)]
    for model in (DailyMetric, DailyArticle, DailyOffer, DailyReaders):
        model.objects.filter(Q(day__lt=first) | Q(day__gt=last)).delete()
    for day in progress(days) if progress else days:
        aggregate_day(day)
    RollupState.objects.update_or_create(name=STATE, defaults={"last_event_id": bounds["top"] or 0})
    return len(days)
