"""Pruning the meter: counted views of closed months are deleted on a schedule.

Every cookieless visit counts its views under a new device, so the meter's ledger grows with
traffic, not with readers. A month that has closed (in the publication's time zone) never
counts again, so its rows (database) and sets (Redis) are only weight. Reader events are
kept: the revenue dashboard and ``masthead simulate`` read them.
"""

import logging
from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone

from masthead.metering import month_key

from .policy import current_policy
from .stores import MeterStoreUnavailable, get_meter_store
from .stores.database import DatabaseMeterStore

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PruneResult:
    closed_before: str  # the current month: everything before it went
    database_rows: int
    store_entries: int  # Redis sets (0 when the database is the store)


def meter_prune(now: datetime | None = None) -> PruneResult:
    """Delete the meter's views of every closed month, in the database and in the store."""
    month = month_key(now or timezone.now(), current_policy().time_zone)
    rows = DatabaseMeterStore().prune(month)  # rows stay behind if the store moved to Redis
    store = get_meter_store()
    entries = 0
    if not isinstance(store, DatabaseMeterStore):
        try:
            entries = store.prune(month)
        except MeterStoreUnavailable:
            logger.warning("meter store unavailable: closed months not pruned there")
    logger.info("meter pruned before %s: %d rows, %d store entries", month, rows, entries)
    return PruneResult(closed_before=month, database_rows=rows, store_entries=entries)
