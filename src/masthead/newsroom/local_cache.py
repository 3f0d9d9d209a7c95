"""A small in-process cache for immutable, per-revision data (snapshots, page shells).

Entries are keyed by the article's revision, so they never go stale; the shared cache still
holds them for other processes. Keeping a copy in process memory saves unpickling tens of
kilobytes from Redis or Django's local-memory cache on every view. Bounded (LRU).
"""

import threading
import time
from collections import OrderedDict

from django.core.cache import cache

MAX_ENTRIES = 512


class LocalLRU:
    def __init__(self, max_entries: int = MAX_ENTRIES):
        self._data: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()
        self.max_entries = max_entries

    def get(self, key: str):
        with self._lock:
            item = self._data.get(key)
            if item is None:
                return None
            expires, value = item
            if expires < time.monotonic():
                del self._data[key]
                return None
            self._data.move_to_end(key)
            return value

    def set(self, key: str, value, seconds: float) -> None:
        with self._lock:
            self._data[key] = (time.monotonic() + seconds, value)
            self._data.move_to_end(key)
            while len(self._data) > self.max_entries:
                self._data.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


local = LocalLRU()


def get(key: str):
    """From process memory, else from the shared cache (and remembered locally)."""
    value = local.get(key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            local.set(key, value, 300)
    return value


def set(key: str, value, seconds: float) -> None:  # noqa: A001 - mirrors cache.set
    local.set(key, value, min(seconds, 300))
    cache.set(key, value, seconds)
