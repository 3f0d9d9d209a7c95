"""Meter stores: where the meter's counts live, behind one narrow interface.

The backend is a settings dict, like Django's tasks and caches::

    METER_STORE = {"BACKEND": "masthead.access.stores.redis.RedisMeterStore",
                   "OPTIONS": {"url": "redis://127.0.0.1:6379/0"}}

    store = get_meter_store()
    result = store.record("d:3f2a...", "2026-11", article_id=42, limit=3)
    result.allowed, result.used, result.newly_counted   # True, 1, True
"""

from functools import cache

from django.conf import settings
from django.utils.module_loading import import_string

from .base import MeterResult, MeterStore, MeterStoreUnavailable

__all__ = [
    "MeterResult",
    "MeterStore",
    "MeterStoreUnavailable",
    "get_meter_store",
    "reset_meter_store",
]


@cache
def get_meter_store() -> MeterStore:
    config = settings.METER_STORE
    backend = import_string(config["BACKEND"])
    return backend(**config.get("OPTIONS", {}))


def reset_meter_store() -> None:
    """Forget the configured store (tests that change ``settings.METER_STORE`` call this)."""
    get_meter_store.cache_clear()
