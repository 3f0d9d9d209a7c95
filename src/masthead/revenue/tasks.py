"""Periodic tasks of revenue intelligence (registered in ``masthead.schedule``): keep the daily
rollups current, and apply the events' retention to events and rollups alike."""

from datetime import timedelta

from django.db.models import Exists, OuterRef, Q
from django_tasks import task

from masthead.events.models import ReaderEvent
from masthead.events.retention import events_delete_expired, retention_cutoff

from . import spans
from .models import DailyArticle, DailyMetric, DailyOffer, DailyReaders, ReaderIndex, SpanReaders
from .rollups import rollups_update, zone


@task()
def update_rollups() -> int:
    """Re-aggregate the days that have new events; returns how many days."""
    return rollups_update()


@task()
def apply_retention() -> int:
    """Delete events, rollup rows and reader numbers older than the retention period."""
    deleted = events_delete_expired()
    cutoff = retention_cutoff().astimezone(zone()).date() - timedelta(days=1)
    for model in (DailyMetric, DailyArticle, DailyOffer, DailyReaders):
        model.objects.filter(Q(day__lt=cutoff)).delete()
    SpanReaders.objects.filter(start__lt=cutoff).delete()
    spans.refresh(cutoff, cutoff)  # the week and month the cutoff falls in, without its past
    # Reader numbers of keys with no event left (their days' bitmaps are gone too). Only a key
    # first seen before the cutoff can have lost every event, and each is looked up in the
    # events' (reader_key, created_at) index: not the whole log against every number. A key
    # first seen on the cutoff's day waits for the next day's run.
    left = ReaderEvent.objects.filter(reader_key=OuterRef("key"))
    ReaderIndex.objects.filter(last_day__lt=cutoff).exclude(Exists(left)).delete()
    return deleted
