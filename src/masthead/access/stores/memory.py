"""An in-process meter store for tests and simulations: exact within one process only.

It is the engine's own in-memory meter (``masthead.metering.Ledger``) behind a lock, so the
store and the engine's simulations share one check-and-count and one merge (a union that keeps
the source).
"""

import threading

from masthead.metering import Ledger

from .base import MeterResult, MeterStore


class MemoryMeterStore(MeterStore):
    supports_concurrency = False  # one process's memory; threads are safe

    def __init__(self, **options):
        super().__init__(**options)
        self._lock = threading.Lock()
        self._ledger = Ledger()

    def record(self, reader_key: str, month: str, article_id: int, limit: int) -> MeterResult:
        with self._lock:
            answer = self._ledger.record(reader_key, month, article_id, limit)
        return MeterResult(
            allowed=answer.allowed, used=answer.used, newly_counted=answer.newly_counted
        )

    def count(self, reader_key: str, month: str) -> int:
        with self._lock:
            return self._ledger.used(reader_key, month)

    def has_read(self, reader_key: str, month: str, article_id: int) -> bool:
        with self._lock:
            return article_id in self._ledger.counted(reader_key, month)

    def merge(self, from_key: str, to_key: str, month: str) -> int:
        with self._lock:
            return self._ledger.merge(from_key, to_key, month)

    def clear(self, reader_key: str, month: str) -> None:
        with self._lock:
            self._ledger.clear(reader_key, month)

    def prune(self, before_month: str) -> int:
        with self._lock:
            return self._ledger.prune(before_month)
