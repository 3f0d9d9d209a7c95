"""The meter store interface that every backend implements.

``record`` is the only write on the article path: count a view of an article by a reader in a
month *only if the allowance permits*, as one atomic step, and say what happened. Re-reading an
article already counted this month is always allowed and counts nothing, so ``record`` is
idempotent for re-reads.
"""

from abc import ABC, abstractmethod
from dataclasses import dataclass


class MeterStoreUnavailable(Exception):
    """The store could not be reached; the gate applies ``METER_STORE_FAILURE``."""


@dataclass(frozen=True)
class MeterResult:
    allowed: bool  # the reader may read this article in full as a metered view
    used: int  # articles counted for this reader this month, after this call
    newly_counted: bool  # this call added the article to the month's count


class MeterStore(ABC):
    """A place where counted views live. Subclasses set ``supports_concurrency``."""

    # True when check-and-count stays exact with several server processes.
    supports_concurrency: bool = True

    def __init__(self, **options):
        self.options = options

    @abstractmethod
    def record(self, reader_key: str, month: str, article_id: int, limit: int) -> MeterResult:
        """Count the view if ``article_id`` is new this month and ``used < limit``."""

    @abstractmethod
    def count(self, reader_key: str, month: str) -> int:
        """How many articles the reader has had counted this month."""

    @abstractmethod
    def has_read(self, reader_key: str, month: str, article_id: int) -> bool:
        """Whether the article is already counted for the reader this month."""

    @abstractmethod
    def merge(self, from_key: str, to_key: str, month: str) -> int:
        """Carry ``from_key``'s counted articles this month over to ``to_key`` (a union).

        Used when a device signs up or signs in. Returns ``to_key``'s count afterwards.
        """

    @abstractmethod
    def clear(self, reader_key: str, month: str) -> None:
        """Forget a reader's month (staff reset, tests)."""

    @abstractmethod
    def prune(self, before_month: str) -> int:
        """Forget every month before ``before_month`` (``YYYY-MM``), for all readers.

        Closed months never count again, so their views are only weight. Returns how many
        entries went (rows for the database, reader-month sets for Redis and memory).
        """
