"""Parallel first views from one reader never get more than the allowance, across processes.

The reader has ``LIMIT - 1`` articles counted. Two OS processes of ten threads each then ask
for twenty different new articles at once: exactly one may be counted, the rest are denied.
"""

import multiprocessing
import uuid

import pytest
from django.db import connection

from masthead.access.stores import MeterStoreUnavailable
from masthead.access.stores.redis import RedisMeterStore
from tests.access.store_support import (
    drop_redis_keys,
    record_in_threads,
    redis_store_or_skip,
    redis_test_url,
)

LIMIT = 3
MONTH = "2026-11"
PROCESSES, THREADS = 2, 10


def race(store, kind: str, **job) -> list[tuple]:
    """Count ``LIMIT - 1`` articles, then race twenty new ones across processes."""
    reader = f"d:{uuid.uuid4().hex[:12]}"
    for article in range(1, LIMIT):
        assert store.record(reader, MONTH, article, LIMIT).newly_counted
    ctx = multiprocessing.get_context("spawn")
    start, results = ctx.Barrier(PROCESSES * THREADS), ctx.Queue()
    new_articles = [1000 + n for n in range(PROCESSES * THREADS)]
    workers = [
        ctx.Process(
            target=record_in_threads,
            args=(
                {
                    **job,
                    "store": kind,
                    "db_name": connection.settings_dict["NAME"],
                    "reader": reader,
                    "month": MONTH,
                    "limit": LIMIT,
                    "articles": new_articles[p * THREADS : (p + 1) * THREADS],
                },
                start,
                results,
            ),
        )
        for p in range(PROCESSES)
    ]
    for worker in workers:
        worker.start()
    outcomes = [o for _ in workers for o in results.get(timeout=120)]
    for worker in workers:
        worker.join(timeout=30)
        assert worker.exitcode == 0
    assert [o for o in outcomes if o[1] == "error"] == []
    assert sorted(o[0] for o in outcomes) == new_articles

    winners = [o for o in outcomes if o[3]]
    assert len(winners) == 1
    assert winners[0][1:] == (True, LIMIT, True)
    assert sorted(o[1:] for o in outcomes if not o[3]) == [(False, LIMIT, False)] * 19
    assert store.count(reader, MONTH) == LIMIT
    assert [a for a in new_articles if store.has_read(reader, MONTH, a)] == [winners[0][0]]
    return outcomes


@pytest.mark.django_db(transaction=True)
def test_database_store_counts_exactly_one_of_twenty_parallel_first_views():
    from masthead.access.stores.database import DatabaseMeterStore

    race(DatabaseMeterStore(), "database")


def test_redis_store_counts_exactly_one_of_twenty_parallel_first_views():
    store = redis_store_or_skip()
    try:
        race(store, "redis", redis_url=redis_test_url(), prefix=store.prefix)
    finally:
        drop_redis_keys(store)


def test_unreachable_redis_raises_meter_store_unavailable_and_logs(caplog):
    store = RedisMeterStore(url="redis://127.0.0.1:1/0")  # nothing listens on port 1
    with pytest.raises(MeterStoreUnavailable):
        store.record("d:3f2a", MONTH, 42, limit=3)
    with pytest.raises(MeterStoreUnavailable):
        store.count("d:3f2a", MONTH)
    with pytest.raises(MeterStoreUnavailable):
        store.merge("d:3f2a", "u:7", MONTH)
    warnings = [r for r in caplog.records if r.name == "masthead.access.stores.redis"]
    assert [r.levelname for r in warnings] == ["WARNING"] * 3
    assert warnings[0].getMessage().startswith("meter store unavailable during record: ")
