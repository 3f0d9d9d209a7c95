"""An in-process meter store for tests and simulations: exact within one process only."""

import threading
from collections import defaultdict

from .base import MeterResult, MeterStore


class MemoryMeterStore(MeterStore):
    supports_concurrency = False  # one process's memory; threads are safe

    def __init__(self, **options):
        super().__init__(**options)
        self._lock = threading.Lock()
        self._views: dict[tuple[str, str], set[int]] = defaultdict(set)

    def record(self, reader_key: str, month: str, article_id: int, limit: int) -> MeterResult:
        with self._lock:
            seen = self._views[(reader_key, month)]
            if article_id in seen:
                return MeterResult(allowed=True, used=len(seen), newly_counted=False)
            if len(seen) >= limit:
                return MeterResult(allowed=False, used=len(seen), newly_counted=False)
            seen.add(article_id)
            return MeterResult(allowed=True, used=len(seen), newly_counted=True)

    def count(self, reader_key: str, month: str) -> int:
        with self._lock:
            return len(self._views.get((reader_key, month), ()))

    def has_read(self, reader_key: str, month: str, article_id: int) -> bool:
        with self._lock:
            return article_id in self._views.get((reader_key, month), ())

    def merge(self, from_key: str, to_key: str, month: str) -> int:
        with self._lock:
            target = self._views[(to_key, month)]
            target |= self._views.get((from_key, month), set())
            return len(target)

    def clear(self, reader_key: str, month: str) -> None:
        with self._lock:
            self._views.pop((reader_key, month), None)

    def prune(self, before_month: str) -> int:
        with self._lock:
            closed = [key for key in self._views if key[1] < before_month]
            for key in closed:
                del self._views[key]
            return len(closed)
