"""Writes of the access layer that happen outside the article path."""

import logging

from django.utils import timezone

from masthead.events.services import merge_record
from masthead.metering import month_key
from masthead.metering.keys import device_key, user_key

from .policy import current_policy
from .stores import MeterStoreUnavailable, get_meter_store

logger = logging.getLogger(__name__)


def carry_device_views_to_account(device_id: str | None, user, now=None) -> int | None:
    """When a device signs up or signs in, its counted views this month join the account's.

    A union: an article read on the device and on the account counts once. Returns the
    account's count afterwards, or None when there was nothing to carry or the store is down.
    A ``device_merged`` reader event records the carry-over.
    """
    if not device_id or user is None:
        return None
    now = now or timezone.now()
    month = month_key(now, current_policy().time_zone)
    try:
        count = get_meter_store().merge(device_key(device_id), user_key(user.pk), month)
    except MeterStoreUnavailable:
        logger.warning("meter store unavailable: device views not carried to user %s", user.pk)
        return None
    merge_record(device_key(device_id), user_key(user.pk), month, now)  # so a replay joins the keys
    return count
