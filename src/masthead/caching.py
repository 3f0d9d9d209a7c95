"""Two-level caching for the article path: process memory in front of Django's cache.

Every article view reads a handful of cached values (the meter policy, banners, navigation,
the article's route, snapshot and page shell). Going to Redis, or unpickling from Django's
local-memory cache, for each of them costs more than the rest of the view, so each process
keeps a bounded LRU copy:

* immutable data keyed by revision (snapshots, shells) stays up to ``LOCAL_SECONDS``;
* values that change (policy, banners, navigation, routes) pass ``local_seconds`` of a few
  seconds: a change made in another process reaches this one within that time, and at once in
  the process that made it (``delete`` clears both levels).
"""

import threading
import time
from collections import OrderedDict

from django.core.cache import cache

MAX_ENTRIES = 512
LOCAL_SECONDS = 300


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

    def delete(self, key: str) -> None:
        with self._lock:
            self._data.pop(key, None)

    def clear(self) -> None:
        with self._lock:
            self._data.clear()


local = LocalLRU()


def get(key: str, local_seconds: float = LOCAL_SECONDS):
    """From process memory, else from the shared cache (and remembered locally)."""
    value = local.get(key)
    if value is None:
        value = cache.get(key)
        if value is not None:
            local.set(key, value, min(local_seconds, LOCAL_SECONDS))
    return value


def set(key: str, value, seconds: float, local_seconds: float = LOCAL_SECONDS) -> None:  # noqa: A001
    local.set(key, value, min(seconds, local_seconds, LOCAL_SECONDS))
    cache.set(key, value, seconds)


def delete(*keys: str) -> None:
    for key in keys:
        local.delete(key)
    cache.delete_many(list(keys))
