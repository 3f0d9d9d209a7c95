"""Coarser reader unions: per ISO week and per calendar month, the OR of the days' bitmaps.

A period's distinct readers are the popcount of the OR of its days' ``DailyReaders`` bitmaps;
at 10 million events a 90-day period meant 360 of them (90 days × 4 segments), each as wide
as the reader numbering. ``SpanReaders`` keeps, per week (from its Monday) and per month (from
its first) and segment, the OR of that span's daily bitmaps, so a period reads whole months,
then whole weeks, then single days at its edges: at most a dozen or so bitmaps per segment
for 90 days (``cover``), exactly the same readers.

Exactness: ``refresh(first, last)`` recomputes from the daily rows every span that holds one of
the days ``first`` to ``last``, after the rollups replace those days (updates, rebuilds,
retention), so a union is always the OR of its days' current rows. A span stands in for a
period's days only if the period holds every day of the span that has rows: from ``start``
(inside the period) to ``through`` (the span's last day with rows, at most the period's end),
so this week's union serves a period ending today.
"""

from collections.abc import Iterable
from datetime import date, timedelta

from django.db.models import Q

from . import bitmaps
from .models import DailyReaders, SpanReaders

WEEK, MONTH = "week", "month"
BATCH = 50  # union rows per INSERT (each up to the width of the reader numbering)


def span_start(span: str, day: date) -> date:
    return day - timedelta(days=day.weekday()) if span == WEEK else day.replace(day=1)


def span_end(span: str, start: date) -> date:
    if span == WEEK:
        return start + timedelta(days=6)
    following = (start.replace(day=28) + timedelta(days=4)).replace(day=1)
    return following - timedelta(days=1)


def _starts(span: str, first: date, last: date) -> list[date]:
    starts, start = [], span_start(span, first)
    while start <= last:
        starts.append(start)
        start = span_end(span, start) + timedelta(days=1)
    return starts


def _of(spans: dict[str, list[date]]) -> Q:
    """The rows of these spans (an impossible ``pk=0`` keeps the query when there are none,
    so the dashboard's query count does not depend on the period)."""
    query = Q(pk=0)
    for span, starts in spans.items():
        if starts:
            query |= Q(span=span, start__in=starts)
    return query


def refresh(first: date, last: date) -> int:
    """Recompute every week and month union holding a day from ``first`` to ``last`` from
    the daily rows (one streamed query, sorted by day; a union is written as soon as its last
    day has been read, so only the open spans are in memory). Returns the unions written."""
    spans = {span: _starts(span, first, last) for span in (WEEK, MONTH)}
    lo = min(starts[0] for starts in spans.values())
    hi = max(span_end(span, starts[-1]) for span, starts in spans.items())
    SpanReaders.objects.filter(_of(spans)).delete()
    wanted = {(span, start) for span, starts in spans.items() for start in starts}
    open_: dict[tuple[str, date], dict[str, int]] = {}
    through: dict[tuple[str, date], date] = {}
    rows: list[SpanReaders] = []
    written = 0
    daily = (
        DailyReaders.objects.filter(day__range=(lo, hi))
        .order_by("day")
        .values_list("day", "segment", "bitmap")
    )
    for day, segment, blob in daily.iterator(chunk_size=BATCH):
        rows += _close(open_, through, day)
        value = bitmaps.decode(blob)
        for span in (WEEK, MONTH):
            key = (span, span_start(span, day))
            if key in wanted:
                segments = open_.setdefault(key, {})
                segments[segment] = segments.get(segment, 0) | value
                through[key] = day
        if len(rows) >= BATCH:
            written += _write(rows)
            rows = []
    rows += _close(open_, through, None)
    return written + _write(rows)


def _close(open_: dict, through: dict, day: date | None) -> list[SpanReaders]:
    """The union rows of the open spans that end before ``day`` (all of them: ``None``)."""
    done = [key for key in open_ if day is None or span_end(*key) < day]
    rows = []
    for key in done:
        span, start = key
        for segment, value in open_.pop(key).items():
            rows.append(
                SpanReaders(
                    span=span,
                    start=start,
                    segment=segment,
                    through=through[key],
                    readers=bitmaps.count(value),
                    bitmap=bitmaps.encode_value(value),
                )
            )
    return rows


def _write(rows: list[SpanReaders]) -> int:
    SpanReaders.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


def cover(
    first: date, last: date, usable: Iterable[tuple[str, date, date]]
) -> tuple[dict[str, list[date]], list[tuple[date, date]]]:
    """How to read the days ``first`` to ``last``: the spans to use (``{span: [start, ...]}``)
    and the day ranges left to read day by day. ``usable``: ``(span, start, through)`` of the
    unions that exist. Walking from ``first``: a whole month where one starts, else a whole
    week where one starts (unless a usable month begins inside it), else the single day."""
    fits = {(span, start): through for span, start, through in usable}
    fits = {k: t for k, t in fits.items() if k[1] >= first and t <= last}
    chosen: dict[str, list[date]] = {WEEK: [], MONTH: []}
    days: list[tuple[date, date]] = []
    day = first
    while day <= last:
        span = None
        if (MONTH, day) in fits:
            span = MONTH
        elif (WEEK, day) in fits and not any(
            (MONTH, day + timedelta(days=n)) in fits for n in range(1, 7)
        ):
            span = WEEK
        if span:
            chosen[span].append(day)
            day = span_end(span, day) + timedelta(days=1)  # none has rows after ``through``
            continue
        if days and days[-1][1] == day - timedelta(days=1):
            days[-1] = (days[-1][0], day)
        else:
            days.append((day, day))
        day += timedelta(days=1)
    return chosen, days


def period_bitmaps(first: date, last: date, segments: list[str]) -> list[tuple[str, bytes]]:
    """``(segment, bitmap)`` whose OR per segment is exactly the OR of the days' bitmaps from
    ``first`` to ``last``: three queries whatever the period (the unions that fit, their
    bitmaps, the edge days' bitmaps)."""
    usable = SpanReaders.objects.filter(
        segment="all", start__range=(first, last), through__lte=last
    ).values_list("span", "start", "through")
    chosen, days = cover(first, last, list(usable))
    unions = SpanReaders.objects.filter(_of(chosen), segment__in=segments)
    edges = Q(pk=0)
    for lo, hi in days:
        edges |= Q(day__range=(lo, hi))
    daily = DailyReaders.objects.filter(edges, segment__in=segments)
    return [
        *unions.values_list("segment", "bitmap"),
        *daily.values_list("segment", "bitmap"),
    ]
