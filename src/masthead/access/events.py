"""Recording gate decisions for the funnel, cheaply: buffered in memory, written in batches.

``record_decision`` appends to a per-process buffer; the buffer is written with one
``bulk_create`` when it holds ``BATCH_SIZE`` events or its oldest event is ``MAX_AGE`` seconds
old. A crash loses at most one batch of analytics events, never a meter count.
"""

import logging
import threading
import time

from django.conf import settings
from django.utils import timezone

logger = logging.getLogger(__name__)
BATCH_SIZE = 200
MAX_AGE = 5.0

_lock = threading.Lock()
_buffer: list = []
_oldest = 0.0


def _batch_size() -> int:
    return getattr(settings, "READER_EVENT_BATCH_SIZE", BATCH_SIZE)


def record_decision(ctx, article_id: int, decision, channel: str = "web") -> None:
    from masthead.metering import Outcome

    from .models import ReaderEvent

    key = ctx.known_meter_key() or ""
    now = timezone.now()
    kinds = []
    if decision.counted:
        kinds.append(("view_counted", ""))
    if decision.outcome == Outcome.METERED:
        kinds.append(("meter_message", ""))
    elif decision.outcome == Outcome.WALLED and decision.wall:
        kinds.append(("wall_shown", str(decision.wall)))
    elif decision.outcome == Outcome.FULL:
        kinds.append(("view_free", ""))
    events = [
        ReaderEvent(
            kind=kind,
            reader_key=key,
            status=ctx.status,
            article_id=article_id,
            wall=wall,
            channel=channel,
            created_at=now,
        )
        for kind, wall in kinds
    ]
    _append(events)


def _append(events) -> None:
    global _oldest
    with _lock:
        if not _buffer:
            _oldest = time.monotonic()
        _buffer.extend(events)
        due = len(_buffer) >= _batch_size() or time.monotonic() - _oldest > MAX_AGE
        batch = _buffer[:] if due else []
        if due:
            _buffer.clear()
    if batch:
        flush(batch)


def flush(batch=None) -> None:
    from .models import ReaderEvent

    if batch is None:
        with _lock:
            batch = _buffer[:]
            _buffer.clear()
    if not batch:
        return
    try:
        ReaderEvent.objects.bulk_create(batch)
    except Exception:  # analytics must never break a page view
        logger.exception("could not write %d reader events", len(batch))
