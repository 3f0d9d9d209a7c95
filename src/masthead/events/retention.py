"""How long reader events are kept: ``MASTHEAD_EVENT_RETENTION_DAYS`` (default 396, about 13
months). Older events are deleted in batches by a periodic task (``events_delete_expired``), so
the log never holds a reader's history longer than the publication says it does."""

from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from .models import ReaderEvent

DEFAULT_DAYS = 396
BATCH = 10_000


def retention_days() -> int:
    return int(getattr(settings, "MASTHEAD_EVENT_RETENTION_DAYS", DEFAULT_DAYS))


def retention_cutoff(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=retention_days())


def events_delete_expired(now: datetime | None = None) -> int:
    """Delete events older than the retention period; returns how many went."""
    cutoff = retention_cutoff(now)
    deleted = 0
    while True:
        ids = list(
            ReaderEvent.objects.filter(created_at__lt=cutoff).values_list("id", flat=True)[:BATCH]
        )
        if not ids:
            return deleted
        deleted += ReaderEvent.objects.filter(id__in=ids).delete()[0]
