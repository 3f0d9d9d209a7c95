"""The database meter store: one ``MeterView`` row per reader, month and article.

Check-and-count is one transaction, so parallel requests from one reader, in any number of
server processes, never get more free articles than the allowance::

    BEGIN                                    -- IMMEDIATE on SQLite: takes the write lock now
    SELECT count(*), count(*) FILTER (WHERE article_id = 42)
      FROM meter_view WHERE reader_key = 'd:3f2a' AND month = '2026-11'
    -- counted already: a re-read, allowed, nothing written (one query in the transaction)
    SELECT pg_advisory_xact_lock(<hash of reader and month>)   -- PostgreSQL only
    -- ... the same SELECT again, now that no other writer for this reader and month can run
    INSERT INTO meter_view ...               -- only if the count is below the limit
    COMMIT                                   -- releases the lock

On SQLite, ``transaction_mode = IMMEDIATE`` (see settings) makes every write transaction take
the database's write lock at BEGIN, so the first count is already exact. On PostgreSQL a
reader's two first views of *different* articles would not collide on the unique constraint,
so a transaction-scoped advisory lock keyed on (reader, month) makes them take turns; the
second one counts again after the first has committed. Two first views of the *same* article
can still meet at the unique constraint (say, against a ``merge``): the loser's IntegrityError
becomes a re-read. Any other database error propagates: the database is the site.
"""

from django.db import IntegrityError, connection, transaction
from django.utils import timezone

from ..locks import serialize
from ..models import MeterView
from .base import MeterResult, MeterStore

PRUNE_BATCH = 5000


def _lock(reader_key: str, month: str) -> bool:
    """Serialize this transaction's writes for the reader's month; False where not needed."""
    return serialize(f"masthead.meter:{reader_key}:{month}")


class DatabaseMeterStore(MeterStore):
    supports_concurrency = True

    def _views(self, reader_key: str, month: str):
        return MeterView.objects.filter(reader_key=reader_key, month=month)

    # The two statements of the article path are plain SQL: building them through the ORM
    # cost more than running them (about 1 ms a view in the profile).
    def _table(self) -> str:
        return connection.ops.quote_name(MeterView._meta.db_table)

    def _tally(self, reader_key: str, month: str, article_id: int) -> tuple[int, bool]:
        """The month's count and whether ``article_id`` is in it, in one query."""
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT COUNT(*), COALESCE(SUM(CASE WHEN article_id = %s THEN 1 ELSE 0 END), 0) "  # noqa: S608 - the table name is ours
                f"FROM {self._table()} WHERE reader_key = %s AND month = %s",
                [article_id, reader_key, month],
            )
            used, seen = cursor.fetchone()
        return int(used), int(seen) > 0

    def _insert(self, reader_key: str, month: str, article_id: int) -> None:
        now = connection.ops.adapt_datetimefield_value(timezone.now())
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {self._table()} (reader_key, month, article_id, created_at) "  # noqa: S608 - the table name is ours
                "VALUES (%s, %s, %s, %s)",
                [reader_key, month, article_id, now],
            )

    def record(self, reader_key: str, month: str, article_id: int, limit: int) -> MeterResult:
        """Count the view if new and under the limit.

        A re-read, and a view over the limit, is one read outside any transaction: it takes no
        write lock (on SQLite every write transaction holds the database's one lock, so walled
        readers queued behind counted ones), and what it saw stays true for the month, since
        a month's views are only added. A view that may count reads again in the transaction,
        under the lock: three queries on SQLite (count, count, insert) and five on PostgreSQL
        (count, count, lock, count, insert)."""
        used, seen = self._tally(reader_key, month, article_id)
        if seen:
            return MeterResult(allowed=True, used=used, newly_counted=False)
        if used >= limit:
            return MeterResult(allowed=False, used=used, newly_counted=False)
        try:
            with transaction.atomic():
                used, seen = self._tally(reader_key, month, article_id)
                if not seen and _lock(reader_key, month):
                    used, seen = self._tally(reader_key, month, article_id)
                if seen:
                    return MeterResult(allowed=True, used=used, newly_counted=False)
                if used >= limit:
                    return MeterResult(allowed=False, used=used, newly_counted=False)
                self._insert(reader_key, month, article_id)
                return MeterResult(allowed=True, used=used + 1, newly_counted=True)
        except IntegrityError:
            # Another transaction counted this very article first: it is a re-read.
            return MeterResult(
                allowed=True, used=self.count(reader_key, month), newly_counted=False
            )

    def count(self, reader_key: str, month: str) -> int:
        return self._views(reader_key, month).count()

    def has_read(self, reader_key: str, month: str, article_id: int) -> bool:
        return self._views(reader_key, month).filter(article_id=article_id).exists()

    def merge(self, from_key: str, to_key: str, month: str) -> int:
        with transaction.atomic():
            _lock(to_key, month)  # so a concurrent record() for to_key counts after the union
            article_ids = self._views(from_key, month).values_list("article_id", flat=True)
            MeterView.objects.bulk_create(
                [MeterView(reader_key=to_key, month=month, article_id=a) for a in article_ids],
                ignore_conflicts=True,
            )
            return self.count(to_key, month)

    def clear(self, reader_key: str, month: str) -> None:
        self._views(reader_key, month).delete()

    def prune(self, before_month: str, batch: int = PRUNE_BATCH) -> int:
        """Delete closed months in batches, so no transaction holds SQLite's write lock long."""
        removed = 0
        while True:
            ids = list(
                MeterView.objects.filter(month__lt=before_month).values_list("pk", flat=True)[
                    :batch
                ]
            )
            if not ids:
                return removed
            removed += MeterView.objects.filter(pk__in=ids).delete()[0]
