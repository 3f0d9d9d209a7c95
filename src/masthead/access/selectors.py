"""Reads of the access layer for other channels: the reader's meter as the gate counts it."""

from django.utils import timezone

from masthead.metering import MeterReading, meter_reading, month_key

from .policy import policy_for
from .readers import ReaderContext
from .stores import MeterStoreUnavailable, get_meter_store


def meter_for(ctx: ReaderContext, now=None) -> MeterReading:
    """The reader's meter this month (``/api/v1/me/``): the allowance the gate applies to them
    (``policy_for``) and the count in the gate's store, built by the same ``meter_reading`` as
    the gate's own numbers. Never creates a device; a store that is down reads as 0 used."""
    now = now or timezone.now()
    policy = policy_for(ctx)
    limit = policy.allowance_for(ctx.reader.kind)
    key = ctx.known_meter_key()
    try:
        used = get_meter_store().count(key, month_key(now, policy.time_zone)) if key else 0
    except MeterStoreUnavailable:
        used = 0
    return meter_reading(limit, used, now, policy.time_zone)
